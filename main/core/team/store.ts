// The desk's connection to the team store (PostgreSQL, through `pg`). One small pool per
// desk; every statement is parameterised. The URL and TLS come from the desk's team-store
// settings (config.ts), the password from the secret store, never from a file in clear.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { canonicalJson } from '../../../shared/amps/signature';
import type { AuditEntry } from '../audit/types';
import { checkSchema, TeamSchemaError } from './schema';

export type TlsMode = 'disable' | 'require' | 'verify-full';

export interface TeamConnection {
  /** postgres://user@host:port/database, without a password. */
  url: string;
  password?: string;
  /**
   * disable: plain TCP (loopback or a trusted network only); require: encrypted, server not
   * authenticated; verify-full: encrypted, the server's certificate checked against `caFile`
   * (or the system's CAs) and its host name. Default: verify-full, disable on loopback.
   */
  tls?: TlsMode;
  caFile?: string;
  /** Gives up a connection attempt after this long (default 5 s). */
  connectTimeoutMs?: number;
  /** Cancels a statement that runs longer (default 30 s). */
  statementTimeoutMs?: number;
  /** Pool size (default 2: one shipping, one for the directory). */
  max?: number;
  applicationName?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function poolConfig(c: TeamConnection): pg.PoolConfig {
  let u: URL;
  try {
    u = new URL(c.url);
  } catch {
    throw new TeamStoreError('config', 'The team store URL is not a URL (postgres://user@host:5432/database)');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new TeamStoreError('config', 'The team store URL must start with postgres://');
  // ?host=/path/to/dir names a Unix socket directory (as libpq's URLs do).
  const host = u.searchParams.get('host') ?? (u.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost');
  const mode: TlsMode = c.tls ?? (LOOPBACK.has(host) || host.startsWith('/') ? 'disable' : 'verify-full');
  const ssl: pg.PoolConfig['ssl'] =
    mode === 'disable' ? false : mode === 'require' ? { rejectUnauthorized: false } : { rejectUnauthorized: true, ...(c.caFile ? { ca: readFileSync(c.caFile, 'utf8') } : {}) };
  return {
    host,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    password: c.password ?? (u.password ? decodeURIComponent(u.password) : undefined),
    ssl,
    max: c.max ?? 2,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: c.connectTimeoutMs ?? 5_000,
    statement_timeout: c.statementTimeoutMs ?? 30_000,
    query_timeout: (c.statementTimeoutMs ?? 30_000) + 5_000,
    application_name: c.applicationName ?? 'csr-desk',
    // A dead peer (cable pulled, server gone) is noticed instead of waited on forever.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/** What went wrong with the team store, in words for people, with whether to try again. */
export type TeamFault =
  | 'config'
  | 'auth'
  | 'unreachable'
  | 'dropped'
  | 'refused'
  | 'schema'
  /** This desk's own log is damaged (gap, broken link, wrong hash): shipping stops there. */
  | 'local'
  | 'other';

export class TeamStoreError extends Error {
  constructor(
    readonly fault: TeamFault,
    message: string,
    /** The SQLSTATE, when PostgreSQL answered. */
    readonly sqlState?: string,
  ) {
    super(message);
    this.name = 'TeamStoreError';
  }
  /** Transient faults heal by themselves; the others need a person (but are retried slowly too). */
  get transient() {
    return this.fault === 'unreachable' || this.fault === 'dropped' || this.fault === 'other';
  }
}

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export function classify(e: unknown): TeamStoreError {
  if (e instanceof TeamStoreError) return e;
  if (e instanceof TeamSchemaError) return new TeamStoreError('schema', e.message);
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  const msg = err?.message ?? String(e);
  if (code === '28P01' || code === '28000') return new TeamStoreError('auth', 'The team store refused this desk\'s user name or password.', code);
  if (code === '3D000') return new TeamStoreError('config', 'The team store database named in the URL does not exist.', code);
  if (code === '42501') return new TeamStoreError('refused', `The team store does not allow this: ${msg}`, code);
  if (/^CSR0[1-3]$/.test(code)) return new TeamStoreError('refused', `The team store refused this desk's entries: ${msg}`, code);
  if (code === 'CSR05') return new TeamStoreError('refused', `The team store refused a malformed entry: ${msg}`, code);
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === '08006' || code === '08003' || code === '08000')
    return new TeamStoreError('dropped', 'The connection to the team store was closed (server restarting or connection ended); will try again.', code);
  if (NETWORK.has(code) || /ECONNREFUSED|timeout|terminated|Connection terminated|connect/i.test(msg))
    return new TeamStoreError('unreachable', `The team store cannot be reached (${code || msg}); entries wait on this desk.`, code || undefined);
  return new TeamStoreError('other', `Team store error: ${msg}`, code || undefined);
}

/** sha256 input: the canonical JSON of the entry without its hash. */
export function entryText(e: AuditEntry): string {
  const { hash: _hash, ...rest } = e;
  return canonicalJson(rest);
}

export interface InsertResult {
  /** Entries the store did not have yet. */
  inserted: number;
  /** Entries it already held (shipped before; the hash is the key). */
  already: number;
}

export class TeamStore {
  readonly pool: pg.Pool;
  private schemaChecked = false;

  constructor(
    config: pg.PoolConfig,
    private readonly opts: { log?: (line: string) => void; appSchemaVersion?: number } = {},
  ) {
    this.pool = new pg.Pool(config);
    // An idle connection that the server closes (restart, pg_terminate_backend) must not take
    // the desk down: the pool drops it and the next call makes a new one.
    this.pool.on('error', (e) => this.opts.log?.(`team store: idle connection closed (${classify(e).fault})`));
  }

  static fromConnection(c: TeamConnection, opts?: { log?: (line: string) => void; appSchemaVersion?: number }) {
    return new TeamStore(poolConfig(c), opts);
  }

  /** Checks once per store object that the schema is the one this app knows. */
  async ready(): Promise<void> {
    if (this.schemaChecked) return;
    try {
      await checkSchema(this.pool, this.opts.appSchemaVersion);
    } catch (e) {
      throw classify(e);
    }
    this.schemaChecked = true;
  }

  /**
   * Ships entries of one desk, in order, in one statement (all or nothing). Entries the store
   * already holds are skipped; an entry that does not follow the store's head for its desk
   * fails the whole batch (TeamStoreError 'refused').
   */
  async insertEntries(entries: readonly AuditEntry[]): Promise<InsertResult> {
    if (!entries.length) return { inserted: 0, already: 0 };
    await this.ready();
    const texts = entries.map(entryText);
    const hashes = entries.map((e) => e.hash);
    // The trigger skips entries already held; ON CONFLICT covers two shipments racing. It
    // names no conflict target on purpose: PostgreSQL asks SELECT on a named arbiter column,
    // and a desk may only INSERT.
    try {
      const r = await this.pool.query(
        `INSERT INTO team.audit_entries (entry, hash)
         SELECT e, h FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(e, h, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [texts, hashes],
      );
      const inserted = r.rowCount ?? 0;
      return { inserted, already: entries.length - inserted };
    } catch (e) {
      throw classify(e);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
