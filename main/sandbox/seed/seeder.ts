// Bulk-loads the demo data into a freshly migrated database. Indexes on keys that grow with
// the load are kept while loading; the others (and the trigram search index) are built
// once at the end, which is far faster than maintaining them row by row.
import type { DatabaseSync } from 'node:sqlite';
import { createPrng } from './prng';
import { generateAccount, initialCounters, SEED_ANCHOR_MS } from './generate';
import { insertReferenceData } from './reference';
import { BulkInsert } from './bulk';
import { buildSearchDoc, type DocDelivery } from '../search/doc';
import { CONTACT_COLUMNS } from '../store/rows';

export interface SeedOptions {
  accounts: number;
  seed: number;
  deferredIndexes: readonly string[];
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
}

const ACCOUNT_COLUMNS = [
  'account_no', 'account_id', 'user_id', 'status', 'banned', 'currency', 'balance_ore', 'locale', 'language', 'notify_method',
  'owner_title_code', 'customer_type', 'contact_no', 'spec_mpi_no', 'channel_code', 'reservation_code', 'reservation_code_date',
  'source_code', 'consent_code', 'consent_code_date', 'taxpayer_id', 'tax_exemption', 'purchase_order_no', 'start_date',
  'migrated_customer_id', 'bill_day', 'request_source',
] as const;
const GROUP_COLUMNS = [
  'bg_no', 'bg_id', 'account_no', 'title_code', 'name', 'description', 'status', 'notify_method', 'payment_option', 'payment_terms',
  'payment_term_id', 'ean_num', 'ean_req_num', 'pay_option_id', 'pay_option_variant', 'primary_pm_no', 'backup_pm_no',
  'request_source', 'stmt_contact_no', 'dg_no', 'dg_id', 'dg_name', 'dg_description', 'dg_process_id',
];
const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function seedDatabase(db: DatabaseSync, opts: SeedOptions): void {
  const { accounts: total, seed } = opts;
  const started = Date.now();
  const r = createPrng(seed);
  const counters = initialCounters();
  db.exec('BEGIN');
  insertReferenceData(db);
  db.exec('CREATE TEMP TABLE seed_docs (account_no INTEGER PRIMARY KEY, doc TEXT NOT NULL)');
  const ins = {
    account: new BulkInsert(db, 'accounts', ACCOUNT_COLUMNS),
    contact: new BulkInsert(db, 'contacts', CONTACT_COLUMNS),
    group: new BulkInsert(db, 'billing_groups', GROUP_COLUMNS),
    card: new BulkInsert(db, 'payment_methods', [
      'account_no', 'pm_no', 'pm_id', 'pay_method_type', 'brand', 'last_four', 'exp_month', 'exp_year', 'bill_contact_no', 'created_at',
    ]),
    plan: new BulkInsert(db, 'plan_instances', [
      'mpi_no', 'mpi_id', 'account_no', 'parent_mpi_no', 'plan_name', 'title_code', 'status', 'is_special', 'bg_no', 'created_at',
    ]),
    delivery: new BulkInsert(db, 'delivery_addresses', [
      'account_no', 'dist_address_no', 'addr_type', 'name', 'line1', 'street_name', 'street_no', 'city', 'postal_code', 'country_code',
    ]),
    perm: new BulkInsert(db, 'perm_address_history', ['account_no', 'mpi_no', 'dist_address_no', 'effective_at', 'created_at']),
    invoice: new BulkInsert(db, 'invoices', ['invoice_no', 'account_no', 'statement_no', 'seq_statement_no', 'kid', 'amount_ore', 'invoice_date']),
    comment: new BulkInsert(db, 'comments', ['comment_no', 'account_no', 'author', 'comment_at', 'text', 'application_id', 'application_at']),
    // Search documents are staged and indexed in one pass at the end: interleaving the
    // trigram index with the other inserts was several times slower.
    doc: new BulkInsert(db, 'temp.seed_docs', ['account_no', 'doc']),
  };

  const step = Math.max(1000, Math.min(50_000, Math.ceil(total / 100)));
  for (let i = 1; i <= total; i++) {
    const g = generateAccount(r, i, counters);
    const a = g.account;
    ins.account.add(ACCOUNT_COLUMNS.map((k) => a[k]));
    for (const c of g.contacts) ins.contact.add(CONTACT_COLUMNS.map((k) => c[k]));
    for (const row of g.groups) ins.group.add(row);
    for (const row of g.cards) ins.card.add(row);
    for (const row of g.plans) ins.plan.add(row);
    for (const row of g.deliveries) ins.delivery.add(row);
    for (const row of g.permChanges) ins.perm.add(row);
    for (const row of g.invoices) ins.invoice.add(row);
    for (const row of g.comments) ins.comment.add(row);
    const deliveries: DocDelivery[] = g.deliveries.map((d) => ({
      name: String(d[3]), line1: String(d[4]), line2: '', line3: '', line4: '', co_addr: '',
      street_name: String(d[5]), city: String(d[7]), postal_code: String(d[8]),
    }));
    ins.doc.add([a.account_no, buildSearchDoc(g.contacts[0]!, g.contacts.slice(1), deliveries)]);
    if (i % step === 0 || i === total) opts.onProgress?.(i, total);
  }
  for (const b of Object.values(ins)) b.flush();
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  setMeta.run('seed', String(seed));
  setMeta.run('seed_accounts', String(total));
  setMeta.run('seed_anchor', new Date(SEED_ANCHOR_MS).toISOString());
  const loaded = Date.now();
  opts.log?.(`sandbox: loaded ${total} accounts in ${seconds(loaded - started)} s; building the search index`);

  // Merge segments once at the end ('optimize') instead of continuously while loading.
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('automerge', 0)`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('crisismerge', 64)`);
  db.exec('INSERT INTO account_fts (rowid, doc) SELECT account_no, doc FROM temp.seed_docs');
  db.exec('DROP TABLE temp.seed_docs');
  db.exec('COMMIT');
  db.exec(`INSERT INTO account_fts (account_fts) VALUES ('optimize')`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('automerge', 4)`);
  db.exec(`INSERT INTO account_fts (account_fts, rank) VALUES ('crisismerge', 16)`);
  const indexed = Date.now();
  opts.log?.(`sandbox: search index built in ${seconds(indexed - loaded)} s; building ${opts.deferredIndexes.length} more indexes`);
  // Index builds sort; let SQLite's sorter use a helper thread.
  db.exec('PRAGMA threads = 2');
  for (const sql of opts.deferredIndexes) db.exec(sql);
  db.exec('PRAGMA threads = 0');
  opts.log?.(`sandbox: indexes built in ${seconds(Date.now() - indexed)} s`);
}
