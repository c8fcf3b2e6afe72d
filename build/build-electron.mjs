#!/usr/bin/env node
// `npm run build:electron`: bundles the Electron entry points with Vite (Rolldown):
//   out/main/main.cjs                 main process (main/electron/main.ts + main/core)
//   out/preload/preload.cjs           preload; sandboxed, so one file whose only import is electron
//   out/sandbox-host/sandboxHost.cjs  the embedded sandbox's utilityProcess entry
// Everything but electron and Node's built-ins is bundled: the packaged app ships no node_modules.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * The preload needs only the channel names, not the zod schemas: this plugin serves
 * shared/ipc/contract.ts to the preload build as the list of its keys, computed from the
 * real contract at build time (so the two cannot drift).
 */
function channelListOnly(channels) {
  const contractFile = join(root, 'shared', 'ipc', 'contract.ts');
  return {
    name: 'csr-channel-list-only',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== contractFile) return null;
      return `export const CHANNELS = ${JSON.stringify(channels)};\nexport const isChannel = (n) => CHANNELS.includes(n);\n`;
    },
  };
}

async function channelNames() {
  // Vite's SSR loader evaluates the TypeScript contract in Node.
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: false, root, logLevel: 'silent', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  try {
    const mod = await server.ssrLoadModule(join(root, 'shared', 'ipc', 'contract.ts'));
    return mod.CHANNELS;
  } finally {
    await server.close();
  }
}

function bundle({ entry, outDir, fileName, external, plugins = [] }) {
  return build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins,
    define: { __CSR_VERSION__: JSON.stringify(pkg.version) },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external: (id) => external(id),
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

const started = performance.now();
rmSync(join(root, 'out'), { recursive: true, force: true });
const channels = await channelNames();
const mainExternal = (id) => id === 'electron' || nodeBuiltins.has(id);
await bundle({ entry: 'main/electron/main.ts', outDir: 'out/main', fileName: 'main.cjs', external: mainExternal });
await bundle({ entry: 'main/electron/preload.ts', outDir: 'out/preload', fileName: 'preload.cjs', external: (id) => id === 'electron', plugins: [channelListOnly(channels)] });
await bundle({ entry: 'main/electron/sandboxHost.ts', outDir: 'out/sandbox-host', fileName: 'sandboxHost.cjs', external: mainExternal });

const size = (f) => `${(statSync(join(root, f)).size / 1024).toFixed(1)} KB`;
console.log(
  `build:electron: out/main/main.cjs ${size('out/main/main.cjs')}, out/preload/preload.cjs ${size('out/preload/preload.cjs')}, ` +
    `out/sandbox-host/sandboxHost.cjs ${size('out/sandbox-host/sandboxHost.cjs')} (${channels.length} channels) in ${Math.round(performance.now() - started)} ms`,
);
