// `npm run bench:team`: the team store under load (docs/team-store.md has the figures).
//  1. Ship throughput: --desks (50) desk processes on loopback, each with its own database
//     role, durable cursor and --entries (10,000) chained entries, ship through the real
//     TeamShipper + TeamStore at the same moment; entries per second over the whole store.
//  2. The supervisor's queries on what was shipped (500,000 entries by default): --queries
//     (200) of each kind, p50/p95 in ms, with the supervisor role (goal: p95 ≤ 200 ms).
// PostgreSQL: --url SUPERUSER_URL or CSR_TEST_PG_URL; without either it starts a throw-away
// server with scripts/pg-test-server.sh and removes it afterwards. Everything it makes is
// in a fresh database (csr_team_bench_…), dropped at the end unless --keep.
// --database NAME (with --url or CSR_TEST_PG_URL) runs only the queries, on a store kept by an
// earlier --keep run (brought to this app's schema first), with a supervisor login made for it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { canonicalJson } from '../shared/amps/signature';
import type { AuditEntry, AuditLog } from '../main/core/audit/types';
import { createLoginRole, setupTeamStore } from '../main/core/team/admin';
import { changesWithoutReason, countsPerOperatorPerDay, searchTeamAudit } from '../main/core/team/queries';
import { migrate } from '../main/core/team/schema';
import { TeamShipper } from '../main/core/team/shipper';
import { TeamStore } from '../main/core/team/store';
import { TeamAuditSource } from '../main/core/supervision/team';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, d: number) => Number(opt(name) ?? d);

const SURNAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke'];
const WORDS = ['faktura', 'abonnement', 'levering', 'avis', 'adresse', 'betaling', 'purring', 'kreditt', 'rabatt', 'oppsigelse', 'helg', 'digital', 'papir', 'flytting', 'ferie', 'stopp'];
const ACTIONS = ['billingGroup.modify', 'accounts.manage', 'address.changePerm', 'billingGroup.add', 'cards.complete'];
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T06:00:00.000Z');
const SPAN_DAYS = 60;

/** Deterministic per desk. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function makeEntries(deskNo: number, n: number): AuditEntry[] {
  const r = rng(deskNo * 7919 + 1);
  const deskId = `bench-desk-${String(deskNo).padStart(3, '0')}`;
  const out: AuditEntry[] = [];
  let prev = '';
  for (let i = 1; i <= n; i++) {
    const opNo = deskNo * 4 + Math.floor(r() * 4);
    const comment = r() < 0.55;
    const accountNo = 1_000_000 + Math.floor(r() * 100_000);
    const surname = SURNAMES[Math.floor(r() * SURNAMES.length)]!;
    const text = `${surname} ringte om ${WORDS[Math.floor(r() * WORDS.length)]} og ${WORDS[Math.floor(r() * WORDS.length)]} (sak ${Math.floor(r() * 1e6)})`;
    const e: Omit<AuditEntry, 'hash'> = {
      seq: i,
      deskId,
      at: new Date(START + Math.floor((i / n) * SPAN_DAYS * DAY) + Math.floor(r() * 3600_000)).toISOString(),
      kind: i % 2 ? 'intent' : 'outcome',
      operator: { id: `agent-${opNo}`, displayName: `Agent ${opNo}`, role: 'agent' },
      action: comment ? 'comment.add' : ACTIONS[Math.floor(r() * ACTIONS.length)]!,
      accountNo,
      requestId: `req-${deskNo}-${Math.ceil(i / 2)}`,
      profile: 'AMPS prod',
      before: comment ? null : { billingGroupName: `${surname} privat` },
      after: comment ? { text } : { billingGroupName: `${surname} ${WORDS[Math.floor(r() * WORDS.length)]}` },
      outcome: i % 2 ? null : 'APPLIED',
      reason: r() < 0.3 ? null : `Kunden ba om det (${WORDS[Math.floor(r() * WORDS.length)]})`,
      detail: null,
      prevHash: prev,
    };
    const hash = createHash('sha256').update(canonicalJson(e), 'utf8').digest('hex');
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

/** One desk process: makes its entries, says ready, ships them all on "go", says done. */
async function deskMain() {
  const deskNo = num('desk', 0);
  const n = num('entries', 10_000);
  const url = opt('store')!;
  const entries = makeEntries(deskNo, n);
  const log: Pick<AuditLog, 'since'> = { since: (seq, limit) => entries.slice(seq, seq + limit) };
  const dir = mkdtempSync(join(tmpdir(), 'bench-desk-'));
  const store = new TeamStore({ connectionString: url, max: 1 });
  await store.ready();
  let doneAt = 0;
  let failures = 0;
  const shipper = new TeamShipper({ log, store, file: join(dir, 'team-ship.sqlite'), batchSize: num('batch', 500), minBackoffMs: 100, onLog: () => failures++ });
  // Ready, go and done travel over the IPC channel.
  const go = new Promise<void>((res) => process.once('message', () => res()));
  process.send!({ type: 'ready' });
  await go;
  const t0 = Date.now();
  shipper.start();
  let lastNote = Date.now();
  while (shipper.status().shippedSeq < n) {
    await new Promise((r) => setTimeout(r, 5));
    if (Date.now() - lastNote > 5000 && argv.includes('--verbose')) {
      lastNote = Date.now();
      console.error(`desk ${deskNo}: ${JSON.stringify(shipper.status())}`);
    }
  }
  doneAt = Date.now();

  await shipper.stop();
  shipper.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((res) => process.send!({ type: 'done', deskNo, ms: doneAt - t0, doneAt, failures }, () => res()));
  process.disconnect();
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function main() {
  const desks = num('desks', 50);
  const perDesk = num('entries', 10_000);
  const queries = num('queries', 200);
  let superUrl = opt('url') ?? process.env.CSR_TEST_PG_URL;
  let ownServer: string | null = null;
  if (!superUrl) {
    const out = execFileSync('bash', [join(root, 'scripts/pg-test-server.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const env = Object.fromEntries([...out.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
    superUrl = env.CSR_TEST_PG_URL!;
    ownServer = env.CSR_TEST_PG_DIR!;
  }
  const id = randomBytes(3).toString('hex');
  const reuse = opt('database');
  const database = reuse ?? `csr_team_bench_${id}`;
  const owner = { user: `bench_${id}_owner`, password: randomBytes(12).toString('hex') };
  const roles = [owner.user];
  const urlFor = (user: string, password: string) => {
    const u = new URL(superUrl!);
    u.username = user;
    u.password = password;
    u.pathname = `/${database}`;
    return u.toString();
  };
  const su = new pg.Client({ connectionString: superUrl });
  await su.connect();
  try {
    if (reuse) {
      const superInDb = new URL(superUrl!);
      superInDb.pathname = `/${database}`;
      await queriesOnly(su, superInDb.toString(), urlFor, database, id, roles, num('queries', 200), num('desks', 50));
      return;
    }
    await setupTeamStore(su, { database, ...{ owner: owner.user, ownerPassword: owner.password } });
    const oc = new pg.Client({ connectionString: urlFor(owner.user, owner.password) });
    oc.on('error', () => {});
    await oc.connect();
    await migrate(oc);
    await oc.end();
    const deskUrls: string[] = [];
    for (let i = 0; i < desks; i++) {
      const user = `bench_${id}_desk${i}`;
      const pw = randomBytes(12).toString('hex');
      await createLoginRole(su, user, pw, 'desk');
      roles.push(user);
      deskUrls.push(urlFor(user, pw));
    }
    const supUser = `bench_${id}_sup`;
    const supPw = randomBytes(12).toString('hex');
    await createLoginRole(su, supUser, supPw, 'supervisor');
    roles.push(supUser);

    console.log(`team store bench: ${desks} desks × ${perDesk} entries on PostgreSQL ${(await su.query('SHOW server_version')).rows[0].server_version}, database ${database}`);
    // 1. ship
    // node --import tsx (not the tsx CLI, which would stand between this process and the desk's stdin).
    const procs = deskUrls.map((url, i) =>
      spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--as-desk', '--desk', String(i), '--entries', String(perDesk), '--store', url, '--batch', String(num('batch', 500)), ...(argv.includes('--verbose') ? ['--verbose'] : [])], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    type Msg = { type: 'ready' } | { type: 'done'; ms: number; doneAt: number; failures: number };
    const ready = procs.map((p) => new Promise<void>((res) => p.on('message', (m: Msg) => m.type === 'ready' && res())));
    const done = procs.map((p) => new Promise<{ ms: number; doneAt: number; failures: number }>((res) => p.on('message', (m: Msg) => m.type === 'done' && res(m))));
    const exited = procs.map((p) => new Promise((r) => p.on('exit', r)));
    const tPrep = Date.now();
    await Promise.all(ready);
    console.log(`  ${desks} desk processes ready (entries made and chained) in ${((Date.now() - tPrep) / 1000).toFixed(1)} s`);
    const go = Date.now();
    for (const p of procs) p.send('go');
    const results = await Promise.all(done);
    await Promise.all(exited);
    const wall = (Math.max(...results.map((r) => r.doneAt)) - go) / 1000;
    const total = desks * perDesk;
    const perDeskMs = results.map((r) => r.ms);
    console.log(`  shipped ${total.toLocaleString('en')} entries in ${wall.toFixed(1)} s: ${Math.round(total / wall).toLocaleString('en')} entries/s over the store`);
    console.log(`  per desk: p50 ${(q(perDeskMs, 0.5) / 1000).toFixed(1)} s, max ${(Math.max(...perDeskMs) / 1000).toFixed(1)} s (${Math.round(perDesk / (q(perDeskMs, 0.5) / 1000))} entries/s each); retries ${results.reduce((a, r) => a + r.failures, 0)}`);

    // 2. queries
    await runQueries(urlFor(supUser, supPw), urlFor(owner.user, owner.password), desks, queries);
  } finally {
    if (!argv.includes('--keep') && !reuse) {
      await su.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`).catch(() => {});
      for (const role of roles) await su.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`).catch(() => {});
    }
    await su.end();
    if (ownServer) execFileSync('bash', [join(root, 'scripts/pg-test-server.sh'), 'stop', ownServer], { stdio: 'inherit' });
  }
}

/** The supervisor's queries, p50/p95 over `queries` runs of each. ownerUrl runs VACUUM (ANALYZE) first. */
async function runQueries(supUrl: string, ownerUrl: string, desks: number, queries: number) {
    const sup = new pg.Pool({ connectionString: supUrl, max: 1 });
  sup.on('error', () => {});
  const oc2 = new pg.Client({ connectionString: ownerUrl });
  oc2.on('error', () => {});
  await oc2.connect();
  // As autovacuum leaves a store in steady state (visibility map set, statistics current).
  await oc2.query('VACUUM (ANALYZE) team.audit_entries');
  const sz = (await oc2.query<{ total: string; heap: string; idx: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('team.audit_entries')) AS total, pg_size_pretty(pg_relation_size('team.audit_entries')) AS heap, pg_size_pretty(pg_indexes_size('team.audit_entries')) AS idx`,
  )).rows[0]!;
  const count = (await oc2.query('SELECT count(*)::int AS n FROM team.audit_entries')).rows[0].n;
  await oc2.end();
  console.log(`  store: ${count.toLocaleString('en')} entries, ${sz.total} (table ${sz.heap}, indexes ${sz.idx})`);
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const day = () => START + Math.floor(r() * SPAN_DAYS) * DAY;
  const iso = (t: number) => new Date(t).toISOString();
  const op = () => `agent-${Math.floor(r() * desks * 4)}`;
  /** Midnight in Oslo of the day of t (the bench's data lies in June–July: UTC+2). */
  const oslo = (t: number) => t - ((t + 2 * 3_600_000) % DAY);
  const kinds: Array<[string, () => Promise<unknown>]> = [
    ['latest 200 (no filter)', () => searchTeamAudit(sup, {})],
    ['one day', () => { const t = day(); return searchTeamAudit(sup, { from: iso(t), to: iso(t + DAY) }); }],
    ['operator, 7 days', () => { const t = day(); return searchTeamAudit(sup, { operatorId: op(), from: iso(t), to: iso(t + 7 * DAY) }); }],
    ['account', () => searchTeamAudit(sup, { accountNo: 1_000_000 + Math.floor(r() * 100_000) })],
    ['text: surname', () => searchTeamAudit(sup, { text: pick(SURNAMES) })],
    ['text: case number', () => searchTeamAudit(sup, { text: `sak ${Math.floor(r() * 1e6)}` })],
    ['text + operator', () => searchTeamAudit(sup, { text: pick(WORDS), operatorId: op() })],
    ['text + 30 days', () => { const t = day(); return searchTeamAudit(sup, { text: pick(SURNAMES), from: iso(t), to: iso(t + 30 * DAY) }); }],
    ['no reason, 7 days', () => { const t = day(); return changesWithoutReason(sup, { from: iso(t), to: iso(t + 7 * DAY) }); }],
    // Whole Oslo days, as the supervisor's date range asks (the day table, migration 4) …
    ['counts/operator/day, 7 days', () => { const t = oslo(day()); return countsPerOperatorPerDay(sup, { from: iso(t), to: iso(t + 7 * DAY) }); }],
    ['counts/operator/day, 60 days', () => countsPerOperatorPerDay(sup, { from: iso(oslo(START)), to: iso(oslo(START) + SPAN_DAYS * DAY) })],
    // … and from 06:00 UTC, which counts the entries themselves.
    ['counts, 7 days, part days', () => { const t = day(); return countsPerOperatorPerDay(sup, { from: iso(t), to: iso(t + 7 * DAY) }); }],
    // The supervisor workspace's own reads (supervision.list: a first page of 200 with its
    // total and the page's reviews; supervision.perDay: the chart), as its screen asks them.
    ...workspaceKinds(new TeamAuditSource({ pool: sup } as unknown as TeamStore), { pick, day, iso, op, oslo }),
  ];
  console.log(`\n  supervisor queries (${queries} of each, one connection, supervisor role)`);
  console.log('  query                          |  p50 ms |  p95 ms | rows (median)');
  let worst = 0;
  for (const [name, run] of kinds) {
    const times: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < queries; i++) {
      const t = performance.now();
      const res = (await run()) as unknown[];
      times.push(performance.now() - t);
      rows.push(res.length);
    }
    worst = Math.max(worst, q(times, 0.95));
    console.log(`  ${name.padEnd(30)} | ${q(times, 0.5).toFixed(1).padStart(7)} | ${q(times, 0.95).toFixed(1).padStart(7)} | ${q(rows, 0.5)}`);
  }
  console.log(`\n  worst p95 ${worst.toFixed(1)} ms (goal ≤ 200 ms): ${worst <= 200 ? 'met' : 'NOT met'}`);
  await sup.end();
}

function workspaceKinds(
  src: TeamAuditSource,
  h: { pick: <T>(xs: readonly T[]) => T; day: () => number; iso: (t: number) => string; op: () => string; oslo: (t: number) => number },
): Array<[string, () => Promise<unknown[]>]> {
  const page = async (f: Parameters<TeamAuditSource['list']>[0]) => {
    const p = await src.list(f, { limit: 200 });
    await src.reviewsOf(p.entries.map((e) => e.hash));
    return p.entries;
  };
  return [
    ['screen: latest page + total', () => page({})],
    ['screen: one day', () => { const t = h.day(); return page({ from: h.iso(t), to: h.iso(t + DAY) }); }],
    ['screen: operator, 7 days', () => { const t = h.day(); return page({ operatorId: h.op(), from: h.iso(t), to: h.iso(t + 7 * DAY) }); }],
    ['screen: text, a surname', () => page({ text: h.pick(SURNAMES) })],
    ['screen: text, a case number', () => page({ text: `sak ${Math.floor(Math.random() * 1e6)}` })],
    ['screen: text + 30 days', () => { const t = h.day(); return page({ text: h.pick(SURNAMES), from: h.iso(t), to: h.iso(t + 30 * DAY) }); }],
    ['screen: no reason, 7 days', () => { const t = h.day(); return page({ category: 'withoutReason', from: h.iso(t), to: h.iso(t + 7 * DAY) }); }],
    ['screen: follow-up (flagged)', () => page({ category: 'flagged' })],
    ['screen: chart, 7 Oslo days', () => { const t = h.oslo(h.day()); return src.perDay({ from: h.iso(t), to: h.iso(t + 7 * DAY) }, 'Europe/Oslo'); }],
    ['screen: chart, 30 Oslo days', () => { const t = h.oslo(h.day()); return src.perDay({ from: h.iso(t), to: h.iso(t + 30 * DAY) }, 'Europe/Oslo'); }],
  ];
}

/** --database: a kept store, migrated to this app's schema, queried with a fresh supervisor login. */
async function queriesOnly(su: pg.Client, superInDb: string, urlFor: (u: string, p: string) => string, database: string, id: string, roles: string[], n: number, desks: number) {
  const owner = (await su.query(`SELECT pg_get_userbyid(datdba) AS o FROM pg_database WHERE datname = $1`, [database])).rows[0]?.o as string | undefined;
  if (!owner) throw new Error(`no database ${database}`);
  const sc = new pg.Client({ connectionString: superInDb });
  await sc.connect();
  try {
    await sc.query(`SET ROLE ${pg.escapeIdentifier(owner)}`);
    const t = Date.now();
    const m = await migrate(sc);
    if (m.applied.length) console.log(`  migrated ${database}: ${m.applied.join(', ')} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await sc.end();
  }
  const pw = randomBytes(12).toString('hex');
  const supUser = `bench_${id}_sup`;
  await createLoginRole(su, supUser, pw, 'supervisor');
  roles.push(supUser);
  try {
    console.log(`team store bench (queries only) on ${database}`);
    // VACUUM (ANALYZE) as the superuser here: the owner's password is not kept.
    await runQueries(urlFor(supUser, pw), superInDb, desks, n);
  } finally {
    await su.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(supUser)}`).catch(() => {});
  }
}

(argv.includes('--as-desk') ? deskMain() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
