// Setting a team store up (run by whoever administers the PostgreSQL server, with a role
// that has CREATEROLE and CREATEDB, or a superuser): the three group roles, the owner role
// that runs the migrations, the database, and login roles for desks and supervisors.
// Role and database names cannot be bind parameters in DDL: they are checked against a
// strict pattern and quoted with pg's escapeIdentifier / escapeLiteral.
import pg from 'pg';
import { TEAM_ROLES } from './migrations';

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string, what: string): string {
  if (!NAME.test(name)) throw new Error(`${what} "${name}" must be lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  return pg.escapeIdentifier(name);
}

export type TeamGroup = keyof typeof TEAM_ROLES;

/** Creates the NOLOGIN group roles if missing (safe to run twice, or from two sessions at once). */
export async function ensureGroupRoles(db: pg.ClientBase): Promise<void> {
  for (const role of Object.values(TEAM_ROLES)) {
    await db.query(`DO $$ BEGIN
      CREATE ROLE ${ident(role, 'role')} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  }
}

export interface SetupOptions {
  database: string;
  owner: string;
  ownerPassword: string;
}

/**
 * Group roles, the owner (LOGIN, no other rights), and the database owned by it, with
 * CONNECT taken from PUBLIC and given to the three groups. The owner then runs migrate().
 */
export async function setupTeamStore(db: pg.ClientBase, o: SetupOptions): Promise<void> {
  await ensureGroupRoles(db);
  const owner = ident(o.owner, 'owner role');
  const database = ident(o.database, 'database');
  const exists = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [o.owner]);
  if (!exists.rowCount) await db.query(`CREATE ROLE ${owner} LOGIN PASSWORD ${pg.escapeLiteral(o.ownerPassword)}`);
  const dbExists = await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [o.database]);
  if (!dbExists.rowCount) await db.query(`CREATE DATABASE ${database} OWNER ${owner} ENCODING 'UTF8'`);
  await db.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
  await db.query(`GRANT CONNECT ON DATABASE ${database} TO ${Object.values(TEAM_ROLES).map((r) => ident(r, 'role')).join(', ')}`);
}

/** A login role for one desk, supervisor or directory admin, member of its group only. */
export async function createLoginRole(db: pg.ClientBase, name: string, password: string, group: TeamGroup): Promise<void> {
  await db.query(`CREATE ROLE ${ident(name, 'role')} LOGIN PASSWORD ${pg.escapeLiteral(password)} IN ROLE ${ident(TEAM_ROLES[group], 'role')}`);
}
