// AcctManageBillingGroup (004 "Manage Billing Group"): ADD, MODIFY and REMOVE a billing
// group together with its dunning group; one response row per action, all or nothing.
import type { z } from 'zod';
import type { DatabaseSync } from 'node:sqlite';
import type { acctManageBillingGroupRequest, billingGroupAction, billingGroupAdd, billingGroupModify } from '../../../shared/amps/billingGroup';
import { invalid, notFound, ok, ruleViolation } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { emptyContact, insertContact, mergeContact, reindexAccount } from '../store/contacts';
import { checkDunningRef, groupByRef, groupOut, groupsOf, insertGroup, resolvePaymentMethod, updateGroup } from '../store/groups';
import { newId, nextNo } from '../store/ids';
import { optionForTerms, payOption, titleByCode } from '../store/reference';
import { q } from '../store/statements';
import { DEFAULT_DUNNING_PROCESS, DUNNING_PROCESSES } from '../seed/reference';
import type { AccountRow, BillingGroupRow } from '../store/rows';
import { choosePayOption, groupDescription, requireEan } from './payOptions';
import { runActions, type ActionRow } from './actions';
import type { HandlerContext } from './context';

type Request = z.infer<typeof acctManageBillingGroupRequest>;
type Action = z.infer<typeof billingGroupAction>;
type Fields = z.infer<typeof billingGroupAdd> | z.infer<typeof billingGroupModify>;

function statementContact(db: DatabaseSync, a: AccountRow, f: Fields, p: string): number | undefined {
  // A statementContactNo reuses another group's contact; only without it do the details make a new one (004).
  if (f.statementContactNo) {
    const c = q(db, 'SELECT account_no FROM contacts WHERE contact_no = ?').get(f.statementContactNo) as { account_no: number } | undefined;
    if (!c || c.account_no !== a.account_no) throw notFound(`${p}.statementContactNo`, `${f.statementContactNo} is not a contact of account ${a.account_no}`);
    return f.statementContactNo;
  }
  if (f.statementContactDetails) return insertContact(db, mergeContact(emptyContact(a.account_no), f.statementContactDetails));
  return undefined;
}

function dunningProcess(v: string | null | undefined, p: string): string | undefined {
  const t = (v ?? '').trim();
  if (!t) return undefined;
  if (!(DUNNING_PROCESSES as readonly string[]).includes(t)) throw invalid(`${p}.dunningProcessID`, `must be one of ${DUNNING_PROCESSES.join(', ')}`);
  return t;
}

/** Applies paymentOption / paymentTermInfo / paymentMethodInfo / payOptionInfo to the group. */
function applyPayment(db: DatabaseSync, a: AccountRow, g: BillingGroupRow, f: Fields, isNew: boolean, p: string): void {
  const source = f.requestSourceID ?? g.request_source ?? 'WEB';
  const current = g.pay_option_id ? payOption(db, g.pay_option_id) : undefined;
  const terms = f.paymentTermInfo?.paymentTerms;
  // Which payment option the group ends up with: the one named, else one that fits a
  // change of payment terms or to METHODS, else (new group) the default for its terms.
  let wanted = f.payOptionInfo?.payOptionID?.trim() || undefined;
  if (!wanted && terms && (isNew || terms !== current?.payment_terms)) wanted = optionForTerms(db, terms)?.pay_option_id;
  if (!wanted && f.paymentOption === 'METHODS' && (isNew || current?.payment_option !== 'METHODS')) wanted = 'CREDITCARD';
  if (!wanted && isNew) wanted = 'BANKGIRO';
  if (wanted) {
    const named = !!f.payOptionInfo?.payOptionID?.trim();
    const info = named ? f.payOptionInfo! : { payOptionID: wanted, ...f.paymentTermInfo };
    const chosen = choosePayOption(db, info, isNew ? 'new billing group' : 'billing group', source, named ? `${p}.payOptionInfo` : p);
    g.pay_option_id = chosen.option.pay_option_id;
    g.pay_option_variant = chosen.variant;
    g.payment_option = f.paymentOption ?? chosen.option.payment_option;
    g.payment_terms = f.paymentTermInfo?.paymentTerms ?? chosen.option.payment_terms;
    g.payment_term_id = f.paymentTermInfo?.paymentTermID ?? chosen.option.pay_option_id;
    [g.ean_num, g.ean_req_num] = [chosen.ean, chosen.eanReq];
  } else if (f.paymentOption) {
    g.payment_option = f.paymentOption;
  }
  if (f.paymentTermInfo) {
    g.payment_terms = f.paymentTermInfo.paymentTerms;
    if (f.paymentTermInfo.paymentTermID !== undefined) g.payment_term_id = f.paymentTermInfo.paymentTermID ?? null;
    if (f.paymentTermInfo.paymentEANNum !== undefined) g.ean_num = f.paymentTermInfo.paymentEANNum ?? null;
    if (f.paymentTermInfo.paymentEANRequisitionNum !== undefined) g.ean_req_num = f.paymentTermInfo.paymentEANRequisitionNum ?? null;
  }
  if (g.payment_option === 'TERMS') {
    [g.primary_pm_no, g.backup_pm_no] = [null, null];
  } else if (f.paymentMethodInfo) {
    const ref = (v: string | null | undefined, name: string) =>
      (v ?? '').trim() ? resolvePaymentMethod(db, a.account_no, v!, `${p}.paymentMethodInfo.${name}`).pm_no : null;
    g.primary_pm_no = ref(f.paymentMethodInfo.primaryPaymentMethodID, 'primaryPaymentMethodID');
    g.backup_pm_no = ref(f.paymentMethodInfo.backupPaymentMethodID, 'backupPaymentMethodID');
    if (g.backup_pm_no && g.backup_pm_no === g.primary_pm_no)
      throw ruleViolation(`${p}.paymentMethodInfo.backupPaymentMethodID`, 'must differ from the primary payment method');
  }
  requireEan(g.payment_terms, g.ean_num, g.ean_req_num, f.paymentTermInfo ? `${p}.paymentTermInfo` : `${p}.payOptionInfo`);
}

function add(db: DatabaseSync, a: AccountRow, f: z.infer<typeof billingGroupAdd>, p: string): BillingGroupRow {
  const title = (f.titleCode ?? '').trim();
  if (title && !titleByCode(db, title)) throw invalid(`${p}.titleCode`, `"${title}" is not a known title code`);
  const g: BillingGroupRow = {
    bg_no: nextNo(db, 'billingGroup'), bg_id: newId('BG'), account_no: a.account_no, title_code: title || null, name: '', description: '',
    status: f.billingGroupStatus ?? 'ACTIVE', removed: 0, notify_method: f.notifyMethod ?? a.notify_method, payment_option: 'TERMS',
    payment_terms: 'BANKGIRO', payment_term_id: null, ean_num: null, ean_req_num: null, pay_option_id: null, pay_option_variant: null,
    primary_pm_no: null, backup_pm_no: null, request_source: f.requestSourceID ?? 'WEB', stmt_contact_no: 0,
    dg_no: nextNo(db, 'dunningGroup'), dg_id: newId('DG'), dg_name: '', dg_description: '', dg_process_id: DEFAULT_DUNNING_PROCESS,
  };
  applyPayment(db, a, g, f, true, p);
  g.stmt_contact_no = statementContact(db, a, f, p)!;
  g.name = (f.billingGroupName ?? '').trim() || g.payment_terms;
  g.description = (f.billingGroupDesc ?? '').trim() || groupDescription(g.payment_terms, g.title_code, g.pay_option_id ?? '', g.pay_option_variant ?? '');
  g.dg_name = (f.dunningGroupName ?? '').trim() || g.name;
  g.dg_description = (f.dunningGroupDesc ?? '').trim() || g.description;
  g.dg_process_id = dunningProcess(f.dunningProcessID, p) ?? DEFAULT_DUNNING_PROCESS;
  insertGroup(db, g);
  return g;
}

function modify(db: DatabaseSync, a: AccountRow, f: z.infer<typeof billingGroupModify>, p: string): BillingGroupRow {
  const g = { ...groupByRef(db, a.account_no, f, p) };
  checkDunningRef(g, f, p);
  if (f.titleCode !== undefined) {
    const t = (f.titleCode ?? '').trim();
    if (t && !titleByCode(db, t)) throw invalid(`${p}.titleCode`, `"${t}" is not a known title code`);
    g.title_code = t || null;
  }
  if ((f.billingGroupName ?? '').trim()) g.name = f.billingGroupName!.trim();
  if (f.billingGroupDesc !== undefined && f.billingGroupDesc !== null) g.description = f.billingGroupDesc.trim();
  if (f.billingGroupStatus) g.status = f.billingGroupStatus;
  if (f.notifyMethod) g.notify_method = f.notifyMethod;
  if (f.requestSourceID) g.request_source = f.requestSourceID;
  applyPayment(db, a, g, f, false, p);
  g.stmt_contact_no = statementContact(db, a, f, p) ?? g.stmt_contact_no;
  if ((f.dunningGroupName ?? '').trim()) g.dg_name = f.dunningGroupName!.trim();
  if (f.dunningGroupDesc !== undefined && f.dunningGroupDesc !== null) g.dg_description = f.dunningGroupDesc.trim();
  g.dg_process_id = dunningProcess(f.dunningProcessID, p) ?? g.dg_process_id;
  updateGroup(db, g);
  return g;
}

function remove(db: DatabaseSync, a: AccountRow, f: Action & { actionDirective: 'REMOVE' }, p: string): BillingGroupRow {
  const d = f.acctManageBillingGroupDetailsREMOVE;
  const g = groupByRef(db, a.account_no, d, p);
  checkDunningRef(g, d, p);
  const others = groupsOf(db, a.account_no).filter((x) => x.bg_no !== g.bg_no);
  if (!others.length) throw ruleViolation(`${p}.ariaBillingGroupNo`, `billing group ${g.bg_no} is the last one of account ${a.account_no} and cannot be removed`);
  const active = q(db, "SELECT COUNT(*) AS n FROM plan_instances WHERE account_no = ? AND bg_no = ? AND is_special = 0 AND status <> 'CANCELLED'").get(a.account_no, g.bg_no) as { n: number };
  if (active.n) throw ruleViolation(`${p}.ariaBillingGroupNo`, `billing group ${g.bg_no} still bills ${active.n} active subscription(s); move them first`);
  q(db, 'UPDATE plan_instances SET bg_no = ? WHERE account_no = ? AND bg_no = ?').run(others[0]!.bg_no, a.account_no, g.bg_no);
  const removed = { ...g, status: 'INACTIVE', removed: 1 };
  updateGroup(db, removed);
  return removed;
}

function apply(db: DatabaseSync, action: Action, i: number) {
  const base = `acctManageBillingGroupDetails[${i}]`;
  const a = resolveAccount(db, action, 'id-first', base);
  if (a.status === -99) throw ruleViolation(`${base}.ariaAccountNo`, `account ${a.account_no} is archived and cannot be changed`);
  let g: BillingGroupRow;
  if (action.actionDirective === 'ADD') g = add(db, a, action.acctManageBillingGroupDetailsADD, `${base}.acctManageBillingGroupDetailsADD`);
  else if (action.actionDirective === 'MODIFY') g = modify(db, a, action.acctManageBillingGroupDetailsMODIFY, `${base}.acctManageBillingGroupDetailsMODIFY`);
  else g = remove(db, a, action, `${base}.acctManageBillingGroupDetailsREMOVE`);
  return { a, g };
}

export function manageBillingGroup(ctx: HandlerContext, req: Request) {
  const { db } = ctx;
  const touched = new Set<number>();
  const rows = runActions(
    req.acctManageBillingGroupDetails,
    (action, i) => {
      const { a, g } = apply(db, action, i);
      touched.add(a.account_no);
      return {
        actionDirective: action.actionDirective,
        ariaAccountID: a.account_id ?? '',
        ariaAccountNo: a.account_no,
        actionResultInfo: ok(),
        billingGroupResponseINFO: groupOut(db, g),
      } satisfies ActionRow & Record<string, unknown>;
    },
    'acctManageBillingGroupResponseDetails',
  );
  // New statement contacts bring emails and phones the search must find.
  for (const no of touched) reindexAccount(db, no);
  return { resultInfo: ok(), acctManageBillingGroupResponseDetails: rows };
}
