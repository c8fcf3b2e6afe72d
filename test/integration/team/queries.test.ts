// The supervisor's queries over a real store: each filter, text with %, _, quotes and
// backslashes taken as text, changes without a reason, counts per operator per day, and
// paging. Expected values are written out by hand from the entries made here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { changesWithoutReason, countsPerOperatorPerDay, deskFreshness, searchTeamAudit } from '../../../main/core/team/queries';
import { TeamStore } from '../../../main/core/team/store';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { FakeAuditLog } from './fakeAuditLog';
import type { AuditInput } from '../../../main/core/audit/types';

let db: TeamDb;
let sup: pg.Client;

const ana = { id: 'ana', displayName: 'Ana Berg', role: 'agent' as const };
const ole = { id: 'ole', displayName: "Ole O'Hara", role: 'agent' as const };
const base = { requestId: null, profile: 'p', before: null, outcome: null, detail: null };
const e = (at: string, operator: typeof ana, action: string, accountNo: number, after: unknown, reason: string | null): AuditInput => ({
  ...base, kind: 'intent', at, operator, action, accountNo, after, reason,
});

describeTeam('supervisor queries (PostgreSQL)', () => {
  beforeAll(async () => {
    db = await createTeamDb('queries');
    const desk = await db.login('desk');
    const s = await db.login('supervisor');
    const d1 = new FakeAuditLog('desk-1');
    // 2026-11-02 (Oslo: UTC+1)
    d1.append(e('2026-11-02T08:00:00.000Z', ana, 'comment.add', 1001, { text: 'Kunden fikk 50% rabatt' }, null));
    d1.append(e('2026-11-02T09:00:00.000Z', ana, 'billingGroup.modify', 1001, { billingGroupName: 'a_b' }, null));
    d1.append(e('2026-11-02T10:00:00.000Z', ana, 'accounts.manage', 1002, { status: 'ACTIVE' }, '   '));
    d1.append({ ...e('2026-11-02T10:00:01.000Z', ana, 'accounts.manage', 1002, null, null), kind: 'outcome', outcome: 'APPLIED' });
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Oslo
    d1.append(e('2026-11-02T23:30:00.000Z', ana, 'comment.add', 1003, { text: 'sent kveld' }, null));
    const d2 = new FakeAuditLog('desk-2');
    d2.append(e('2026-11-02T12:00:00.000Z', ole, 'comment.add', 1001, { text: 'Kunden fikk 50 kr rabatt' }, null));
    d2.append(e('2026-11-02T13:00:00.000Z', ole, 'address.changePerm', 1004, { street: "O'Connells gate \\ 2" }, 'Customer moved'));
    d2.append(e('2026-11-03T09:00:00.000Z', ole, 'billingGroup.add', 1005, { billingGroupName: 'axb' }, null));
    d2.append({ ...e('2026-11-03T09:30:00.000Z', ole, 'session.signIn', 0, null, null), kind: 'event', accountNo: null });
    const store = new TeamStore({ connectionString: desk.url });
    await store.insertEntries(d1.entries);
    await store.insertEntries(d2.entries);
    await store.close();
    sup = await db.asRole(s.user, s.password);
  }, 60_000);
  afterAll(async () => {
    await sup?.end();
    await db?.drop();
  });

  const seqs = (rows: Array<{ entry: { deskId: string; seq: number } }>) => rows.map((r) => `${r.entry.deskId}#${r.entry.seq}`);

  it('filters by date range, operator, account, desk and kind, newest first', async () => {
    expect(seqs(await searchTeamAudit(sup))).toEqual(['desk-2#4', 'desk-2#3', 'desk-1#5', 'desk-2#2', 'desk-2#1', 'desk-1#4', 'desk-1#3', 'desk-1#2', 'desk-1#1']);
    expect(seqs(await searchTeamAudit(sup, { from: '2026-11-02T09:00:00Z', to: '2026-11-02T12:00:00Z' }))).toEqual(['desk-1#4', 'desk-1#3', 'desk-1#2']);
    expect(seqs(await searchTeamAudit(sup, { operatorId: 'ole', kind: 'intent' }))).toEqual(['desk-2#3', 'desk-2#2', 'desk-2#1']);
    expect(seqs(await searchTeamAudit(sup, { accountNo: 1001 }))).toEqual(['desk-2#1', 'desk-1#2', 'desk-1#1']);
    expect(seqs(await searchTeamAudit(sup, { deskId: 'desk-1', kind: 'outcome' }))).toEqual(['desk-1#4']);
    const [row] = await searchTeamAudit(sup, { accountNo: 1004 });
    expect(row!.entry).toMatchObject({ operator: ole, action: 'address.changePerm', reason: 'Customer moved', after: { street: "O'Connells gate \\ 2" } });
  });

  it('treats %, _, quotes and backslashes in the text filter as text', async () => {
    expect(seqs(await searchTeamAudit(sup, { text: '50%' }))).toEqual(['desk-1#1']);
    expect(seqs(await searchTeamAudit(sup, { text: '50' }))).toEqual(['desk-2#1', 'desk-1#1']);
    expect(seqs(await searchTeamAudit(sup, { text: 'a_b' }))).toEqual(['desk-1#2']);
    expect(seqs(await searchTeamAudit(sup, { text: '_' }))).toEqual(['desk-1#2']);
    expect(seqs(await searchTeamAudit(sup, { text: '%' }))).toEqual(['desk-1#1']);
    expect(seqs(await searchTeamAudit(sup, { text: "o'connell" }))).toEqual(['desk-2#2']);
    expect(seqs(await searchTeamAudit(sup, { text: "O'Hara" }))).toEqual(['desk-2#4', 'desk-2#3', 'desk-2#2', 'desk-2#1']);
    expect(seqs(await searchTeamAudit(sup, { text: 'gate \\\\ 2' }))).toEqual(['desk-2#2']); // the JSON text escapes the backslash
    expect(seqs(await searchTeamAudit(sup, { text: "'; DROP TABLE team.audit_entries; --" }))).toEqual([]);
    expect(seqs(await searchTeamAudit(sup, { text: 'KUNDEN FIKK' }))).toEqual(['desk-2#1', 'desk-1#1']);
  });

  it('lists changes made without a reason (blank counts as none; comments and events are not changes)', async () => {
    expect(seqs(await changesWithoutReason(sup))).toEqual(['desk-2#3', 'desk-1#3', 'desk-1#2']);
    expect(seqs(await changesWithoutReason(sup, { operatorId: 'ana', to: '2026-11-02T10:00:00Z' }))).toEqual(['desk-1#2']);
  });

  it('counts comments and changes per operator per Oslo day', async () => {
    expect(await countsPerOperatorPerDay(sup)).toEqual([
      { day: '2026-11-02', operatorId: 'ana', operatorName: 'Ana Berg', comments: 1, changes: 2 },
      { day: '2026-11-02', operatorId: 'ole', operatorName: "Ole O'Hara", comments: 1, changes: 1 },
      { day: '2026-11-03', operatorId: 'ana', operatorName: 'Ana Berg', comments: 1, changes: 0 },
      { day: '2026-11-03', operatorId: 'ole', operatorName: "Ole O'Hara", comments: 0, changes: 1 },
    ]);
    expect(await countsPerOperatorPerDay(sup, { timeZone: 'UTC', operatorId: 'ana' })).toEqual([
      { day: '2026-11-02', operatorId: 'ana', operatorName: 'Ana Berg', comments: 2, changes: 2 },
    ]);
  });

  it('pages by keyset without repeating or skipping, and says how current each desk is', async () => {
    const all = seqs(await searchTeamAudit(sup));
    const pages: string[] = [];
    let after: { at: string; deskId: string; seq: number } | undefined;
    for (;;) {
      const page = await searchTeamAudit(sup, { limit: 2, ...(after ? { after } : {}) });
      if (!page.length) break;
      pages.push(...seqs(page));
      const last = page[page.length - 1]!.entry;
      after = { at: last.at, deskId: last.deskId, seq: last.seq };
    }
    expect(pages).toEqual(all);
    const fresh = await deskFreshness(sup);
    expect(fresh.map((f) => [f.deskId, f.lastSeq])).toEqual([
      ['desk-1', 5],
      ['desk-2', 4],
    ]);
    expect(Date.now() - Date.parse(fresh[0]!.lastReceivedAt!)).toBeLessThan(60_000);
  });
  // Last: it ships a third desk, which the tests above do not expect.
  it('counts from the day table (migration 4) equal a count of the entries; a shipment sent twice counts once', async () => {
    const d3 = new FakeAuditLog('desk-3');
    d3.append(e('2026-11-05T10:15:00.000Z', ana, 'comment.add', 1001, { text: 'a' }, null));
    d3.append(e('2026-11-05T10:16:00.000Z', ana, 'reason.add', 1001, { text: 'fordi' }, null));
    d3.append(e('2026-11-05T10:17:00.000Z', ana, 'billingGroup.modify', 1001, { billingGroupName: 'x' }, 'fordi'));
    d3.append({ ...e('2026-11-05T10:17:01.000Z', ana, 'billingGroup.modify', 1001, null, null), kind: 'outcome', outcome: 'APPLIED' });
    d3.append(e('2026-11-05T11:45:00.000Z', ana, 'comment.add', 1002, { text: 'b' }, null));
    const desk = await db.login('desk');
    const store = new TeamStore({ connectionString: desk.url });
    try {
      expect(await store.insertEntries(d3.entries.slice(0, 3))).toEqual({ inserted: 3, already: 0 });
      expect(await store.insertEntries(d3.entries)).toEqual({ inserted: 2, already: 3 });
      expect(await store.insertEntries(d3.entries)).toEqual({ inserted: 0, already: 5 });
    } finally {
      await store.close();
    }
    const day = [{ day: '2026-11-05', operatorId: 'ana', operatorName: 'Ana Berg', comments: 3, changes: 1 }];
    const osloDay = { from: '2026-11-04T23:00:00Z', to: '2026-11-05T23:00:00Z' }; // midnight to midnight in Oslo (UTC+1)
    const utcDay = { from: '2026-11-05T00:00:00Z', to: '2026-11-06T00:00:00Z' };
    expect(await countsPerOperatorPerDay(sup, osloDay)).toEqual(day); // the day table
    expect(await countsPerOperatorPerDay(sup, { ...osloDay, operatorId: 'ana' })).toEqual(day); // the day table
    expect(await countsPerOperatorPerDay(sup, { ...osloDay, deskId: 'desk-3' })).toEqual(day); // the entries
    expect(await countsPerOperatorPerDay(sup, { ...utcDay, timeZone: 'UTC' })).toEqual(day); // the entries
    expect(await countsPerOperatorPerDay(sup, { ...utcDay, timeZone: 'Asia/Kolkata' })).toEqual(day); // the entries
    expect(await countsPerOperatorPerDay(sup, { from: '2026-11-05T10:30:00Z', to: '2026-11-05T23:00:00Z' })).toEqual([{ ...day[0], comments: 1, changes: 0 }]); // part day
    expect(await countsPerOperatorPerDay(sup, { ...osloDay, operatorId: 'ole' })).toEqual([]);
    const c = await db.superuser();
    try {
      const days = (await c.query("SELECT to_char(day, 'YYYY-MM-DD') AS day, operator_id, comments::int, changes::int FROM team.operator_day_counts WHERE day >= '2026-11-05' ORDER BY day")).rows;
      expect(days).toEqual([{ day: '2026-11-05', operator_id: 'ana', comments: 3, changes: 1 }]);
      // The desk role can neither read nor write the counts; the supervisor only reads them.
      const own = await db.asRole(desk.user, desk.password);
      try {
        await expect(own.query('SELECT 1 FROM team.operator_day_counts')).rejects.toMatchObject({ code: '42501' });
        await expect(own.query("UPDATE team.operator_day_counts SET comments = 0")).rejects.toMatchObject({ code: '42501' });
      } finally {
        await own.end();
      }
      await expect(sup.query('DELETE FROM team.operator_day_counts')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await c.end();
    }
  });
});
