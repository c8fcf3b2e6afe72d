// Opens the sandbox database, building it first when the file is new. A database file is
// built once under a temporary name and renamed into place when complete, so start-up
// never re-seeds an existing file and an interrupted build never leaves a half-seeded one.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations, schemaVersion } from './migrations';
import { seedDatabase } from '../seed/seeder';

export interface OpenOptions {
  file: string;
  accounts: number;
  seed: number;
  onSeedProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
  /**
   * seed/searchWorker.ts as a URL the runtime can load (the CLI passes it; bundles do not):
   * a new file's search index is then built in a worker thread in parallel.
   */
  searchWorkerScript?: URL;
}

export interface OpenedDatabase {
  db: DatabaseSync;
  /** True when this call built (and seeded) the database. */
  created: boolean;
}

/** Page cache capped so a 1M-account database stays within the RSS budget (performance.md). */
const RUNTIME_PRAGMAS = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA busy_timeout = 5000;
  PRAGMA cache_size = -16000;
  PRAGMA temp_store = MEMORY;
  PRAGMA foreign_keys = OFF;
`;

function build(db: DatabaseSync, o: OpenOptions, searchFile?: string): void {
  const deferred = applyMigrations(db, { deferIndexes: true });
  const started = Date.now();
  seedDatabase(db, {
    accounts: o.accounts,
    seed: o.seed,
    deferredIndexes: deferred,
    ...(o.onSeedProgress ? { onProgress: o.onSeedProgress } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.searchWorkerScript && searchFile ? { searchWorker: { script: o.searchWorkerScript, file: searchFile } } : {}),
  });
  o.log?.(`sandbox: seeded ${o.accounts} demo accounts (seed ${o.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function openSandboxDatabase(o: OpenOptions): OpenedDatabase {
  if (o.file === ':memory:') {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA temp_store = MEMORY;');
    build(db, o);
    return { db, created: true };
  }
  if (existsSync(o.file) && statSync(o.file).size > 0) {
    const db = new DatabaseSync(o.file);
    const isSandbox = schemaVersion(db) > 0;
    if (!isSandbox) {
      db.close();
      throw new Error(`${o.file} exists but is not a sandbox database (schema version 0); choose another --db file`);
    }
    db.exec(RUNTIME_PRAGMAS);
    applyMigrations(db);
    return { db, created: false };
  }
  mkdirSync(dirname(o.file), { recursive: true });
  const temp = `${o.file}.building-${process.pid}`;
  rmSync(temp, { force: true });
  // The build file is private until renamed: no journal, no fsync, a large cache, and
  // shadow tables writable so a search index built by the worker can be adopted.
  const db = new DatabaseSync(temp, { defensive: false });
  try {
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;');
    build(db, o, `${temp}.search`);
    db.exec('PRAGMA journal_mode = DELETE;');
    db.close();
  } catch (e) {
    try {
      db.close();
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    rmSync(`${temp}.search`, { force: true });
    throw e;
  }
  rmSync(o.file, { force: true });
  renameSync(temp, o.file);
  const opened = new DatabaseSync(o.file);
  opened.exec(RUNTIME_PRAGMAS);
  return { db: opened, created: true };
}
