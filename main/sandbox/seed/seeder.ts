// Bulk-loads the demo data into a freshly migrated database. Indexes on keys that grow with
// the load are kept while loading; the others are built once at the end, which is far
// faster than maintaining them row by row. The search index and three tables are built by
// seed/sideBuild.ts — in a worker thread for large builds, at the same time.
import type { DatabaseSync } from 'node:sqlite';
import { createPrng } from './prng';
import { generateAccount, initialCounters, SEED_ANCHOR_MS } from './generate';
import { insertReferenceData } from './reference';
import { BulkInsert } from './bulk';
import { Worker } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { adoptSide, buildSide } from './sideBuild';
import { ACCOUNT_COLUMNS, MAIN_TABLES, SIDE_TABLES, type SideTable } from './columns';

export interface SeedOptions {
  accounts: number;
  seed: number;
  deferredIndexes: readonly string[];
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
  /**
   * Build the search index and the side tables (seed/sideBuild.ts) in a worker thread
   * (seed/searchWorker.ts) into `file`, in parallel with the other tables. The connection
   * must allow writing FTS5 shadow tables (defensive off) to adopt the index. Without a
   * worker, or if it fails, that part is built here.
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

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function seedDatabase(db: DatabaseSync, opts: SeedOptions): void {
  const { accounts: total, seed } = opts;
  const started = Date.now();
  const r = createPrng(seed);
  const counters = initialCounters();
  const worker = startWorker(opts);
  db.exec('BEGIN');
  insertReferenceData(db);
  const account = new BulkInsert(db, 'accounts', ACCOUNT_COLUMNS);
  const main = Object.fromEntries(Object.entries(MAIN_TABLES).map(([t, cols]) => [t, new BulkInsert(db, t, cols)])) as Record<keyof typeof MAIN_TABLES, BulkInsert>;
  // Without a worker the side tables are loaded here too.
  const side = worker ? undefined : (Object.fromEntries(Object.entries(SIDE_TABLES).map(([t, cols]) => [t, new BulkInsert(db, t, cols)])) as Record<SideTable, BulkInsert>);
  const step = Math.max(1000, Math.min(50_000, Math.ceil(total / 100)));
  for (let i = 1; i <= total; i++) {
    const g = generateAccount(r, i, counters);
    const a = g.account;
    account.add(ACCOUNT_COLUMNS.map((k) => a[k]));
    for (const c of g.contacts) main.contacts.add(MAIN_TABLES.contacts.map((k) => c[k]));
    for (const row of g.groups) main.billing_groups.add(row);
    for (const row of g.cards) main.payment_methods.add(row);
    for (const row of g.deliveries) main.delivery_addresses.add(row);
    for (const row of g.permChanges) main.perm_address_history.add(row);
    if (side) {
      for (const row of g.plans) side.plan_instances.add(row);
      for (const row of g.invoices) side.invoices.add(row);
      for (const row of g.comments) side.comments.add(row);
    }
    if (i % step === 0 || i === total) opts.onProgress?.(i, total);
  }
  for (const b of [account, ...Object.values(main), ...Object.values(side ?? {})]) b.flush();
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
  opts.log?.(`sandbox: indexes built in ${seconds(indexed - loaded)} s; ${worker ? 'waiting for the worker (search index, plan instances, invoices, comments)' : 'building the search index'}`);
  if (worker && waitFor(worker)) {
    adoptSide(db, opts.searchWorker!.file);
  } else {
    if (worker) opts.log?.('sandbox: the worker failed; building its part here');
    buildSide(db, total, seed, !!worker);
  }
  if (opts.searchWorker) rmSync(opts.searchWorker.file, { force: true });
  opts.log?.(`sandbox: search index and the rest ready after another ${seconds(Date.now() - indexed)} s`);
}
