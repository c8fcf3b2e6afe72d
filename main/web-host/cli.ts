// `npm run web` (and `npm start` where Electron cannot run): the app in a browser over
// loopback, on the embedded sandbox by default. Environment:
//   CSR_DATA_DIR           where settings, secrets and the sandbox database live (.tmp/app-data)
//   CSR_PORT               port (default: a free one)
//   CSR_SANDBOX_ACCOUNTS   demo accounts when the sandbox database is created (5000)
//   CSR_SANDBOX_SEED       demo data seed (1)
//   CSR_KIOSK=1            kiosk mode
//   CSR_IDLE_LOCK_SECONDS  the desk locks after this long without input (900; kiosk: CSR_KIOSK_IDLE_LOCK_SECONDS, 120)
//   CSR_DEMO_OPERATORS=1   seed the demo operators (tests and training only; README lists them)
//   CSR_TOKEN              fixed session token (tests only)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../core/app';
import { idleLockFromEnv } from '../core/session/idle';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../core/secrets/encryptedFileStore';
import { startWebHost } from './server';
import { sandboxChild } from './sandboxChild';

const env = process.env;
const dataDir = resolve(env.CSR_DATA_DIR ?? '.tmp/app-data');
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const log = (line: string) => {
  if (env.CSR_VERBOSE) console.log(line);
};

// The embedded sandbox runs in a child process of its own, as in the desktop app.
const sandbox = sandboxChild({
  dbFile: join(dataDir, 'sandbox.sqlite'),
  accounts: Number(env.CSR_SANDBOX_ACCOUNTS ?? 5000),
  seed: Number(env.CSR_SANDBOX_SEED ?? 1),
  log,
});
const secrets = new EncryptedFileSecretStore(join(dataDir, 'secrets.json'), loadOrCreateKeyFile(join(dataDir, 'secret.key')));
const demoOperators = env.CSR_DEMO_OPERATORS === '1';
const core = createCore({ dataDir, secrets, transport: 'web', version, kiosk: env.CSR_KIOSK === '1', sandbox, log, demoOperators, ...idleLockFromEnv(env) });
for (const p of core.problems()) console.warn(`CSR Desk: ${p.path}: ${p.message} The app offers to move it aside.`);
if (demoOperators) console.log('Demo operators are enabled (CSR_DEMO_OPERATORS=1): for tests and training only.');

const host = await startWebHost({
  router: core.router,
  staticDir: resolve('dist/renderer'),
  ...(env.CSR_PORT ? { port: Number(env.CSR_PORT) } : {}),
  ...(env.CSR_TOKEN ? { token: env.CSR_TOKEN } : {}),
  log,
});
console.log(`CSR Desk is running at ${host.launchUrl}`);
console.log('Open that link in a browser (it carries this launch’s session token). Ctrl+C stops it.');

// Warm up the embedded sandbox in the background; the page is already being served.
const warm = performance.now();
if (!core.problems().length)
  core.connection
  .client()
  .then((c) => console.log(`Sandbox ready at ${c.baseUrl} (${Math.round(performance.now() - warm)} ms)`))
  .catch((e: unknown) => console.error(`The embedded sandbox did not start: ${e instanceof Error ? e.message : String(e)}`));

const stop = async () => {
  await host.close();
  core.close(); // the audit log's closing checkpoint
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
