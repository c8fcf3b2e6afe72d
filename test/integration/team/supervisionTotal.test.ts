// The supervisor workspace's first-page total over a real team store (decision D90): exact
// from migration 4's day table for whole Oslo days (even above the bound), counted up to a
// bound otherwise and then said as "more than", and pinned with the page's rows. The bound
// is injected (3, 0) so the "more than" case needs a handful of entries; every expected
// value is written out by hand from the entries made here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TeamAuditSource } from '../../../main/core/supervision/team';
import type { SourceFilter } from '../../../main/core/supervision/source';
import { TeamStore } from '../../../main/core/team/store';
import type { AuditInput } from '../../../main/core/audit/types';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { FakeAuditLog } from './fakeAuditLog';

let db: TeamDb;
let deskUrl: string;
let supUrl: string;
const stores: TeamStore[] = [];
const d1 = new FakeAuditLog('desk-1');
const d2 = new FakeAuditLog('desk-2');

const ana = { id: 'ana', displayName: 'Ana Berg', role: 'agent' as const };
const ole = { id: 'ole', displayName: 'Ole Dahl', role: 'agent' as const };
const base = { requestId: null, profile: 'p', before: null, outcome: null, detail: null };
const e = (at: string, operator: typeof ana | null, action: string, accountNo: number, after: unknown, reason: string | null): AuditInput => ({
  ...base, kind: 'intent', at, operator, action, accountNo, after, reason,
});
// Oslo is UTC+1 in November: its 2 November runs from 2026-11-01T23:00Z to 2026-11-02T23:00Z.
const OSLO_NOV_2 = { from: '2026-11-01T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z' };
const OSLO_NOV_3 = { from: '2026-11-02T23:00:00.000Z', to: '2026-11-03T23:00:00.000Z' };
const UTC_NOV_2 = { from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' };

const source = (countBound?: number) => {
  const store = new TeamStore({ connectionString: supUrl });
  stores.push(store);
  return new TeamAuditSource(store, countBound === undefined ? {} : { countBound });
};
const ship = async (entries: Parameters<TeamStore['insertEntries']>[0]) => {
  const store = new TeamStore({ connectionString: deskUrl });
  await store.insertEntries(entries);
  await store.close();
};
/** Every row of a filter, page by page with the first page's pin. */
async function walk(src: TeamAuditSource, f: SourceFilter, limit = 2) {
  const first = await src.list(f, { limit });
  const ats = first.entries.map((x) => x.at);
  for (let offset = limit; ; offset += limit) {
    const page = await src.list(f, { limit, offset, pin: first.pin });
    expect(page.total).toBeNull();
    ats.push(...page.entries.map((x) => x.at));
    if (page.entries.length < limit) break;
  }
  return { total: first.total, ats };
}

describeTeam('the supervisor workspace counts what it lists (team store)', () => {
  beforeAll(async () => {
    db = await createTeamDb('svtotal');
    deskUrl = (await db.login('desk')).url;
    supUrl = (await db.login('supervisor')).url;
    d1.append(e('2026-11-02T08:00:00.000Z', ana, 'comment.add', 1001, { text: 'Rabatt godkjent' }, null));
    d1.append(e('2026-11-02T09:00:00.000Z', ana, 'billingGroup.modify', 1001, { billingGroupName: 'G2' }, null));
    d1.append(e('2026-11-02T10:00:00.000Z', ana, 'accounts.manage', 1002, { status: 'ACTIVE' }, '  '));
    d1.append({ ...e('2026-11-02T10:00:01.000Z', ana, 'accounts.manage', 1002, null, null), kind: 'outcome', outcome: 'APPLIED' });
    d1.append(e('2026-11-02T23:30:00.000Z', ana, 'comment.add', 1003, { text: 'sent kveld' }, null)); // 00:30 on 3 Nov in Oslo
    d1.append(e('2026-11-02T22:59:00.000Z', ana, 'reason.add', 1002, { text: 'Reason: flyttet' }, null)); // 23:59 on 2 Nov in Oslo
    d2.append(e('2026-11-02T12:00:00.000Z', ole, 'comment.add', 1001, { text: 'Rabatt 50 kr' }, null));
    d2.append(e('2026-11-02T13:00:00.000Z', ole, 'address.changePerm', 1004, { street: 'Storgata 1' }, 'Customer moved'));
    d2.append(e('2026-11-03T09:00:00.000Z', ole, 'billingGroup.add', 1005, { billingGroupName: 'G5' }, null));
    d2.append({ ...e('2026-11-03T09:30:00.000Z', ole, 'session.signIn', 0, null, null), kind: 'event', accountNo: null });
    d2.append(e('2026-11-03T10:00:00.000Z', null, 'accounts.manage', 1006, { status: 'CLOSED' }, null)); // no operator named
    d2.append(e('2026-11-01T22:30:00.000Z', ole, 'comment.add', 1007, { text: 'rabatt gitt' }, null)); // 23:30 on 1 Nov in Oslo
    await ship(d1.entries);
    await ship(d2.entries);
  }, 60_000);
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('counts whole Oslo days exactly from the day table, even above the bound, with the entries that name no operator', async () => {
    const src = source(3);
    const total = async (f: SourceFilter) => (await src.list(f, { limit: 1 })).total;
    // 10 comments and changes (the outcome and the sign-in are neither), one of them without an operator.
    expect(await total({})).toEqual({ kind: 'exact', n: 10 });
    expect(await total({ category: 'comments' })).toEqual({ kind: 'exact', n: 5 });
    expect(await total({ category: 'changes' })).toEqual({ kind: 'exact', n: 5 });
    expect(await total(OSLO_NOV_2)).toEqual({ kind: 'exact', n: 6 });
    expect(await total({ ...OSLO_NOV_2, category: 'comments' })).toEqual({ kind: 'exact', n: 3 });
    expect(await total({ ...OSLO_NOV_3, category: 'changes' })).toEqual({ kind: 'exact', n: 2 });
    expect(await total({ ...OSLO_NOV_2, operatorId: 'ana' })).toEqual({ kind: 'exact', n: 4 });
    expect(await total({ operatorId: 'ana' })).toEqual({ kind: 'exact', n: 5 });
    expect(await total({ from: OSLO_NOV_3.from })).toEqual({ kind: 'exact', n: 3 });
    // And what the list then holds is that many rows.
    expect((await walk(src, {})).ats).toHaveLength(10);
    expect((await walk(src, OSLO_NOV_2)).ats.sort()).toEqual([
      '2026-11-02T08:00:00.000Z', '2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-02T12:00:00.000Z', '2026-11-02T13:00:00.000Z', '2026-11-02T22:59:00.000Z',
    ]);
  });

  it('counts anything else up to the bound and says "more than" above it', async () => {
    const src = source(3);
    const total = async (f: SourceFilter, countUpTo?: number) => (await src.list(f, { limit: 1, ...(countUpTo ? { countUpTo } : {}) })).total;
    // Four changes without a reason (a blank reason is none): more than 3.
    expect(await total({ category: 'withoutReason' })).toEqual({ kind: 'moreThan', n: 3 });
    // The export asks for its own limit: exact.
    expect(await total({ category: 'withoutReason' }, 10)).toEqual({ kind: 'exact', n: 4 });
    // Exactly at the bound is still exact (account 1001 has 3 entries).
    expect(await total({ accountNo: 1001 })).toEqual({ kind: 'exact', n: 3 });
    // A text filter is not counted (D96): a page of 1 of Ole's 2 'rabatt' comments says "more than 1".
    expect(await total({ text: 'rabatt', category: 'comments', operatorId: 'ole' })).toEqual({ kind: 'moreThan', n: 1 });
    expect(await total({ text: 'rabatt', category: 'comments', operatorId: 'ole' }, 10)).toEqual({ kind: 'exact', n: 2 });
    // A UTC day is not an Oslo day: its 7 entries are counted, so more than 3.
    expect(await total(UTC_NOV_2)).toEqual({ kind: 'moreThan', n: 3 });
    expect(await total({ category: 'all' })).toEqual({ kind: 'moreThan', n: 3 });
    // "More than 3" is true: the pinned pages hold 7.
    const w = await walk(src, UTC_NOV_2);
    expect(w.total).toEqual({ kind: 'moreThan', n: 3 });
    expect(w.ats).toEqual([
      '2026-11-02T23:30:00.000Z', '2026-11-02T22:59:00.000Z', '2026-11-02T13:00:00.000Z', '2026-11-02T12:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-02T09:00:00.000Z', '2026-11-02T08:00:00.000Z',
    ]);
    // A first page shorter than asked for is the whole answer: exact, even above the bound.
    expect((await src.list(UTC_NOV_2, { limit: 10 })).total).toEqual({ kind: 'exact', n: 7 });
    expect((await src.list({ category: 'withoutReason' }, { limit: 5 })).total).toEqual({ kind: 'exact', n: 4 });
    expect((await src.list({ category: 'withoutReason' }, { limit: 4 })).total).toEqual({ kind: 'moreThan', n: 3 });
    // The entries without an operator are counted up to the bound too (bound 0: 9 from the day table, and more).
    expect((await source(0).list({}, { limit: 1 })).total).toEqual({ kind: 'moreThan', n: 9 });
    // A text filter is not counted (D96): 'rabatt' is in 3 entries. A page of 2 says "more
    // than 2" and holds 2 rows; a page of 3 or more is the whole answer; an export counts.
    const textSrc = source(10);
    const two = await textSrc.list({ text: 'rabatt' }, { limit: 2 });
    expect(two.total).toEqual({ kind: 'moreThan', n: 2 });
    expect(two.entries.map((x) => x.at)).toEqual(['2026-11-02T12:00:00.000Z', '2026-11-02T08:00:00.000Z']);
    expect((await textSrc.list({ text: 'rabatt' }, { limit: 3 })).total).toEqual({ kind: 'exact', n: 3 });
    expect((await textSrc.list({ text: 'rabatt' }, { limit: 3 })).entries).toHaveLength(3);
    expect((await textSrc.list({ text: 'rabatt' }, { limit: 1, countUpTo: 10 })).total).toEqual({ kind: 'exact', n: 3 });
    // Walking the pinned pages of "more than 2" finds the third.
    expect((await walk(textSrc, { text: 'rabatt' })).ats).toHaveLength(3);
    // The default bound, 10,000: all exact here.
    expect((await source().list({ category: 'withoutReason' }, { limit: 1 })).total).toEqual({ kind: 'exact', n: 4 });
  });

  it('pins the total with the rows: entries shipped after the first page count for the next first page only', async () => {
    const src = source(3);
    const first = await src.list({}, { limit: 4 });
    expect(first.total).toEqual({ kind: 'exact', n: 10 });
    await ship([d1.append(e('2026-11-02T14:00:00.000Z', ana, 'comment.add', 1008, { text: 'etterpå' }, null))]);
    const rest: string[] = [];
    for (let offset = 4; offset < 20; offset += 4) rest.push(...(await src.list({}, { limit: 4, offset, pin: first.pin })).entries.map((x) => x.at));
    expect(first.entries.length + rest.length).toBe(10);
    expect(rest).not.toContain('2026-11-02T14:00:00.000Z');
    expect((await src.list({}, { limit: 1 })).total).toEqual({ kind: 'exact', n: 11 });
    expect((await src.list(OSLO_NOV_2, { limit: 1 })).total).toEqual({ kind: 'exact', n: 7 });
  });
});
