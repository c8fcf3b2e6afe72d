// The audit log in words: what was done (never the command code), what became of it, the
// change as "field: before → after", and the verify verdict, in the UI's language.
import type { TFunction } from 'i18next';
import type { AuditEntryView, AuditVerdictView } from '../../../shared/ipc';
import { diffFields, flattenFields, type FieldChange, type Scalar } from '../../../shared/domain/fieldDiff';
import { fieldLabel } from '../../components/fieldLabel';
import { inWordsLabels, newAccountValue } from '../../components/newAccountWords';
import { describeValue } from '../../components/valueWords';
import type { Formatters } from '../../i18n/format';
import { accountStatusKey } from '../../../shared/domain/accountStatus';
import { beforeAt, confirmedAs, isWireField, manageActionRows, outcomeRows, sameValue, type ResultRow } from './writeWords';

/** "billingGroups.modify" → "Billing groups modify": only for actions the UI has no words for yet. */
export function humanize(action: string): string {
  const words = action
    .split(/[._-]/)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionLabel(t: TFunction, action: string): string {
  const key = action.replace(/\./g, '_');
  // The supervisor workspace's own entries (reviews, its export) have their words under supervision.actions.
  return t(`audit.actions.${key}`, { defaultValue: t(`supervision.actions.${key}`, { defaultValue: humanize(action) }) });
}

/** What the entry says happened: asked for, or the outcome, or an event. */
export function stateLabel(t: TFunction, e: Pick<AuditEntryView, 'kind' | 'outcome'>): string {
  if (e.kind === 'outcome' && e.outcome) return t(`audit.outcome.${e.outcome}`, { defaultValue: humanize(e.outcome) });
  return t(`audit.kind.${e.kind}`);
}

export function stateColor(e: Pick<AuditEntryView, 'kind' | 'outcome'>): 'default' | 'success' | 'error' | 'warning' | 'info' {
  if (e.kind !== 'outcome') return 'default';
  switch (e.outcome) {
    case 'APPLIED':
      return 'success';
    case 'REJECTED':
    case 'DISCARDED':
      return 'error';
    case 'UNKNOWN':
    case 'PARKED':
      return 'warning';
    default:
      return 'info';
  }
}

/** The before → after rows the confirmation showed, when the entry carries them (the command's `changes`). */
function confirmedChanges(after: unknown): FieldChange[] | null {
  if (!after || typeof after !== 'object' || Array.isArray(after)) return null;
  const shown = (after as Record<string, unknown>).changes;
  if (!Array.isArray(shown) || !shown.length) return null;
  const rows: FieldChange[] = [];
  for (const c of shown) {
    if (!c || typeof c !== 'object' || typeof (c as { path?: unknown }).path !== 'string') return null;
    const { path, before, after: to } = c as { path: string; before?: unknown; after?: unknown };
    // One flattened row per change, with "", null and absent as the one empty value.
    const x = flattenFields({ v: before }).v ?? null;
    const y = flattenFields({ v: to }).v ?? null;
    rows.push({ path, before: x, after: y });
  }
  return rows;
}

/**
 * The fields that differ between before and after (everything in after when there was no
 * before). A write's intent carries the before → after its confirmation showed: those rows
 * are the change, in the words the operator confirmed; what else was sent follows, except a
 * field the confirmation already showed with the same value (the create's "account.localeCode"
 * is the confirmed "localeCode"), a field sent as it already was (a billing group's payment
 * option, sent whole with its terms), and the request's references and wire form
 * (writeWords.ts). A value that was not sent is not shown as cleared. Display only: the entry
 * itself is never changed.
 */
export function entryChanges(t: TFunction, e: Pick<AuditEntryView, 'before' | 'after'> & Partial<Pick<AuditEntryView, 'kind' | 'action'>>): FieldChange[] {
  const before = e.before ?? null;
  const after = e.after ?? null;
  if (before === null && after !== null && typeof after !== 'object') return [{ path: 'value', before: null, after: String(after) }];
  const was = flattenFields(before);
  const fromActions = e.kind === 'outcome' ? null : manageActionRows(t, e);
  // The status as the confirmation said it is text in the operator's language ("Inactive"):
  // said again from the code sent and the code the account had, in the reader's.
  const confirmed =
    confirmedChanges(after)?.map((c) => {
      const said = c.path === 'ariaStatusCode' ? fromActions?.find((a) => a.path === c.path) : undefined;
      return said && typeof was.ariaStatusCode === 'number' ? said : c;
    }) ?? fromActions;
  if (confirmed) {
    const { changes: _shown, ...sent } = after as Record<string, unknown>;
    const rest = Object.entries(flattenFields(sent))
      .filter(([path, v]) => v !== null && !isWireField(e, path) && !confirmedAs(confirmed, path, v))
      .filter(([path, v]) => !sameValue(beforeAt(was, path), v))
      // A card's "new billing group" is sent every time; it says something only when it is yes.
      .filter(([path, v]) => !(path === 'createNewBillingGroup' && v === false))
      .map(([path, v]) => ({ path, before: beforeAt(was, path) ?? null, after: v }));
    return [...confirmed, ...rest];
  }
  const sentPaths = new Set(Object.keys(flattenFields(after)));
  const changes = diffFields(before, after).filter(
    (c) => !isWireField(e, c.path) && !sameValue(c.before, c.after) && !(c.after === null && e.kind !== 'outcome' && !sentPaths.has(c.path)),
  );
  // What was there and is now different first (a subscription change's plan), then what is new.
  if (changes.length) return [...changes.filter((c) => c.before !== null), ...changes.filter((c) => c.before === null)];
  // Nothing differs (or both empty): say what the entry holds, if anything.
  return Object.entries(flattenFields(after))
    .filter(([path]) => !isWireField(e, path))
    .map(([path, v]) => ({ path, before: v, after: v }));
}

export const showValue = (v: Scalar): string => (v === null ? '—' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

/** Leaves whose value is an amount of money, a date, or a code of their own list (a subscription change's preview, an address). */
const MONEY = new Set(['charges', 'credits', 'net', 'nextInvoiceAmount']);
const DATES = new Set(['effectiveDate', 'nextInvoiceDate', 'nextBillDate', 'prorationStart', 'prorationEnd']);

/** A value of the field at `path` as the agent reads it: codes in words, dates and countries in the UI language. */
export function valueInWords(t: TFunction, f: Formatters, path: string, v: Scalar, currency?: string | null): string {
  const leaf = path.split('.').pop() ?? path;
  if (v !== null && v !== '') {
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (MONEY.has(leaf) && typeof v === 'number') return f.money(v, currency);
    if (DATES.has(leaf) && typeof v === 'string') return f.date(v);
    if (leaf === 'directive') return t(`plans.directive.${String(v)}`, { defaultValue: String(v) });
    if (leaf === 'ariaStatusCode' && typeof v === 'number') return t(`status.${accountStatusKey(v)}`);
    if (leaf === 'kind' && path === 'kind') return t(`audit.detailKind.${String(v)}`, { defaultValue: String(v) });
    if (leaf === 'path' && /^fields\.\d+\.path$/.test(path)) return fieldInWords(t, String(v).replace(/\[(\d+)\]/g, '.$1'));
  }
  return newAccountValue(t, path, v) ?? describeValue(t, f, path, v) ?? showValue(v);
}

/** The entry's values in words, with what they depend on (a subscription change's amounts are in its currency). */
export function entryValueWords(t: TFunction, f: Formatters, e: Pick<AuditEntryView, 'after'>): (path: string, v: Scalar) => string {
  const after = e.after as { currency?: unknown } | null;
  const currency = after && typeof after === 'object' && typeof after.currency === 'string' ? after.currency : null;
  return (path, v) => valueInWords(t, f, path, v, currency);
}

/** A field's label, naming what its value says in words ("Payment option", not "Payment option ID"). */
export function fieldInWords(t: TFunction, path: string): string {
  return fieldLabel(t, path, inWordsLabels(t));
}

/** The account an entry is about: a create has no number until the billing system answers (D60: account 0). */
export function accountWords(t: TFunction, accountNo: number, short = false): string {
  if (accountNo === 0) return t(short ? 'audit.newAccountShort' : 'audit.newAccount');
  return short ? t('audit.accountShort', { accountNo }) : String(accountNo);
}

/** An outcome's answer in words: "Status: made", "Comment numbers: 50002123, 50002124". */
export function entryResults(t: TFunction, f: Formatters, e: Pick<AuditEntryView, 'before' | 'after'> & Partial<Pick<AuditEntryView, 'kind' | 'action'>>): ResultRow[] {
  return outcomeRows(t, e, (path) => fieldInWords(t, path), entryValueWords(t, f, e));
}

/** One line: "Text: — → Hei på deg; Statement delivery: Email → Email with PDF (+2 more)"; an outcome: "Status: made". */
export function changeSummary(t: TFunction, f: Formatters, e: Pick<AuditEntryView, 'before' | 'after'> & Partial<Pick<AuditEntryView, 'kind' | 'action'>>): string {
  if (e.kind === 'outcome') {
    const results = entryResults(t, f, e);
    const shown = results.slice(0, 2).map((r) => `${r.label}: ${r.value}`);
    const more = results.length - shown.length;
    return shown.join('; ') + (more > 0 ? ` ${t('audit.more', { count: more })}` : '');
  }
  const changes = entryChanges(t, e);
  if (!changes.length) return '';
  const words = entryValueWords(t, f, e);
  const shown = changes.slice(0, 2).map((c) => `${fieldInWords(t, c.path)}: ${words(c.path, c.before)} → ${words(c.path, c.after)}`);
  const more = changes.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` ${t('audit.more', { count: more })}` : '');
}

/** The verdict as a sentence. */
export function verdictWords(t: TFunction, v: AuditVerdictView, n: (x: number) => string = String): string {
  if (v.ok) return t('audit.verdict.ok', { count: v.entries, n: n(v.entries), checkpoints: n(v.checkpoints ?? 0), signedThrough: v.signedThrough ?? 0 });
  const p = v.problem;
  if (!p) return t('audit.verdict.broken');
  const range = p.last !== undefined && p.last !== p.seq;
  switch (p.what) {
    case 'edited':
      return t('audit.verdict.edited', { seq: p.seq });
    case 'removed':
      return range ? t('audit.verdict.removedRange', { seq: p.seq, last: p.last }) : t('audit.verdict.removed', { seq: p.seq });
    case 'inserted':
      return range || p.last !== undefined ? t('audit.verdict.unsigned', { seq: p.seq, last: p.last }) : t('audit.verdict.inserted', { seq: p.seq });
    case 'reordered':
      return t('audit.verdict.reordered', { seq: p.seq });
    case 'checkpoint':
      return t(`audit.verdict.${p.cause ?? 'bad-signature'}`, { seq: p.seq });
  }
}

/** Where the key that checked the signatures came from, when that matters to the reader. */
export function keySourceWords(t: TFunction, v: AuditVerdictView): string | null {
  if (v.keySource === 'log') return t('audit.verdict.keyFromLog');
  if (v.keySource === 'none') return t('audit.verdict.noKey');
  return null;
}
