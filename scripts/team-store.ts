// `npm run team:store -- <command>`: setting a team store up (docs/team-store.md).
//   setup  --admin URL --database NAME --owner NAME        roles, owner and database (asks the
//                                                           owner's password from CSR_TEAM_OWNER_PASSWORD)
//   migrate --url OWNER_URL                                 applies the migrations (as the owner)
//   add-login --admin URL --role desk|supervisor|directory --name NAME
//                                                           a login role in that group; its password
//                                                           from CSR_TEAM_LOGIN_PASSWORD
//   status --url URL                                        schema version and desks
// URLs may carry the password or leave it to PGPASSWORD; TLS as libpq's sslmode/sslrootcert.
import pg from 'pg';
import { createLoginRole, setupTeamStore, type TeamGroup } from '../main/core/team/admin';
import { KNOWN_SCHEMA_VERSION } from '../main/core/team/migrations';
import { deskFreshness } from '../main/core/team/queries';
import { migrate, storeSchemaVersion } from '../main/core/team/schema';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
function need(name: string): string {
  const v = opt(name);
  if (!v) throw new Error(`--${name} is required`);
  return v;
}
function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} must hold the password (kept out of the command line and the shell history)`);
  return v;
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, application_name: 'csr-team-store' });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  switch (argv[0]) {
    case 'setup':
      await withClient(need('admin'), (c) => setupTeamStore(c, { database: need('database'), owner: need('owner'), ownerPassword: env('CSR_TEAM_OWNER_PASSWORD') }));
      console.log(`team store: roles csr_team_desk, csr_team_supervisor, csr_team_directory; owner ${opt('owner')}; database ${opt('database')}. Next: migrate as the owner.`);
      return;
    case 'migrate': {
      const r = await withClient(need('url'), (c) => migrate(c));
      console.log(r.applied.length ? `team store: schema ${r.from} → ${r.to} (applied ${r.applied.join(', ')})` : `team store: schema already at ${r.to}`);
      return;
    }
    case 'add-login': {
      const role = need('role') as TeamGroup;
      if (!['desk', 'supervisor', 'directory'].includes(role)) throw new Error('--role must be desk, supervisor or directory');
      await withClient(need('admin'), (c) => createLoginRole(c, need('name'), env('CSR_TEAM_LOGIN_PASSWORD'), role));
      console.log(`team store: login role ${opt('name')} in csr_team_${role}`);
      return;
    }
    case 'status':
      await withClient(need('url'), async (c) => {
        console.log(`schema version ${await storeSchemaVersion(c)} (this CSR Desk knows ${KNOWN_SCHEMA_VERSION})`);
        for (const d of await deskFreshness(c)) console.log(`desk ${d.deskId}: ${d.lastSeq} entries, last received ${d.lastReceivedAt ?? 'never'}`);
      });
      return;
    default:
      console.error('usage: npm run team:store -- setup|migrate|add-login|status … (see docs/team-store.md)');
      process.exitCode = 2;
  }
}

main().catch((e: unknown) => {
  console.error(`team:store: ${(e as Error).message}`);
  process.exitCode = 1;
});
