// Packaging (issue item 7) and security.md "Packaged app: fuses runAsNode off, nodeOptions
// off, nodeCliInspect off, embeddedAsarIntegrityValidation + onlyLoadAppFromAsar on".
// The config is checked against electron-builder's own schema.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

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
