// Proration of replace_acct_plan_m (main/sandbox/core/proration.ts) and billing periods
// (core/dates.ts). Every expected figure is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { modeOf, prorate } from '../../../main/sandbox/core/proration';
import { addMonths, periodOf } from '../../../main/sandbox/core/dates';

// November 2026: 30 days. Billed monthly from the 1st: period 2026-11-01 … 2026-11-30, next bill 2026-12-01.
const NOV = { start: '2026-11-01', next: '2026-12-01' };
const monthly = (rateOre: number, units = 1, billable = true) => ({ rateOre, units, months: 1, billable });

describe('prorate', () => {
  it('30-day period, 12 days left, 299 → 399 NOK: charge 12/30 × 399 = 159.60, credit 12/30 × 299 = 119.60', () => {
    // From 2026-11-19: the 19th … 30th = 12 days.
    const r = prorate('full', NOV, '2026-11-19', monthly(29900), monthly(39900), '2026-01-01');
    expect(r.daysIn).toBe(30);
    expect(r.daysLeft).toBe(12);
    expect(r.charge).toEqual({ amountOre: 15960, days: 12, daysIn: 30, from: '2026-11-19', to: '2026-11-30' });
    expect(r.credit).toEqual({ amountOre: 11960, days: 12, daysIn: 30, from: '2026-11-19', to: '2026-11-30' });
    expect(r.anchor).toBe('2026-01-01'); // same interval: the billing dates stay
  });

  it('quarterly, 2 units → 1 unit: 45 of 92 days, rounded to the øre', () => {
    // Period 2026-10-15 … 2027-01-14: Oct 17 + Nov 30 + Dec 31 + Jan 14 = 92 days.
    // From 2026-12-01: Dec 31 + Jan 14 = 45 days.
    // credit 852.00 × 2 × 45 / 92 = 76 680 / 92 = 833.478… → 833.48
    // charge 1137.00 × 1 × 45 / 92 = 51 165 / 92 = 556.141… → 556.14
    const q = (rateOre: number, units: number) => ({ rateOre, units, months: 3, billable: true });
    const r = prorate('full', { start: '2026-10-15', next: '2027-01-15' }, '2026-12-01', q(85200, 2), q(113700, 1), '2026-01-15');
    expect([r.daysIn, r.daysLeft]).toEqual([92, 45]);
    expect(r.credit!.amountOre).toBe(83348);
    expect(r.charge!.amountOre).toBe(55614);
  });

  it('rounds half up once per line: 299 × 1/30 = 9.9666… → 9.97', () => {
    const r = prorate('full', NOV, '2026-11-30', monthly(29900), monthly(29900, 2), '2026-11-01');
    expect(r.credit!.amountOre).toBe(997);
    expect(r.charge!.amountOre).toBe(1993); // 598 / 30 = 19.9333… → 19.93
  });

  it('monthly → yearly: the credit as before, the new plan charged a full year from the change, billed from then on', () => {
    const r = prorate('full', NOV, '2026-11-19', monthly(29900), { rateOre: 305000, units: 1, months: 12, billable: true }, '2026-01-01');
    expect(r.credit!.amountOre).toBe(11960);
    // 2026-11-19 … 2027-11-18 = 365 days, factor 1.
    expect(r.charge).toEqual({ amountOre: 305000, days: 365, daysIn: 365, from: '2026-11-19', to: '2027-11-18' });
    expect(r.anchor).toBe('2026-11-19');
  });

  it('alt_proration_end_date: charges up to that day, and the next bill is the day after', () => {
    // 2026-11-19 … 2026-11-25 = 7 days: 399 × 7 / 30 = 93.10
    const r = prorate('full', NOV, '2026-11-19', monthly(29900), monthly(39900), '2026-01-01', '2026-11-25');
    expect(r.charge).toMatchObject({ amountOre: 9310, days: 7, to: '2026-11-25' });
    expect(r.credit!.amountOre).toBe(11960);
    expect(r.anchor).toBe('2026-11-26');
  });

  it('no proration: no lines; another interval starts on the next bill date', () => {
    expect(prorate('none', NOV, '2026-11-19', monthly(29900), monthly(39900), '2026-01-01')).toEqual({ anchor: '2026-01-01', daysIn: 30, daysLeft: 12 });
    const r = prorate('none', NOV, '2026-11-19', monthly(29900), { rateOre: 305000, units: 1, months: 12, billable: true }, '2026-01-01');
    expect(r.charge).toBeUndefined();
    expect(r.anchor).toBe('2026-12-01');
  });

  it('charges only and credits only', () => {
    const c = prorate('charges', NOV, '2026-11-19', monthly(29900), monthly(39900), '2026-01-01');
    expect([c.charge?.amountOre, c.credit]).toEqual([15960, undefined]);
    const k = prorate('credits', NOV, '2026-11-19', monthly(29900), monthly(39900), '2026-01-01');
    expect([k.charge, k.credit?.amountOre]).toEqual([undefined, 11960]);
  });

  it('nothing is credited for a non-billable old plan, nothing charged for a non-billable new one', () => {
    const r = prorate('full', NOV, '2026-11-19', monthly(29900, 1, false), monthly(39900, 1, true), '2026-01-01');
    expect([r.charge?.amountOre, r.credit]).toEqual([15960, undefined]);
    const s = prorate('full', NOV, '2026-11-19', monthly(29900), monthly(39900, 1, false), '2026-01-01');
    expect([s.charge, s.credit?.amountOre]).toEqual([undefined, 11960]);
  });
});

describe('modeOf (003: 2 and 7 honour the client default, which prorates)', () => {
  it('maps every directive', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(modeOf)).toEqual(
      ['none', 'full', 'none', 'full', 'charges', 'credits', 'full', 'none', 'full', 'charges', 'credits'],
    );
  });
});

describe('billing periods', () => {
  it('counts every boundary from the anchor, clamped to short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', -11)).toBe('2025-12-15');
    expect(periodOf('2026-01-31', 1, '2026-02-28')).toEqual({ start: '2026-02-28', next: '2026-03-31' });
    expect(periodOf('2026-01-31', 1, '2026-03-30')).toEqual({ start: '2026-02-28', next: '2026-03-31' });
    expect(periodOf('2026-01-31', 1, '2026-03-31')).toEqual({ start: '2026-03-31', next: '2026-04-30' });
  });

  it('finds the period of a date long after, or before, the anchor', () => {
    expect(periodOf('2019-05-12', 3, '2026-12-01')).toEqual({ start: '2026-11-12', next: '2027-02-12' });
    expect(periodOf('2020-02-29', 12, '2026-12-01')).toEqual({ start: '2026-02-28', next: '2027-02-28' });
    expect(periodOf('2026-12-12', 1, '2026-12-01')).toEqual({ start: '2026-11-12', next: '2026-12-12' });
  });
});
