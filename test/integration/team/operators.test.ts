// One directory for the team: a directory admin adds operators in PostgreSQL, a desk (read
// only) copies them into its cache, and an agent signs in there also while the store is
// out of reach. Hashes only, and the desk cannot change the directory.
import { scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TeamOperatorDirectory, upsertTeamOperator } from '../../../main/core/team/operators';
import { createTeamDb, describeTeam, type TeamDb } from './pg';

let db: TeamDb;
let admin: pg.Client;
let deskPool: pg.Pool;
const dir = mkdtempSync(join(tmpdir(), 'team-ops-'));

/** A hash in the stored form, made here with node:crypto directly (N=2^14 for speed). */
function testHash(password: string, salt = 'c2FsdHNhbHRzYWx0c2FsdA==') {
  const key = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N: 2 ** 14, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt}$${key.toString('base64')}`;
}

describeTeam('team operator directory (PostgreSQL)', () => {
  beforeAll(async () => {
    db = await createTeamDb('operators');
    const a = await db.login('directory');
    const d = await db.login('desk');
    admin = await db.asRole(a.user, a.password);
    deskPool = new pg.Pool({ connectionString: d.url, max: 1 });
    await upsertTeamOperator(admin, { id: 'Kari', displayName: 'Kari Nordmann', role: 'agent', passwordHash: testHash('sommer-2026') });
    await upsertTeamOperator(admin, { id: 'sven', displayName: 'Sven Supervisor', role: 'supervisor', passwordHash: testHash('vinter-2026') });
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await deskPool?.end();
    await db?.drop();
  });

  it('copies the directory to the desk, signs in from the cache, also with the store out of reach', async () => {
    const t = Date.parse('2026-12-01T08:00:00.000Z');
    const d = new TeamOperatorDirectory({ db: deskPool, cacheFile: join(dir, 'team-operators.sqlite'), now: () => t, signInRefreshMs: 0 });
    expect(d.refreshedAt()).toBeNull();
    expect(await d.refresh()).toEqual({ operators: 2 });
    expect(d.refreshedAt()).toBe('2026-12-01T08:00:00.000Z');
    expect((await d.list()).map((o) => [o.id, o.displayName, o.role, o.disabled])).toEqual([
      ['kari', 'Kari Nordmann', 'agent', false],
      ['sven', 'Sven Supervisor', 'supervisor', false],
    ]);
    expect(await d.authenticate('KARI', 'sommer-2026')).toMatchObject({ ok: true, operator: { id: 'kari', role: 'agent' }, mustChangePassword: false });
    expect(await d.authenticate('kari', 'Sommer-2026')).toEqual({ ok: false, reason: 'wrong' });
    expect(await d.authenticate('nobody', 'sommer-2026')).toEqual({ ok: false, reason: 'wrong' });
    expect(await d.get('kari')).toMatchObject({ failedAttempts: 1, lastSignInAt: '2026-12-01T08:00:00.000Z', lockedUntil: null });
    d.close();

    // Offline: a desk whose store cannot be reached still signs Kari in from its cache.
    const dead = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'x', connectionTimeoutMillis: 500 });
    const offline = new TeamOperatorDirectory({ db: dead, cacheFile: join(dir, 'team-operators.sqlite') });
    expect(await offline.tryRefresh()).toBe(false);
    await expect(offline.refresh()).rejects.toMatchObject({ fault: 'unreachable' });
    expect(await offline.authenticate('kari', 'sommer-2026')).toMatchObject({ ok: true });
    // The wrong password counted before survived closing the cache; the good one cleared it.
    expect(await offline.get('kari')).toMatchObject({ failedAttempts: 0 });
    expect(offline.refreshedAt()).toBe('2026-12-01T08:00:00.000Z');
    offline.close();
    await dead.end();

    // The cache holds hashes, never a password.
    const bytes = readFileSync(join(dir, 'team-operators.sqlite')).toString('latin1');
    expect(bytes).not.toContain('sommer-2026');
  });

  it('a change made centrally (disabled, new password) reaches the desk at the next refresh', async () => {
    await upsertTeamOperator(admin, { id: 'kari', displayName: 'Kari Nordmann', role: 'agent', passwordHash: testHash('host-2026', 'b3RoZXJzYWx0b3RoZXI='), disabled: true });
    const d = new TeamOperatorDirectory({ db: deskPool, cacheFile: join(dir, 'team-operators.sqlite'), signInRefreshMs: 0 });
    expect(await d.authenticate('kari', 'sommer-2026')).toMatchObject({ ok: true }); // not refreshed yet
    await d.refresh();
    expect(await d.authenticate('kari', 'sommer-2026')).toEqual({ ok: false, reason: 'wrong' });
    expect(await d.authenticate('kari', 'host-2026')).toEqual({ ok: false, reason: 'disabled' });
    const who = (await admin.query("SELECT updated_by FROM team.operators WHERE id = 'kari'")).rows[0];
    expect(who.updated_by).toMatch(/^t_operators_.*_directory\d$/);
    d.close();
  });

  it('refuses anything but a scrypt hash', async () => {
    await expect(upsertTeamOperator(admin, { id: 'x', displayName: 'X', role: 'agent', passwordHash: 'plain-password' })).rejects.toThrow('Only scrypt password hashes');
    const raw = await admin.query("INSERT INTO team.operators (id, display_name, role, password_hash) VALUES ('y', 'Y', 'agent', 'plain')").catch((e: { code: string }) => e.code);
    expect(raw).toBe('23514');
  });
});
