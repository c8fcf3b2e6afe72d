// `npm run audit:verify -- --team URL` over a real store: intact, then each way history can
// be changed behind the store's back (by a superuser with the triggers off), each named.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TeamStore } from '../../../main/core/team/store';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { FakeAuditLog, sampleInput } from './fakeAuditLog';

let db: TeamDb;
let sup: { url: string };
const root = resolve(__dirname, '../../..');

function verifyCli(url: string) {
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts', '--team', url], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

/** Runs SQL as a superuser with every trigger off, as someone with the server's keys could. */
async function tamper(sql: string, params: unknown[] = []) {
  const c = await db.superuser();
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query(sql, params);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

describeTeam('audit:verify --team', () => {
  beforeAll(async () => {
    db = await createTeamDb('verify');
    const desk = await db.login('desk');
    sup = await db.login('supervisor');
    const store = new TeamStore({ connectionString: desk.url });
    for (const id of ['desk-1', 'desk-2', 'desk-3']) {
      const log = new FakeAuditLog(id).fill(40);
      log.append(sampleInput(99, { reason: "50% off_the 'quoted' \u0000 text" }));
      await store.insertEntries(log.entries);
    }
    await store.close();
  }, 60_000);
  afterAll(async () => db?.drop());

  it('passes an intact store (exit 0) with a supervisor role', () => {
    expect(verifyCli(sup.url)).toEqual({ code: 0, out: expect.stringMatching(/^team store intact: 3 desks, 123 entries, every chain checked/) });
  });

  it('names an edited entry text, an edited column, a removed entry, a removed tail, and a bad URL', async () => {
    await tamper("UPDATE team.audit_entries SET entry = replace(entry, 'reason 7', 'reason 8') WHERE desk_id = 'desk-2' AND seq = 7");
    expect(verifyCli(sup.url)).toMatchObject({ code: 1, out: expect.stringContaining('team store NOT intact: desk desk-2: entry 7 does not match its hash (edited)') });
    await tamper("UPDATE team.audit_entries SET entry = replace(entry, 'reason 8', 'reason 7') WHERE desk_id = 'desk-2' AND seq = 7");
    expect(verifyCli(sup.url).code).toBe(0);

    await tamper("UPDATE team.audit_entries SET operator_id = 'someone-else' WHERE desk_id = 'desk-1' AND seq = 12");
    expect(verifyCli(sup.url).out).toContain('desk desk-1: entry 12: column operator_id disagrees with the entry (edited)');
    await tamper("UPDATE team.audit_entries SET operator_id = 'agent-0' WHERE desk_id = 'desk-1' AND seq = 12");
    expect(verifyCli(sup.url).code).toBe(0);

    await tamper("DELETE FROM team.audit_entries WHERE desk_id = 'desk-3' AND seq IN (20, 21)");
    expect(verifyCli(sup.url)).toMatchObject({ code: 1, out: expect.stringContaining('desk desk-3: entries 20–21 are missing (removed)') });
  });

  it('names a removed tail, and cannot check without a connection (exit 2)', async () => {
    await tamper("DELETE FROM team.audit_entries WHERE desk_id = 'desk-1' AND seq = 41");
    expect(verifyCli(sup.url).out).toContain("desk desk-1: the store's head says entry 41 but the last entry held is 40 (entries removed at the end)");
    const bad = new URL(sup.url);
    bad.password = 'wrong';
    expect(verifyCli(bad.toString())).toMatchObject({ code: 2, out: expect.stringContaining('cannot connect to the team store') });
  });
});
