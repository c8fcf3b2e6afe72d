// The desk's own operator directory: one node:sqlite file (operators.sqlite) in the data
// folder. WAL with synchronous=FULL, so a lockout or a new password survives a power cut.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { normalizeOperatorId } from '../../../shared/domain/operators';
import type { Role } from '../../../shared/ipc';
import { CoreError } from '../errors';
import { DamagedFileError } from '../localState/damaged';
import type { AuthResult, NewOperator, OperatorDirectory, OperatorRecord } from './directory';
import { DEFAULT_LOCKOUT, lockoutMs, type LockoutPolicy } from './lockout';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, type ScryptParams } from './passwords';
import { say } from '../../../shared/ipc/say';

export interface SqliteDirectoryOptions {
  file: string;
  now?: () => number;
  lockout?: LockoutPolicy;
  /** Lower only in tests that hash many passwords. */
  scrypt?: ScryptParams;
}

const SCHEMA_VERSION = 1;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS operators (
    id              TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    password_hash   TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    must_change     INTEGER NOT NULL DEFAULT 0,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    last_sign_in_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  ) STRICT;
`;

interface Row {
  id: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  must_change: number;
  failed_count: number;
  locked_until: number | null;
  last_sign_in_at: string | null;
  created_at: string;
}

export class SqliteOperatorDirectory implements OperatorDirectory {
  readonly kind = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly now: () => number;
  private readonly lockout: LockoutPolicy;
  private readonly scrypt: ScryptParams;

  /** Throws DamagedFileError when the file is not a readable operator database. */
  constructor(opts: SqliteDirectoryOptions) {
    this.now = opts.now ?? Date.now;
    this.lockout = opts.lockout ?? DEFAULT_LOCKOUT;
    this.scrypt = opts.scrypt ?? DEFAULT_SCRYPT;
    mkdirSync(dirname(opts.file), { recursive: true });
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(opts.file);
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
      const check = db.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined;
      if (check?.quick_check !== 'ok') throw new Error(`integrity check: ${check?.quick_check ?? 'no answer'}`);
      const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
      if (version > SCHEMA_VERSION) throw new Error(`made by a newer version of the app (schema ${version})`);
      db.exec(SCHEMA);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      // A table that exists but is not ours (wrong columns) fails here, not at the first sign-in.
      db.prepare('SELECT id, display_name, role, password_hash, disabled, must_change, failed_count, locked_until, last_sign_in_at, created_at FROM operators LIMIT 1').all();
    } catch (e) {
      try {
        db?.close();
      } catch {
        /* already unusable */
      }
      throw new DamagedFileError('operators', opts.file, `The operator database cannot be read (${e instanceof Error ? e.message : String(e)}).`, 'operators');
    }
    this.db = db;
  }

  private row(id: string): Row | undefined {
    return this.db.prepare('SELECT * FROM operators WHERE id = ?').get(normalizeOperatorId(id)) as Row | undefined;
  }

  private record(r: Row): OperatorRecord {
    const locked = r.locked_until !== null && r.locked_until > this.now();
    return {
      id: r.id,
      displayName: r.display_name,
      role: r.role,
      disabled: r.disabled === 1,
      mustChangePassword: r.must_change === 1,
      lockedUntil: locked ? new Date(r.locked_until!).toISOString() : null,
      failedAttempts: r.failed_count,
      lastSignInAt: r.last_sign_in_at,
      createdAt: r.created_at,
    };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private required(id: string): Row {
    const r = this.row(id);
    if (!r) throw new CoreError('NOT_FOUND', say('noSuchOperator', { id: normalizeOperatorId(id) }), [{ path: 'id', message: 'unknown operator' }]);
    return r;
  }

  async isEmpty(): Promise<boolean> {
    return this.db.prepare('SELECT 1 AS x FROM operators LIMIT 1').get() === undefined;
  }

  async get(id: string): Promise<OperatorRecord | null> {
    const r = this.row(id);
    return r ? this.record(r) : null;
  }

  async list(): Promise<OperatorRecord[]> {
    return (this.db.prepare('SELECT * FROM operators ORDER BY id').all() as unknown as Row[]).map((r) => this.record(r));
  }

  async add(op: NewOperator): Promise<OperatorRecord> {
    const id = normalizeOperatorId(op.id);
    if (this.row(id)) throw new CoreError('VALIDATION', say('operatorIdTaken', { id }), [{ path: 'id', message: 'taken' }]);
    const hash = await hashPassword(op.password, this.scrypt);
    const at = this.stamp();
    try {
      this.db
        .prepare('INSERT INTO operators (id, display_name, role, password_hash, must_change, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, op.displayName.trim(), op.role, hash, op.mustChangePassword ? 1 : 0, at, at);
    } catch (e) {
      // Two adds of the same id at once: the primary key decides.
      if (String((e as Error).message).includes('UNIQUE')) throw new CoreError('VALIDATION', say('operatorIdTaken', { id }), [{ path: 'id', message: 'taken' }]);
      throw e;
    }
    return this.record(this.required(id));
  }

  async setDisabled(id: string, disabled: boolean): Promise<OperatorRecord> {
    const r = this.required(id);
    this.db.prepare('UPDATE operators SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, this.stamp(), r.id);
    return this.record(this.required(r.id));
  }

  async resetPassword(id: string, password: string): Promise<OperatorRecord> {
    const r = this.required(id);
    const hash = await hashPassword(password, this.scrypt);
    this.db
      .prepare('UPDATE operators SET password_hash = ?, must_change = 1, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
      .run(hash, this.stamp(), r.id);
    return this.record(this.required(r.id));
  }

  async authenticate(id: string, password: string): Promise<AuthResult> {
    const r = this.row(id);
    if (!r) {
      await verifyAgainstDummy(password, this.scrypt);
      return { ok: false, reason: 'wrong' };
    }
    const result = await this.check(r, password);
    if (result.ok) this.db.prepare('UPDATE operators SET last_sign_in_at = ? WHERE id = ?').run(this.stamp(), r.id);
    return result;
  }

  async changePassword(id: string, current: string, next: string): Promise<AuthResult> {
    const r = this.required(id);
    const result = await this.check(r, current);
    if (!result.ok) return result;
    const hash = await hashPassword(next, this.scrypt);
    this.db.prepare('UPDATE operators SET password_hash = ?, must_change = 0, updated_at = ? WHERE id = ?').run(hash, this.stamp(), r.id);
    return { ...result, mustChangePassword: false };
  }

  /** The password check with the lockout around it; the counters are written before answering. */
  private async check(r: Row, password: string): Promise<AuthResult> {
    const now = this.now();
    if (r.locked_until !== null && r.locked_until > now) return { ok: false, reason: 'locked', retryAfterMs: r.locked_until - now };
    const good = await verifyPassword(password, r.password_hash);
    // Re-read: another attempt may have counted while scrypt ran.
    const fresh = this.row(r.id) ?? r;
    if (!good) {
      const failures = fresh.failed_count + 1;
      const lockFor = lockoutMs(failures, this.lockout);
      this.db.prepare('UPDATE operators SET failed_count = ?, locked_until = ? WHERE id = ?').run(failures, lockFor ? now + lockFor : null, r.id);
      return lockFor ? { ok: false, reason: 'locked', retryAfterMs: lockFor } : { ok: false, reason: 'wrong' };
    }
    if (fresh.disabled === 1) return { ok: false, reason: 'disabled' };
    this.db.prepare('UPDATE operators SET failed_count = 0, locked_until = NULL WHERE id = ?').run(r.id);
    if (needsRehash(fresh.password_hash, this.scrypt)) {
      this.db.prepare('UPDATE operators SET password_hash = ? WHERE id = ?').run(await hashPassword(password, this.scrypt), r.id);
    }
    return {
      ok: true,
      operator: { id: fresh.id, displayName: fresh.display_name, role: fresh.role },
      mustChangePassword: fresh.must_change === 1,
    };
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      /* closed already */
    }
  }
}
