// The supervisor workspace on a team store (PostgreSQL): two desks as the app builds them
// (createCore), each shipping its own log with its own desk role. Desk B's supervisor reads
// the store through a read-only reader login (readerUrl, csr_team_supervisor), flags an
// entry of desk A's agent; the review is an entry of desk B's log, shipped like any other;
// the agent on desk A reads it through migration 3's feedback_for_operator with desk A's own
// role (and nobody else's feedback), and acknowledges it. A store that cannot be read falls
// back to the desk's own log with the reason said, quickly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import type { AuditInput } from '../../../main/core/audit';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { TEAM_PASSWORD_KEY, TEAM_READER_PASSWORD_KEY } from '../../../main/core/team/config';
import type { SupervisedRow, SupervisionSourceView } from '../../../shared/ipc';
import { signInAs, TEST_SCRYPT } from '../../helpers/operators';
import { createTeamDb, describeTeam, type TeamDb } from './pg';

const ctx: CallContext = { transport: 'test', trustedSender: true };
let db: TeamDb;
const cores: Core[] = [];
const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};
const noPassword = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};
type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const value = async <T,>(p: ReturnType<Call>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
type Page = { rows: SupervisedRow[]; total: number; pin: string; source: SupervisionSourceView };

async function deskCore(settings: Record<string, unknown>, secrets: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-sv-'));
  writeFileSync(join(dataDir, 'team-store.json'), JSON.stringify(settings));
  const store = new MemorySecretStore();
  for (const [k, v] of Object.entries(secrets)) await store.set(k, v);
  const core = createCore({ dataDir, secrets: store, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT });
  cores.push(core);
  await core.ready();
  await core.audit.ready;
  const call: Call = (channel, input) => core.router.call(channel, input, ctx);
  return { core, call };
}
const shipped = (core: Core) => {
  core.team.notify();
  return until(() => core.team.status().shipping?.shippedSeq === core.audit.lastSeq());
};
const agent = { id: 'demo-agent', displayName: 'Demo Agent', role: 'agent' as const };
const e = (at: string, action: string, accountNo: number, after: unknown, reason: string | null, operator = agent): AuditInput => ({
  at,
  kind: 'intent',
  operator,
  action,
  accountNo,
  requestId: `r-${at}`,
  profile: 'sandbox',
  before: null,
  after,
  outcome: null,
  reason,
  detail: null,
});

let A: Awaited<ReturnType<typeof deskCore>>;
let B: Awaited<ReturnType<typeof deskCore>>;
let reader: { user: string; password: string; url: string };

describeTeam('supervisor workspace on the team store', () => {
  beforeAll(async () => {
    db = await createTeamDb('sv');
    const deskA = await db.login('desk');
    const deskB = await db.login('desk');
    reader = await db.login('supervisor');
    A = await deskCore({ url: noPassword(deskA.url) }, { [TEAM_PASSWORD_KEY]: deskA.password });
    B = await deskCore({ url: noPassword(deskB.url), readerUrl: noPassword(reader.url) }, { [TEAM_PASSWORD_KEY]: deskB.password, [TEAM_READER_PASSWORD_KEY]: reader.password });
    A.core.audit.appendBatch([
      e('2026-11-30T10:00:00.000Z', 'comment.add', 8001, { text: 'Rabatt 100% godkjent' }, null),
      e('2026-11-30T11:00:00.000Z', 'billingGroup.modify', 8001, { billingGroupName: 'Gruppe_2' }, null),
      e('2026-11-30T23:30:00.000Z', 'billingGroup.modify', 8002, { billingGroupName: 'Gruppe 3' }, "kunden's ønske"),
      e('2026-11-30T23:31:00.000Z', 'reason.add', 8002, { text: "Reason: kunden's ønske" }, null),
    ]);
    B.core.audit.append(e('2026-12-01T09:00:00.000Z', 'address.changePerm', 8003, { street: 'Storgata 1' }, '  ', { id: 'demo-supervisor', displayName: 'Demo Supervisor', role: 'agent' }));
    await shipped(A.core);
    await shipped(B.core);
    await signInAs(B.call, 'supervisor');
  }, 90_000);
  afterAll(async () => {
    for (const c of cores) c.close();
    await new Promise((r) => setTimeout(r, 300));
    await db?.drop();
  });

  it('reads every desk from the team store, says how old each desk is, and filters (text as text)', async () => {
    const page = await value<Page>(B.call('supervision.list', {}));
    expect(page.source.source).toBe('team');
    expect(page.source.fallback).toBeNull();
    expect(page.source.desks.map((d) => d.deskId).sort()).toEqual([A.core.audit.deskId, B.core.audit.deskId].sort());
    for (const d of page.source.desks) expect(Date.now() - Date.parse(d.lastReceivedAt!)).toBeLessThan(120_000);
    expect(page.rows.map((r) => [r.entry.deskId === A.core.audit.deskId ? 'A' : 'B', r.entry.action])).toEqual([
      ['B', 'address.changePerm'],
      ['A', 'reason.add'],
      ['A', 'billingGroup.modify'],
      ['A', 'billingGroup.modify'],
      ['A', 'comment.add'],
    ]);
    const q = async (f: object) => (await value<Page>(B.call('supervision.list', f))).rows.map((r) => r.entry.at);
    expect(await q({ text: '100%' })).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(await q({ text: '_' })).toEqual(['2026-11-30T11:00:00.000Z']);
    expect(await q({ text: "kunden's" })).toEqual(['2026-11-30T23:31:00.000Z', '2026-11-30T23:30:00.000Z']);
    expect(await q({ text: '\\' })).toEqual([]);
    expect(await q({ operatorId: 'demo-agent', from: '2026-11-30T11:00:00.000Z', to: '2026-11-30T23:31:00.000Z' })).toEqual(['2026-11-30T23:30:00.000Z', '2026-11-30T11:00:00.000Z']);
    expect(await q({ accountNo: 8003 })).toEqual(['2026-12-01T09:00:00.000Z']);
    expect(await q({ category: 'withoutReason' })).toEqual(['2026-12-01T09:00:00.000Z', '2026-11-30T11:00:00.000Z']);
    expect(await q({ category: 'comments' })).toEqual(['2026-11-30T23:31:00.000Z', '2026-11-30T10:00:00.000Z']);
    const perDay = await value<{ days: unknown[] }>(B.call('supervision.perDay', { from: '2026-11-30T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' }));
    expect(perDay.days).toEqual([
      { day: '2026-11-30', operatorId: 'demo-agent', operatorName: 'Demo Agent', comments: 1, changes: 1 },
      { day: '2026-12-01', operatorId: 'demo-agent', operatorName: 'Demo Agent', comments: 1, changes: 1 },
      { day: '2026-12-01', operatorId: 'demo-supervisor', operatorName: 'Demo Supervisor', comments: 0, changes: 1 },
    ]);
  });

  it("a flag made on desk B reaches desk A's agent through the store — theirs only — and the acknowledgement comes back", async () => {
    const target = (await value<Page>(B.call('supervision.list', { text: 'Gruppe_2' }))).rows[0]!.entry;
    expect(target.deskId).toBe(A.core.audit.deskId);
    const { review } = await value<{ review: { ref: { deskId: string; seq: number; hash: string } } }>(
      B.call('supervision.review', { target: { deskId: target.deskId, seq: target.seq, hash: target.hash }, state: 'flagged', note: 'Mangler grunn – 50% "rabatt"?' }),
    );
    expect(review.ref.deskId).toBe(B.core.audit.deskId);
    // In the store's follow-up queue at once (the review's answer waits briefly for a healthy shipper).
    expect((await value<Page>(B.call('supervision.list', { category: 'flagged' }))).rows.map((r) => r.entry.hash)).toEqual([target.hash]);
    await shipped(B.core);
    const c = await db.asRole(reader.user, reader.password);
    try {
      const row = (await c.query("SELECT action, operator_id, detail -> 'target' ->> 'hash' AS t FROM team.audit_entries WHERE desk_id = $1 AND action LIKE 'review.%'", [B.core.audit.deskId])).rows;
      expect(row).toEqual([{ action: 'review.flagged', operator_id: 'demo-supervisor', t: target.hash }]);
    } finally {
      await c.end();
    }

    // Desk A: the agent sees it, read with desk A's own role; the desk-log has no review of it.
    await signInAs(A.call, 'agent');
    const fb = await value<{ items: { entry: { hash: string }; review: { note: string; state: string } }[]; teamError: string | null }>(A.call('supervision.feedback', {}));
    expect(fb.teamError).toBeNull();
    expect(fb.items.map((i) => [i.entry.hash, i.review.state, i.review.note])).toEqual([[target.hash, 'flagged', 'Mangler grunn – 50% "rabatt"?']]);
    // Another operator at desk A sees nothing of it (main asks the store for the signed-in operator only).
    await signInAs(A.call, 'supervisor');
    expect((await value<{ items: unknown[] }>(A.call('supervision.feedback', {}))).items).toEqual([]);
    expect(await A.call('supervision.acknowledge', { review: review.ref })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await signInAs(A.call, 'agent');
    await value(A.call('supervision.acknowledge', { review: review.ref }));
    await shipped(A.core);
    const queue = await value<Page>(B.call('supervision.list', { category: 'flagged' }));
    expect(queue.rows[0]!.review).toMatchObject({ state: 'flagged', acknowledged: { by: { id: 'demo-agent' } } });
  });

  it("the feedback function answers only an operator's own reviewed entries, whatever a review claims", async () => {
    // A review (made by hand on desk B) that claims the supervisor's own entry is demo-agent's.
    const notHers = (await value<Page>(B.call('supervision.list', { accountNo: 8003 }))).rows[0]!.entry;
    B.core.audit.append({
      kind: 'event', operator: { id: 'demo-supervisor', displayName: 'Demo Supervisor', role: 'supervisor' }, action: 'review.flagged', accountNo: 8003, requestId: null, profile: null,
      before: null, after: null, outcome: null, reason: null,
      detail: { target: { deskId: notHers.deskId, seq: notHers.seq, hash: notHers.hash, operatorId: 'demo-agent', action: notHers.action }, note: 'forged' },
    });
    await shipped(B.core);
    const c = await db.asRole(reader.user, reader.password);
    try {
      const mine = (await c.query('SELECT entry FROM team.feedback_for_operator($1)', ['demo-agent'])).rows.map((r) => JSON.parse(r.entry as string) as { action: string });
      // the entry, its review, the acknowledgement — not the forged review nor the entry it names
      expect(mine.map((x) => x.action).sort()).toEqual(['billingGroup.modify', 'review.acknowledged', 'review.flagged']);
      expect((await c.query('SELECT hash FROM team.feedback_for_operator($1)', ['demo-supervisor'])).rows).toEqual([]);
      expect((await c.query("SELECT hash FROM team.feedback_for_operator('%')")).rows).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('falls back to the desk log, saying why, when the reader login is refused or the store cannot be reached', async () => {
    const deskC = await db.login('desk');
    const wrong = await deskCore(
      { url: noPassword(deskC.url), readerUrl: noPassword(reader.url) },
      { [TEAM_PASSWORD_KEY]: deskC.password, [TEAM_READER_PASSWORD_KEY]: 'not-the-password' },
    );
    await signInAs(wrong.call, 'supervisor');
    const src = await value<SupervisionSourceView>(wrong.call('supervision.source', {}));
    expect(src).toMatchObject({ source: 'desk', fallback: 'auth', desks: [] });
    const page = await value<Page>(wrong.call('supervision.list', { category: 'all' }));
    expect(page.source.source).toBe('desk');
    expect(page.rows.every((r) => r.entry.deskId === wrong.core.audit.deskId)).toBe(true);
    // The right password saved in Settings is tried at once, not after the refusal's 30 s retry.
    await signInAs(wrong.call, 'admin');
    await value(wrong.call('teamStore.save', { url: noPassword(deskC.url), readerUrl: noPassword(reader.url), readerPassword: reader.password }));
    expect(await value<SupervisionSourceView>(wrong.call('supervision.source', {}))).toMatchObject({ source: 'team', fallback: null });

    const dead = new URL(noPassword(reader.url));
    dead.port = '1'; // nothing listens there
    const gone = await deskCore({ url: noPassword(deskC.url).replace(/:\d+\//, ':1/'), readerUrl: dead.toString() }, { [TEAM_PASSWORD_KEY]: 'x', [TEAM_READER_PASSWORD_KEY]: 'x' });
    await signInAs(gone.call, 'supervisor');
    const started = Date.now();
    expect(await value<SupervisionSourceView>(gone.call('supervision.source', {}))).toMatchObject({ source: 'desk', fallback: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(4_000);
    // Remembered: the next call does not wait on the connection again.
    const again = Date.now();
    await value(gone.call('supervision.list', {}));
    expect(Date.now() - again).toBeLessThan(500);
    // The agent's feedback still answers from the desk's log, with the team problem said.
    await signInAs(gone.call, 'agent');
    const fb = await value<{ items: unknown[]; teamError: string | null }>(gone.call('supervision.feedback', {}));
    expect(fb.items).toEqual([]);
    expect(fb.teamError).toMatch(/cannot be reached/);
  });
});
