// Worker thread of a large seed build: builds the search index and the side tables
// (seed/sideBuild.ts) into a file of its own while the main thread loads the other
// tables — two cores, about half the wall time. Signals through the shared state word:
// 1 = running, 2 = done, 3 = failed (the main thread waits with Atomics).
import { DatabaseSync } from 'node:sqlite';
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { SEARCH_TABLE_SQL, buildSide, sideTablesSql } from './sideBuild';

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
  db.exec(sideTablesSql());
  buildSide(db, accounts, seed, true);
  db.close();
  signal(2);
} catch (e) {
  console.error(`sandbox: seed worker failed: ${(e as Error)?.stack ?? String(e)}`);
  signal(3);
}
