import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { startOfDay } from 'date-fns/startOfDay';

// The calendar day (YYYY-MM-DD) of an ISO instant in a time zone. Formatting every one of
// 100,000 instants with Intl is what would cost; zones with whole-hour offsets (Oslo) give
// every instant of one UTC hour the same day, so one answer per UTC hour is kept.
export function dayKeyer(timeZone: string): (iso: string) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: knownZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' });
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
 * `timeZone` (0: the start of that day; 1: the next midnight), by the zone's own rules: Oslo's
 * clocks change at 02:00/03:00, so its days are 23, 24 or 25 hours long. An unknown zone is
 * read as Oslo (knownZone), as in dayKeyer.
 */
export function zoneMidnight(timeZone: string, ms: number, days: number): number {
  return startOfDay(addDays(new TZDate(ms, knownZone(timeZone)), days)).getTime();
}

/** The zone if Intl knows it, else Oslo (the desk's own). */
function knownZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return 'Europe/Oslo';
  }
}
