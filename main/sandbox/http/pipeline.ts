// One AMPS request, start to finish: parse, authenticate, normalise, validate, run in one
// transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any failure), answer. Failures answer
// resultCode < 0 with a message, never a stack trace.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { AMPS_MESSAGES } from '../../../shared/amps';
import { RESULT, type EndpointName } from '../../../shared/amps/codes';
import { HANDLERS, READ_ONLY } from '../endpoints';
import type { Authenticator } from './auth';
import { decodeBody, parseJsonBody } from './jsonBody';
import { normalizeRequest } from './normalize';
import { AmpsFailure, failureInfo } from './result';
import { validateWith } from './validate';
import { forgetStatements } from '../store/statements';

export interface PipelineDeps {
  db: DatabaseSync;
  auth: Authenticator;
  now: () => number;
  baseUrl: () => string;
  log: (line: string) => void;
}

export function runInTransaction<T>(db: DatabaseSync, write: boolean, work: () => T): T {
  db.exec(write ? 'BEGIN IMMEDIATE' : 'BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export function handleAmps(deps: PipelineDeps, endpoint: EndpointName, raw: string | Uint8Array): Record<string, unknown> {
  const started = performance.now();
  let outcome: Record<string, unknown>;
  try {
    const body = parseJsonBody(typeof raw === 'string' ? raw : decodeBody(raw));
    const auth = deps.auth.verify(endpoint, body);
    const notes: string[] = [];
    const normalized = normalizeRequest(endpoint, body, notes);
    if (notes.length) deps.log(`sandbox: ${endpoint}: accepted alternative names: ${notes.join('; ')}`);
    const request = validateWith(AMPS_MESSAGES[endpoint].request, normalized);
    const handler = HANDLERS[endpoint] as (ctx: unknown, req: unknown) => Record<string, unknown>;
    outcome = runInTransaction(deps.db, !READ_ONLY.has(endpoint), () =>
      handler({ db: deps.db, now: deps.now, auth, baseUrl: deps.baseUrl() }, request),
    );
  } catch (e) {
    if (e instanceof AmpsFailure) {
      outcome = { resultInfo: failureInfo(e), ...e.body };
    } else {
      // node:sqlite leaves a statement whose step failed un-reset, and the next request
      // that used the cached statement got this request's error ("unterminated string"
      // after a NUL in a search term): start the next request with fresh statements.
      forgetStatements(deps.db);
      const ref = randomUUID().slice(0, 8);
      deps.log(`sandbox: ${endpoint}: internal error ${ref}: ${(e as Error)?.stack ?? String(e)}`);
      outcome = { resultInfo: { resultCode: RESULT.INTERNAL, resultText: `Internal error in the sandbox (reference ${ref}); nothing was changed` } };
    }
  }
  const info = outcome.resultInfo as { resultCode: number; resultText: string };
  // Never the request text: a malformed body's snippet could hold credentials.
  const detail = info.resultCode < 0 ? ` ${info.resultText.replace(/ \(near ".*"\)$/s, '').slice(0, 200)}` : '';
  deps.log(`sandbox: ${endpoint} → ${info.resultCode} in ${(performance.now() - started).toFixed(1)} ms${detail}`);
  return outcome;
}
