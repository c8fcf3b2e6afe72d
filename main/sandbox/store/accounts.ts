// Finding the account a request is about, with 004's precedence rules: ariaAccountID over
// ariaAccountNo (retrieve, manage, billing group, comments, address), and the reverse for
// AcctPrepareCCUpdate / AcctCompleteCCUpdate.
import type { DatabaseSync } from 'node:sqlite';
import { ACCOUNT_STATUS, type AccountStatusCode } from '../../../shared/amps/codes';
import { invalid, notFound } from '../http/result';
import type { AccountRow } from './rows';
import { q } from './statements';

export interface AccountRef {
  ariaAccountID?: string | null;
  ariaAccountNo?: number | null;
}

export type Precedence = 'id-first' | 'no-first';

export function accountByNo(db: DatabaseSync, no: number): AccountRow | undefined {
  return q(db, 'SELECT * FROM accounts WHERE account_no = ?').get(no) as AccountRow | undefined;
}

export function accountById(db: DatabaseSync, id: string): AccountRow | undefined {
  return q(db, 'SELECT * FROM accounts WHERE account_id = ?').get(id) as AccountRow | undefined;
}

/** Resolves the account; `path` is where the reference sits in the request, for messages. */
export function resolveAccount(db: DatabaseSync, ref: AccountRef, precedence: Precedence, path: string): AccountRow {
  const id = (ref.ariaAccountID ?? '').trim();
  const no = ref.ariaAccountNo ?? 0;
  const byId = () => {
    const a = accountById(db, id);
    if (!a) throw notFound(`${path}.ariaAccountID`, `no account has ariaAccountID "${id}"`);
    return a;
  };
  const byNo = () => {
    const a = accountByNo(db, no);
    if (!a) throw notFound(`${path}.ariaAccountNo`, `no account has ariaAccountNo ${no}`);
    return a;
  };
  if (precedence === 'id-first') {
    if (id) return byId();
    if (no) return byNo();
  } else {
    if (no) return byNo();
    if (id) return byId();
  }
  throw invalid(`${path}.ariaAccountNo`, 'ariaAccountNo or ariaAccountID is required');
}

export const statusText = (code: number) => ACCOUNT_STATUS[code as AccountStatusCode] ?? 'UNKNOWN';

/** Øre in the database, kroner in the API. Positive = the customer owes (docs/sandbox.md). */
export const kroner = (ore: number) => Math.round(ore) / 100;
