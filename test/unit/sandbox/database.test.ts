// The database file: built once under a temporary name and reused; never re-seeded at
// start; a failed build leaves nothing behind; a foreign file is refused.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandboxDatabase } from '../../../main/sandbox/db/open';
import { SCHEMA_VERSION, schemaVersion } from '../../../main/sandbox/db/migrations';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const count = (file: string) => {
  const { db } = openSandboxDatabase({ file, accounts: 999, seed: 1 });
  const n = (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
  const mode = (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode;
  db.close();
  return { n, mode };
};

describe('openSandboxDatabase', () => {
  it('builds a new file once, in WAL mode, and reuses it as it is', () => {
    const file = join(dir, 'a.sqlite');
    const { db, created } = openSandboxDatabase({ file, accounts: 25, seed: 3 });
    expect(created).toBe(true);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.prepare('DELETE FROM accounts WHERE account_no = 42000001').run();
    db.close();
    expect(count(file)).toEqual({ n: 24, mode: 'wal' }); // asked for 999, got the existing 24: not re-seeded
    expect(readdirSync(dir).filter((f) => f.includes('building'))).toEqual([]);
  });

  it('leaves no file when the build fails, so the next start builds again', () => {
    const file = join(dir, 'b.sqlite');
    expect(() => openSandboxDatabase({ file, accounts: 3000, seed: 3, onSeedProgress: () => { throw new Error('interrupted'); } })).toThrow('interrupted');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('b.sqlite'))).toEqual([]);
    expect(count(file).n).toBe(999);
  });

  it('refuses a file that is not a sandbox database', () => {
    const file = join(dir, 'c.sqlite');
    writeFileSync(file, 'not sqlite at all, but not empty either'.repeat(200));
    expect(() => openSandboxDatabase({ file, accounts: 1, seed: 1 })).toThrow();
  });
});

describe('migrations', () => {
  it('upgrades a version 1 database: the search index gets its columns and is rebuilt from the data', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const { MIGRATIONS } = await import('../../../main/sandbox/db/migrations');
    const file = join(dir, 'v1.sqlite');
    const old = new DatabaseSync(file);
    old.exec(MIGRATIONS[0]!.tables);
    for (const ix of MIGRATIONS[0]!.indexes) old.exec(ix.sql);
    old.exec(`PRAGMA user_version = 1;
      INSERT INTO accounts (account_no, status, currency, locale, language, notify_method, customer_type, contact_no, start_date) VALUES (42000001, 1, 'NOK', 'NO-BOKMAL', 'NO', 'PDF', 'CONSUMER', 103000001, '2020-01-01');
      INSERT INTO contacts (contact_no, account_no, first_name, last_name, full_name, email) VALUES (103000001, 42000001, 'Gammel', 'Versjonsen', 'Gammel Versjonsen', 'gammel@example.no');
      INSERT INTO account_fts (rowid, doc) VALUES (42000001, 'gammel versjonsen');`);
    old.close();
    const { db, created } = openSandboxDatabase({ file, accounts: 0, seed: 1 });
    expect(created).toBe(false);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const hits = db.prepare('SELECT rowid FROM account_fts WHERE account_fts MATCH ?').all('last : "sjo" AND email : "el@"') as { rowid: number }[];
    expect(hits.map((h) => h.rowid)).toEqual([42000001]);
    db.close();
  });
});

describe('the parallel build', () => {
  it('gives the same database with the worker thread (the CLI, ≥ 20,000 accounts) as without', async () => {
    const { spawnSync } = await import('node:child_process');
    const { DatabaseSync } = await import('node:sqlite');
    const viaWorker = join(dir, 'worker.sqlite');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/sandbox/cli.ts', '--db', viaWorker, '--accounts', '20000', '--seed', '9', '--build-only'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/waiting for the worker/);
    expect(run.stdout).not.toMatch(/worker failed/);
    const inThread = openSandboxDatabase({ file: ':memory:', accounts: 20000, seed: 9 }).db;
    const worker = new DatabaseSync(viaWorker, { readOnly: true });
    for (const t of ['accounts', 'contacts', 'billing_groups', 'payment_methods', 'plan_instances', 'invoices', 'comments', 'account_fts_data', 'account_fts_docsize']) {
      const sql = `SELECT * FROM ${t} ORDER BY 1, 2`;
      expect(worker.prepare(sql).all(), t).toEqual(inThread.prepare(sql).all());
    }
    const search = `SELECT rowid FROM account_fts WHERE account_fts MATCH 'last : "sen" AND city : "slo"' ORDER BY rowid LIMIT 200`;
    expect(worker.prepare(search).all()).toEqual(inThread.prepare(search).all());
    worker.close();
    inThread.close();
  }, 60_000);
});
