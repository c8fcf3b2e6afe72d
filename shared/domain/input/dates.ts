// Calendar dates as YYYY-MM-DD that exist (2026-02-31 does not), and the date rules of the
// forms: a birth date in the past, an effective date that may lie back in time (a warning).

/** The date as [year, month, day] when it is YYYY-MM-DD and exists; else undefined. */
export function parseIsoDate(value: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days ? [y, mo, d] : undefined;
}

export const isRealDate = (value: string) => parseIsoDate(value) !== undefined;

/** Today as YYYY-MM-DD in the desk's own time zone. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A date (or the date part of a date-time) before today: allowed, but the agent is warned. */
export function isBackdated(value: string, today: string): boolean {
  const day = value.slice(0, 10);
  return isRealDate(day) && day < today;
}

export const BIRTH_DATE_MIN = '1900-01-01';
