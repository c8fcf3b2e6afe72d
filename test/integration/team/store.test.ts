// The team store in PostgreSQL itself: migrations, the schema-version guard, least privilege
// (a desk, with its own credentials, cannot read, alter or delete history), and the chain
// check that catches a desk that rewrote its history.
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KNOWN_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/team/migrations';
import { checkSchema, migrate } from '../../../main/core/team/schema';
import { TeamStore, TeamStoreError } from '../../../main/core/team/store';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { FakeAuditLog, sampleInput, seal, sha256, testCanonical } from './fakeAuditLog';

let db: TeamDb;
let desk: { user: string; password: string; url: string };
let supervisor: { user: string; password: string; url: string };
const stores: TeamStore[] = [];
const storeFor = (url: string) => {
  const s = new TeamStore({ connectionString: url });
  stores.push(s);
  return s;
};

async function sqlError(c: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  try {
    await c.query(sql, params);
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
}

describeTeam('team store (PostgreSQL)', () => {
  beforeAll(async () => {
    db = await createTeamDb('store');
    desk = await db.login('desk');
    supervisor = await db.login('supervisor');
  }, 60_000);
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('records each applied migration with its checksum; running them again changes nothing', async () => {
    const c = await db.asRole(db.owner.user, db.owner.password);
    try {
      const rows = (await c.query('SELECT version, checksum, applied_by FROM team.schema_version ORDER BY version')).rows;
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, checksum: sha256(m.sql), applied_by: db.owner.user })));
      expect(await migrate(c)).toEqual({ from: KNOWN_SCHEMA_VERSION, to: KNOWN_SCHEMA_VERSION, applied: [] });
    } finally {
      await c.end();
    }
  });

  it('refuses a schema newer than this app knows, naming both versions', async () => {
    const c = await db.asRole(db.owner.user, db.owner.password);
    const known = KNOWN_SCHEMA_VERSION;
    try {
      await c.query("INSERT INTO team.schema_version (version, name, checksum) VALUES ($1, 'from a newer desk', 'x')", [known + 1]);
      const msg = `The team store's schema is version ${known + 1}, newer than this CSR Desk knows (version ${known}). Update CSR Desk on this desk before it connects to the team store.`;
      await expect(checkSchema(c)).rejects.toThrow(msg);
      await expect(migrate(c)).rejects.toThrow(msg);
      // A desk refuses to ship into it.
      const log = new FakeAuditLog('desk-newer').fill(1);
      const err = await storeFor(desk.url).insertEntries(log.entries).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TeamStoreError);
      expect((err as TeamStoreError).fault).toBe('schema');
      expect((err as Error).message).toBe(msg);
    } finally {
      await c.query('DELETE FROM team.schema_version WHERE version = $1', [known + 1]);
      await c.end();
    }
  });

  it('a store behind is refused until migrated, then migrate brings it from 1 to the newest', async () => {
    const old = await createTeamDb('old', undefined, MIGRATIONS.slice(0, 1));
    try {
      const c = await old.asRole(old.owner.user, old.owner.password);
      try {
        await expect(checkSchema(c)).rejects.toThrow(
          `The team store's schema is version 1, older than this CSR Desk needs (version ${KNOWN_SCHEMA_VERSION}). Ask the team store's administrator to run the migrations (npm run team:store -- migrate).`,
        );
        expect(await migrate(c)).toEqual({ from: 1, to: KNOWN_SCHEMA_VERSION, applied: MIGRATIONS.slice(1).map((m) => m.version) });
        expect(await checkSchema(c)).toBe(KNOWN_SCHEMA_VERSION);
        // A migration changed after it was applied is refused.
        await c.query("UPDATE team.schema_version SET checksum = 'edited' WHERE version = 1");
        await expect(migrate(c)).rejects.toThrow("The team store's migration 1 differs from the one this CSR Desk ships");
      } finally {
        await c.end();
      }
    } finally {
      await old.drop();
    }
  });

  it('a store that lacks a migration below its newest (two written side by side) is refused, and migrate adds it', async () => {
    const gap = await createTeamDb('gap', undefined, [MIGRATIONS[0]!, MIGRATIONS[MIGRATIONS.length - 1]!]);
    try {
      const c = await gap.asRole(gap.owner.user, gap.owner.password);
      try {
        const middle = MIGRATIONS.slice(1, -1).map((m) => m.version);
        expect(middle.length).toBeGreaterThan(0);
        await expect(checkSchema(c)).rejects.toThrow(`The team store lacks migration ${middle.join(', ')} that this CSR Desk needs (version ${KNOWN_SCHEMA_VERSION}).`);
        expect(await migrate(c)).toEqual({ from: KNOWN_SCHEMA_VERSION, to: KNOWN_SCHEMA_VERSION, applied: middle });
        expect(await checkSchema(c)).toBe(KNOWN_SCHEMA_VERSION);
      } finally {
        await c.end();
      }
    } finally {
      await gap.drop();
    }
  });

  it('takes a desk chain in order, and a second shipment of the same entries is skipped by hash', async () => {
    const log = new FakeAuditLog('desk-a').fill(5);
    const store = storeFor(desk.url);
    expect(await store.insertEntries(log.entries.slice(0, 3))).toEqual({ inserted: 3, already: 0 });
    expect(await store.insertEntries(log.entries)).toEqual({ inserted: 2, already: 3 });
    expect(await store.insertEntries(log.entries)).toEqual({ inserted: 0, already: 5 });
    const c = await db.asRole(supervisor.user, supervisor.password);
    try {
      const rows = (await c.query("SELECT seq, hash, prev_hash, operator_id, account_no, reason FROM team.audit_entries WHERE desk_id = 'desk-a' ORDER BY seq")).rows;
      expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
      expect(rows.map((r) => r.hash)).toEqual(log.entries.map((e) => e.hash));
      expect(rows[0]).toMatchObject({ prev_hash: '', operator_id: 'agent-1', account_no: '1001', reason: 'reason 1' });
      expect(rows[4]).toMatchObject({ prev_hash: log.entries[3]!.hash, reason: null });
      const head = (await c.query("SELECT last_seq, last_hash, db_role FROM team.desks WHERE desk_id = 'desk-a'")).rows[0];
      expect(head).toEqual({ last_seq: '5', last_hash: log.entries[4]!.hash, db_role: desk.user });
    } finally {
      await c.end();
    }
  });

  it('refuses a rewritten desk chain centrally: an edited old entry, a broken link, a gap, a forged hash', async () => {
    const log = new FakeAuditLog('desk-b').fill(4);
    const store = storeFor(desk.url);
    await store.insertEntries(log.entries);
    const code = (e: unknown) => (e as TeamStoreError).sqlState;

    // The desk rewrote entry 3 (and re-chained 4) after shipping them: the store holds other hashes.
    const e3 = seal({ ...log.entries[2]!, reason: 'a better reason, written later', hash: undefined } as never);
    const rewritten = await store.insertEntries([e3]).catch((e: unknown) => e);
    expect(code(rewritten)).toBe('CSR01');
    expect((rewritten as Error).message).toContain('desk desk-b sent another entry 3 than the one the store holds: its history was rewritten');

    // A next entry that does not chain from the store's head.
    const { hash: _h, ...last } = log.entries[3]!;
    const wrongLink = seal({ ...last, seq: 5, prevHash: log.entries[2]!.hash });
    expect(code(await store.insertEntries([wrongLink]).catch((e: unknown) => e))).toBe('CSR01');

    // A gap: entry 6 without 5.
    const gap = seal({ ...last, seq: 6, prevHash: 'f'.repeat(64) });
    const gapErr = await store.insertEntries([gap]).catch((e: unknown) => e);
    expect(code(gapErr)).toBe('CSR02');
    expect((gapErr as Error).message).toContain('desk desk-b sent entry 6 but the store holds up to 4: entries are missing');

    // A hash that is not the sha256 of the entry.
    const good5 = seal({ ...last, seq: 5, prevHash: log.entries[3]!.hash });
    const forged = { ...good5, reason: 'changed after sealing' };
    expect(code(await store.insertEntries([forged]).catch((e: unknown) => e))).toBe('CSR05');

    // A batch is all or nothing: a good entry followed by a bad one stores neither.
    const good6 = seal({ ...last, seq: 6, prevHash: good5.hash });
    expect(code(await store.insertEntries([good5, { ...good6, prevHash: '' }]).catch((e: unknown) => e))).toBe('CSR05');
    expect(await store.insertEntries([good5, good6])).toEqual({ inserted: 2, already: 0 });
  });

  it('keeps a desk id to the database role that first shipped it', async () => {
    const other = await db.login('desk');
    const log = new FakeAuditLog('desk-c').fill(2);
    await storeFor(desk.url).insertEntries(log.entries.slice(0, 1));
    const err = await storeFor(other.url).insertEntries(log.entries.slice(1)).catch((e: unknown) => e);
    expect((err as TeamStoreError).sqlState).toBe('CSR03');
    expect((err as Error).message).toContain(`desk desk-c ships as database role ${desk.user}, not ${other.user}`);
  });

  it('a desk, with its own credentials, cannot read, alter or delete history, nor move the chain head', async () => {
    await storeFor(desk.url).insertEntries(new FakeAuditLog('desk-d').fill(3).entries);
    const c = await db.asRole(desk.user, desk.password);
    try {
      expect(await sqlError(c, "UPDATE team.audit_entries SET reason = 'edited' WHERE desk_id = 'desk-d'")).toBe('42501');
      expect(await sqlError(c, "DELETE FROM team.audit_entries WHERE desk_id = 'desk-d'")).toBe('42501');
      expect(await sqlError(c, 'TRUNCATE team.audit_entries')).toBe('42501');
      expect(await sqlError(c, 'SELECT entry FROM team.audit_entries')).toBe('42501');
      expect(await sqlError(c, "UPDATE team.desks SET last_seq = 0, last_hash = '' WHERE desk_id = 'desk-d'")).toBe('42501');
      expect(await sqlError(c, "DELETE FROM team.desks WHERE desk_id = 'desk-d'")).toBe('42501');
      expect(await sqlError(c, "INSERT INTO team.desks (desk_id, db_role) VALUES ('desk-z', 'x')")).toBe('42501');
      expect(await sqlError(c, 'ALTER TABLE team.audit_entries DISABLE TRIGGER audit_entry_check')).toBe('42501');
      expect(await sqlError(c, 'DROP TRIGGER audit_entries_append_only ON team.audit_entries')).toBe('42501');
      expect(await sqlError(c, 'SELECT team.audit_entry_check()')).toBe('42501');
      expect(await sqlError(c, "UPDATE team.operators SET role = 'admin'")).toBe('42501');
      expect(await sqlError(c, "INSERT INTO team.operators (id, display_name, role, password_hash) VALUES ('x', 'x', 'admin', 'scrypt$x')")).toBe('42501');
      expect(await sqlError(c, 'CREATE TABLE team.mine (x int)')).toBe('42501');
      // Only entry and hash: the derived columns cannot be supplied.
      expect(await sqlError(c, 'INSERT INTO team.audit_entries (entry, hash, operator_id) VALUES ($1, $2, $3)', ['{}', 'a'.repeat(64), 'someone'])).toBe('42501');
      expect((await c.query('SELECT count(*)::int AS n FROM team.operators')).rows[0].n).toBe(0);
      // Its one read path into the audit (migration 3): feedback on one operator's reviewed
      // entries. No review names agent-1's entries here, so it answers nothing; the function
      // cannot be replaced or its owner's rights borrowed otherwise.
      expect((await c.query('SELECT count(*)::int AS n FROM team.feedback_for_operator($1)', ['agent-1'])).rows[0].n).toBe(0);
      expect(await sqlError(c, 'CREATE OR REPLACE FUNCTION team.feedback_for_operator(p_operator text) RETURNS TABLE (entry text, hash text) LANGUAGE sql AS $$ SELECT entry, hash FROM team.audit_entries $$')).toBe('42501');
      expect(await sqlError(c, 'SELECT entry FROM team.audit_entries WHERE kind = $1', ['event'])).toBe('42501');
    } finally {
      await c.end();
    }
    // History is as shipped.
    const s = await db.asRole(supervisor.user, supervisor.password);
    try {
      const rows = (await s.query("SELECT seq, reason FROM team.audit_entries WHERE desk_id = 'desk-d' ORDER BY seq")).rows;
      expect(rows).toEqual([
        { seq: '1', reason: 'reason 1' },
        { seq: '2', reason: 'reason 2' },
        { seq: '3', reason: 'reason 3' },
      ]);
    } finally {
      await s.end();
    }
  });

  it('a supervisor may read, never write; operators are read without their password hashes', async () => {
    const c = await db.asRole(supervisor.user, supervisor.password);
    try {
      expect((await c.query('SELECT count(*)::int AS n FROM team.audit_entries')).rows[0].n).toBeGreaterThan(0);
      expect(await sqlError(c, "UPDATE team.audit_entries SET reason = 'x'")).toBe('42501');
      expect(await sqlError(c, 'DELETE FROM team.audit_entries')).toBe('42501');
      expect(await sqlError(c, 'INSERT INTO team.audit_entries (entry, hash) VALUES ($1, $2)', ['{}', 'a'.repeat(64)])).toBe('42501');
      expect(await sqlError(c, 'SELECT password_hash FROM team.operators')).toBe('42501');
      expect(await sqlError(c, 'SELECT id, display_name, role, disabled FROM team.operators')).toBe('no error');
    } finally {
      await c.end();
    }
  });

  it('no role has UPDATE, DELETE or TRUNCATE on the audit tables; the owner is refused by trigger', async () => {
    const su = await db.superuser();
    try {
      const { rows } = await su.query(
        `SELECT r.rolname, t.tbl, p.priv
           FROM pg_roles r, unnest(ARRAY['team.audit_entries', 'team.desks']) AS t(tbl), unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(priv)
          WHERE r.rolname IN ('csr_team_desk', 'csr_team_supervisor', 'csr_team_directory', $1, $2)
            AND has_table_privilege(r.rolname, t.tbl, p.priv)`,
        [desk.user, supervisor.user],
      );
      expect(rows).toEqual([]);
    } finally {
      await su.end();
    }
    const o = await db.asRole(db.owner.user, db.owner.password);
    try {
      expect(await sqlError(o, "UPDATE team.audit_entries SET reason = 'x'")).toBe('CSR04');
      expect(await sqlError(o, 'DELETE FROM team.audit_entries')).toBe('CSR04');
      expect(await sqlError(o, 'TRUNCATE team.audit_entries CASCADE')).toBe('CSR04');
    } finally {
      await o.end();
    }
  });

  it('stores text that jsonb would refuse (NUL, a lone surrogate) byte for byte, and quotes as text', async () => {
    const log = new FakeAuditLog('desk-e');
    log.append(sampleInput(1, { reason: "it's \u0000 nul", after: { text: 'lone \ud800 surrogate "quoted" 50%_off \\' } }));
    await storeFor(desk.url).insertEntries(log.entries);
    const c = await db.asRole(supervisor.user, supervisor.password);
    try {
      const row = (await c.query("SELECT entry, hash, reason FROM team.audit_entries WHERE desk_id = 'desk-e'")).rows[0];
      const { hash, ...rest } = log.entries[0]!;
      expect(row.entry).toBe(testCanonical(rest));
      expect(sha256(row.entry)).toBe(hash);
      expect(row.reason).toBe("it's \ufffd nul");
    } finally {
      await c.end();
    }
  });
});
