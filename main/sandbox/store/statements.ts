// Prepared statements cached per connection: preparing costs more than running a small
// query, and the same few dozen statements serve every request.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

const caches = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

export function q(db: DatabaseSync, sql: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

/**
 * Drops a connection's cached statements. After a statement's step has failed, node:sqlite
 * does not reset it, and the next use reports that old error again: the pipeline calls this
 * after any internal error so one request's failure never becomes the next one's.
 */
export function forgetStatements(db: DatabaseSync): void {
  caches.delete(db);
}
