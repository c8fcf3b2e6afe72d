// AcctPrepareCCUpdate and AcctCompleteCCUpdate (004). Here ariaAccountNo takes precedence
// over ariaAccountID. The card itself is typed into the sandbox's Direct Post form
// (directpost/), which stores brand, last four and expiry only.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { acctCompleteCCUpdateRequest, acctPrepareCCUpdateRequest } from '../../../shared/amps/card';
import { formatAmpsDateTime } from '../../../shared/amps/fields';
import { invalid, notFound, ok, ruleViolation } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { groupByRef, insertGroup, updateGroup } from '../store/groups';
import { newId, nextNo } from '../store/ids';
import { titleByCode } from '../store/reference';
import { q } from '../store/statements';
import type { PaymentMethodRow } from '../store/rows';
import { groupDescription } from './payOptions';
import type { HandlerContext } from './context';

export const SESSION_TTL_MS = 15 * 60_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters like 004's "acXKhw4s47RRXs535VYYWbvfQ8uWaeFp" (190 bits). */
export function newSessionId(): string {
  const bytes = randomBytes(48);
  let s = '';
  for (const b of bytes) if (b < 248 && s.length < 32) s += ALPHABET[b % 62];
  return s.length === 32 ? s : newSessionId();
}

export function prepareCCUpdate(ctx: HandlerContext, req: z.infer<typeof acctPrepareCCUpdateRequest>) {
  const { db } = ctx;
  const a = resolveAccount(db, req.acctPrepareCCUpdateDetails, 'no-first', 'acctPrepareCCUpdateDetails');
  if (a.status === -99) throw ruleViolation('acctPrepareCCUpdateDetails.ariaAccountNo', `account ${a.account_no} is archived`);
  const now = ctx.now();
  q(db, 'DELETE FROM cc_sessions WHERE expires_at < ?').run(now - 86_400_000);
  const sessionId = newSessionId();
  const expires = now + SESSION_TTL_MS;
  q(db, 'INSERT INTO cc_sessions (session_id, account_no, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sessionId, a.account_no, now, expires);
  return {
    resultInfo: ok(),
    acctPrepareCCUpdateResponseDetails: {
      ariaAccountID: a.account_id ?? '',
      ariaAccountNo: a.account_no,
      ariaSessionID: sessionId,
      ariaSessionExpiry: formatAmpsDateTime(expires),
      directPostUrl: `${ctx.baseUrl}/directpost/form?session=${sessionId}`,
    },
  };
}

export function completeCCUpdate(ctx: HandlerContext, req: z.infer<typeof acctCompleteCCUpdateRequest>) {
  const { db } = ctx;
  const d = req.acctCompleteCCUpdateDetails;
  const P = 'acctCompleteCCUpdateDetails';
  const a = resolveAccount(db, d, 'no-first', P);
  const pm = q(db, 'SELECT * FROM payment_methods WHERE account_no = ? AND pm_no = ?').get(a.account_no, d.ariaPaymentMethodNo) as PaymentMethodRow | undefined;
  if (!pm) throw notFound(`${P}.ariaPaymentMethodNo`, `account ${a.account_no} has no payment method ${d.ariaPaymentMethodNo}`);
  const base = groupByRef(db, a.account_no, d, P);
  const title = (d.titleCode ?? '').trim();
  if (title && !titleByCode(db, title)) throw invalid(`${P}.titleCode`, `"${title}" is not a known title code`);
  const card = { payment_option: 'METHODS' as const, payment_terms: 'CREDITCARD', payment_term_id: 'CREDITCARD', pay_option_id: 'CREDITCARD', pay_option_variant: 'STANDARD', ean_num: null, ean_req_num: null };
  let group;
  if (d.createNewBillingGroup) {
    // A new group "based on the existing billing group, but using the new payment method".
    const titleCode = title || base.title_code;
    const desc = groupDescription('CREDITCARD', titleCode, 'CREDITCARD', 'STANDARD');
    group = {
      ...base, ...card, bg_no: nextNo(db, 'billingGroup'), bg_id: newId('BG'), title_code: titleCode, name: 'CREDITCARD', description: desc,
      status: 'ACTIVE', removed: 0, primary_pm_no: pm.pm_no, backup_pm_no: null,
      dg_no: nextNo(db, 'dunningGroup'), dg_id: newId('DG'), dg_name: 'CREDITCARD', dg_description: desc,
    };
    insertGroup(db, group);
  } else {
    group = { ...base, ...card, primary_pm_no: pm.pm_no, backup_pm_no: base.backup_pm_no === pm.pm_no ? null : base.backup_pm_no };
    updateGroup(db, group);
  }
  return {
    resultInfo: ok(),
    acctCompleteCCUpdateResponseDetails: {
      ariaAccountID: a.account_id ?? '',
      ariaAccountNo: a.account_no,
      ariaPaymentMethodID: pm.pm_id,
      ariaPaymentMethodNo: pm.pm_no,
      ariaBillingGroupID: group.bg_id,
      ariaDunningGroupID: group.dg_id,
    },
  };
}
