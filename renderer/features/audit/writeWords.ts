// The writes the pipeline records (main/core/outbox, shared/commands), as a supervisor reads
// them in the audit log: what was changed, never how the request to the billing system was
// built. A command carries references (the account, the billing group, the subscription),
// directives and the wire form of the change (an account change's `actions`) next to the
// before → after the operator confirmed; here the references become "Billing group: VIPPS
// (41000090)" beside the account, the wire form is left out, a field sent unchanged is not
// shown as a change, and an outcome says what became of each part ("Status: made"). Display
// only: the stored entry is never changed.
import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../shared/ipc';
import { flattenFields, type FieldChange, type Scalar } from '../../../shared/domain/fieldDiff';

type Entry = Pick<AuditEntryView, 'before' | 'after'> & Partial<Pick<AuditEntryView, 'kind' | 'action'>>;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const leafOf = (path: string) => path.split('.').pop() ?? path;

/** How the request was addressed or sent, not what it changes: never a row. */
const WIRE_LEAVES = new Set(['ariaAccountNo', 'actionDirective', 'ariaDunningGroupID', 'ariaDunningGroupNo', 'paymentMethodNo', 'reasonFor']);
/** What the write was sent to: shown beside the account, not as a change. */
const GROUP_NO = new Set(['ariaBillingGroupNo', 'billingGroupNo']);
const GROUP_ID = new Set(['ariaBillingGroupID', 'billingGroupId']);
/** The same field under the name another part of the request gives it. */
const ALIASES: Record<string, string> = { distAddressType: 'distAddrType' };

/** A sent field that is a reference, a directive or the wire form of the change (an intent's; an outcome says its own). */
export function isWireField(e: Entry, path: string): boolean {
  const leaf = leafOf(path);
  if (WIRE_LEAVES.has(leaf)) return true;
  if (e.kind === 'outcome') return false;
  if (GROUP_NO.has(leaf) || GROUP_ID.has(leaf) || leaf === 'planInstanceNo') return true;
  const root = path.split('.')[0];
  // account.manage: the actions are the confirmed rows as the billing system's request builds them.
  if (root === 'actions') return true;
  // billingGroup.remove: the group's name as shown, which the target says.
  if (root === 'label' && e.action === 'billingGroup.remove') return true;
  return false;
}

/** What a value held before, looked up by the path it was sent under ("group.paymentOption" → "paymentOption"). */
export function beforeAt(was: Record<string, Scalar>, path: string): Scalar | undefined {
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const p = parts.slice(i).join('.');
    if (p in was) return was[p];
  }
  return undefined;
}

/** Two values the same once shown: 15 and "15" (a form's text, a request's number), "" and null. */
export function sameValue(a: Scalar | undefined, b: Scalar | undefined): boolean {
  const x = a === undefined || a === null || a === '' ? null : String(a);
  const y = b === undefined || b === null || b === '' ? null : String(b);
  return x === y;
}

/** Whether `path` is a field the confirmation already showed with this value (under its own or another name). */
export function confirmedAs(confirmed: readonly FieldChange[], path: string, v: Scalar): boolean {
  const leaf = leafOf(path);
  const alias = ALIASES[leaf];
  return confirmed.some((c) => (path === c.path || path.endsWith(`.${c.path}`) || (alias !== undefined && leafOf(c.path) === alias)) && sameValue(c.after, v));
}

/**
 * An account change recorded without the confirmation's rows (an entry made through the API
 * alone): each action as the field it changes, with what the account showed before.
 */
export function manageActionRows(t: TFunction, e: Entry): FieldChange[] | null {
  if (e.action !== 'account.manage' || !isObject(e.after) || !Array.isArray(e.after.actions)) return null;
  const was = flattenFields(e.before ?? null);
  const rows: FieldChange[] = [];
  const push = (path: string, after: Scalar) => rows.push({ path, before: was[path] ?? null, after });
  for (const a of e.after.actions as Record<string, unknown>[]) {
    if (!isObject(a)) continue;
    const assign = a.acctManageAccountDetailsASSIGN;
    if (isObject(assign)) {
      if (typeof assign.newAriaAccountID === 'string') push('ariaAccountID', assign.newAriaAccountID);
      if (typeof assign.newUserID === 'string') push('userID', assign.newUserID);
    }
    const status = a.acctManageAccountDetailsSTATUS;
    if (isObject(status) && typeof status.newStatusCode === 'string') push('ariaStatusCode', t(`manageAccount.after.${status.newStatusCode}`, { defaultValue: status.newStatusCode }));
    if (isObject(a.acctManageAccountDetailsCANCEL)) push('ariaStatusCode', t('manageAccount.after.CANCEL'));
    const modify = a.acctManageAccountDetailsMODIFY;
    if (isObject(modify)) {
      for (const [path, v] of Object.entries(flattenFields(modify))) {
        if (WIRE_LEAVES.has(leafOf(path)) || v === null) continue;
        const key = `ownerContactDetails.${leafOf(path)}`;
        rows.push({ path: key, before: was[key] ?? null, after: v });
      }
    }
  }
  return rows;
}

/** What a write was made on besides the account: its billing group, its subscription. */
export function entryTargets(t: TFunction, e: Entry): { label: string; value: string }[] {
  if (e.kind !== 'intent' || !isObject(e.after)) return [];
  const sent = flattenFields(e.after);
  const was = isObject(e.before) ? e.before : {};
  const find = (keys: Set<string> | string) => Object.entries(sent).find(([p, v]) => v !== null && (typeof keys === 'string' ? leafOf(p) === keys : keys.has(leafOf(p))))?.[1];
  const out: { label: string; value: string }[] = [];
  const no = find(GROUP_NO) ?? find(GROUP_ID);
  if (no !== undefined && no !== null) {
    const name = typeof was.billingGroupName === 'string' ? was.billingGroupName : typeof e.after.label === 'string' ? e.after.label : '';
    out.push({ label: t('audit.field.billingGroup'), value: name ? `${name} (${String(no)})` : String(no) });
  }
  const sub = find('planInstanceNo');
  if (sub !== undefined && sub !== null) {
    const plan = typeof was.plan === 'string' ? was.plan : '';
    out.push({ label: t('audit.field.subscription'), value: plan ? `${plan} (${String(sub)})` : String(sub) });
  }
  return out;
}

/** One line of an outcome: what it says about a part of the write, in words. */
export interface ResultRow {
  path: string;
  label: string;
  value: string;
}

/**
 * What became of a write, as it came back: an account change's actions one by one ("Status:
 * made", "New IDs: refused: …"), otherwise the fields of the answer, each once (a comment's
 * numbers together), without the billing system's translations of its own names.
 */
export function outcomeRows(
  t: TFunction,
  e: Entry,
  label: (path: string) => string,
  value: (path: string, v: Scalar) => string,
): ResultRow[] {
  const after = e.after ?? null;
  if (after === null) return [];
  if (isObject(after) && Array.isArray(after.results)) {
    return (after.results as Record<string, unknown>[]).filter(isObject).map((r, i) => {
      const d = String(r.actionDirective ?? '');
      const made = typeof r.resultCode === 'number' && r.resultCode >= 0;
      const text = typeof r.resultText === 'string' && r.resultText && r.resultText !== 'OK' ? r.resultText : '';
      return {
        path: `results.${i}`,
        label: d === 'STATUS' ? t('manageAccount.statusLegend') : t(`manageAccount.action.${d}`, { defaultValue: d }),
        value: made ? t('manageAccount.rowState.made') : text ? t('audit.refusedBecause', { text }) : t('manageAccount.rowState.refused'),
      };
    });
  }
  const rows: ResultRow[] = [];
  for (const [path, v] of Object.entries(flattenFields(isObject(after) ? after : { value: after }))) {
    if (v === null || v === '' || /Translations(\.|$)/.test(path) || isWireField(e, path)) continue;
    const l = label(path);
    const shown = value(path, v);
    const same = rows.find((r) => r.label === l);
    if (same) same.value = `${same.value}, ${shown}`;
    else rows.push({ path, label: l, value: shown });
  }
  return rows;
}
