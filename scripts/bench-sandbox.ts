// `npm run bench:sandbox -- [--sizes 100000,1000000] [--queries 300] [--seed 1] [--rebuild]`
// Measures the sandbox against performance.md and prints a table (a report, not a test):
//   build   seeding time of a database of that size (built once, cached under .tmp/bench/)
//   start   process start to first answered request on the existing file (median of 3)
//   search  ≥ 200 mixed signed HTTP searches (name, email, phone, postal code, partial term,
//           and the quick search's ranked words: a surname, surname + city, first + last,
//           surname + first name, a surname with one typo), 50-row pages: p50/p95 per kind,
//           client round trip and the server's own time
//   RSS     the sandbox process's resident memory after the searches (and its peak)
// Shared machines are noisy: read medians and the ratio to each target, not one number.
import { spawn, type ChildProcess } from 'node:child_process';
import { scriptNodeFlags } from './script-flags.mjs';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signerFor } from '../main/core/amps/signer';
import { DEMO_CLIENT } from '../main/sandbox/index';
import { SCHEMA_VERSION } from '../main/sandbox/db/migrations';
import { createPrng } from '../main/sandbox/seed/prng';
import { generateAccount, initialCounters } from '../main/sandbox/seed/generate';
import { ENDPOINT_PATH_PREFIX } from '../shared/amps';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    rebuild: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
const queryCount = Math.max(200, Number(values.queries));
const seed = Number(values.seed);
const benchDir = join('.tmp', 'bench');
mkdirSync(benchDir, { recursive: true });
const cli = ['--import', 'tsx', 'main/sandbox/cli.ts'];
/** Node's flags as `npm run sandbox` runs the sandbox (package.json): what is measured first. */
const SCRIPT_FLAGS = scriptNodeFlags('sandbox');
/** The comparison: the same searches with V8's default young generation. */
const DEFAULT_FLAGS = 'default V8 young generation';
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

function run(args: string[], onLine: (line: string) => void, nodeFlags: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, ...cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  const feed = (chunk: Buffer) => {
    buf += chunk.toString();
    const parts = buf.split(/[\r\n]/);
    buf = parts.pop()!;
    for (const l of parts) if (l.trim()) onLine(l);
  };
  child.stdout!.on('data', feed);
  child.stderr!.on('data', feed);
  return child;
}

interface Built {
  seconds: number;
  cpu: string;
  load: string;
  cached: boolean;
}

async function build(file: string, accounts: number): Promise<Built> {
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta) && !values.rebuild) return { ...(JSON.parse(readFileSync(meta, 'utf8')) as Omit<Built, 'cached'>), cached: true };
  rmSync(file, { force: true });
  const started = performance.now();
  const loadBefore = load();
  let cpu = '';
  let last = 0;
  const child = run(['--db', file, '--accounts', String(accounts), '--seed', String(seed), '--build-only'], (line) => {
    if (/seeding .*%/.test(line)) {
      const pct = Number(/\((\d+)%/.exec(line)?.[1] ?? 0);
      if (pct >= last + 10) {
        console.log(`  ${line.trim()}`);
        last = pct;
      }
    } else if (/ in [\d.]+ s|ready/.test(line)) {
      cpu = /\(([\d.]+ s CPU)/.exec(line)?.[1] ?? cpu;
      console.log(`  ${line.trim()}`);
    }
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`building ${file} failed (exit ${code})`);
  const seconds = (performance.now() - started) / 1000;
  const result = { seconds, cpu, load: `${loadBefore} → ${load()}` };
  writeFileSync(meta, JSON.stringify(result));
  return { ...result, cached: false };
}

// requestDateTime with milliseconds, each request its own: identical searches within one
// second would otherwise carry the same signature, which the sandbox refuses as a replay.
let clock = 0;
function signed(endpoint: string, payload: Record<string, unknown>): string {
  clock = Math.max(clock + 1, Date.now());
  const fields = { clientNo: DEMO_CLIENT.clientNo, requestDateTime: new Date(clock).toISOString().slice(0, 23), ariaAccountID: '', ariaAccountNo: 0, userID: 'bench' };
  const body: Record<string, unknown> = { ...payload };
  const signatureValue = signerFor('2.0')!.sign({ endpoint, fields, body }, DEMO_CLIENT.signingSecret);
  body.msgAuthDetails = { ...fields, authKey: DEMO_CLIENT.authKey, signatureValue, signatureVersion: '2.0' };
  return JSON.stringify(body);
}

async function search(url: string, criteria: Record<string, unknown>): Promise<{ ms: number; rows: number; code: number }> {
  const { fullNameAsWords, ...rest } = criteria;
  const body = signed('AcctSearchAccount', { ...rest, acctSearchAccountSpecDetails: { returnLimitRows: 50, ...(fullNameAsWords ? { fullNameAsWords } : {}) } });
  const t = performance.now();
  const res = await fetch(`${url}${ENDPOINT_PATH_PREFIX}AcctSearchAccount`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { resultInfo: { resultCode: number }; acctSearchAccountResponseDetails?: { accountResultSet: unknown[] } };
  return { ms: performance.now() - t, rows: json.acctSearchAccountResponseDetails?.accountResultSet.length ?? 0, code: json.resultInfo.resultCode };
}

interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
  serverTimes: number[];
}

async function start(file: string, nodeFlags: string[] = []): Promise<Server> {
  const serverTimes: number[] = [];
  const t0 = performance.now();
  let resolveUrl!: (u: string) => void;
  const urlReady = new Promise<string>((r) => (resolveUrl = r));
  const child = run(['--db', file, '--port', '0'], (line) => {
    const u = /^SANDBOX_URL=(.*)$/.exec(line);
    if (u) resolveUrl(u[1]!);
    const s = /AcctSearchAccount → -?\d+ in ([\d.]+) ms/.exec(line);
    if (s) serverTimes.push(Number(s[1]));
  }, nodeFlags);
  const url = await urlReady;
  const first = await search(url, { acctSearchAccountContactCriteria: { lastName: 'hansen' } });
  if (first.code < 0) throw new Error(`first search failed: ${first.code}`);
  return { url, child, startMs: performance.now() - t0, serverTimes };
}

function rss(pid: number): { now: string; peak: string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { now: `${kb('VmRSS').toFixed(0)} MB`, peak: `${kb('VmHWM').toFixed(0)} MB` };
  } catch {
    return { now: 'n/a', peak: 'n/a' };
  }
}

type Kind = 'name' | 'email' | 'phone' | 'postal code' | 'partial term' | 'ranked words';
function queries(n: number): { kind: Kind; criteria: Record<string, unknown> }[] {
  const r = createPrng(seed + 1000);
  const g = createPrng(seed);
  const c = initialCounters();
  const pool = Array.from({ length: 5000 }, (_, i) => generateAccount(g, i + 1, c));
  const kinds: Kind[] = ['name', 'email', 'phone', 'postal code', 'partial term', 'ranked words'];
  return Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const o = r.pick(pool).contacts[0]!;
    // 3–5 characters from inside one word ("ans" of Hansen, "rkev" of Kirkeveien).
    const part = (s: string) => {
      const word = r.pick(s.split(/\s+/).filter((w) => w.length >= 3).concat(['hansen']));
      const len = r.int(3, Math.min(5, word.length));
      const at = r.int(0, word.length - len);
      return word.slice(at, at + len);
    };
    // The quick search's name kind (D40): words as a caller says them, one letter doubled as a typo.
    const typo = (w: string) => {
      const at = r.int(1, w.length - 1);
      return w.slice(0, at) + w[at] + w.slice(at);
    };
    const words = () =>
      r.pick([
        o.last_name,
        `${o.last_name} ${o.postal_city.toLowerCase()}`,
        `${o.first_name} ${o.last_name}`,
        `${o.last_name} ${o.first_name}`,
        typo(o.last_name),
      ]);
    switch (kind) {
      case 'ranked words':
        return { kind, criteria: { acctSearchAccountContactCriteria: { fullName: words() }, fullNameAsWords: true } };
      case 'name': return { kind, criteria: { acctSearchAccountContactCriteria: { firstName: o.first_name, lastName: o.last_name } } };
      case 'email': return { kind, criteria: { acctSearchAccountCriteria: { emailAddress: o.email || `${o.first_name.toLowerCase()}@gmail.com` } } };
      case 'phone': return { kind, criteria: { acctSearchAccountCriteria: { phoneNumber: (o.cell_phone || '+4791234567').replace('+47', '') } } };
      case 'postal code': return { kind, criteria: { acctSearchAccountContactCriteria: { postalCode: o.postal_code } } };
      default: return { kind, criteria: { acctSearchAccountContactCriteria: r.pick([{ lastName: part(o.last_name) }, { streetName: part(o.street_name) }, { postalCity: part(o.postal_city) }]) } };
    }
  });
}

const rows: string[] = [];
const table = (cells: string[]) => rows.push(`| ${cells.join(' | ')} |`);
for (const size of sizes) {
  const file = join(benchDir, `sandbox-${size}-seed${seed}-v${SCHEMA_VERSION}.sqlite`);
  console.log(`\n== ${size.toLocaleString('en')} accounts (${file})`);
  const built = await build(file, size);
  // performance.md sets 60 s for 1M accounts only.
  const buildTarget = size === 1_000_000 ? `${(built.seconds / 60).toFixed(2)}× of 60 s` : '';
  table([size.toLocaleString('en'), `seed (build${built.cached ? ', cached from an earlier run' : ''})`, `${built.seconds.toFixed(1)} s`, `${built.cpu}; load avg ${built.load}`, buildTarget]);
  const startTimes: number[] = [];
  let server: Server | undefined;
  for (let i = 0; i < 3; i++) {
    server?.child.kill();
    server = await start(file, SCRIPT_FLAGS);
    startTimes.push(server.startMs);
  }
  table([size.toLocaleString('en'), 'start → first answer', `median ${ms(q(startTimes, 0.5))}`, `(${startTimes.map((t) => t.toFixed(0)).join(', ')} ms)`, `${(q(startTimes, 0.5) / 2000).toFixed(2)}× of 2 s`]);
  const s = server!;
  const mix = queries(queryCount + 20);
  for (const w of mix.slice(0, 20)) await search(s.url, w.criteria); // warm-up
  s.serverTimes.length = 0;
  const by = new Map<Kind, { ms: number[]; rows: number[] }>();
  const all: number[] = [];
  for (const { kind, criteria } of mix.slice(20)) {
    const res = await search(s.url, criteria);
    if (res.code < 0) throw new Error(`${kind} search failed with ${res.code}: ${JSON.stringify(criteria)}`);
    const e = by.get(kind) ?? { ms: [], rows: [] };
    e.ms.push(res.ms);
    e.rows.push(res.rows);
    by.set(kind, e);
    all.push(res.ms);
  }
  const target = size >= 1_000_000 ? 50 : 30;
  for (const [kind, e] of by)
    table([size.toLocaleString('en'), `search: ${kind} (n=${e.ms.length}, avg ${(e.rows.reduce((a, b) => a + b, 0) / e.rows.length).toFixed(1)} rows)`, `p50 ${ms(q(e.ms, 0.5))}`, `p95 ${ms(q(e.ms, 0.95))}`, '']);
  table([size.toLocaleString('en'), `search: all (n=${all.length}), HTTP round trip`, `p50 ${ms(q(all, 0.5))}`, `p95 ${ms(q(all, 0.95))}`, `${(q(all, 0.95) / target).toFixed(2)}× of ${target} ms`]);
  table([size.toLocaleString('en'), 'search: all, time inside the sandbox', `p50 ${ms(q(s.serverTimes, 0.5))}`, `p95 ${ms(q(s.serverTimes, 0.95))}`, size < 1_000_000 ? `${(q(s.serverTimes, 0.95) / 20).toFixed(2)}× of 20 ms` : '']);
  const mem = rss(s.child.pid!);
  table([size.toLocaleString('en'), `sandbox RSS after searches (npm run sandbox: node ${SCRIPT_FLAGS.join(' ')})`, mem.now, `peak ${mem.peak}`, mem.peak === 'n/a' ? '' : `${(Number.parseFloat(mem.peak) / 150).toFixed(2)}× of 150 MB`]);
  s.child.kill();
  // The same searches once more in a process with V8's default young generation: what the
  // flag saves, and what it costs in speed.
  const plain = await start(file, []);
  for (const w of mix.slice(0, 20)) await search(plain.url, w.criteria); // warm-up
  const allDefault: number[] = [];
  for (const { criteria } of mix.slice(20)) allDefault.push((await search(plain.url, criteria)).ms);
  table([size.toLocaleString('en'), `search: all (n=${allDefault.length}), HTTP round trip (${DEFAULT_FLAGS})`, `p50 ${ms(q(allDefault, 0.5))}`, `p95 ${ms(q(allDefault, 0.95))}`, `${(q(allDefault, 0.95) / target).toFixed(2)}× of ${target} ms`]);
  const memDefault = rss(plain.child.pid!);
  table([size.toLocaleString('en'), `sandbox RSS after searches (${DEFAULT_FLAGS})`, memDefault.now, `peak ${memDefault.peak}`, memDefault.peak === 'n/a' ? '' : `${(Number.parseFloat(memDefault.peak) / 150).toFixed(2)}× of 150 MB`]);
  plain.child.kill();
  table([size.toLocaleString('en'), 'load average during this size', load(), '', '']);
}

console.log('\n| accounts | measure | value | detail | vs target |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus().length} CPUs; targets from docs/performance.md`);
