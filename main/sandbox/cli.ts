// `npm run sandbox -- [--port 8080] [--db .tmp/sandbox.sqlite] [--accounts 5000] [--seed 1]
//   [--client-no N --auth-key K --secret S] [--host 127.0.0.1] [--build-only]`
// Starts the AMPS sandbox; a new --db file is built and seeded first (with progress), an
// existing one is reused as it is. --build-only builds the file and exits.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNTS, DEFAULT_SEED, DEMO_CLIENT, startSandbox, type SandboxClient } from './index';
import { openSandboxDatabase } from './db/open';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8480' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.tmp/sandbox.sqlite' },
    accounts: { type: 'string', default: String(DEFAULT_ACCOUNTS) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'client-no': { type: 'string' },
    'auth-key': { type: 'string' },
    secret: { type: 'string' },
    'build-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

const int = (name: string, v: string, min: number) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
  return n;
};

if (values.help) {
  console.log('npm run sandbox -- [--port N (0 = any)] [--host H] [--db FILE] [--accounts N] [--seed N] [--client-no N --auth-key K --secret S] [--build-only]');
  process.exit(0);
}

const accounts = int('accounts', values.accounts, 0);
const seed = int('seed', values.seed, 0);
const clients: SandboxClient[] = [];
if (values['client-no'] || values['auth-key'] || values.secret) {
  if (!values['client-no'] || !values['auth-key'] || !values.secret) fail('--client-no, --auth-key and --secret go together');
  clients.push({ clientNo: int('client-no', values['client-no'], 1), authKey: values['auth-key'], signingSecret: values.secret });
}

const exists = values.db !== ':memory:' && existsSync(values.db);
let lastPct = -1;
const started = Date.now();
const onSeedProgress = (done: number, total: number) => {
  const pct = Math.floor((done / total) * 100);
  if (pct === lastPct) return;
  lastPct = pct;
  const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
  process.stdout.write(`\rsandbox: seeding ${done.toLocaleString('en')} / ${total.toLocaleString('en')} accounts (${pct}%, ${Math.round(rate).toLocaleString('en')}/s)`);
  if (done === total) process.stdout.write('\n');
};
const log = (line: string) => console.log(line);
if (!exists) console.log(`sandbox: building ${values.db} with ${accounts.toLocaleString('en')} demo accounts (seed ${seed})`);
else console.log(`sandbox: using the existing database ${values.db} (not re-seeded)`);

// The search index of a new file is built in a worker thread, in parallel with the tables.
const searchWorkerScript = new URL('./seed/searchWorker.ts', import.meta.url);
if (values['build-only']) {
  openSandboxDatabase({ file: values.db, accounts, seed, onSeedProgress, log, searchWorkerScript }).db.close();
  const cpu = process.cpuUsage();
  console.log(`sandbox: ${values.db} is ready (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU over all threads)`);
} else {
  // Training credentials only when no credentials of its own were given (D22).
  const training = clients.length === 0;
  const sandbox = await startSandbox({
    port: int('port', values.port, 0), host: values.host, dbFile: values.db, accounts, seed, clients, trainingCredentials: training, log, onSeedProgress, searchWorkerScript,
  });
  console.log(`sandbox: AMPS Account Management at ${sandbox.url}/PostDataToFlow/ARIAMediaSuite/AccountManagement/<Name>`);
  if (training) console.log(`sandbox: training credentials: clientNo ${DEMO_CLIENT.clientNo}, authKey ${DEMO_CLIENT.authKey}, signing secret ${DEMO_CLIENT.signingSecret}`);
  else console.log(`sandbox: accepting client ${clients[0]!.clientNo} only (the credentials given); the training credentials are off`);
  console.log(`SANDBOX_URL=${sandbox.url}`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
