// Bulk-loads the demo data into a freshly migrated database. Indexes on keys that grow with
// the load are kept while loading; the others (and the trigram search index) are built
// once at the end, which is far faster than maintaining them row by row.
import type { DatabaseSync } from 'node:sqlite';
import { createPrng } from './prng';
import { generateAccount, initialCounters, SEED_ANCHOR_MS } from './generate';
import { insertReferenceData } from './reference';
import { BulkInsert } from './bulk';
import { Worker } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { adoptSearchIndex, buildSearchIndex } from './searchIndex';
import { CONTACT_COLUMNS } from '../store/rows';

export interface SeedOptions {
  accounts: number;
  seed: number;
  deferredIndexes: readonly string[];
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
  /**
   * Build the search index in a worker thread (seed/searchWorker.ts) into `file`, in
   * parallel with the tables. The connection must allow writing FTS5 shadow tables
   * (defensive off) to adopt it. Without it, or if the worker fails, it is built here.
   */
  searchWorker?: { script: URL; file: string };
}

/** Below this many accounts a worker costs more than it saves. */
export const SEARCH_WORKER_MIN_ACCOUNTS = 20_000;

function startWorker(opts: SeedOptions): { worker: Worker; word: Int32Array } | undefined {
  if (!opts.searchWorker || opts.accounts < SEARCH_WORKER_MIN_ACCOUNTS) return undefined;
  const state = new SharedArrayBuffer(4);
  try {
    const worker = new Worker(opts.searchWorker.script, { workerData: { file: opts.searchWorker.file, accounts: opts.accounts, seed: opts.seed, state } });
    worker.on('error', () => Atomics.store(new Int32Array(state), 0, 3));
    return { worker, word: new Int32Array(state) };
  } catch (e) {
    opts.log?.(`sandbox: no search index worker (${(e as Error).message}); building it here`);
    return undefined;
  }
}

/** Blocks until the worker is done (true) or has failed or never started (false). */
function waitFor(w: { worker: Worker; word: Int32Array }): boolean {
  const notStartedBy = Date.now() + 60_000;
  const giveUpAt = Date.now() + 30 * 60_000;
  for (;;) {
    const v = Atomics.load(w.word, 0);
    if (v === 2) return true;
    if (v === 3 || (v === 0 && Date.now() > notStartedBy) || Date.now() > giveUpAt) {
      void w.worker.terminate();
      return false;
    }
    Atomics.wait(w.word, 0, v, 1000);
  }
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
  const worker = startWorker(opts);
  db.exec('BEGIN');
  insertReferenceData(db);
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
    if (i % step === 0 || i === total) opts.onProgress?.(i, total);
  }
  for (const b of Object.values(ins)) b.flush();
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  setMeta.run('seed', String(seed));
  setMeta.run('seed_accounts', String(total));
  setMeta.run('seed_anchor', new Date(SEED_ANCHOR_MS).toISOString());
  db.exec('COMMIT');
  const loaded = Date.now();
  opts.log?.(`sandbox: loaded ${total} accounts in ${seconds(loaded - started)} s; building ${opts.deferredIndexes.length} more indexes`);
  // Index builds sort; let SQLite's sorter use a helper thread unless the worker has the other core.
  db.exec(`PRAGMA threads = ${worker ? 0 : 2}`);
  for (const sql of opts.deferredIndexes) db.exec(sql);
  db.exec('PRAGMA threads = 0');
  const indexed = Date.now();
  opts.log?.(`sandbox: indexes built in ${seconds(indexed - loaded)} s; ${worker ? 'waiting for the search index worker' : 'building the search index'}`);
  if (worker && waitFor(worker)) {
    adoptSearchIndex(db, opts.searchWorker!.file);
  } else {
    if (worker) opts.log?.('sandbox: the search index worker failed; building the index here');
    buildSearchIndex(db, total, seed);
  }
  if (opts.searchWorker) rmSync(opts.searchWorker.file, { force: true });
  opts.log?.(`sandbox: search index ready after another ${seconds(Date.now() - indexed)} s`);
}
