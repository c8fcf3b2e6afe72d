// The supervisor workspace alone (no team store: the desk's own audit log), through the real
// router and composition root on the embedded sandbox: roles, filters (text as text), the
// no-reason report, counts per operator per day, drill-down with the AMPS comment timeline,
// reviews, the follow-up queue, an agent's feedback (their own only) and CSV export.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import type { AuditInput } from '../../../main/core/audit';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { inProcessSandbox } from '../../../main/web-host/embeddedSandbox';
import { contract, type SupervisedRow } from '../../../shared/ipc';
import { signInAs, TEST_SCRYPT } from '../../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };
const agent = { id: 'demo-agent', displayName: 'Demo Agent', role: 'agent' as const };
const other = { id: 'other-agent', displayName: 'Other Agent', role: 'agent' as const };

let core: Core;
let sandbox: ReturnType<typeof inProcessSandbox>;
const call = async (channel: string, input: unknown) => core.router.call(channel, input, ctx);
const value = <T,>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const as = (role: 'agent' | 'supervisor' | 'admin') => signInAs(call, role);
async function asOther(password = 'other-agent-password-2') {
  const r = await call('session.signIn', { id: other.id, password });
  expect(r).toMatchObject({ ok: true, value: { failure: null, status: { state: 'signedIn' } } });
}

const entry = (at: string, operator: typeof agent, action: string, accountNo: number, after: unknown, reason: string | null, kind: 'intent' | 'outcome' = 'intent'): AuditInput => ({
  at,
  kind,
  operator,
  action,
  accountNo,
  requestId: `r-${at}`,
  profile: 'sandbox',
  before: null,
  after,
  outcome: kind === 'outcome' ? 'APPLIED' : null,
  reason,
  detail: null,
});

type Page = { rows: SupervisedRow[]; total: { kind: 'exact' | 'moreThan'; n: number } | null; pin: string; source: { source: string } };

beforeAll(async () => {
  sandbox = inProcessSandbox({ dbFile: ':memory:', accounts: 30, seed: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'supervision-'));
  core = createCore({ dataDir: dir, secrets: new MemorySecretStore(), transport: 'web', version: 't', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT, sandbox });
  await core.ready();
  await core.audit.ready;
  await as('admin');
  expect(await call('operators.add', { ...other, password: 'other-agent-password' })).toMatchObject({ ok: true });
  // An operator an admin made chooses their own password first.
  await asOther('other-agent-password');
  expect(await call('session.changePassword', { current: 'other-agent-password', next: 'other-agent-password-2' })).toMatchObject({ ok: true });
  // Entries of two agents over two Oslo days (23:30Z on 30 Nov is 00:30 on 1 Dec in Oslo).
  core.audit.appendBatch([
    entry('2026-11-30T10:00:00.000Z', agent, 'comment.add', 7001, { text: 'Rabatt 100% godkjent' }, null),
    entry('2026-11-30T11:00:00.000Z', agent, 'billingGroup.modify', 7001, { billingGroupName: 'Gruppe_2' }, null),
    entry('2026-11-30T23:30:00.000Z', agent, 'billingGroup.modify', 7002, { billingGroupName: 'Gruppe 3' }, "kunden's ønske"),
    entry('2026-11-30T23:31:00.000Z', agent, 'reason.add', 7002, { text: "Reason: kunden's ønske" }, null),
    entry('2026-12-01T09:00:00.000Z', other, 'address.changePerm', 7003, { street: 'Storgata 1' }, '   '),
    entry('2026-12-01T09:00:01.000Z', other, 'address.changePerm', 7003, { commentNos: [1] }, null, 'outcome'),
  ]);
}, 120_000);
afterAll(async () => {
  core?.close();
  await sandbox?.close();
});

describe('supervision channels (the desk alone)', () => {
  it('are supervisors and admins in the contract, feedback every operator; an agent is refused FORBIDDEN over the router', async () => {
    const workspace = ['supervision.source', 'supervision.list', 'supervision.perDay', 'supervision.account', 'supervision.exportCsv', 'supervision.review'] as const;
    for (const c of workspace) expect(contract[c].roles).toEqual(['supervisor', 'admin']);
    expect(contract['supervision.feedback'].roles).toEqual(['agent', 'supervisor', 'admin']);
    await as('agent');
    const inputs: Record<string, unknown> = {
      'supervision.source': {},
      'supervision.list': {},
      'supervision.perDay': {},
      'supervision.account': { accountNo: 7001 },
      'supervision.exportCsv': {},
      'supervision.review': { target: { deskId: 'x', seq: 1, hash: 'a'.repeat(64) }, state: 'reviewed', note: '' },
    };
    for (const c of workspace) expect(await call(c, inputs[c]), c).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('supervision.feedback', {})).toMatchObject({ ok: true, value: { items: [], teamError: null } });
  });

  it('lists comments and changes newest first from the desk log, with the source said', async () => {
    await as('supervisor');
    const page = value<Page>(await call('supervision.list', {}));
    expect(page.source).toMatchObject({ source: 'desk', fallback: null, desks: [] });
    expect(page.rows.map((r) => r.entry.action)).toEqual(['address.changePerm', 'reason.add', 'billingGroup.modify', 'billingGroup.modify', 'comment.add']);
    expect(page.total).toEqual({ kind: 'exact', n: 5 }); // the desk's own log counts exactly
    const comments = value<Page>(await call('supervision.list', { category: 'comments' }));
    expect(comments.rows.map((r) => r.entry.action)).toEqual(['reason.add', 'comment.add']);
    const changes = value<Page>(await call('supervision.list', { category: 'changes' }));
    expect(changes.total).toEqual({ kind: 'exact', n: 3 });
    // Without a reason: a blank reason is none; the reason comment is not a change.
    const none = value<Page>(await call('supervision.list', { category: 'withoutReason' }));
    expect(none.rows.map((r) => [r.entry.action, r.entry.accountNo])).toEqual([
      ['address.changePerm', 7003],
      ['billingGroup.modify', 7001],
    ]);
    const all = value<Page>(await call('supervision.list', { category: 'all' }));
    expect(all.rows.some((r) => r.entry.kind === 'event' && r.entry.action === 'session.signIn')).toBe(true);
  });

  it('filters by dates, operator, account and text — %, _ and quotes are text', async () => {
    const q = async (f: object) => value<Page>(await call('supervision.list', f)).rows.map((r) => r.entry.at);
    expect(await q({ from: '2026-12-01T00:00:00.000Z' })).toEqual(['2026-12-01T09:00:00.000Z']);
    expect(await q({ to: '2026-11-30T11:00:00.000Z' })).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(await q({ operatorId: 'OTHER-AGENT' })).toEqual(['2026-12-01T09:00:00.000Z']);
    expect(await q({ accountNo: 7002 })).toEqual(['2026-11-30T23:31:00.000Z', '2026-11-30T23:30:00.000Z']);
    expect(await q({ text: '100%' })).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(await q({ text: '%' })).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(await q({ text: '_' })).toEqual(['2026-11-30T11:00:00.000Z']);
    expect(await q({ text: "kunden's" })).toEqual(['2026-11-30T23:31:00.000Z', '2026-11-30T23:30:00.000Z']);
    expect(await q({ text: '"' })).toEqual([]);
    expect(await q({ text: 'GRUPPE' })).toEqual(['2026-11-30T23:30:00.000Z', '2026-11-30T11:00:00.000Z']);
    expect(await call('supervision.list', { from: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'from' }] } });
  });

  it('keeps paging pinned: entries written after the first page do not shift it', async () => {
    const first = value<Page>(await call('supervision.list', { limit: 2 }));
    core.audit.append(entry('2026-12-01T12:00:00.000Z', agent, 'comment.add', 7004, { text: 'later' }, null));
    const second = value<Page>(await call('supervision.list', { limit: 2, offset: 2, pin: first.pin }));
    expect(second.total).toBeNull(); // a pinned later page is not counted again: the first page's total holds
    expect(second.rows.map((r) => r.entry.at)).toEqual(['2026-11-30T23:30:00.000Z', '2026-11-30T11:00:00.000Z']);
    const fresh = value<Page>(await call('supervision.list', { limit: 2 }));
    expect(first.total).toEqual({ kind: 'exact', n: 5 });
    expect(fresh.total).toEqual({ kind: 'exact', n: 6 });
  });

  it('counts comments and changes per operator per Oslo day', async () => {
    const r = value<{ days: unknown[]; from: string; to: string }>(await call('supervision.perDay', { from: '2026-11-30T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' }));
    expect(r.days).toEqual([
      { day: '2026-11-30', operatorId: 'demo-agent', operatorName: 'Demo Agent', comments: 1, changes: 1 },
      { day: '2026-12-01', operatorId: 'demo-agent', operatorName: 'Demo Agent', comments: 2, changes: 1 },
      { day: '2026-12-01', operatorId: 'other-agent', operatorName: 'Other Agent', comments: 0, changes: 1 },
    ]);
    const one = value<{ days: unknown[] }>(await call('supervision.perDay', { operatorId: 'other-agent', from: '2026-11-01', to: '2026-12-31' }));
    expect(one.days).toHaveLength(1);
  });

  it('drill-down: the account entries beside its AMPS comments, those from outside the desk marked so', async () => {
    await as('agent');
    const found = value<{ rows: { ariaAccountNo: number }[] }>(await call('accounts.search', { contact: { lastName: 'a' }, limit: 1 }));
    const accountNo = found.rows[0]!.ariaAccountNo;
    const before = value<{ comments: { acctCommentNo: number }[] }>(await call('comments.list', { accountNo })).comments.length;
    const added = value<{ outcome: string; commentNos: number[] }>(await call('comments.add', { accountNo, text: 'Ringte kunden om 50% rabatt' }));
    expect(added.outcome).toBe('APPLIED');
    await as('supervisor');
    const r = value<{ rows: SupervisedRow[]; comments: { text: string; origin: string; entryHash: string | null; author: string }[]; commentsError: null }>(
      await call('supervision.account', { accountNo }),
    );
    expect(r.commentsError).toBeNull();
    expect(r.comments).toHaveLength(before + 1);
    const ours = r.comments.filter((c) => c.origin === 'desk');
    expect(ours).toEqual([expect.objectContaining({ text: 'Ringte kunden om 50% rabatt', author: 'demo-agent' })]);
    const intent = r.rows.find((x) => x.entry.kind === 'intent' && x.entry.action === 'comment.add')!;
    expect(ours[0]!.entryHash).toBe(intent.entry.hash);
    expect(r.comments.filter((c) => c.origin === 'outside')).toHaveLength(before);
    expect(r.rows.map((x) => x.entry.kind).sort()).toEqual(['intent', 'outcome']);
  });

  it('drill-down: comments the billing system will not give are an error the screen can word, beside the audit rows', async () => {
    await as('supervisor');
    const r = value<{ rows: SupervisedRow[]; commentsError: unknown }>(await call('supervision.account', { accountNo: 987654321 }));
    expect(r.rows).toEqual([]);
    // The refusal as the router would answer it: a code and resultCode the renderer words, not a bare string.
    expect(r.commentsError).toMatchObject({ code: 'NOT_FOUND', resultCode: -10, say: { key: 'billingRefused' } });
  });

  it('reviews: a flag with a note goes to the follow-up queue; the agent sees it (only theirs) and acknowledges it', async () => {
    await as('supervisor');
    const rows = value<Page>(await call('supervision.list', { operatorId: 'demo-agent', category: 'withoutReason' })).rows;
    const target = rows[0]!.entry;
    const ref = { deskId: target.deskId, seq: target.seq, hash: target.hash };
    // A flag needs a note, naming the field.
    expect(await call('supervision.review', { target: ref, state: 'flagged', note: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'note' }] } });
    expect(await call('supervision.review', { target: { ...ref, seq: ref.seq + 1 }, state: 'reviewed', note: '' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const flagged = value<{ review: { state: string; note: string; by: { id: string }; ref: { seq: number } } }>(
      await call('supervision.review', { target: ref, state: 'flagged', note: 'Hvorfor uten grunn? 100% "sikker"?' }),
    );
    expect(flagged.review).toMatchObject({ state: 'flagged', note: 'Hvorfor uten grunn? 100% "sikker"?', by: { id: 'demo-supervisor' }, acknowledged: null });
    // The review is itself an audit entry of this desk, chained like every entry.
    const logged = core.audit.list({ kind: 'event', order: 'desc', limit: 1 })[0]!;
    expect(logged).toMatchObject({ action: 'review.flagged', operator: { id: 'demo-supervisor' }, accountNo: target.accountNo, seq: flagged.review.ref.seq });
    expect((logged.detail as { target: { hash: string; operatorId: string } }).target).toMatchObject({ hash: target.hash, operatorId: 'demo-agent' });
    expect(core.audit.verify().ok).toBe(true);

    const queue = value<Page>(await call('supervision.list', { category: 'flagged' }));
    expect(queue.rows.map((r) => [r.entry.hash, r.review?.state])).toEqual([[target.hash, 'flagged']]);

    // Another agent sees none of it, and cannot acknowledge it.
    await asOther();
    expect(value<{ items: unknown[] }>(await call('supervision.feedback', {})).items).toEqual([]);
    expect(await call('supervision.acknowledge', { review: flagged.review.ref })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The agent whose entry it is sees it and acknowledges it (twice is once).
    await as('agent');
    const fb = value<{ items: { entry: { hash: string }; review: { state: string; note: string; acknowledged: unknown } }[] }>(await call('supervision.feedback', {}));
    expect(fb.items).toHaveLength(1);
    expect(fb.items[0]).toMatchObject({ entry: { hash: target.hash }, review: { state: 'flagged', note: 'Hvorfor uten grunn? 100% "sikker"?', acknowledged: null } });
    const ack = value<{ acknowledged: { at: string } }>(await call('supervision.acknowledge', { review: flagged.review.ref }));
    expect(value<{ acknowledged: { at: string } }>(await call('supervision.acknowledge', { review: flagged.review.ref }))).toEqual(ack);
    expect(core.audit.list({ kind: 'event', order: 'desc', limit: 5 }).filter((e) => e.action === 'review.acknowledged')).toHaveLength(1);

    await as('supervisor');
    const after = value<Page>(await call('supervision.list', { category: 'flagged' }));
    expect(after.rows[0]!.review).toMatchObject({ state: 'flagged', acknowledged: { by: { id: 'demo-agent' }, at: ack.acknowledged.at } });
    // Marking it reviewed takes it out of the queue; the agent's feedback shows the newer review, not acknowledged yet.
    value(await call('supervision.review', { target: ref, state: 'reviewed', note: 'OK, forklart' }));
    expect(value<Page>(await call('supervision.list', { category: 'flagged' })).total).toEqual({ kind: 'exact', n: 0 });
    await as('agent');
    const now = value<{ items: { review: { state: string; acknowledged: unknown } }[] }>(await call('supervision.feedback', {}));
    expect(now.items.map((i) => [i.review.state, i.review.acknowledged])).toEqual([['reviewed', null]]);
  });

  it('exports exactly what is filtered as CSV, with the review columns, and records the export', async () => {
    await as('supervisor');
    const r = value<{ csv: string; rows: number; fileName: string }>(await call('supervision.exportCsv', { accountNo: 7002 }));
    expect(r.rows).toBe(2);
    expect(r.fileName).toMatch(/^supervision-desk-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const lines = r.csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFdesk_id,seq,at,kind,operator_id,operator_name,operator_role,action,account_no,request_id,profile,outcome,reason,before,after,detail,prev_hash,hash,review_state,review_note,reviewed_by,reviewed_at,acknowledged_at',
    );
    expect(lines[1]).toContain(`,2026-11-30T23:31:00.000Z,intent,demo-agent,Demo Agent,agent,reason.add,7002,r-2026-11-30T23:31:00.000Z,sandbox,,,,"{""text"":""Reason: kunden's ønske""}",,`);
    expect(lines[2]).toContain(",billingGroup.modify,7002,");
    expect(lines[2]).toContain(`,kunden's ønske,,"{""billingGroupName"":""Gruppe 3""}",,`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const logged = core.audit.list({ kind: 'event', order: 'desc', limit: 1 })[0]!;
    expect(logged).toMatchObject({ action: 'supervision.exported', operator: { id: 'demo-supervisor' }, detail: { rows: 2, source: 'desk' } });
  });
});
