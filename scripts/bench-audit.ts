// `npm run bench:audit [-- --entries 100000 --appends 2000]`: the audit log's speed.
//  1. append latency, one entry per call, fsync included (WAL, synchronous=FULL), with the
//     head signed in the same transaction: p50, p95, p99 over --appends calls, measured on a
//     log that already holds --entries entries;
//  2. verify throughput over the whole log (chain, checkpoints, head);
//  3. list / count with filters at that size (what the supervisor screen asks for).
// The file lives in the OS temp folder (same disk as a data folder on these machines).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog } from '../main/core/audit/log';
import { MemorySecretStore } from '../main/core/secrets/secretStore';
import type { AuditInput } from '../main/core/audit/types';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

const ENTRIES = arg('entries', 100_000);
const APPENDS = arg('appends', 2000);
const ops = [
  { id: 'kari', displayName: 'Kari Nordmann', role: 'agent' as const },
  { id: 'ola', displayName: 'Ola Hansen', role: 'agent' as const },
  { id: 'ingrid', displayName: 'Ingrid Berg', role: 'supervisor' as const },
];
const entry = (i: number): AuditInput => ({
  kind: i % 2 ? 'intent' : 'outcome',
  operator: ops[i % ops.length]!,
  action: ['comment.add', 'billingGroup.modify', 'address.changePerm'][i % 3]!,
  accountNo: 10_000 + (i % 2000),
  requestId: `req-${Math.ceil(i / 2)}`,
  profile: 'sandbox',
  before: i % 3 === 1 ? { billingGroupName: `Gruppe ${i - 1}`, notifyMethod: 'HTML' } : null,
  after: i % 3 === 1 ? { billingGroupName: `Gruppe ${i}`, notifyMethod: 'PDF' } : { text: `Kunden ringte om faktura ${i}, ønsket utsettelse.` },
  outcome: i % 2 ? null : 'APPLIED',
  reason: i % 5 === 0 ? 'Kunden ba om det' : null,
  detail: null,
});

const dir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
const secrets = new MemorySecretStore();
const log = openAuditLog({ dataDir: dir, secrets });
await log.ready;

console.log(`Audit log benchmark: ${ENTRIES} entries, then ${APPENDS} single appends (node ${process.version})`);
let t = performance.now();
for (let i = 1; i <= ENTRIES; i += 1000) log.appendBatch(Array.from({ length: Math.min(1000, ENTRIES - i + 1) }, (_, k) => entry(i + k)));
console.log(`fill ${ENTRIES} in batches of 1,000: ${((performance.now() - t) / 1000).toFixed(1)} s`);

const lat: number[] = [];
for (let i = 0; i < APPENDS; i++) {
  const s = performance.now();
  log.append(entry(ENTRIES + i + 1));
  lat.push(performance.now() - s);
}
console.log(`append (fsync, head signed), ${APPENDS} calls: p50 ${ms(q(lat, 0.5))}  p95 ${ms(q(lat, 0.95))}  p99 ${ms(q(lat, 0.99))}  max ${ms(Math.max(...lat))}`);

t = performance.now();
const v = log.verify();
const verifyMs = performance.now() - t;
console.log(
  `verify ${v.entries} entries, ${v.checkpoints} checkpoints: ${ms(verifyMs)} (${Math.round(v.entries / (verifyMs / 1000)).toLocaleString('en')} entries/s) ok=${v.ok}`,
);

const timed = (label: string, fn: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    fn();
    xs.push(performance.now() - s);
  }
  console.log(`${label}: p50 ${ms(q(xs, 0.5))}  p95 ${ms(q(xs, 0.95))}`);
};
const total = log.lastSeq();
timed('list newest 200', () => log.list({ order: 'desc', limit: 200 }));
timed('list 200 at the far end (offset total-200)', () => log.list({ order: 'desc', limit: 200, offset: total - 200 }));
timed('count + list, text "utsettelse"', () => (log.count({ text: 'utsettelse' }), log.list({ text: 'utsettelse', order: 'desc', limit: 200 })));
timed('count + list, operator + account', () => (log.count({ operatorId: 'kari', accountNo: 10_001 }), log.list({ operatorId: 'kari', accountNo: 10_001, order: 'desc', limit: 200 })));
const size = statSync(join(dir, 'audit.sqlite')).size;
console.log(`file: ${(size / 1024 / 1024).toFixed(1)} MB (${Math.round(size / total)} bytes per entry)`);
log.close();
rmSync(dir, { recursive: true, force: true });
