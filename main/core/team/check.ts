// "Test connection" for the team store: for each login the form names (the desk's role, the
// supervisor reader, the directory maintainer) it connects once and checks, in this order,
// that the server answers, that it takes the user name and password, that the schema is the
// version this app knows, and that the role has exactly what its group needs — in
// particular that it can neither change nor delete history. Answers are problem codes the
// renderer puts in words (shared/ipc/teamStore.ts); nothing here changes the store.
import pg from 'pg';
import type { TeamTestLogin } from '../../../shared/ipc/teamStore';
import { KNOWN_SCHEMA_VERSION } from './migrations';
import { storeSchemaVersion } from './schema';
import { poolConfig, TeamStoreError, type TeamConnection } from './store';

export type TeamLogin = TeamTestLogin['login'];

/** [what, table, column or null, privilege] the group needs. */
type Need = [string, string, string | null, string];
const NEEDS: Record<TeamLogin, Need[]> = {
  desk: [
    ['INSERT (entry) on team.audit_entries', 'team.audit_entries', 'entry', 'INSERT'],
    ['INSERT (hash) on team.audit_entries', 'team.audit_entries', 'hash', 'INSERT'],
    ['SELECT on team.operators', 'team.operators', null, 'SELECT'],
  ],
  reader: [
    ['SELECT on team.audit_entries', 'team.audit_entries', null, 'SELECT'],
    ['SELECT on team.desks', 'team.desks', null, 'SELECT'],
    ['SELECT (id) on team.operators', 'team.operators', 'id', 'SELECT'],
  ],
  directory: [
    ['SELECT on team.operators', 'team.operators', null, 'SELECT'],
    ['INSERT on team.operators', 'team.operators', null, 'INSERT'],
    ['UPDATE (password_hash) on team.operators', 'team.operators', 'password_hash', 'UPDATE'],
    ['UPDATE (disabled) on team.operators', 'team.operators', 'disabled', 'UPDATE'],
  ],
};
/** What no desk-side login may have: history stays as shipped. */
const NEVER: Need[] = [
  ['UPDATE on team.audit_entries', 'team.audit_entries', null, 'UPDATE'],
  ['DELETE on team.audit_entries', 'team.audit_entries', null, 'DELETE'],
  ['TRUNCATE on team.audit_entries', 'team.audit_entries', null, 'TRUNCATE'],
  ['DELETE on team.operators', 'team.operators', null, 'DELETE'],
];
const NEVER_FOR: Record<TeamLogin, Need[]> = {
  desk: [...NEVER, ['SELECT on team.audit_entries', 'team.audit_entries', null, 'SELECT']],
  reader: [...NEVER, ['INSERT on team.audit_entries', 'team.audit_entries', 'entry', 'INSERT'], ['SELECT (password_hash) on team.operators', 'team.operators', 'password_hash', 'SELECT']],
  directory: NEVER,
};

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i;

/** A connection failure as a problem code. */
export function connectProblem(e: unknown): NonNullable<TeamTestLogin['problem']> {
  if (e instanceof TeamStoreError && e.fault === 'config') return 'badUrl';
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  const msg = err?.message ?? '';
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '3D000') return 'noDatabase';
  if (code === 'ECONNREFUSED') return 'refused';
  if (['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) return 'unreachable';
  if (/timeout/i.test(msg) || code === 'ETIMEDOUT') return 'timeout';
  if (TLS_CODES.test(code) || /does not support SSL|certificate|self[- ]signed|SSL/i.test(msg)) return 'tls';
  return 'other';
}

async function has(c: pg.Client, [, table, column, priv]: Need): Promise<boolean> {
  const r = column
    ? await c.query<{ ok: boolean }>('SELECT has_column_privilege($1::text, $2::text, $3::text) AS ok', [table, column, priv])
    : await c.query<{ ok: boolean }>('SELECT has_table_privilege($1::text, $2::text) AS ok', [table, priv]);
  return r.rows[0]?.ok === true;
}

/** Tries one login. Never throws: every failure is a problem code. */
export async function testTeamLogin(login: TeamLogin, conn: TeamConnection | null, user: string, opts: { timeoutMs?: number; appVersion?: number } = {}): Promise<TeamTestLogin> {
  const t0 = performance.now();
  const done = (x: Omit<TeamTestLogin, 'login' | 'user' | 'latencyMs'>): TeamTestLogin => ({ login, user, ...x, latencyMs: Math.round(performance.now() - t0) });
  if (!conn) return done({ ok: false, problem: 'noPassword' });
  let cfg: pg.ClientConfig;
  try {
    cfg = { ...poolConfig({ ...conn, connectTimeoutMs: opts.timeoutMs ?? 5000, statementTimeoutMs: 10_000 }), application_name: 'csr-desk-test' };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return done({ ok: false, problem: e instanceof TeamStoreError ? 'badUrl' : code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' ? 'caFile' : 'other' });
  }
  const c = new pg.Client(cfg);
  c.on('error', () => {});
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => {});
    return done({ ok: false, problem: connectProblem(e) });
  }
  try {
    const appVersion = opts.appVersion ?? KNOWN_SCHEMA_VERSION;
    let storeVersion: number;
    try {
      storeVersion = await storeSchemaVersion(c);
    } catch (e) {
      if ((e as { code?: string }).code === '42501') return done({ ok: false, problem: 'privileges', missing: ['SELECT on team.schema_version'] });
      throw e;
    }
    const versions = { storeVersion, appVersion };
    if (storeVersion === 0) return done({ ok: false, problem: 'schemaEmpty', ...versions });
    if (storeVersion < appVersion) return done({ ok: false, problem: 'schemaOld', ...versions });
    if (storeVersion > appVersion) return done({ ok: false, problem: 'schemaNew', ...versions });
    const missing: string[] = [];
    for (const n of NEEDS[login]) if (!(await has(c, n))) missing.push(n[0]);
    const excess: string[] = [];
    for (const n of NEVER_FOR[login]) if (await has(c, n)) excess.push(n[0]);
    let operators: number | undefined;
    if (login === 'desk' && !missing.includes('SELECT on team.operators'))
      operators = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM team.operators')).rows[0]?.n;
    const extra = { ...versions, ...(operators !== undefined ? { operators } : {}) };
    if (missing.length || excess.length) return done({ ok: false, problem: 'privileges', missing, excess, ...extra });
    return done({ ok: true, ...extra });
  } catch (e) {
    return done({ ok: false, problem: connectProblem(e) });
  } finally {
    await c.end().catch(() => {});
  }
}

/** Enabled admins in the team directory, read with the desk's login; null when it cannot be read. */
export async function teamAdmins(conn: TeamConnection): Promise<number | null> {
  const c = new pg.Client({ ...poolConfig({ ...conn, connectTimeoutMs: 5000 }), application_name: 'csr-desk-test' });
  c.on('error', () => {});
  try {
    await c.connect();
    return (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM team.operators WHERE role = 'admin' AND NOT disabled")).rows[0]?.n ?? 0;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}
