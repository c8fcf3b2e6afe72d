// Packaging (issue item 7) and security.md "Packaged app: fuses runAsNode off, nodeOptions
// off, nodeCliInspect off, embeddedAsarIntegrityValidation + onlyLoadAppFromAsar on".
// The config is checked against electron-builder's own schema.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown; dump(value: unknown): string };

type Target = { target: string; arch?: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  files: string[];
  extraMetadata: { main: string };
  asar: boolean;
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: Target[] };
  nsis: Record<string, unknown>;
  mac: { icon: string; target: Target[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  linux: { icon: string; target: Target[] };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true); // the asar fuses need an asar
  });

  it('identifies the app and versions its artifacts', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9]+)+$/);
    expect(config.productName).toBe('CSR Desk');
    expect(config.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}');
    expect(config.directories.output).toBe('release');
  });

  it('ships the bundles and the renderer, and nothing that needs rebuilding or downloading', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'dist/renderer/**/*', 'package.json', '!node_modules/**/*']));
    expect(config.extraMetadata.main).toBe('out/main/main.cjs');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('Windows: per-machine NSIS, the offline installer (not the web installer)', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true });
    expect(JSON.stringify(config)).not.toMatch(/nsis-web/);
  });

  it('macOS: dmg with the hardened runtime and entitlements from build/', () => {
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const f of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(f).toMatch(/^build\//);
      const plist = readFileSync(join(root, f), 'utf8');
      expect(plist).toContain('com.apple.security.cs.allow-jit');
      // Nothing that widens the hardened runtime beyond what V8 needs.
      expect(plist).not.toMatch(/disable-library-validation|allow-unsigned-executable-memory|allow-dyld-environment-variables/);
    }
  });

  it('Linux: AppImage and deb (kiosks)', () => {
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('icons exist in build/ and are what their names say', () => {
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(1);
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('npm scripts build the bundles and the installers', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build:electron']).toBe('node build/build-electron.mjs');
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(existsSync(join(root, 'scripts', 'start.mjs'))).toBe(true);
  });
});

const built = existsSync(join(root, 'out', 'main', 'main.cjs')) && existsSync(join(root, 'dist', 'renderer', 'index.html'));

describe('the packaged app (electron-builder --dir with a stand-in Electron)', () => {
  // The real Electron zip cannot be downloaded everywhere, so a stand-in binary is packaged:
  // this checks what goes into app.asar, not Electron itself (fuses need the real binary).
  it.skipIf(!built)('app.asar holds the bundles, the renderer and package.json — no node_modules, no source maps', () => {
    const work = mkdtempSync(join(tmpdir(), 'csr-pack-'));
    const fakeDist = join(work, 'electron-dist');
    mkdirSync(join(fakeDist, 'resources'), { recursive: true });
    writeFileSync(join(fakeDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(fakeDist, 'electron'), 0o755);
    writeFileSync(join(fakeDist, 'version'), 'v45.4.1');
    const { electronFuses: _fuses, ...rest } = config as unknown as Record<string, unknown>;
    const cfgFile = join(work, 'builder.yml');
    writeFileSync(cfgFile, yaml.dump({ ...rest, electronDist: fakeDist, directories: { output: join(work, 'release'), buildResources: 'build' } }));
    const r = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--projectDir', root, '--config', cfgFile, '--linux', 'dir', '--publish', 'never'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr || r.stdout).toBe(0);
    const asar = require('@electron/asar') as { listPackage(p: string): string[]; extractFile(p: string, f: string): Buffer };
    const archive = join(work, 'release', 'linux-unpacked', 'resources', 'app.asar');
    const files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/out/main/main.cjs', '/out/preload/preload.cjs', '/dist/renderer/index.html', '/package.json']));
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx)$/.test(f))).toEqual([]);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string; scripts?: unknown };
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(pkg.scripts).toBeUndefined();
  }, 150_000);
});
