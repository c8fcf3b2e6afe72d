// Shared set-up of the team-store tests: a fresh database per test file on the PostgreSQL that
// CSR_TEST_PG_URL names (a superuser URL; scripts/pg-test-server.sh starts one), set up exactly
// as docs/team-store.md tells an administrator to, with its own owner and login roles.
// Without CSR_TEST_PG_URL the files skip (globalSetup.ts prints the one line saying why);
// under CI=true globalSetup fails the run instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createLoginRole, setupTeamStore, type TeamGroup } from '../../../main/core/team/admin';
import type { Migration } from '../../../main/core/team/migrations';
import { migrate } from '../../../main/core/team/schema';

export const PG_URL = process.env.CSR_TEST_PG_URL;
export const describeTeam = PG_URL ? describe : describe.skip;

export interface TeamDb {
  database: string;
  /** URL with the given role's credentials. */
  url(user: string, password: string): string;
  owner: { user: string; password: string };
  /** A new login role in the given group. */
  login(group: TeamGroup, name?: string): Promise<{ user: string; password: string; url: string }>;
  /** A superuser connection to this test's database. */
  superuser(): Promise<pg.Client>;
  asRole(user: string, password: string): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function createTeamDb(tag: string, superUrl = PG_URL, migrations?: readonly Migration[]): Promise<TeamDb> {
  if (!superUrl) throw new Error('CSR_TEST_PG_URL is not set');
  const id = `${tag}_${randomBytes(4).toString('hex')}`;
  const database = `csr_team_${id}`;
  const owner = { user: `t_${id}_owner`, password: randomBytes(12).toString('hex') };
  const roles: string[] = [owner.user];
  const base = new URL(superUrl);
  const url = (user: string, password: string) => {
    const u = new URL(base);
    u.username = user;
    u.password = password;
    u.pathname = `/${database}`;
    return u.toString();
  };
  const superuser = async (inDb = true) => {
    const c = new pg.Client({ connectionString: inDb ? url(base.username, decodeURIComponent(base.password)) : superUrl });
    await c.connect();
    return c;
  };
  const asRole = async (user: string, password: string) => {
    const c = new pg.Client({ connectionString: url(user, password) });
    await c.connect();
    return c;
  };
  const su = await superuser(false);
  try {
    await setupTeamStore(su, { database, owner: owner.user, ownerPassword: owner.password });
  } finally {
    await su.end();
  }
  const oc = await asRole(owner.user, owner.password);
  try {
    await migrate(oc, migrations);
  } finally {
    await oc.end();
  }
  let n = 0;
  return {
    database,
    url,
    owner,
    superuser,
    asRole,
    async login(group, name) {
      const user = name ?? `t_${id}_${group}${++n}`;
      const password = randomBytes(12).toString('hex');
      const c = await superuser(false);
      try {
        await createLoginRole(c, user, password, group);
      } finally {
        await c.end();
      }
      roles.push(user);
      return { user, password, url: url(user, password) };
    },
    async drop() {
      const c = await superuser(false);
      try {
        await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
        for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(r)}`);
      } finally {
        await c.end();
      }
    },
  };
}
