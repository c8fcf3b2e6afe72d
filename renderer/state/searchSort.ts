// Sorting the shown search results by a column (docs/ui.md, "Results"). The answer comes
// ranked (best match first); a sort is the agent's choice over the same rows, and "none"
// brings the ranking back.
import type { SearchResultRow } from '../../shared/ipc';

export const SORT_KEYS = ['name', 'account', 'status', 'balance', 'city', 'phone', 'email'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface ResultSort {
  key: SortKey;
  dir: SortDir;
}

export const phoneOf = (r: SearchResultRow) => r.contactDetails.cellPhone || r.contactDetails.homePhone || r.contactDetails.workPhone || '';
export const nameOf = (r: SearchResultRow) =>
  r.contactDetails.fullName?.trim() || [r.contactDetails.firstName, r.contactDetails.lastName].filter(Boolean).join(' ') || String(r.ariaAccountNo);

/** Status in the order an agent reads it: active first, archived last. */
const STATUS_ORDER: Record<number, number> = { 1: 0, 32: 1, 99: 2, 0: 3, [-99]: 4 };

/** Ascending, then descending, then back to the ranking. */
export function nextSort(current: ResultSort | null, key: SortKey): ResultSort | null {
  if (!current || current.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

/** The rows in the sort's order (a copy); ties keep the ranked order; empty cells go last. Text sorts as `locale` reads it. */
export function sortRows(rows: readonly SearchResultRow[], sort: ResultSort, locale: string): SearchResultRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const textOf: Partial<Record<SortKey, (r: SearchResultRow) => string>> = {
    name: (r) => [r.contactDetails.lastName, r.contactDetails.firstName].filter(Boolean).join(' ') || nameOf(r),
    city: (r) => r.contactDetails.postalCity ?? '',
    phone: phoneOf,
    email: (r) => r.contactDetails.emailAddress ?? '',
  };
  const numberOf: Partial<Record<SortKey, (r: SearchResultRow) => number>> = {
    account: (r) => r.ariaAccountNo,
    status: (r) => STATUS_ORDER[r.acctStatusCode] ?? 9,
    balance: (r) => r.acctBalance,
  };
  const sign = sort.dir === 'asc' ? 1 : -1;
  const text = textOf[sort.key];
  const num = numberOf[sort.key];
  return rows
    .map((row, i) => ({ row, i, t: text?.(row) ?? '', n: num?.(row) ?? 0 }))
    .sort((a, b) => {
      if (text) {
        if (!a.t || !b.t) return (a.t ? -1 : b.t ? 1 : 0) || a.i - b.i;
        return sign * collator.compare(a.t, b.t) || a.i - b.i;
      }
      return sign * (a.n - b.n) || a.i - b.i;
    })
    .map((x) => x.row);
}
