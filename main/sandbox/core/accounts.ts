// The account a core call names: acct_no (Aria's account number) or client_acct_id (the
// client-defined ID, AMPS's ariaAccountID).
import type { DatabaseSync } from 'node:sqlite';
import { CORE_ERROR } from '../../../shared/amps/core';
import { q } from '../store/statements';
import { CoreFailure, invalid } from './failure';

export interface CoreAccount {
  account_no: number;
  bill_day: number;
  owner_title_code: string | null;
}

export function findAccount(db: DatabaseSync, ref: { acct_no?: number | undefined; client_acct_id?: string | undefined }): CoreAccount {
  const cols = 'account_no, bill_day, owner_title_code';
  const byNo = ref.acct_no !== undefined ? (q(db, `SELECT ${cols} FROM accounts WHERE account_no = ?`).get(ref.acct_no) as CoreAccount | undefined) : undefined;
  if (ref.acct_no !== undefined && !byNo)
    throw new CoreFailure(CORE_ERROR.ACCOUNT_NOT_FOUND, `acct_no: account does not exist, Account not found: AriaNo (${ref.acct_no})`, 'acct_no');
  if (ref.client_acct_id) {
    const byId = q(db, `SELECT ${cols} FROM accounts WHERE account_id = ?`).get(ref.client_acct_id) as CoreAccount | undefined;
    if (!byId)
      throw new CoreFailure(CORE_ERROR.ACCOUNT_NOT_FOUND, `client_acct_id: account does not exist, Account not found: ClientId (${ref.client_acct_id})`, 'client_acct_id');
    if (byNo && byNo.account_no !== byId.account_no) throw invalid('client_acct_id', `names another account (${byId.account_no}) than acct_no (${byNo.account_no})`);
    return byId;
  }
  return { ...byNo! };
}
