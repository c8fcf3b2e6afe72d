// The part of a seed build that can run beside the main thread: the trigram search index
// and the plan instance, invoice and comment tables. It regenerates the demo accounts from
// the seed (the generator is deterministic), so a worker thread (seed/searchWorker.ts) can
// build it into a file of its own while the main thread loads the other tables.
import type { DatabaseSync } from 'node:sqlite';
import { createPrng } from './prng';
import { generateAccount, initialCounters, type GeneratedAccount } from './generate';
import { BulkInsert } from './bulk';
import { SIDE_TABLES, type SideTable } from './columns';
import { DOC_COLUMNS, buildSearchDoc, vocabularyOf, type DocDelivery } from '../search/doc';
import { VOCAB_TABLE_SQL } from '../db/migrations';

/** The account_fts definition (db/migrations.ts v2); the worker's file needs the same one. */
export const SEARCH_TABLE_SQL = `CREATE VIRTUAL TABLE account_fts USING fts5(${DOC_COLUMNS.join(', ')}, content='', contentless_delete=1, tokenize='trigram', detail='column')`;
const SHADOW_TABLES = ['account_fts_data', 'account_fts_idx', 'account_fts_docsize', 'account_fts_config'] as const;
const SIDE_ROWS: Record<SideTable, (g: GeneratedAccount) => (string | number | null)[][]> = {
  plan_instances: (g) => g.plans,
  invoices: (g) => g.invoices,
  comments: (g) => g.comments,
};

/** Plain tables for the worker's file (no constraints, no indexes: they are copied out in order), and the vocabulary. */
export const sideTablesSql = () =>
  [...Object.entries(SIDE_TABLES).map(([t, cols]) => `CREATE TABLE ${t} (${cols.join(', ')});`), `${VOCAB_TABLE_SQL};`].join('\n');

/** Builds the search index of `db` and, with `tables`, fills the side tables too. */
export function buildSide(db: DatabaseSync, accounts: number, seed: number, tables: boolean): void {
  const r = createPrng(seed);
  const counters = initialCounters();
  db.exec('BEGIN');
  // Staged, then indexed in one statement: interleaving the index with other inserts was
  // several times slower.
  db.exec(`CREATE TEMP TABLE seed_docs (account_no INTEGER PRIMARY KEY, ${DOC_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')})`);
  const stage = new BulkInsert(db, 'temp.seed_docs', ['account_no', ...DOC_COLUMNS]);
  const side = tables ? (Object.keys(SIDE_TABLES) as SideTable[]).map((t) => [t, new BulkInsert(db, t, SIDE_TABLES[t])] as const) : [];
  const vocabulary = new Set<string>();
  for (let i = 1; i <= accounts; i++) {
    const g = generateAccount(r, i, counters);
    for (const [t, ins] of side) for (const row of SIDE_ROWS[t](g)) ins.add(row);
    const deliveries: DocDelivery[] = g.deliveries.map((d) => ({
      name: String(d[3]), line1: String(d[4]), line2: '', line3: '', line4: '', co_addr: '',
      street_name: String(d[5]), city: String(d[7]), postal_code: String(d[8]),
    }));
    const doc = buildSearchDoc(g.contacts[0]!, g.contacts.slice(1), deliveries);
    stage.add([g.account.account_no, ...DOC_COLUMNS.map((c) => doc[c])]);
    for (const w of vocabularyOf(doc)) vocabulary.add(w);
  }
  stage.flush();
  const vocab = new BulkInsert(db, 'search_vocab', ['len', 'word']);
  for (const w of vocabulary) vocab.add([[...w].length, w]);
  vocab.flush();
  for (const [, ins] of side) ins.flush();
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

/**
 * Takes over what the worker built in `file`: the search index's shadow tables (the
 * connection needs SQLite's defensive flag off) and the side tables' rows, in key order.
 */
export function adoptSide(db: DatabaseSync, file: string): void {
  db.prepare('ATTACH DATABASE ? AS side_build').run(file);
  try {
    db.exec('BEGIN');
    for (const t of SHADOW_TABLES) db.exec(`DELETE FROM main.${t}; INSERT INTO main.${t} SELECT * FROM side_build.${t};`);
    for (const [t, cols] of Object.entries(SIDE_TABLES))
      db.exec(`INSERT INTO main.${t} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM side_build.${t} ORDER BY rowid`);
    db.exec('INSERT OR IGNORE INTO main.search_vocab (len, word) SELECT len, word FROM side_build.search_vocab');
    db.exec('COMMIT');
  } finally {
    if (db.isTransaction) db.exec('ROLLBACK');
    db.exec('DETACH DATABASE side_build');
  }
}
