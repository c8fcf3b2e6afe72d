// What every endpoint handler gets: the database (inside the request's transaction), the
// clock, who called, and where the sandbox is reachable (for the card form URL).
import type { DatabaseSync } from 'node:sqlite';
import type { AuthContext } from '../http/auth';

export interface HandlerContext {
  db: DatabaseSync;
  now: () => number;
  auth: AuthContext;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
}
