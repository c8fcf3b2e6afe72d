// The chart's data from main's counts (Oslo days): every day of the range, the operators
// that get a colour (the busiest TOP), the rest together as OTHERS.
import type { OperatorDayView } from '../../../shared/ipc';

const TOP = 8;
export const OTHERS = '\u0000others';
const OSLO = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day (YYYY-MM-DD) an instant falls on in Norway: main counts by Oslo days. */
export const osloDay = (ms: number) => OSLO.format(ms);

/** Every day from..to (YYYY-MM-DD), the operators that get a colour, and the counts by day and operator. */
export function chartData(rows: readonly OperatorDayView[], from: string, to: string) {
  const days: string[] = [];
  if (from && to) {
    // Every Norwegian calendar day from `from` to the last instant before `to` (exclusive), at most 400.
    const first = osloDay(Date.parse(from));
    const last = osloDay(Date.parse(to) - 1);
    for (let t = Date.parse(`${first}T12:00:00Z`); days.length < 400; t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (d > last) break;
      days.push(d);
    }
  }
  for (const r of rows) if (!days.includes(r.day)) days.push(r.day);
  days.sort();
  const totals = new Map<string, { name: string; n: number }>();
  for (const r of rows) {
    const o = totals.get(r.operatorId) ?? { name: r.operatorName ?? r.operatorId, n: 0 };
    o.n += r.comments + r.changes;
    totals.set(r.operatorId, o);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, TOP).map(([id, o]) => ({ id, name: o.name }));
  const hasOthers = ranked.length > TOP;
  const ids = new Set(shown.map((s) => s.id));
  const series = (metric: 'comments' | 'changes') => {
    const keys = [...shown.map((s) => s.id), ...(hasOthers ? [OTHERS] : [])];
    return keys.map((key) => {
      const data = days.map((d) => rows.filter((r) => r.day === d && (key === OTHERS ? !ids.has(r.operatorId) : r.operatorId === key)).reduce((n, r) => n + r[metric], 0));
      return { key, data };
    });
  };
  return { days, shown, hasOthers, series };
}
