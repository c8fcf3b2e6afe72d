// The calendar day (YYYY-MM-DD) of an ISO instant in a time zone. Formatting every one of
// 100,000 instants with Intl is what would cost; zones with whole-hour offsets (Oslo) give
// every instant of one UTC hour the same day, so one answer per UTC hour is kept.
export function dayKeyer(timeZone: string): (iso: string) => string {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const byHour = new Map<string, string>();
  // Other zones may have :30 and :45 offsets: one answer per minute there.
  const width = fmt.resolvedOptions().timeZone === 'Europe/Oslo' ? 13 : 16;
  return (iso) => {
    const key = iso.slice(0, width);
    let d = byHour.get(key);
    if (d === undefined) byHour.set(key, (d = fmt.format(new Date(iso))));
    return d;
  };
}

/**
 * The instant (ms) at which the calendar day `days` after the one holding `ms` begins in
 * `timeZone` (0: the start of that day; 1: the next midnight). For zones whose clocks change
 * away from midnight, as Oslo's do (02:00/03:00).
 */
export function zoneMidnight(timeZone: string, ms: number, days: number): number {
  const [y, m, d] = dayKeyer(timeZone)(new Date(ms).toISOString()).split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + days);
  // The zone's offset at that UTC midnight (the same as at its own midnight, hours away from any change).
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(utcMidnight);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - utcMidnight;
  return utcMidnight - offset;
}
