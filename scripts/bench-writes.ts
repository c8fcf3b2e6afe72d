// `npm run bench:writes`: the write pipeline's speed targets (issue 8).
//  1. queueing a write, fsync included (offline by choice, so nothing is sent): p50 / p95,
//     goal p95 ≤ 5 ms;
//  2. replay throughput to the sandbox (the queued writes, per-account FIFO over several
//     accounts, signed and sent, each stored durably as applied): goal ≥ 100 writes/s;
//  3. router overhead of authorization + audit per write: the router's call (validation,
//     the authorize hook, the channel) over a stand-in pipeline, plus the time the real
//     pipeline spent in the audit log for that write before answering (its intent, in 1);
//     goal ≤ 1 ms p95. Also shown: the audit time after the answer (the "queued" note and
//     the outcome on replay, shared in group commits), and the worst case of two separate
//     audit appends (an fsync each) per write.
// Machines here are shared and noisy: medians and p95 of one run, side by side.
//   npm run bench:writes -- [--writes 600] [--accounts 30]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AmpsClient } from '../main/core/amps/client';
import type { AuditLog } from '../main/core/audit/types';
import { memoryAuditLog } from '../main/core/outbox/memoryAudit';
import { openAuditLog } from '../main/core/audit/log';
import { MemorySecretStore } from '../main/core/secrets/secretStore';
import { WritePipeline } from '../main/core/outbox/pipeline';
import { OutboxStore } from '../main/core/outbox/store';
import { createRouter, type Handlers } from '../main/core/router';
import { commentHandlers } from '../main/core/services/comments';
import type { Writes } from '../main/core/outbox/answer';
import type { ServiceContext } from '../main/core/services/context';
import { startSandbox } from '../main/sandbox/index';
import { CHANNELS, contract } from '../shared/ipc';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(3)} ms`;
const CREDS = { clientNo: 7272, authKey: 'bench-writes-auth', signingSecret: 'bench-writes-secret' };
const OPERATOR = { id: 'bench.agent', displayName: 'Bench Agent', role: 'agent' as const };

/** The audit log the pipeline is given: the desk's own (hash-chained, fsynced), or --memory-audit. */
async function auditLog(dir: string): Promise<{ log: AuditLog; kind: string }> {
  if (process.argv.includes('--memory-audit')) return { log: memoryAuditLog(), kind: 'in-memory audit log' };
  const log = openAuditLog({ dataDir: dir, secrets: new MemorySecretStore() });
  await log.ready;
  return { log, kind: "the desk's audit log (node:sqlite, hash-chained)" };
}

const writes = arg('writes', 600);
const accountsN = arg('accounts', 30);
const dir = mkdtempSync(join(tmpdir(), 'bench-writes-'));
const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), accounts: 0, clients: [CREDS] });
const client = new AmpsClient({ baseUrl: sandbox.url, ...CREDS, signatureVersion: '2.0', userID: 'bench', timeoutMs: 10_000 });
const accounts: number[] = [];
for (let i = 0; i < accountsN; i++) {
  const r = await client.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: `BENCH-${i}`, currencyCode: 'NOK', accountContact: { fullName: `Benk Berit ${i}` } } });
  accounts.push(r.acctCreateAccountResponseDetails!.ariaAccountNo);
}

const { log: audit, kind: auditKind } = await auditLog(dir);
// The audit log as the pipeline uses it, timed: each append's time is shared among the
// writes whose entries it carried (a group commit records several writes in one fsync).
const auditMs = { intent: new Map<string, number>(), after: new Map<string, number>() };
const charge = (entries: readonly { requestId: string | null; kind: string }[], elapsed: number) => {
  for (const e of entries) {
    if (!e.requestId) continue;
    const m = e.kind === 'intent' ? auditMs.intent : auditMs.after;
    m.set(e.requestId, (m.get(e.requestId) ?? 0) + elapsed / entries.length);
  }
};
const timedAudit = new Proxy(audit, {
  get(target, prop) {
    const value = Reflect.get(target, prop, target) as unknown;
    if (prop === 'append' || prop === 'appendBatch')
      return (input: unknown) => {
        const t = performance.now();
        const out = (value as (i: unknown) => unknown).call(target, input);
        charge((prop === 'append' ? [input] : input) as { requestId: string | null; kind: string }[], performance.now() - t);
        return out;
      };
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
}) as AuditLog;
const store = new OutboxStore(join(dir, 'outbox.sqlite'));
const pipeline = new WritePipeline({
  store,
  audit: timedAudit,
  clientFor: async () => client,
  profileExists: () => true,
  activeProfile: () => 'bench',
  operator: () => OPERATOR,
  // The pipeline's own default (8) unless --concurrency N.
  ...(process.argv.includes('--concurrency') ? { concurrency: arg('concurrency', 8) } : {}),
});
pipeline.start();

// 1. Queueing, fsync included.
pipeline.setOffline(true);
const queueing: number[] = [];
const writeIds: string[] = [];
for (let i = 0; i < writes; i++) {
  const t = performance.now();
  const a = await pipeline.submit({ type: 'comment.add', accountNo: accounts[i % accounts.length]!, text: `Benkmerke ${i}: kunden ringte om levering og faktura.` });
  queueing.push(performance.now() - t);
  if (a.main.outcome !== 'QUEUED') throw new Error(`expected QUEUED, got ${a.main.outcome}`);
  writeIds.push(a.main.requestId);
}

// 2. Replay throughput.
const replayStart = performance.now();
const cpuStart = process.cpuUsage();
pipeline.setOffline(false);
if (!(await pipeline.idle(300_000))) throw new Error('replay did not finish');
const replaySeconds = (performance.now() - replayStart) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const left = store.open().length;

// 3. Router overhead of authorization + audit per write: the router call (validation, the
// authorize hook, the channel turning input into a command) over a pipeline stand-in that
// answers at once, against the same stand-in called directly; plus the audit entries of one
// write (intent + outcome). The outbox insert is measured in 1 and left out here.
const ctx: ServiceContext = { client: async () => client, operator: () => OPERATOR, now: Date.now, applicationId: 'CSR-DESK', audit };
const instant: Writes = { submit: async () => ({ main: { outcome: 'QUEUED', requestId: 'r' } }) };
const noop = async () => ({});
const handlers = { ...Object.fromEntries(CHANNELS.map((c) => [c, noop])), ...commentHandlers(ctx, instant) } as unknown as Handlers;
// The policy check the router makes before any handler: the channel's roles for the operator.
const authorize = (channel: keyof typeof contract) => {
  const roles = contract[channel].roles;
  return roles === 'public' || roles.includes(OPERATOR.role) ? null : { code: 'FORBIDDEN' as const, message: 'not for this role' };
};
const router = createRouter(handlers, { authorize });
const callCtx = { transport: 'test' as const, trustedSender: true };
const routed: number[] = [];
const direct: number[] = [];
const auditOnly: number[] = [];
for (let i = 0; i < 5 * writes; i++) {
  const accountNo = accounts[i % accounts.length]!;
  let t = performance.now();
  await router.call('comments.add', { accountNo, text: `Ruter ${i}: kunden ringte om levering og faktura.` }, callCtx);
  routed.push(performance.now() - t);
  t = performance.now();
  await instant.submit({ type: 'comment.add', accountNo, text: `Direkte ${i}` });
  direct.push(performance.now() - t);
  t = performance.now();
  for (const kind of ['intent', 'outcome'] as const)
    audit.append({ kind, operator: OPERATOR, action: 'comment.add', accountNo, requestId: `bench-${i}`, profile: 'bench', before: null, after: { text: 'x' }, outcome: kind === 'outcome' ? 'QUEUED' : null, reason: null, detail: null });
  auditOnly.push(performance.now() - t);
}
const overhead = routed.map((r, i) => r - direct[i]! + auditOnly[i]!);
// What the pipeline really spent in the audit log per write (queued, then replayed).
const intentAudit = writeIds.map((id) => auditMs.intent.get(id) ?? 0);
const afterAudit = writeIds.map((id) => auditMs.after.get(id) ?? 0);
const onPath = intentAudit.map((a, i) => routed[i]! - direct[i]! + a);

const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(`\nWrite pipeline (${writes} comments over ${accountsN} accounts; sandbox in this process; ${auditKind}; load average ${load})`);
console.log('what                                                  |       p50 |       p95');
console.log(`queue a write (audit intent + outbox insert + fsync)   | ${ms(q(queueing, 0.5))} | ${ms(q(queueing, 0.95))}   goal p95 ≤ 5 ms`);
console.log(`router + authorization per write (validate, authorize) | ${ms(q(routed, 0.5) - q(direct, 0.5))} | ${ms(q(routed, 0.95) - q(direct, 0.95))}`);
console.log(`audit before the answer (the intent, in the pipeline)  | ${ms(q(intentAudit, 0.5))} | ${ms(q(intentAudit, 0.95))}`);
console.log(`authorization + audit on the write's path (the two)    | ${ms(q(onPath, 0.5))} | ${ms(q(onPath, 0.95))}   goal p95 ≤ 1 ms`);
console.log(`audit after the answer (queued note, outcome; shared)  | ${ms(q(afterAudit, 0.5))} | ${ms(q(afterAudit, 0.95))}`);
console.log(`worst case: two separate audit appends per write       | ${ms(q(auditOnly, 0.5))} | ${ms(q(auditOnly, 0.95))}`);
console.log(`authorization + audit, with that worst case            | ${ms(q(overhead, 0.5))} | ${ms(q(overhead, 0.95))}`);
console.log(`replay to the sandbox: ${writes} writes in ${replaySeconds.toFixed(2)} s = ${(writes / replaySeconds).toFixed(0)} writes/s (goal ≥ 100), ${left} left open`);
console.log(`replay CPU (desk + sandbox, one process): ${((cpuSeconds / writes) * 1000).toFixed(2)} ms per write = ${(writes / cpuSeconds).toFixed(0)} writes/s per CPU second`);
pipeline.close();
store.close();
audit.close();
await sandbox.close();
process.exit(0);
