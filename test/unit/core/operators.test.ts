// The local operator directory: scrypt hashes with their parameters, constant-time checks,
// lockout with back-off that survives a restart, disable, reset and change of password.
import { scryptSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../../main/core/localState/damaged';
import { lockoutMs } from '../../../main/core/operators/lockout';
import { hashPassword, needsRehash, verifyPassword } from '../../../main/core/operators/passwords';
import { SqliteOperatorDirectory } from '../../../main/core/operators/sqliteDirectory';
import { TEST_SCRYPT } from '../../helpers/operators';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'csr-ops-')), 'operators.sqlite');

describe('password hashes', () => {
  it('are salted scrypt with the parameters stored, and verify against an independent scrypt', async () => {
    const a = await hashPassword('correct horse battery', TEST_SCRYPT);
    const b = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(a).not.toBe(b); // a fresh salt each time
    const [scheme, N, r, p, salt, key] = a.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    // The stored key is exactly scrypt(password, salt) — computed here by node directly.
    expect(scryptSync('correct horse battery', Buffer.from(salt!, 'base64'), 32, { N: 1024, r: 8, p: 1 }).toString('base64')).toBe(key);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('the default cost is at least N=2^15, and weaker hashes are marked for re-hashing', async () => {
    const h = await hashPassword('x-password');
    expect(Number(h.split('$')[1])).toBeGreaterThanOrEqual(2 ** 15);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(await hashPassword('x-password', TEST_SCRYPT))).toBe(true);
  });

  it('a tampered or foreign hash never verifies (and cannot ask for absurd memory)', async () => {
    for (const bad of ['', 'plain', 'scrypt$1048577$8$1$AAAA$AAAA', 'scrypt$1024$8$1$c2FsdHNhbHQ=$c2hvcnQ=', 'bcrypt$2b$10$abc', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(44)])
      expect(await verifyPassword('x', bad), bad).toBe(false);
  });
});

describe('lockout back-off', () => {
  it('4 free mistakes, then 30 s, 60 s, 120 s … capped at 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => lockoutMs(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockoutMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(lockoutMs(9)).toBe(480_000);
    expect(lockoutMs(10)).toBe(900_000);
    expect(lockoutMs(1000)).toBe(900_000);
  });
});

describe('SqliteOperatorDirectory', () => {
  const make = (file = fresh(), clock = { t: Date.parse('2026-12-01T08:00:00Z') }) => ({
    dir: new SqliteOperatorDirectory({ file, scrypt: TEST_SCRYPT, now: () => clock.t }),
    file,
    clock,
  });

  it('starts empty; adds operators with a normalised id; never returns a hash', async () => {
    const { dir, file } = make();
    expect(await dir.isEmpty()).toBe(true);
    const rec = await dir.add({ id: '  Kari.Nordmann ', displayName: ' Kari Nordmann ', role: 'supervisor', password: 'kari-password' });
    expect(rec).toEqual({
      id: 'kari.nordmann',
      displayName: 'Kari Nordmann',
      role: 'supervisor',
      disabled: false,
      mustChangePassword: false,
      lockedUntil: null,
      failedAttempts: 0,
      lastSignInAt: null,
      createdAt: '2026-12-01T08:00:00.000Z',
    });
    expect(await dir.isEmpty()).toBe(false);
    await expect(dir.add({ id: 'KARI.NORDMANN', displayName: 'Other', role: 'agent', password: 'other-password' })).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'id' }] });
    expect(JSON.stringify(await dir.list())).not.toContain('scrypt');
    // On disk: a hash, never the password.
    dir.close();
    const raw = new DatabaseSync(file);
    const row = raw.prepare('SELECT password_hash FROM operators').get() as { password_hash: string };
    raw.close();
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(row.password_hash).not.toContain('kari-password');
  });

  it('signs in with the right password only; an unknown id answers like a wrong password', async () => {
    const { dir } = make();
    await dir.add({ id: 'ola', displayName: 'Ola', role: 'agent', password: 'ola-password' });
    expect(await dir.authenticate('OLA', 'ola-password')).toEqual({ ok: true, operator: { id: 'ola', displayName: 'Ola', role: 'agent' }, mustChangePassword: false });
    expect(await dir.authenticate('ola', 'ola-passwort')).toEqual({ ok: false, reason: 'wrong' });
    expect(await dir.authenticate('nobody', 'ola-password')).toEqual({ ok: false, reason: 'wrong' });
    expect((await dir.get('ola'))!.lastSignInAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('locks out after repeated failures, refuses even the right password meanwhile, and remembers it across a restart', async () => {
    const { dir, file, clock } = make();
    await dir.add({ id: 'ola', displayName: 'Ola', role: 'agent', password: 'ola-password' });
    for (let i = 0; i < 4; i++) expect(await dir.authenticate('ola', 'nope-nope')).toEqual({ ok: false, reason: 'wrong' });
    expect(await dir.authenticate('ola', 'nope-nope')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30_000 });
    dir.close();
    // The app restarts: still locked, and the right password does not help.
    const again = new SqliteOperatorDirectory({ file, scrypt: TEST_SCRYPT, now: () => clock.t });
    clock.t += 10_000;
    expect(await again.authenticate('ola', 'ola-password')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 20_000 });
    expect((await again.get('ola'))!.lockedUntil).toBe('2026-12-01T08:00:30.000Z');
    clock.t += 20_000;
    // Free again; one more mistake doubles the lockout.
    expect(await again.authenticate('ola', 'still-wrong')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 60_000 });
    clock.t += 60_000;
    expect(await again.authenticate('ola', 'ola-password')).toMatchObject({ ok: true });
    expect((await again.get('ola'))!).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(await again.authenticate('ola', 'wrong-once')).toEqual({ ok: false, reason: 'wrong' });
  });

  it('a disabled operator cannot sign in; enabled again they can', async () => {
    const { dir } = make();
    await dir.add({ id: 'ola', displayName: 'Ola', role: 'agent', password: 'ola-password' });
    expect(await dir.setDisabled('ola', true)).toMatchObject({ disabled: true });
    expect(await dir.authenticate('ola', 'ola-password')).toEqual({ ok: false, reason: 'disabled' });
    await dir.setDisabled('ola', false);
    expect(await dir.authenticate('ola', 'ola-password')).toMatchObject({ ok: true });
    await expect(dir.setDisabled('ghost', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reset sets a password the operator must change, and clears a lockout; change needs the current password', async () => {
    const { dir } = make();
    await dir.add({ id: 'ola', displayName: 'Ola', role: 'agent', password: 'ola-password' });
    for (let i = 0; i < 5; i++) await dir.authenticate('ola', 'wrong-wrong');
    expect(await dir.resetPassword('ola', 'temporary-1')).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedAttempts: 0 });
    expect(await dir.authenticate('ola', 'ola-password')).toEqual({ ok: false, reason: 'wrong' });
    expect(await dir.authenticate('ola', 'temporary-1')).toMatchObject({ ok: true, mustChangePassword: true });
    expect(await dir.changePassword('ola', 'not-it-at-all', 'my-own-password')).toEqual({ ok: false, reason: 'wrong' });
    expect(await dir.changePassword('ola', 'temporary-1', 'my-own-password')).toMatchObject({ ok: true, mustChangePassword: false });
    expect(await dir.authenticate('ola', 'temporary-1')).toEqual({ ok: false, reason: 'wrong' });
    expect(await dir.authenticate('ola', 'my-own-password')).toMatchObject({ ok: true, mustChangePassword: false });
  });

  it('a file that is not an operator database is a DamagedFileError naming it', () => {
    const file = fresh();
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => new SqliteOperatorDirectory({ file })).toThrow(DamagedFileError);
    try {
      new SqliteOperatorDirectory({ file });
    } catch (e) {
      expect(e).toMatchObject({ file: 'operators', path: file, consequence: 'operators' });
    }
    // A SQLite file with somebody else's "operators" table is damaged too.
    const other = fresh();
    const db = new DatabaseSync(other);
    db.exec('CREATE TABLE operators (name TEXT)');
    db.close();
    expect(() => new SqliteOperatorDirectory({ file: other })).toThrow(DamagedFileError);
  });
});
