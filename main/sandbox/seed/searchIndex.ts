// Builds the trigram search index of a freshly seeded database. It regenerates the demo
// accounts from the seed (the generator is deterministic), so it can run in a worker
// thread on a file of its own while the main thread loads the tables (seed/searchWorker.ts).
import type { DatabaseSync } from 'node:sqlite';
import { createPrng } from './prng';
import { generateAccount, initialCounters } from './generate';
import { BulkInsert } from './bulk';
import { DOC_COLUMNS, buildSearchDoc, type DocDelivery } from '../search/doc';

/** The account_fts definition (db/migrations.ts v2); the worker's file needs the same one. */
export const SEARCH_TABLE_SQL = `CREATE VIRTUAL TABLE account_fts USING fts5(${DOC_COLUMNS.join(', ')}, content='', contentless_delete=1, tokenize='trigram', detail='column')`;
export const SEARCH_SHADOW_TABLES = ['account_fts_data', 'account_fts_idx', 'account_fts_docsize', 'account_fts_config'] as const;

export function buildSearchIndex(db: DatabaseSync, accounts: number, seed: number): void {
  const r = createPrng(seed);
  const counters = initialCounters();
  db.exec('BEGIN');
  // Staged, then indexed in one statement: interleaving the index with other inserts was
  // several times slower.
  db.exec(`CREATE TEMP TABLE seed_docs (account_no INTEGER PRIMARY KEY, ${DOC_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')})`);
  const stage = new BulkInsert(db, 'temp.seed_docs', ['account_no', ...DOC_COLUMNS]);
  for (let i = 1; i <= accounts; i++) {
    const g = generateAccount(r, i, counters);
    const deliveries: DocDelivery[] = g.deliveries.map((d) => ({
      name: String(d[3]), line1: String(d[4]), line2: '', line3: '', line4: '', co_addr: '',
      street_name: String(d[5]), city: String(d[7]), postal_code: String(d[8]),
    }));
    const doc = buildSearchDoc(g.contacts[0]!, g.contacts.slice(1), deliveries);
    stage.add([g.account.account_no, ...DOC_COLUMNS.map((c) => doc[c])]);
  }
  stage.flush();
  // Merge segments once at the end ('optimize') instead of continuously while loading.
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('automerge', 0)`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('crisismerge', 64)`);
  db.exec(`INSERT INTO account_fts (rowid, ${DOC_COLUMNS.join(', ')}) SELECT account_no, ${DOC_COLUMNS.join(', ')} FROM temp.seed_docs`);
  db.exec('DROP TABLE temp.seed_docs');
  db.exec('COMMIT');
  db.exec(`INSERT INTO account_fts (account_fts) VALUES ('optimize')`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('automerge', 4)`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('crisismerge', 16)`);
}

/** Replaces the (empty) index of `db` with the one built in `file` (needs defensive off). */
export function adoptSearchIndex(db: DatabaseSync, file: string): void {
  db.prepare('ATTACH DATABASE ? AS search_build').run(file);
  try {
    db.exec('BEGIN');
    for (const t of SEARCH_SHADOW_TABLES) db.exec(`DELETE FROM main.${t}; INSERT INTO main.${t} SELECT * FROM search_build.${t};`);
    db.exec('COMMIT');
  } finally {
    if (db.isTransaction) db.exec('ROLLBACK');
    db.exec('DETACH DATABASE search_build');
  }
}
