// Calendar dates of the core API (yyyy-mm-dd, UTC days) and billing periods: a plan
// instance is billed every `months` months from its anchor date (its first bill date), so
// the period holding a date is [anchor + k·months, anchor + (k+1)·months) for the right k.
// Every period boundary is computed from the anchor (never from the previous boundary), so
// an anchor on the 31st gives 28 Feb, 31 Mar, 30 Apr … without drifting.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a yyyy-mm-dd date. */
export function dayNo(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC date of an instant. */
export function isoOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayNo(iso) + days);
}

/** The anchor's day of month in the month `months` after the anchor's, clamped to that month's length. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1;
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + m + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

export interface Period {
  /** First day of the period. */
  start: string;
  /** The next bill date: the day after the period's last day. */
  next: string;
}

/** The billing period of an instance billed every `months` months from `anchor` that holds `date`. */
export function periodOf(anchor: string, months: number, date: string): Period {
  const target = dayNo(date);
  // An estimate of k from the month difference, then corrected by at most a step or two.
  const diff = (Number(date.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + (Number(date.slice(5, 7)) - Number(anchor.slice(5, 7)));
  let k = Math.floor(diff / months);
  while (dayNo(addMonths(anchor, k * months)) > target) k--;
  while (dayNo(addMonths(anchor, (k + 1) * months)) <= target) k++;
  return { start: addMonths(anchor, k * months), next: addMonths(anchor, (k + 1) * months) };
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => dayNo(b) - dayNo(a);
