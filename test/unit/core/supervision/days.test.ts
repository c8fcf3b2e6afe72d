// The chart's days begin at Oslo's midnight, whatever the offset that day (docs/supervision.md).
// Expected instants are written out by hand from Oslo's rules: UTC+1 in winter, UTC+2 in
// summer, clocks forward 02:00 → 03:00 on 29 March 2026 and back 03:00 → 02:00 on 25 October 2026.
import { describe, expect, it } from 'vitest';
import { dayKeyer, zoneMidnight } from '../../../../main/core/supervision/days';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoneMidnight (Europe/Oslo)', () => {
  it('gives the start of the day and the next midnight on an ordinary winter day', () => {
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-12-03T10:00:00Z'), 0))).toBe('2026-12-02T23:00:00.000Z');
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-12-03T10:00:00Z'), 1))).toBe('2026-12-03T23:00:00.000Z');
  });

  it('counts an instant after 23:00 UTC in winter as the next Oslo day', () => {
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-12-01T23:30:00Z'), 0))).toBe('2026-12-01T23:00:00.000Z');
  });

  it('keeps midnight at 00:00 local on the days the clocks change', () => {
    // 29 March 2026 began at +01:00 and ends at +02:00.
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-03-29T12:00:00Z'), 0))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-03-29T12:00:00Z'), 1))).toBe('2026-03-29T22:00:00.000Z');
    // 25 October 2026 began at +02:00 and ends at +01:00.
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-10-25T12:00:00Z'), 0))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-10-25T12:00:00Z'), 1))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('steps back across a change: the chart’s first day, thirty days before', () => {
    // From 10 April 2026 (summer) back 30 days: 11 March 2026, a winter day.
    expect(iso(zoneMidnight('Europe/Oslo', at('2026-04-10T12:00:00Z'), -30))).toBe('2026-03-10T23:00:00.000Z');
  });

  it('works for a zone with a half-hour offset', () => {
    // India: UTC+05:30, no daylight saving.
    expect(iso(zoneMidnight('Asia/Kolkata', at('2026-12-03T10:00:00Z'), 0))).toBe('2026-12-02T18:30:00.000Z');
  });

  it('reads an unknown zone as Oslo, as the day names do', () => {
    expect(iso(zoneMidnight('Not/AZone', at('2026-12-03T10:00:00Z'), 0))).toBe('2026-12-02T23:00:00.000Z');
  });
});

describe('dayKeyer', () => {
  it('names the Oslo calendar day of an instant', () => {
    const day = dayKeyer('Europe/Oslo');
    expect(day('2026-12-01T22:59:59.999Z')).toBe('2026-12-01');
    expect(day('2026-12-01T23:00:00.000Z')).toBe('2026-12-02');
    expect(day('2026-07-01T21:59:59.000Z')).toBe('2026-07-01');
    expect(day('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
  });
});
