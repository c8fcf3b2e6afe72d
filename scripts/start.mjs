#!/usr/bin/env node
// `npm start`: builds the renderer, then runs the desktop app in Electron when its binary
// is present (or can be fetched now); where it cannot be had, says so in one line and
// serves the same app through the loopback web host instead, in the foreground.
//   npm start                 desktop app (or the browser fallback)
//   npm start -- --kiosk      kiosk mode (both)
// Environment: ELECTRON_SKIP_BINARY_DOWNLOAD=1 never tries to fetch Electron;
// CSR_ELECTRON_FETCH_TIMEOUT_MS bounds the attempt (default 120000).
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { scriptNodeFlags } from './script-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function tryFetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const r = spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: 'ignore',
    timeout: Number(process.env.CSR_ELECTRON_FETCH_TIMEOUT_MS ?? 120_000),
  });
  return r.status === 0;
}

/** Runs a child in the foreground: signals go to it, its exit code becomes ours. */
function foreground(cmd, cmdArgs, env) {
  // Node and Electron are executables: no shell, so a path with spaces (C:\Program Files\…)
  // stays one argument. Only a Windows .cmd needs one.
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' && /\.cmd$/i.test(cmd) });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

run(npm, ['run', '-s', 'build:renderer']);

let electron = electronBinary(root);
if (!electron && tryFetchElectron()) electron = electronBinary(root);

if (electron) {
  run(npm, ['run', '-s', 'build:electron']);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // it would turn Electron into plain Node
  foreground(electron, [join(root, 'out', 'main', 'main.cjs'), ...args], env);
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded); serving the same app in your browser instead.');
  const env = { ...process.env, ...(args.includes('--kiosk') ? { CSR_KIOSK: '1' } : {}) };
  // As `npm run web` runs it (package.json): Node's flags from that script, tsx for the source.
  foreground(process.execPath, [...scriptNodeFlags('web', root), '--import', 'tsx', join(root, 'main', 'web-host', 'cli.ts')], env);
}
