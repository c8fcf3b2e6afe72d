// The chart's data: every Norwegian day of the range (a from at Oslo midnight is that day,
// not the UTC day before), the busiest eight operators by name, the rest as one.
import { describe, expect, it } from 'vitest';
import { chartData, OTHERS } from '../../../renderer/features/supervision/chartData';

const row = (day: string, operatorId: string, comments: number, changes: number) => ({ day, operatorId, operatorName: `Name ${operatorId}`, comments, changes });

describe('supervision chart data', () => {
  it('lists the Oslo days from..to, including days without entries', () => {
    // 2 Nov 00:00 Oslo (UTC+1) to 4 Nov 00:00 Oslo, exclusive.
    const d = chartData([row('2026-11-03', 'a', 1, 2)], '2026-11-01T23:00:00.000Z', '2026-11-03T23:00:00.000Z');
    expect(d.days).toEqual(['2026-11-02', '2026-11-03']);
    expect(d.series('comments')).toEqual([{ key: 'a', data: [0, 1] }]);
    expect(d.series('changes')).toEqual([{ key: 'a', data: [0, 2] }]);
    // Across the end of summer time (25 Oct 2026): still one bar per day.
    expect(chartData([], '2026-10-23T22:00:00.000Z', '2026-10-26T23:00:00.000Z').days).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('colours the eight busiest operators and counts the rest together', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row('2026-11-02', `op${i}`, i, 1));
    const d = chartData(rows, '2026-11-01T23:00:00.000Z', '2026-11-02T23:00:00.000Z');
    expect(d.shown.map((s) => s.id)).toEqual(['op9', 'op8', 'op7', 'op6', 'op5', 'op4', 'op3', 'op2']);
    expect(d.hasOthers).toBe(true);
    const comments = d.series('comments');
    expect(comments.at(-1)).toEqual({ key: OTHERS, data: [0 + 1] });
    expect(comments[0]).toEqual({ key: 'op9', data: [9] });
    expect(d.series('changes').reduce((n, s) => n + s.data[0]!, 0)).toBe(10);
  });
});
