// One operator directory for the team, in the team store (team.operators), with a local
// cache so that an agent can sign in on a desk that cannot reach the store. The desk role
// may only read the table; operators are added and changed by a directory admin role
// (csr_team_directory) with upsertTeamOperator. Only scrypt hashes are stored, in the same
// form as the desk's local directory: "scrypt$<N>$<r>$<p>$<salt b64>$<key b64>".
//
// Integration note: the local directory's OperatorDirectory interface (main/core/operators,
// not on main when this was written) has authenticate() with a persisted lockout, add,
// disable and reset. This class offers the read side of it (list, get, verifyPassword) plus
// refresh(); wiring it behind that interface means adding the lockout (kept in this cache
// file) and routing the admin calls to upsertTeamOperator.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import type { Role } from '../../../shared/ipc';
import { classify } from './store';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface TeamOperator {
  id: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  updatedAt: string;
}

export type TeamSignIn = { ok: true; operator: TeamOperator } | { ok: false; reason: 'wrong' | 'disabled' };

export const normalizeId = (id: string) => id.trim().toLowerCase();

// --- scrypt, in the local directory's stored form -------------------------------------
const KEY_LENGTH = 32;
function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((res, rej) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (e, k) => (e ? rej(e) : res(k))),
  );
}
export async function hashTeamPassword(password: string, N = 2 ** 15, r = 8, p = 1): Promise<string> {
  const salt = randomBytes(16);
  return ['scrypt', N, r, p, salt.toString('base64'), (await derive(password, salt, N, r, p)).toString('base64')].join('$');
}
async function verifyHash(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from making one sign-in take minutes or gigabytes.
  if (![N, r, p].every(Number.isInteger) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length !== KEY_LENGTH) return false;
  return timingSafeEqual(await derive(password, salt, N, r, p), key);
}
let dummy: Promise<string> | undefined;
// -----------------------------------------------------------------------------------------

interface CacheRow {
  id: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  updated_at: string;
}

export interface TeamDirectoryOptions {
  /** A pool or client with the desk role (SELECT on team.operators). */
  db: Queryable;
  /** The cache, e.g. <data folder>/team-operators.sqlite. */
  cacheFile: string;
  now?: () => number;
}

export class TeamOperatorDirectory {
  readonly kind = 'team';
  private readonly cache: DatabaseSync;
  private readonly now: () => number;

  constructor(private readonly o: TeamDirectoryOptions) {
    this.now = o.now ?? Date.now;
    mkdirSync(dirname(o.cacheFile), { recursive: true });
    this.cache = new DatabaseSync(o.cacheFile);
    this.cache.exec('PRAGMA journal_mode = WAL');
    this.cache.exec('PRAGMA synchronous = FULL');
    this.cache.exec(`CREATE TABLE IF NOT EXISTS operators (
      id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);`);
  }

  /**
   * Copies the team's directory into the cache (all of it, in one transaction, so an
   * operator removed or disabled centrally is gone or disabled here too). Fails with a
   * TeamStoreError when the store cannot be read; the cache then stays as it was.
   */
  async refresh(): Promise<{ operators: number }> {
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
  async tryRefresh(): Promise<boolean> {
    try {
      await this.refresh();
      return true;
    } catch {
      return false;
    }
  }

  /** When the cache last matched the team store (ISO), null if never. */
  refreshedAt(): string | null {
    return (this.cache.prepare("SELECT v FROM meta WHERE k = 'refreshed_at'").get() as { v: string } | undefined)?.v ?? null;
  }

  private view(r: CacheRow): TeamOperator {
    return { id: r.id, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, updatedAt: r.updated_at };
  }

  list(): TeamOperator[] {
    return (this.cache.prepare('SELECT * FROM operators ORDER BY id').all() as unknown as CacheRow[]).map((r) => this.view(r));
  }

  get(id: string): TeamOperator | null {
    const r = this.cache.prepare('SELECT * FROM operators WHERE id = ?').get(normalizeId(id)) as unknown as CacheRow | undefined;
    return r ? this.view(r) : null;
  }

  /**
   * Checks a password against the cached hash (works offline). An unknown id answers
   * 'wrong' after the same work as a real check; a disabled operator is refused.
   */
  async verifyPassword(id: string, password: string): Promise<TeamSignIn> {
    const r = this.cache.prepare('SELECT * FROM operators WHERE id = ?').get(normalizeId(id)) as unknown as CacheRow | undefined;
    if (!r) {
      dummy ??= hashTeamPassword('not-a-password-of-anyone');
      await verifyHash(password, await dummy);
      return { ok: false, reason: 'wrong' };
    }
    const good = await verifyHash(password, r.password_hash);
    if (!good) return { ok: false, reason: 'wrong' };
    if (r.disabled === 1) return { ok: false, reason: 'disabled' };
    return { ok: true, operator: this.view(r) };
  }

  close(): void {
    this.cache.close();
  }
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
