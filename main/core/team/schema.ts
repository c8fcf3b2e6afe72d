// Applies the team store's migrations and checks, for every connection, that the store's
// schema is the one this app knows. A store migrated by a newer CSR Desk is refused with a
// message naming both versions: this app must never write rows it does not understand.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { KNOWN_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export const migrationChecksum = (m: Migration) => createHash('sha256').update(m.sql).digest('hex');

/** The store's schema is newer than this app, older than it needs, or was changed by hand. */
export class TeamSchemaError extends Error {
  constructor(
    message: string,
    readonly storeVersion: number,
    readonly appVersion: number,
  ) {
    super(message);
    this.name = 'TeamSchemaError';
  }
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The highest applied version, 0 for an empty store (no schema_version table yet). */
export async function storeSchemaVersion(db: Queryable): Promise<number> {
  const t = await db.query<{ t: string | null }>(`SELECT to_regclass('team.schema_version')::text AS t`);
  if (!t.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version)::int AS v FROM team.schema_version');
  return r.rows[0]?.v ?? 0;
}

export function tooNewMessage(storeVersion: number, appVersion = KNOWN_SCHEMA_VERSION) {
  return `The team store's schema is version ${storeVersion}, newer than this CSR Desk knows (version ${appVersion}). Update CSR Desk on this desk before it connects to the team store.`;
}

/** The applied migrations' versions, in order (empty for an empty store). */
export async function storeMigrations(db: Queryable): Promise<number[]> {
  const t = await db.query<{ t: string | null }>(`SELECT to_regclass('team.schema_version')::text AS t`);
  if (!t.rows[0]?.t) return [];
  return (await db.query<{ version: number }>('SELECT version FROM team.schema_version ORDER BY version')).rows.map((r) => r.version);
}

/** The known migrations up to appVersion that a store with these applied versions lacks. */
export function missingMigrations(applied: readonly number[], appVersion = KNOWN_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const have = new Set(applied);
  return migrations.filter((m) => m.version <= appVersion && !have.has(m.version)).map((m) => m.version);
}

/**
 * Refuses a store whose schema is not exactly the one this app knows: newer (a version this
 * app does not know) or older (a known migration not applied — also one in the middle, as
 * when migrations 3 and 4 were written side by side and 4 was applied first).
 */
export async function checkSchema(db: Queryable, appVersion = KNOWN_SCHEMA_VERSION): Promise<number> {
  const applied = await storeMigrations(db);
  const v = applied.length ? applied[applied.length - 1]! : 0;
  if (v > appVersion) throw new TeamSchemaError(tooNewMessage(v, appVersion), v, appVersion);
  const missing = missingMigrations(applied, appVersion);
  if (missing.length)
    throw new TeamSchemaError(
      v < appVersion
        ? `The team store's schema is version ${v}, older than this CSR Desk needs (version ${appVersion}). Ask the team store's administrator to run the migrations (npm run team:store -- migrate).`
        : `The team store lacks migration ${missing.join(', ')} that this CSR Desk needs (version ${appVersion}). Ask the team store's administrator to run the migrations (npm run team:store -- migrate).`,
      v,
      appVersion,
    );
  return v;
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the store up to this app's schema. Run as the owner role. One transaction per
 * migration, under an advisory lock so two administrators cannot migrate at once; an
 * applied migration whose text changed since is refused, as is a newer store.
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  const appVersion = migrations[migrations.length - 1]?.version ?? 0;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', ['csr-team-migrate']);
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS team');
    await client.query(`CREATE TABLE IF NOT EXISTS team.schema_version (
      version int PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      applied_by name NOT NULL DEFAULT session_user
    )`);
    const applied = await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM team.schema_version ORDER BY version');
    const from = applied.rows.length ? applied.rows[applied.rows.length - 1]!.version : 0;
    if (from > appVersion) throw new TeamSchemaError(tooNewMessage(from, appVersion), from, appVersion);
    for (const row of applied.rows) {
      const m = migrations.find((x) => x.version === row.version);
      if (!m || migrationChecksum(m) !== row.checksum)
        throw new TeamSchemaError(
          `The team store's migration ${row.version} differs from the one this CSR Desk ships (changed by hand, or a different build): refusing to go on.`,
          from,
          appVersion,
        );
    }
    const done: number[] = [];
    // Every known migration not applied yet, in order: also one below the store's newest
    // (two written side by side, the higher applied first).
    const have = new Set(applied.rows.map((r) => r.version));
    for (const m of migrations) {
      if (have.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO team.schema_version (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, migrationChecksum(m)]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
      done.push(m.version);
    }
    return { from, to: Math.max(from, ...done), applied: done };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['csr-team-migrate']).catch(() => {});
  }
}
