// Proration of a plan change over a billing period (docs/plans.md, "Proration"). Pure: the
// old and new plan's rate, units and interval, the period holding the proration start, and
// what the directive asks for. Amounts are whole øre, each line rounded half up once.
import { addDays, addMonths, daysBetween, type Period } from './dates';

/** What a directive does with charges and credits (003: 2 = the client's default, which is to prorate). */
export type ProrationMode = 'full' | 'none' | 'charges' | 'credits';
export function modeOf(directive: number): ProrationMode {
  if ([2, 4, 7, 9].includes(directive)) return 'full';
  if ([5, 10].includes(directive)) return 'charges';
  if ([6, 11].includes(directive)) return 'credits';
  return 'none'; // 1, 3, 8
}

export interface PlanSide {
  /** Øre per unit per billing period. */
  rateOre: number;
  units: number;
  months: number;
  /** False for a non-billable or trial status: nothing billed, nothing to credit or charge. */
  billable: boolean;
}

export interface ProrationLine {
  amountOre: number;
  /** Days / days in the period the daily rate is taken from. */
  days: number;
  daysIn: number;
  from: string;
  /** Inclusive. */
  to: string;
}

export interface ProrationResult {
  charge?: ProrationLine;
  credit?: ProrationLine;
  /** The new plan's first bill date (its billing periods run from it). */
  anchor: string;
  daysIn: number;
  daysLeft: number;
}

const part = (rateOre: number, units: number, days: number, daysIn: number) => Math.round((rateOre * units * days) / daysIn);

/**
 * @param period the old plan's billing period holding `start`
 * @param start the first day prorated (the change date, or alt_proration_start_date)
 * @param altEnd the last day the new plan's charge covers (alt_proration_end_date)
 */
export function prorate(mode: ProrationMode, period: Period, start: string, old: PlanSide, neu: PlanSide, oldAnchor: string, altEnd?: string): ProrationResult {
  const daysIn = daysBetween(period.start, period.next);
  const daysLeft = daysBetween(start, period.next);
  const sameInterval = old.months === neu.months;
  const charging = mode === 'full' || mode === 'charges';
  const crediting = mode === 'full' || mode === 'credits';
  const result: ProrationResult = { anchor: sameInterval ? oldAnchor : period.next, daysIn, daysLeft };

  if (crediting && old.billable && daysLeft > 0)
    result.credit = { amountOre: part(old.rateOre, old.units, daysLeft, daysIn), days: daysLeft, daysIn, from: start, to: addDays(period.next, -1) };

  if (charging) {
    let line: ProrationLine;
    if (altEnd) {
      const days = daysBetween(start, altEnd) + 1;
      const denom = sameInterval ? daysIn : daysBetween(start, addMonths(start, neu.months));
      line = { amountOre: part(neu.rateOre, neu.units, days, denom), days, daysIn: denom, from: start, to: altEnd };
      result.anchor = addDays(altEnd, 1);
    } else if (sameInterval) {
      line = { amountOre: part(neu.rateOre, neu.units, daysLeft, daysIn), days: daysLeft, daysIn, from: start, to: addDays(period.next, -1) };
    } else {
      // Another interval: the new plan's own first period starts on the proration start.
      const next = addMonths(start, neu.months);
      const days = daysBetween(start, next);
      line = { amountOre: neu.rateOre * neu.units, days, daysIn: days, from: start, to: addDays(next, -1) };
      result.anchor = start;
    }
    if (neu.billable && line.days > 0) result.charge = line;
  }
  return result;
}
