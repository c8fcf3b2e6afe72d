// Worker thread: builds the search index of a new database into a file of its own while
// the main thread loads the tables (two cores, half the wall time). Signals through the
// shared state word: 1 = running, 2 = done, 3 = failed (the main thread waits with Atomics).
import { DatabaseSync } from 'node:sqlite';
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { SEARCH_TABLE_SQL, buildSearchIndex } from './searchIndex';

interface Data {
  file: string;
  accounts: number;
  seed: number;
  state: SharedArrayBuffer;
}

const { file, accounts, seed, state } = workerData as Data;
const word = new Int32Array(state);
const signal = (v: number) => {
  Atomics.store(word, 0, v);
  Atomics.notify(word, 0);
};
signal(1);
try {
  rmSync(file, { force: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;');
  db.exec(SEARCH_TABLE_SQL);
  buildSearchIndex(db, accounts, seed);
  db.close();
  signal(2);
} catch (e) {
  console.error(`sandbox: search index worker failed: ${(e as Error)?.stack ?? String(e)}`);
  signal(3);
}
