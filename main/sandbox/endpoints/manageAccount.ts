// AcctManageAccount (004 "Manage Account"): ASSIGN, MODIFY, CANCEL and STATUS actions, one
// response row per action, all or nothing (endpoints/actions.ts).
import type { z } from 'zod';
import type { acctManageAccountRequest, manageAccountAction } from '../../../shared/amps/account';
import type { DatabaseSync } from 'node:sqlite';
import { conflict, ok, ruleViolation } from '../http/result';
import { accountById, accountByNo, resolveAccount } from '../store/accounts';
import { getContact, mergeContact, reindexAccount, updateContact } from '../store/contacts';
import { resolveTitle } from '../store/reference';
import { q } from '../store/statements';
import type { AccountRow } from '../store/rows';
import { runActions, type ActionRow } from './actions';
import type { HandlerContext } from './context';

type Request = z.infer<typeof acctManageAccountRequest>;
type Action = z.infer<typeof manageAccountAction>;

const ARCHIVED = -99;
const STATUS_CODES = { ACTIVATE: 1, DEACTIVATE: 0, BANNED: ARCHIVED } as const;
const STATUS_WORD: Record<number, string> = { 0: 'inactive', 1: 'active', 32: 'pending activation', 99: 'permanent' };
const word = (code: number) => STATUS_WORD[code] ?? `status ${code}`;

/**
 * Which status changes an account allows (D58): ACTIVATE from inactive or pending (an active
 * or permanent account is already in service); DEACTIVATE from active, pending or permanent;
 * BANNED from any status but archived. Archived (banned included) allows nothing (usable()).
 */
function statusRefusal(a: AccountRow, code: keyof typeof STATUS_CODES): string | null {
  if (code === 'ACTIVATE' && (a.status === 1 || a.status === 99)) return `account ${a.account_no} is already ${word(a.status)}`;
  if (code === 'DEACTIVATE' && a.status === 0) return `account ${a.account_no} is already inactive`;
  return null;
}

const openSubscriptions = (db: DatabaseSync, accountNo: number) =>
  (q(db, "SELECT COUNT(*) AS n FROM plan_instances WHERE account_no = ? AND is_special = 0 AND status <> 'CANCELLED'").get(accountNo) as { n: number }).n;

function usable(a: AccountRow, path: string): void {
  if (a.status === ARCHIVED)
    throw ruleViolation(path, `account ${a.account_no} is ${a.banned ? 'banned' : 'archived'} and cannot be changed; a new account must be created (004)`);
}

function apply(db: DatabaseSync, action: Action, i: number): ActionRow {
  const base = `acctManageAccountDetails[${i}]`;
  switch (action.actionDirective) {
    case 'ASSIGN': {
      const d = action.acctManageAccountDetailsASSIGN;
      const p = `${base}.acctManageAccountDetailsASSIGN`;
      const a = resolveAccount(db, d, 'id-first', p);
      usable(a, `${p}.ariaAccountNo`);
      const newId = (d.newAriaAccountID ?? '').trim();
      const newUser = (d.newUserID ?? '').trim();
      if (newId) {
        const other = accountById(db, newId);
        if (other && other.account_no !== a.account_no) throw conflict(`${p}.newAriaAccountID`, `"${newId}" is already used by account ${other.account_no}`);
        q(db, 'UPDATE accounts SET account_id = ? WHERE account_no = ?').run(newId, a.account_no);
      }
      if (newUser) {
        const other = q(db, 'SELECT account_no FROM accounts WHERE user_id = ?').get(newUser) as { account_no: number } | undefined;
        if (other && other.account_no !== a.account_no) throw conflict(`${p}.newUserID`, `"${newUser}" is already used by account ${other.account_no}`);
        q(db, 'UPDATE accounts SET user_id = ? WHERE account_no = ?').run(newUser, a.account_no);
      }
      return row(db, 'ASSIGN', a.account_no);
    }
    case 'MODIFY': {
      const d = action.acctManageAccountDetailsMODIFY;
      const p = `${base}.acctManageAccountDetailsMODIFY`;
      const a = resolveAccount(db, d, 'id-first', p);
      usable(a, `${p}.ariaAccountNo`);
      const title = resolveTitle(db, d.ownerTitleCode, d.ownerTitleDomain, { code: `${p}.ownerTitleCode`, domain: `${p}.ownerTitleDomain` });
      if (title) q(db, 'UPDATE accounts SET owner_title_code = ? WHERE account_no = ?').run(title.title_code, a.account_no);
      if (d.ownerContactDetails) {
        updateContact(db, mergeContact(getContact(db, a.contact_no)!, d.ownerContactDetails));
        reindexAccount(db, a.account_no);
      }
      // Codes present in the request (even blank) are set; absent ones are kept.
      const codes = [
        ['channel_code', d.channelCode], ['reservation_code', d.reservationCode], ['source_code', d.sourceCode],
        ['reservation_code_date', d.reservationCodeDate], ['consent_code', d.consentCode], ['consent_code_date', d.consentCodeDate],
      ] as const;
      for (const [col, v] of codes) if (v !== undefined) q(db, `UPDATE accounts SET ${col} = ? WHERE account_no = ?`).run(v, a.account_no);
      return row(db, 'MODIFY', a.account_no);
    }
    case 'CANCEL': {
      const p = `${base}.acctManageAccountDetailsCANCEL`;
      const a = resolveAccount(db, action.acctManageAccountDetailsCANCEL, 'id-first', p);
      usable(a, `${p}.ariaAccountNo`);
      if (a.status === 0 && !openSubscriptions(db, a.account_no))
        throw ruleViolation(`${p}.ariaAccountNo`, `account ${a.account_no} is inactive and has no subscriptions left to cancel`);
      // "Cancel the account and any associated subscriptions"; the special plan instance stays.
      q(db, 'UPDATE accounts SET status = 0 WHERE account_no = ?').run(a.account_no);
      q(db, "UPDATE plan_instances SET status = 'CANCELLED' WHERE account_no = ? AND is_special = 0").run(a.account_no);
      return row(db, 'CANCEL', a.account_no);
    }
    case 'STATUS': {
      const d = action.acctManageAccountDetailsSTATUS;
      const p = `${base}.acctManageAccountDetailsSTATUS`;
      const a = resolveAccount(db, d, 'id-first', p);
      usable(a, `${p}.newStatusCode`);
      const refused = statusRefusal(a, d.newStatusCode);
      if (refused) throw ruleViolation(`${p}.newStatusCode`, refused);
      q(db, 'UPDATE accounts SET status = ?, banned = ? WHERE account_no = ?').run(STATUS_CODES[d.newStatusCode], d.newStatusCode === 'BANNED' ? 1 : 0, a.account_no);
      return row(db, 'STATUS', a.account_no);
    }
  }
}

function row(db: DatabaseSync, directive: string, accountNo: number): ActionRow {
  const a = accountByNo(db, accountNo)!;
  return { actionDirective: directive, actionResultInfo: ok(), ariaAccountNo: a.account_no, ariaAccountID: a.account_id ?? '' };
}

export function manageAccount(ctx: HandlerContext, req: Request) {
  const rows = runActions(req.acctManageAccountDetails, (a, i) => apply(ctx.db, a, i), 'acctManageAccountResponseDetails');
  return { resultInfo: ok(), acctManageAccountResponseDetails: rows };
}
