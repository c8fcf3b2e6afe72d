// The plan change form in the agent's words: "now, with proration", "at next renewal", "on a
// date", and behind "More" every one of 003's eleven assignment directives, the proration
// dates, an alternative rate, coupons and a promotion code. What main and the billing system
// refuse lands on the field it is about, in the UI language (never the wire text).
import type { TFunction } from 'i18next';
import { isoDate } from '../../../shared/amps/fields';
import type { FieldIssue, IpcError } from '../../../shared/ipc';
import { serverFieldMessage } from '../../i18n/fieldMessages';
import type { OfferedPlan, PlanChange, Subscription } from './plansStore';

export type When = 'now' | 'renewal' | 'date';
/** The directive each plain choice stands for (003): 4 now with proration, 1 next anniversary, 9 on a date with proration. */
export const WHEN_DIRECTIVE: Record<When, number> = { now: 4, renewal: 1, date: 9 };
export const DIRECTIVES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const isDated = (d: number) => d >= 7 && d <= 11;

export interface PlanForm {
  newPlanNo: string;
  planUnits: string;
  when: When;
  effectiveDate: string;
  /** More: '' = as "when" says; otherwise one of 1–11. */
  directive: string;
  prorationStart: string;
  prorationEnd: string;
  altRateScheduleNo: string;
  couponCodes: string;
  promoCode: string;
}

export type PlanFormField = keyof PlanForm;

export function emptyPlanForm(sub: Subscription): PlanForm {
  return {
    newPlanNo: '',
    planUnits: String(sub.units),
    when: 'now',
    effectiveDate: '',
    directive: '',
    prorationStart: '',
    prorationEnd: '',
    altRateScheduleNo: '',
    couponCodes: '',
    promoCode: '',
  };
}

export const directiveOf = (v: PlanForm) => (v.directive ? Number(v.directive) : WHEN_DIRECTIVE[v.when]);
/** Whether the form asks for an effective date. */
export const needsDate = (v: PlanForm) => isDated(directiveOf(v));

const validDate = (s: string) => isoDate.safeParse(s).success;

/** The form's own checks, each on its field (messages already in the UI language). */
export function checkPlanForm(t: TFunction, v: PlanForm, plan?: OfferedPlan): Partial<Record<PlanFormField, string>> {
  const e: Partial<Record<PlanFormField, string>> = {};
  if (!v.newPlanNo) e.newPlanNo = t('plans.error.choosePlan');
  const units = Number(v.planUnits.replace(',', '.'));
  if (v.planUnits.trim() === '' || !Number.isFinite(units)) e.planUnits = t('validation.number');
  else if (units <= 0) e.planUnits = t('plans.error.units');
  else if (plan && (units < plan.minUnits || units > plan.maxUnits)) e.planUnits = unitsRange(t, plan);
  if (needsDate(v)) {
    if (!v.effectiveDate) e.effectiveDate = t('plans.error.dateRequired');
    else if (!validDate(v.effectiveDate)) e.effectiveDate = t('validation.dateInvalid');
  }
  if (v.prorationStart && !validDate(v.prorationStart)) e.prorationStart = t('validation.dateInvalid');
  if (v.prorationEnd && !validDate(v.prorationEnd)) e.prorationEnd = t('validation.dateInvalid');
  if (!e.prorationStart && !e.prorationEnd && v.prorationStart && v.prorationEnd && v.prorationEnd < v.prorationStart) e.prorationEnd = t('plans.error.endBeforeStart');
  const codes = couponList(v.couponCodes);
  if (codes.some((c) => c.length > 30)) e.couponCodes = t('validation.tooLong', { max: '30' });
  else if (codes.length > 10) e.couponCodes = t('plans.error.tooManyCoupons');
  if (v.promoCode.trim().length > 30) e.promoCode = t('validation.tooLong', { max: '30' });
  return e;
}

const unitsRange = (t: TFunction, plan: OfferedPlan) =>
  plan.minUnits === plan.maxUnits ? t('plans.error.unitsExactly', { n: plan.minUnits }) : t('plans.error.unitsRange', { min: plan.minUnits, max: plan.maxUnits });

const couponList = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * The rate the change asks for: the one chosen under More, else the new plan's rate on the
 * subscription's own billing interval when that is not the plan's default (the billing system
 * would otherwise move a quarterly or yearly customer to monthly; docs/plans.md).
 */
export function scheduleFor(sub: Subscription, v: PlanForm, plan: OfferedPlan | undefined): number | undefined {
  if (v.altRateScheduleNo) return Number(v.altRateScheduleNo);
  const same = plan?.schedules.find((s) => s.intervalMonths === sub.billingIntervalMonths && !s.isAlternative);
  return same && !same.isDefault ? same.scheduleNo : undefined;
}

/** The channel input of a checked form. */
export function toChange(accountNo: number, sub: Subscription, v: PlanForm, plan?: OfferedPlan): PlanChange {
  const directive = directiveOf(v);
  const codes = couponList(v.couponCodes);
  const schedule = scheduleFor(sub, v, plan);
  return {
    accountNo,
    planInstanceNo: sub.planInstanceNo,
    newPlanNo: Number(v.newPlanNo),
    planUnits: Number(v.planUnits.replace(',', '.')),
    directive,
    ...(isDated(directive) && v.effectiveDate ? { effectiveDate: v.effectiveDate } : {}),
    ...(v.prorationStart ? { prorationStart: v.prorationStart } : {}),
    ...(v.prorationEnd ? { prorationEnd: v.prorationEnd } : {}),
    ...(schedule !== undefined ? { altRateScheduleNo: schedule } : {}),
    ...(codes.length ? { couponCodes: codes } : {}),
    ...(v.promoCode.trim() ? { promoCode: v.promoCode.trim() } : {}),
  };
}

/** 003's request names (the billing system's error_field) and main's (the router's) → the form field. */
const FIELD_OF: Record<string, PlanFormField> = {
  new_plan_no: 'newPlanNo',
  new_client_plan_id: 'newPlanNo',
  newPlanNo: 'newPlanNo',
  plan_units: 'planUnits',
  planUnits: 'planUnits',
  assignment_directive: 'directive',
  directive: 'directive',
  effective_date: 'effectiveDate',
  effectiveDate: 'effectiveDate',
  alt_proration_start_date: 'prorationStart',
  prorationStart: 'prorationStart',
  alt_proration_end_date: 'prorationEnd',
  prorationEnd: 'prorationEnd',
  alt_rate_schedule_no: 'altRateScheduleNo',
  client_alt_rate_schedule_id: 'altRateScheduleNo',
  altRateScheduleNo: 'altRateScheduleNo',
  coupon_codes: 'couponCodes',
  couponCodes: 'couponCodes',
  promo_cd: 'promoCode',
  promoCode: 'promoCode',
};

// The core API's error codes (shared/amps/core.ts CORE_ERROR; docs/plans.md).
const PLAN_NOT_OFFERED = 25001;
const DIRECTIVE_NOT_ALLOWED = 25002;
const DATE_OUT_OF_RANGE = 25003;
const NOT_CHANGEABLE = 25004;
const NOTHING_TO_CHANGE = 25005;
const OBJECT_NOT_FOUND = 1013;
const MISSING_PARAMETER = 1010;

export interface PlacedErrors {
  fields: Partial<Record<PlanFormField, string>>;
  /** What no field shows, in words. */
  general: string | null;
}

/**
 * A refusal of plans.preview or plans.replace, on the form's fields, in the UI language. The
 * billing system names the field (error_field); its code (when it travels) says why.
 */
export function placeServerErrors(
  t: TFunction,
  error: IpcError,
  v: PlanForm,
  sub: Subscription,
  dateText: (d: string) => string,
  plan?: OfferedPlan,
): PlacedErrors {
  const fields: Partial<Record<PlanFormField, string>> = {};
  let general: string | null = null;
  const code = error.resultCode;
  const directive = directiveOf(v);
  const why = (field: PlanFormField, f: FieldIssue): string => {
    if (code === MISSING_PARAMETER) return t('validation.required');
    switch (field) {
      case 'newPlanNo':
        return code === OBJECT_NOT_FOUND ? t('plans.error.planUnknown') : code === NOTHING_TO_CHANGE ? t('plans.error.nothingToChange') : t('plans.error.notOffered');
      case 'planUnits': {
        const units = Number(v.planUnits.replace(',', '.'));
        if (!(units > 0)) return t('plans.error.units');
        return plan ? unitsRange(t, plan) : t('plans.error.unitsNotAllowed');
      }
      case 'directive':
      case 'when':
        return code === DIRECTIVE_NOT_ALLOWED || code === undefined
          ? t('plans.error.directive', { directive: t(`plans.directive.${directive}`) })
          : t('plans.error.directiveUnknown');
      case 'effectiveDate':
        return !v.effectiveDate ? t('plans.error.dateRequired') : t('plans.error.dateBeforePeriod', { start: dateText(sub.periodStart) });
      case 'prorationStart':
        return t('plans.error.dateBeforePeriod', { start: dateText(sub.periodStart) });
      case 'prorationEnd':
        return t('plans.error.endBeforeStart');
      case 'altRateScheduleNo':
      case 'couponCodes':
        return code === OBJECT_NOT_FOUND ? t('plans.error.unknownCode') : serverFieldMessage(t, f.message);
      default:
        return serverFieldMessage(t, f.message);
    }
  };
  for (const f of error.fields ?? []) {
    const key = f.path.split('.').pop() ?? f.path;
    let field: PlanFormField | undefined = FIELD_OF[key];
    // The directive was chosen as "when" unless More was used: the error goes where it was chosen.
    if (field === 'directive' && !v.directive) field = 'when';
    if (field) fields[field] = why(field, f);
    else general = serverFieldMessage(t, f.message);
  }
  if (!Object.keys(fields).length && !general) {
    if (code === NOT_CHANGEABLE) general = t('plans.error.notChangeable');
    else if (code === NOTHING_TO_CHANGE) fields.newPlanNo = t('plans.error.nothingToChange');
    else if (code === PLAN_NOT_OFFERED) fields.newPlanNo = t('plans.error.notOffered');
    else if (code === DATE_OUT_OF_RANGE) fields.effectiveDate = t('plans.error.dateBeforePeriod', { start: dateText(sub.periodStart) });
  }
  return { fields, general };
}
