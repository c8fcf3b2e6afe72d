// The audit log in words: what was done (never the command code), what became of it, the
// change as "field: before → after", and the verify verdict, in the UI's language.
import type { TFunction } from 'i18next';
import type { AuditEntryView, AuditVerdictView } from '../../../shared/ipc';
import { diffFields, flattenFields, type FieldChange, type Scalar } from '../../../shared/domain/fieldDiff';
import { fieldLabel } from '../../components/fieldLabel';
import { inWordsLabels, newAccountValue } from '../../components/newAccountWords';
import { describeValue } from '../../components/valueWords';
import type { Formatters } from '../../i18n/format';

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
 * is the confirmed "localeCode"). Display only: the entry itself is never changed.
 */
export function entryChanges(e: Pick<AuditEntryView, 'before' | 'after'>): FieldChange[] {
  const before = e.before ?? null;
  const after = e.after ?? null;
  if (before === null && after !== null && typeof after !== 'object') return [{ path: 'value', before: null, after: String(after) }];
  const confirmed = confirmedChanges(after);
  if (confirmed) {
    const { changes: _shown, ...sent } = after as Record<string, unknown>;
    const was = flattenFields(before);
    const shownAs = (path: string, v: Scalar) => confirmed.some((c) => (path === c.path || path.endsWith(`.${c.path}`)) && c.after === v);
    const rest = Object.entries(flattenFields(sent))
      .filter(([path, v]) => v !== null && !shownAs(path, v))
      .map(([path, v]) => ({ path, before: was[path] ?? null, after: v }));
    return [...confirmed, ...rest];
  }
  const changes = diffFields(before, after);
  if (changes.length) return changes;
  // Nothing differs (or both empty): say what the entry holds, if anything.
  return Object.entries(flattenFields(after)).map(([path, v]) => ({ path, before: v, after: v }));
}

export const showValue = (v: Scalar): string => (v === null ? '—' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

/** A value of the field at `path` as the agent reads it: codes in words, dates and countries in the UI language. */
export function valueInWords(t: TFunction, f: Formatters, path: string, v: Scalar): string {
  return newAccountValue(t, path, v) ?? describeValue(t, f, path, v) ?? showValue(v);
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

/** One line: "Text: — → Hei på deg; Statement delivery: Email → Email with PDF (+2 more)". */
export function changeSummary(t: TFunction, f: Formatters, e: Pick<AuditEntryView, 'before' | 'after'>): string {
  const changes = entryChanges(e);
  if (!changes.length) return '';
  const shown = changes.slice(0, 2).map((c) => `${fieldInWords(t, c.path)}: ${valueInWords(t, f, c.path, c.before)} → ${valueInWords(t, f, c.path, c.after)}`);
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
