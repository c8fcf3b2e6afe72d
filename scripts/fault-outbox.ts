// Fault test of the outbox (issue 8, security.md): a child process that holds the outbox is
// killed with SIGKILL at random points (while queuing, after the durable write and before the
// answer, mid-send, after sending and before settling, or at a random moment), restarted,
// and left to finish replay. Then the sandbox's own database is checked: every write the
// child confirmed (QUEUED, APPLIED or UNKNOWN: each was durable before the answer) is there
// exactly once, and no write is there twice or half (a comment missing some of its parts).
//
//   npm run fault:outbox -- --iterations 200 [--seed 7]
//
// Last line: outbox faults: N iterations, confirmed C, applied once C, lost L, duplicated D, half-written H
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AmpsClient } from '../main/core/amps/client';
import { memoryAuditLog } from '../main/core/outbox/memoryAudit';
import { WritePipeline, type FaultPoint } from '../main/core/outbox/pipeline';
import { OutboxStore } from '../main/core/outbox/store';
import { startSandbox } from '../main/sandbox/index';
import type { CommandInput } from '../shared/commands';

const CLIENT = { clientNo: 6161, authKey: 'fault-auth-key', signingSecret: 'fault-signing-secret' };
const OPERATOR = { id: 'fault.agent', displayName: 'Fault Agent', role: 'agent' as const };
const POINTS: (FaultPoint | 'random')[] = ['queuing', 'durable', 'sending', 'sent', 'random'];

interface Write {
  tag: string;
  kind: 'comment' | 'group';
  accountNo: number;
  text: string;
}

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '20' },
    seed: { type: 'string' },
    child: { type: 'boolean', default: false },
    dir: { type: 'string' },
    url: { type: 'string' },
    point: { type: 'string' },
    at: { type: 'string' },
    writes: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

if (values.child) await child();
else await parent();

// ── the process that holds the outbox ───────────────────────────────────────────────────
async function child(): Promise<void> {
  const client = new AmpsClient({ baseUrl: values.url!, ...CLIENT, signatureVersion: '2.0', userID: 'profile-user', timeoutMs: 3000, readRetries: 1 });
  const point = values.point as FaultPoint | undefined;
  const at = Number(values.at ?? 1);
  let seen = 0;
  const store = new OutboxStore(join(values.dir!, 'outbox.sqlite'));
  const pipeline = new WritePipeline({
    store,
    audit: memoryAuditLog(),
    clientFor: async () => client,
    profileExists: () => true,
    activeProfile: () => 'fault',
    operator: () => OPERATOR,
    backoff: { baseMs: 20, maxMs: 200 },
    answerWaitMs: 4000,
    fault: (p) => {
      if (p !== point || ++seen !== at) return;
      // Mid-send: the request may or may not have left when the process dies.
      if (p === 'sending') setTimeout(() => process.kill(process.pid, 'SIGKILL'), Math.floor(Math.random() * 4));
      else process.kill(process.pid, 'SIGKILL');
    },
  });
  pipeline.start();
  const writes = JSON.parse(values.writes ?? '[]') as Write[];
  for (const w of writes) {
    const cmd: CommandInput =
      w.kind === 'comment'
        ? { type: 'comment.add', accountNo: w.accountNo, text: w.text }
        : {
            type: 'billingGroup.add',
            accountNo: w.accountNo,
            group: { billingGroupName: w.tag, paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Feil Frida' } },
            before: { groupNos: await groupNos(client, w.accountNo) },
          };
    out(`SUBMIT ${w.tag}`);
    try {
      const a = await pipeline.submit(cmd);
      out(`ANSWER ${w.tag} ${a.main.outcome}`);
    } catch (e) {
      out(`REFUSED ${w.tag} ${(e as Error).message}`);
    }
  }
  await pipeline.idle(60_000);
  for (const r of store.open()) out(`OPEN ${r.state} ${r.problem?.message ?? ''}`);
  pipeline.close();
  store.close();
  out('DONE');
  process.exit(0);
}

async function groupNos(client: AmpsClient, accountNo: number): Promise<number[]> {
  try {
    const res = await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } }, { account: { ariaAccountNo: accountNo } });
    return (res.acctRetrieveBillingGroupResponseDetails?.acctRetrieveBillingGroupList ?? []).map((g) => g.ariaBillingGroupNo);
  } catch {
    return [];
  }
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

// ── the test driver ─────────────────────────────────────────────────────────────────────
interface Run {
  lines: string[];
  killed: boolean;
}

function run(args: string[], killAfterMs?: number): Promise<Run> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, '--child', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (buf += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(`child failed (${code}): ${err.slice(-2000)}\n`);
      resolve({ lines: buf.split('\n').filter(Boolean), killed: signal === 'SIGKILL' });
    });
  });
}

/** A small deterministic generator (mulberry32), so a failing run can be repeated with --seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function parent(): Promise<void> {
  const iterations = Number(values.iterations);
  const seed = Number(values.seed ?? Date.now() % 100_000);
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const base = mkdtempSync(join(tmpdir(), 'fault-outbox-'));
  const dbFile = join(base, 'sandbox.sqlite');
  const sandbox = await startSandbox({ dbFile, accounts: 0, clients: [CLIENT] });
  const admin = new AmpsClient({ baseUrl: sandbox.url, ...CLIENT, signatureVersion: '2.0', userID: 'setup', timeoutMs: 5000 });
  const accounts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await admin.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: `FAULT-${i}`, currencyCode: 'NOK', accountContact: { fullName: `Feil Frida ${i}` } } });
    accounts.push(r.acctCreateAccountResponseDetails!.ariaAccountNo);
  }
  const outboxDir = join(base, 'desk');
  mkdtempSync(join(base, 'x-'));
  rmSync(outboxDir, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(outboxDir);
  const common = ['--dir', outboxDir, '--url', sandbox.url];

  const submitted = new Set<string>();
  const confirmed = new Set<string>();
  const kinds = new Map<string, Write['kind']>();
  let n = 0;
  const started = performance.now();
  for (let it = 1; it <= iterations; it++) {
    const writes: Write[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const tag = `F${seed}-${++n}`;
      const kind = random() < 0.75 ? 'comment' : 'group';
      // Every part of a long comment carries the tag, so each stored part can be counted.
      const long = random() < 0.35;
      // (Ending with the tag too: the last part may be only a few words.)
      const text = long ? `${Array.from({ length: 14 }, (_, i) => `${tag} del ${i} av en lang kommentar om fakturaen og leveringen.`).join(' ')} ${tag}` : `${tag} kunden ringte om levering`;
      kinds.set(tag, kind);
      return { tag, kind, accountNo: pick(accounts), text };
    });
    const point = pick(POINTS);
    const args = [...common, '--writes', JSON.stringify(writes)];
    const r =
      point === 'random'
        ? await run(args, 150 + Math.floor(random() * 900))
        : await run([...args, '--point', point, '--at', String(1 + Math.floor(random() * writes.length))]);
    for (const line of r.lines) {
      const [what, tag, outcome] = line.split(' ');
      if (what === 'SUBMIT') submitted.add(tag!);
      if (what === 'ANSWER' && (outcome === 'QUEUED' || outcome === 'APPLIED' || outcome === 'UNKNOWN')) confirmed.add(tag!);
    }
    // Restart: replay what is left; sometimes that run is killed too, mid-send.
    if (random() < 0.3) await run([...common, '--point', pick(['sending', 'sent'] as const), '--at', '1']);
    const replay = await run(common);
    if (!replay.lines.includes('DONE')) process.stderr.write(`iteration ${it}: replay did not finish\n`);
    if (!values.quiet && (it % 10 === 0 || it === iterations))
      process.stderr.write(`iteration ${it}/${iterations} (${Math.round((performance.now() - started) / 1000)} s)\n`);
  }
  const last = await run(common);
  const open = last.lines.filter((l) => l.startsWith('OPEN'));

  // The oracle: the sandbox's database, read directly.
  const db = new DatabaseSync(dbFile, { readOnly: true });
  const comments = db.prepare('SELECT text, author, comment_at FROM comments WHERE author = ?').all(OPERATOR.id) as { text: string; author: string; comment_at: number }[];
  const groups = db.prepare('SELECT name FROM billing_groups WHERE removed = 0').all() as { name: string }[];
  db.close();
  let appliedOnce = 0;
  let lost = 0;
  let duplicated = 0;
  let half = 0;
  const problems: string[] = [];
  for (const tag of submitted) {
    let state: 'absent' | 'once' | 'dup' | 'half';
    if (kinds.get(tag) === 'group') {
      const c = groups.filter((g) => g.name === tag).length;
      state = c === 0 ? 'absent' : c === 1 ? 'once' : 'dup';
    } else {
      // A part may end or begin with the tag (a split drops the space there), never cut it.
      const word = new RegExp(`(?:^|\\s)${tag}(?:\\s|$)`);
      const rows = comments.filter((c) => word.test(c.text));
      // "(n/m): " labels: each of 1..m exactly once is one whole comment.
      const labels = rows.map((r) => /^\((\d+)\/(\d+)\): /.exec(r.text));
      if (!rows.length) state = 'absent';
      else if (labels.every((l) => l === null)) state = rows.length === 1 ? 'once' : 'dup';
      else {
        const m = Number(labels[0]![2]);
        const counts = Array.from({ length: m }, (_, i) => labels.filter((l) => l && Number(l[1]) === i + 1).length);
        state = counts.some((c) => c > 1) ? 'dup' : counts.every((c) => c === 1) ? 'once' : 'half';
      }
    }
    if (state === 'dup') duplicated++;
    if (state === 'half') half++;
    if (confirmed.has(tag)) {
      if (state === 'once') appliedOnce++;
      if (state === 'absent') lost++;
    }
    if (state === 'dup' || state === 'half' || (confirmed.has(tag) && state === 'absent')) problems.push(`${tag} (${kinds.get(tag)}, ${confirmed.has(tag) ? 'confirmed' : 'not confirmed'}): ${state}`);
    if (process.env.FAULT_DEBUG && state === 'half') for (const c of comments) if (c.text.includes(tag)) process.stderr.write(`  ${c.comment_at} ${c.text.slice(0, 40)} … ${c.text.slice(-30)}\n`);
  }
  await sandbox.close();
  rmSync(base, { recursive: true, force: true });
  for (const p of problems.slice(0, 20)) process.stderr.write(`problem: ${p}\n`);
  for (const o of open.slice(0, 20)) process.stderr.write(`left in the outbox: ${o}\n`);
  process.stdout.write(`seed ${seed}; ${submitted.size} writes submitted, ${submitted.size - confirmed.size} killed before their answer; ${open.length} left open\n`);
  process.stdout.write(
    `outbox faults: ${iterations} iterations, confirmed ${confirmed.size}, applied once ${appliedOnce}, lost ${lost}, duplicated ${duplicated}, half-written ${half}\n`,
  );
  process.exit(lost || duplicated || half || appliedOnce !== confirmed.size ? 1 : 0);
}
