// `npm run audit:verify -- --team URL`: checks the whole team store (every desk's chain:
// hashes recomputed, previous-hash links, seq without gaps, derived columns, heads) and
// exits 0 when intact, 1 naming the first problem, 2 when it cannot check at all.
// URL: postgres://user[:password]@host:port/database (or the password in PGPASSWORD); a
// supervisor's role is enough. TLS: add ?sslmode=verify-full&sslrootcert=/path/ca.pem.
// (--data DIR, the desk's own log, belongs to the desk audit log: main/core/audit.)
import pg from 'pg';
import { verifyTeamStore } from '../main/core/team/verify';

async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--team');
  const url = i >= 0 ? argv[i + 1] : undefined;
  if (!url) {
    console.error('usage: npm run audit:verify -- --team postgres://user@host:5432/database');
    return 2;
  }
  const client = new pg.Client({ connectionString: url, application_name: 'csr-audit-verify' });
  try {
    await client.connect();
  } catch (e) {
    console.error(`audit:verify: cannot connect to the team store: ${(e as Error).message}`);
    return 2;
  }
  try {
    const started = Date.now();
    const v = await verifyTeamStore(client);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (v.ok) {
      console.log(`team store intact: ${v.desks} desks, ${v.entries} entries, every chain checked (${took} s)`);
      return 0;
    }
    console.log(`team store NOT intact: ${v.problem!.message}`);
    console.log(`(${v.entries} entries of ${v.desks} desks checked before it)`);
    return 1;
  } catch (e) {
    console.error(`audit:verify: ${(e as Error).message}`);
    return 2;
  } finally {
    await client.end().catch(() => {});
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
