// Billing groups (with their dunning group) and payment methods, and how the API shows
// them (004 "Retrieve Billing Group" / "Manage Billing Group" field lists).
import type { DatabaseSync } from 'node:sqlite';
import type { BillingGroupRow, PaymentMethodRow } from './rows';
import { q } from './statements';
import { contactOut, getContact } from './contacts';
import { payOptionInfoOut, titleByCode, titleInfo } from './reference';
import { notFound, ruleViolation } from '../http/result';

export function groupsOf(db: DatabaseSync, accountNo: number): BillingGroupRow[] {
  return q(db, 'SELECT * FROM billing_groups WHERE account_no = ? AND removed = 0 ORDER BY bg_no').all(accountNo) as unknown as BillingGroupRow[];
}

/** ariaBillingGroupID takes precedence over ariaBillingGroupNo (004). Removed groups are gone. */
export function groupByRef(
  db: DatabaseSync,
  accountNo: number,
  ref: { ariaBillingGroupID?: string | null; ariaBillingGroupNo?: number | null },
  path: string,
): BillingGroupRow {
  const id = (ref.ariaBillingGroupID ?? '').trim();
  const groups = groupsOf(db, accountNo);
  if (id) {
    const g = groups.find((x) => x.bg_id === id);
    if (!g) throw notFound(`${path}.ariaBillingGroupID`, `account ${accountNo} has no billing group "${id}"`);
    return g;
  }
  const g = groups.find((x) => x.bg_no === ref.ariaBillingGroupNo);
  if (!g) throw notFound(`${path}.ariaBillingGroupNo`, `account ${accountNo} has no billing group ${ref.ariaBillingGroupNo}`);
  return g;
}

/** "The dunning group follows its billing group": a dunning group named must be that group's. */
export function checkDunningRef(
  g: BillingGroupRow,
  ref: { ariaDunningGroupID?: string | null; ariaDunningGroupNo?: number | null },
  path: string,
): void {
  const id = (ref.ariaDunningGroupID ?? '').trim();
  if (id && id !== g.dg_id) throw ruleViolation(`${path}.ariaDunningGroupID`, `"${id}" is not the dunning group of billing group ${g.bg_no} (${g.dg_id})`);
  if (ref.ariaDunningGroupNo && ref.ariaDunningGroupNo !== g.dg_no)
    throw ruleViolation(`${path}.ariaDunningGroupNo`, `${ref.ariaDunningGroupNo} is not the dunning group of billing group ${g.bg_no} (${g.dg_no})`);
}

export function paymentMethodsOf(db: DatabaseSync, accountNo: number): PaymentMethodRow[] {
  return q(db, 'SELECT * FROM payment_methods WHERE account_no = ? ORDER BY pm_no').all(accountNo) as unknown as PaymentMethodRow[];
}

/** A payment method reference as the field lists use it: its ID ("PM-…") or its number ("1"). */
export function resolvePaymentMethod(db: DatabaseSync, accountNo: number, ref: string, path: string): PaymentMethodRow {
  const methods = paymentMethodsOf(db, accountNo);
  const t = ref.trim();
  const pm = /^\d+$/.test(t) ? methods.find((m) => m.pm_no === Number(t)) : methods.find((m) => m.pm_id === t);
  if (!pm) throw notFound(path, `account ${accountNo} has no payment method "${t}"`);
  return pm;
}

const pmId = (methods: PaymentMethodRow[], no: number | null) => (no ? (methods.find((m) => m.pm_no === no)?.pm_id ?? '') : '');

export function groupOut(db: DatabaseSync, g: BillingGroupRow, methods = paymentMethodsOf(db, g.account_no)) {
  const title = g.title_code ? titleByCode(db, g.title_code) : undefined;
  const stmt = getContact(db, g.stmt_contact_no);
  return {
    ...(title ? { titleDetails: titleInfo(db, title) } : {}),
    ariaBillingGroupID: g.bg_id,
    ariaBillingGroupNo: g.bg_no,
    billingGroupName: g.name,
    billingGroupDesc: g.description,
    billingGroupStatus: g.status,
    notifyMethod: g.notify_method,
    paymentOption: g.payment_option,
    ...(g.payment_option === 'TERMS'
      ? {
          paymentTermInfo: {
            paymentTerms: g.payment_terms,
            paymentTermID: g.payment_term_id ?? '',
            paymentEANNum: g.ean_num ?? '',
            paymentEANRequisitionNum: g.ean_req_num ?? '',
          },
        }
      : { paymentMethodInfo: { primaryPaymentMethodID: pmId(methods, g.primary_pm_no), backupPaymentMethodID: pmId(methods, g.backup_pm_no) } }),
    payOptionInfo: payOptionInfoOut(db, g.pay_option_id, g.pay_option_variant, g.ean_num, g.ean_req_num),
    requestSourceID: g.request_source,
    statementContactNo: g.stmt_contact_no,
    statementContactDetails: stmt ? contactOut(stmt, false) : null,
    ariaDunningGroupID: g.dg_id,
    ariaDunningGroupNo: g.dg_no,
    dunningGroupName: g.dg_name,
    dunningGroupDesc: g.dg_description,
    dunningProcessID: g.dg_process_id,
  };
}

export function paymentMethodOut(db: DatabaseSync, m: PaymentMethodRow) {
  const bill = m.bill_contact_no ? getContact(db, m.bill_contact_no) : undefined;
  return {
    ariaPaymentMethodID: m.pm_id,
    ariaPaymentMethodNo: m.pm_no,
    payMethodType: m.pay_method_type,
    creditCardMasked: `**** **** **** ${m.last_four}`,
    creditCardType: m.brand,
    creditCardExpMonth: String(m.exp_month).padStart(2, '0'),
    creditCardExpYear: String(m.exp_year),
    billContactNo: m.bill_contact_no,
    billContactDetails: bill ? contactOut(bill, false) : null,
  };
}

const GROUP_COLUMNS = [
  'bg_no', 'bg_id', 'account_no', 'title_code', 'name', 'description', 'status', 'removed', 'notify_method', 'payment_option',
  'payment_terms', 'payment_term_id', 'ean_num', 'ean_req_num', 'pay_option_id', 'pay_option_variant', 'primary_pm_no',
  'backup_pm_no', 'request_source', 'stmt_contact_no', 'dg_no', 'dg_id', 'dg_name', 'dg_description', 'dg_process_id',
] as const satisfies readonly (keyof BillingGroupRow)[];

export function insertGroup(db: DatabaseSync, g: BillingGroupRow): void {
  q(db, `INSERT INTO billing_groups (${GROUP_COLUMNS.join(', ')}) VALUES (${GROUP_COLUMNS.map(() => '?').join(', ')})`).run(
    ...GROUP_COLUMNS.map((k) => g[k]),
  );
}

export function updateGroup(db: DatabaseSync, g: BillingGroupRow): void {
  const cols = GROUP_COLUMNS.filter((k) => k !== 'bg_no');
  q(db, `UPDATE billing_groups SET ${cols.map((k) => `${k} = ?`).join(', ')} WHERE bg_no = ?`).run(...cols.map((k) => g[k]), g.bg_no);
}
