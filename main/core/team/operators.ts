// One operator directory for the team, in the team store (team.operators), with a local
// cache so that an agent can sign in on a desk that cannot reach the store. It is an
// OperatorDirectory (main/core/operators/directory.ts) like the desk's own: the app puts it
// in place of the local one when the team-store settings say `directory: true` (D78).
//
// - Reads (refresh) use the desk's role, which may only SELECT team.operators.
// - Sign-in checks the cached scrypt hash (works offline). Before each sign-in it refreshes
//   the cache when the store answers within a second, so an operator disabled centrally is
//   refused at once on every desk that can reach the store; offline, the cache decides.
// - The lockout (failures in a row, locked until) is kept in the cache file, per desk, and
//   survives restarts and refreshes.
// - add / disable / reset password go to the store with the directory maintainer's login
//   (a csr_team_directory role, `directoryUrl` in the settings) when this desk has one; a
//   desk without it says so. The team directory has no "must change password": most desks
//   cannot write the directory, and an operator made to change there would be stuck.
// Only scrypt hashes are stored, in the desk's own form "scrypt$<N>$<r>$<p>$<salt>$<key>".
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { normalizeOperatorId } from '../../../shared/domain/operators';
import type { Role } from '../../../shared/ipc';
import { CoreError } from '../errors';
import type { AuthResult, NewOperator, OperatorDirectory, OperatorRecord } from '../operators/directory';
import { DEFAULT_LOCKOUT, lockoutMs, type LockoutPolicy } from '../operators/lockout';
import { DEFAULT_SCRYPT, hashPassword, verifyAgainstDummy, verifyPassword, type ScryptParams } from '../operators/passwords';
import { classify } from './store';
import { say } from '../../../shared/ipc/say';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface TeamOperator {
  id: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  updatedAt: string;
}

export const normalizeId = normalizeOperatorId;

/** A scrypt hash in the stored form (the local directory's own function). */
export function hashTeamPassword(password: string, N = DEFAULT_SCRYPT.N, r = DEFAULT_SCRYPT.r, p = DEFAULT_SCRYPT.p): Promise<string> {
  return hashPassword(password, { N, r, p });
}

interface CacheRow {
  id: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  updated_at: string;
}
interface SignInRow {
  failed_count: number;
  locked_until: number | null;
  last_sign_in_at: string | null;
}

export interface TeamDirectoryOptions {
  /** A pool or client with the desk role (SELECT on team.operators). */
  db: Queryable;
  /** The cache, e.g. <data folder>/team-operators.sqlite. */
  cacheFile: string;
  /**
   * The directory maintainer's connection (csr_team_directory), or null when this desk has
   * none: add, disable and reset then fail with a CoreError saying so.
   */
  admin?: () => Promise<Queryable | null>;
  now?: () => number;
  lockout?: LockoutPolicy;
  scrypt?: ScryptParams;
  /** How long a sign-in waits for a refresh before using the cache (default 1 s; 0 = never refresh at sign-in). */
  signInRefreshMs?: number;
}

export class TeamOperatorDirectory implements OperatorDirectory {
  readonly kind = 'team';
  private readonly cache: DatabaseSync;
  private readonly now: () => number;
  private readonly lockout: LockoutPolicy;
  private readonly scrypt: ScryptParams;
  private refreshing: Promise<{ operators: number }> | null = null;

  constructor(private readonly o: TeamDirectoryOptions) {
    this.now = o.now ?? Date.now;
    this.lockout = o.lockout ?? DEFAULT_LOCKOUT;
    this.scrypt = o.scrypt ?? DEFAULT_SCRYPT;
    mkdirSync(dirname(o.cacheFile), { recursive: true });
    this.cache = new DatabaseSync(o.cacheFile);
    this.cache.exec('PRAGMA journal_mode = WAL');
    this.cache.exec('PRAGMA synchronous = FULL');
    this.cache.exec('PRAGMA busy_timeout = 5000');
    this.cache.exec(`CREATE TABLE IF NOT EXISTS operators (
      id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
      -- This desk's sign-in record per operator (lockout, last sign-in); kept across refreshes.
      CREATE TABLE IF NOT EXISTS sign_ins (id TEXT PRIMARY KEY, failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER, last_sign_in_at TEXT);`);
  }

  /**
   * Copies the team's directory into the cache (all of it, in one transaction, so an
   * operator removed or disabled centrally is gone or disabled here too). Fails with a
   * TeamStoreError when the store cannot be read; the cache then stays as it was.
   */
  refresh(): Promise<{ operators: number }> {
    // One at a time: a sign-in and the periodic refresh share the query in flight.
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<{ operators: number }> {
    let rows: Array<{ id: string; display_name: string; role: Role; password_hash: string; disabled: boolean; updated_at: Date }>;
    try {
      rows = (await this.o.db.query('SELECT id, display_name, role, password_hash, disabled, updated_at FROM team.operators ORDER BY id')).rows;
    } catch (e) {
      throw classify(e);
    }
    const ins = this.cache.prepare('INSERT INTO operators (id, display_name, role, password_hash, disabled, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.cache.exec('BEGIN IMMEDIATE');
    try {
      this.cache.exec('DELETE FROM operators');
      for (const r of rows) ins.run(normalizeId(r.id), r.display_name, r.role, r.password_hash, r.disabled ? 1 : 0, r.updated_at.toISOString());
      this.cache.prepare("INSERT OR REPLACE INTO meta (k, v) VALUES ('refreshed_at', ?)").run(new Date(this.now()).toISOString());
      this.cache.exec('COMMIT');
    } catch (e) {
      this.cache.exec('ROLLBACK');
      throw e;
    }
    return { operators: rows.length };
  }

  /** Refreshes when it can; a store that cannot be reached leaves the cache in use. */
  async tryRefresh(waitMs?: number): Promise<boolean> {
    const r = this.refresh().then(
      () => true,
      () => false,
    );
    if (waitMs === undefined) return r;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((res) => (timer = setTimeout(() => res(false), waitMs)));
    try {
      return await Promise.race([r, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** When the cache last matched the team store (ISO), null if never. */
  refreshedAt(): string | null {
    return (this.cache.prepare("SELECT v FROM meta WHERE k = 'refreshed_at'").get() as { v: string } | undefined)?.v ?? null;
  }

  /** Operators in this desk's copy. */
  countCached(): number {
    return (this.cache.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  private row(id: string): CacheRow | undefined {
    return this.cache.prepare('SELECT * FROM operators WHERE id = ?').get(normalizeId(id)) as unknown as CacheRow | undefined;
  }

  private signIns(id: string): SignInRow {
    return (this.cache.prepare('SELECT failed_count, locked_until, last_sign_in_at FROM sign_ins WHERE id = ?').get(id) as unknown as SignInRow | undefined) ?? {
      failed_count: 0,
      locked_until: null,
      last_sign_in_at: null,
    };
  }

  private record(r: CacheRow): OperatorRecord {
    const s = this.signIns(r.id);
    const locked = s.locked_until !== null && s.locked_until > this.now();
    return {
      id: r.id,
      displayName: r.display_name,
      role: r.role,
      disabled: r.disabled === 1,
      mustChangePassword: false,
      lockedUntil: locked ? new Date(s.locked_until!).toISOString() : null,
      failedAttempts: s.failed_count,
      lastSignInAt: s.last_sign_in_at,
      // team.operators keeps when a row last changed, not when it was made.
      createdAt: r.updated_at,
    };
  }

  /** Empty only once the team's directory was read and holds nobody (then the first admin is added to it). */
  async isEmpty(): Promise<boolean> {
    if (this.refreshedAt() === null) await this.tryRefresh(this.o.signInRefreshMs ?? 1000);
    return this.refreshedAt() !== null && this.cache.prepare('SELECT 1 AS x FROM operators LIMIT 1').get() === undefined;
  }

  async get(id: string): Promise<OperatorRecord | null> {
    const r = this.row(id);
    return r ? this.record(r) : null;
  }

  async list(): Promise<OperatorRecord[]> {
    return (this.cache.prepare('SELECT * FROM operators ORDER BY id').all() as unknown as CacheRow[]).map((r) => this.record(r));
  }

  async authenticate(id: string, password: string): Promise<AuthResult> {
    const wait = this.o.signInRefreshMs ?? 1000;
    if (wait > 0) await this.tryRefresh(wait);
    const r = this.row(id);
    if (!r) {
      await verifyAgainstDummy(password, this.scrypt);
      return { ok: false, reason: 'wrong' };
    }
    const result = await this.check(r, password);
    if (result.ok)
      this.cache
        .prepare('INSERT INTO sign_ins (id, last_sign_in_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at')
        .run(r.id, new Date(this.now()).toISOString());
    return result;
  }

  /** The password check with the lockout around it; the counters are written before answering. */
  private async check(r: CacheRow, password: string): Promise<AuthResult> {
    const now = this.now();
    const s = this.signIns(r.id);
    if (s.locked_until !== null && s.locked_until > now) return { ok: false, reason: 'locked', retryAfterMs: s.locked_until - now };
    const good = await verifyPassword(password, r.password_hash);
    // Re-read: another attempt may have counted, or a refresh changed the row, while scrypt ran.
    const fresh = this.row(r.id) ?? r;
    if (!good) {
      const failures = this.signIns(r.id).failed_count + 1;
      const lockFor = lockoutMs(failures, this.lockout);
      this.cache
        .prepare('INSERT INTO sign_ins (id, failed_count, locked_until) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET failed_count = excluded.failed_count, locked_until = excluded.locked_until')
        .run(r.id, failures, lockFor ? now + lockFor : null);
      return lockFor ? { ok: false, reason: 'locked', retryAfterMs: lockFor } : { ok: false, reason: 'wrong' };
    }
    if (fresh.disabled === 1) return { ok: false, reason: 'disabled' };
    this.cache.prepare('UPDATE sign_ins SET failed_count = 0, locked_until = NULL WHERE id = ?').run(r.id);
    return { ok: true, operator: { id: fresh.id, displayName: fresh.display_name, role: fresh.role }, mustChangePassword: false };
  }

  // --- Changes, with the directory maintainer's login --------------------------------------
  private async adminDb(): Promise<Queryable> {
    const db = this.o.admin ? await this.o.admin() : null;
    if (!db)
      throw new CoreError(
        'NOT_CONFIGURED',
        say('directoryWithoutLogin'),
      );
    return db;
  }

  private required(id: string): CacheRow {
    const r = this.row(id);
    if (!r) throw new CoreError('NOT_FOUND', say('noSuchOperator', { id: normalizeId(id) }), [{ path: 'id', message: 'unknown operator' }]);
    return r;
  }

  /** After a change: the cache is brought up to date, so the answer shows what the store now holds. */
  private async changed(id: string): Promise<OperatorRecord> {
    await this.refresh();
    return this.record(this.required(id));
  }

  async add(op: NewOperator): Promise<OperatorRecord> {
    const id = normalizeId(op.id);
    const db = await this.adminDb();
    const hash = await hashPassword(op.password, this.scrypt);
    try {
      const r = await db.query(
        'INSERT INTO team.operators (id, display_name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
        [id, op.displayName.trim(), op.role, hash],
      );
      if (r.rowCount === 0) throw new CoreError('VALIDATION', say('operatorIdTaken', { id }), [{ path: 'id', message: 'taken' }]);
    } catch (e) {
      throw e instanceof CoreError ? e : teamWriteError(e);
    }
    return this.changed(id);
  }

  async setDisabled(id: string, disabled: boolean): Promise<OperatorRecord> {
    const r = this.required(id);
    await this.update(r.id, 'UPDATE team.operators SET disabled = $2 WHERE id = $1', [r.id, disabled]);
    return this.changed(r.id);
  }

  async resetPassword(id: string, password: string): Promise<OperatorRecord> {
    const r = this.required(id);
    await this.update(r.id, 'UPDATE team.operators SET password_hash = $2 WHERE id = $1', [r.id, await hashPassword(password, this.scrypt)]);
    this.cache.prepare('UPDATE sign_ins SET failed_count = 0, locked_until = NULL WHERE id = ?').run(r.id);
    return this.changed(r.id);
  }

  async changePassword(id: string, current: string, next: string): Promise<AuthResult> {
    const r = this.required(id);
    const result = await this.check(r, current);
    if (!result.ok) return result;
    await this.update(r.id, 'UPDATE team.operators SET password_hash = $2 WHERE id = $1', [r.id, await hashPassword(next, this.scrypt)]);
    await this.refresh();
    return result;
  }

  private async update(id: string, sql: string, params: unknown[]): Promise<void> {
    const db = await this.adminDb();
    try {
      const res = await db.query(sql, params);
      if (res.rowCount === 0) throw new CoreError('NOT_FOUND', say('noSuchOperator', { id }), [{ path: 'id', message: 'unknown operator' }]);
    } catch (e) {
      throw e instanceof CoreError ? e : teamWriteError(e);
    }
  }

  close(): void {
    try {
      this.cache.close();
    } catch {
      /* closed already */
    }
  }
}

/** A failed change of the team directory, in words; nothing was changed (one statement, all or nothing). */
function teamWriteError(e: unknown): CoreError {
  const t = classify(e);
  // Refused before anything was sent (no connection made): certainly not changed.
  if (t.fault === 'unreachable' && /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(t.sqlState ?? ''))
    return new CoreError('UNREACHABLE', say('directoryUnreachable'));
  if (t.fault === 'unreachable' || t.fault === 'dropped')
    return new CoreError('UNKNOWN_OUTCOME', say('directoryDropped'));
  if (t.fault === 'auth') return new CoreError('FORBIDDEN', say('directoryLoginRefused'));
  if (t.fault === 'refused') return new CoreError('FORBIDDEN', say('directoryNotAllowed'));
  return new CoreError('INTERNAL', say('directoryFailed'));
}

/** Adds or changes an operator in the team directory (directory admin role). */
export async function upsertTeamOperator(
  db: Queryable,
  op: { id: string; displayName: string; role: Role; passwordHash: string; disabled?: boolean },
): Promise<void> {
  if (!op.passwordHash.startsWith('scrypt$')) throw new Error('Only scrypt password hashes are stored in the team directory');
  try {
    await db.query(
      `INSERT INTO team.operators (id, display_name, role, password_hash, disabled) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
         password_hash = EXCLUDED.password_hash, disabled = EXCLUDED.disabled`,
      [normalizeId(op.id), op.displayName, op.role, op.passwordHash, op.disabled ?? false],
    );
  } catch (e) {
    throw classify(e);
  }
}
