// Aria's core API as the sandbox serves it: POST <sandbox>/v1/core with rest_call=<name>,
// the body form-encoded or JSON (both accepted, as Aria does). Not AMPS: authentication is
// client_no + auth_key in the body (seed 003), answers carry error_code / error_msg.
// Field names are Aria's (003 for replace_acct_plan_m; Aria's published output of
// get_acct_plans_all_m and get_client_plans_basic_m); additions of the sandbox are marked
// "extension". docs/plans.md lists every field with its meaning.
import { z } from 'zod';

export const CORE_PATH = '/v1/core';

export const CORE_CALLS = ['replace_acct_plan_m', 'get_acct_plans_all_m', 'get_client_plans_basic_m'] as const;
export type CoreCall = (typeof CORE_CALLS)[number];
/** Calls that change state (never retried blindly; do_write=false makes replace a read). */
export const CORE_WRITE_CALLS: ReadonlySet<CoreCall> = new Set(['replace_acct_plan_m']);

/**
 * error_code values. 0 and the four-digit ones and 14046/14047 are Aria's own (its error
 * message pages); the 25xxx ones are the sandbox's, for refusals Aria words in free text.
 */
export const CORE_ERROR = {
  OK: 0,
  UNEXPECTED: 1001,
  AUTH: 1004,
  ACCOUNT_NOT_FOUND: 1009,
  MISSING_PARAMETER: 1010,
  OBJECT_NOT_FOUND: 1013,
  /** new_client_plan_instance_id already names another plan instance. */
  DUPLICATE: 1015,
  INVALID_INPUT: 1016,
  INVALID_BOOLEAN: 1033,
  INVALID_PLAN_INSTANCE_NO: 14046,
  INVALID_CLIENT_PLAN_INSTANCE_ID: 14047,
  /** The new plan is not one the subscription's title offers (or master ↔ supplemental). */
  PLAN_NOT_OFFERED: 25001,
  /** The assignment_directive is not allowed for this change (003's notes on 5, 6, 10, 11). */
  DIRECTIVE_NOT_ALLOWED: 25002,
  /** effective_date / alt_proration_start_date / alt_proration_end_date outside what is allowed. */
  DATE_OUT_OF_RANGE: 25003,
  /** The plan instance cannot be changed (cancelled, suspended, terminated). */
  PLAN_INSTANCE_NOT_CHANGEABLE: 25004,
  /** The change would change nothing (same plan, units and rate schedule). */
  NOTHING_TO_CHANGE: 25005,
  /** The body could not be read (size, encoding, JSON syntax, depth, NUL …). */
  MALFORMED: 25006,
  UNKNOWN_CALL: 25007,
} as const;
export type CoreErrorCode = (typeof CORE_ERROR)[keyof typeof CORE_ERROR];

/** Every answer has these; error_field (extension) names the request field at fault. */
export const coreResult = z.object({
  error_code: z.number().int(),
  error_msg: z.string(),
  /** Extension: the request field the error is about, e.g. "assignment_directive". */
  error_field: z.string().nullish(),
});
export type CoreResult = z.infer<typeof coreResult>;

// --- Field types --------------------------------------------------------------------------
// Form-encoded bodies carry every value as text: numbers and booleans are accepted as their
// text too. An empty string counts as absent (Aria treats "" as not sent).

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Aria "long": an integer, or its decimal text. */
export const coreLong = z.preprocess(
  (v) => (typeof v === 'string' && /^-?\d{1,18}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'expected a whole number' }).int('expected a whole number').safe(),
);
export const optLong = z.preprocess(emptyToUndefined, coreLong.optional());

/** Aria "double". */
export const coreDouble = z.preprocess(
  (v) => (typeof v === 'string' && /^-?\d{1,12}(\.\d{1,6})?$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'expected a number' }).finite(),
);

export const optString = (max: number) => z.preprocess(emptyToUndefined, z.string().max(max, `may be at most ${max} characters`).optional());

/** yyyy-mm-dd that exists. */
export const coreDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'is not a real date');
export const optDate = z.preprocess(emptyToUndefined, coreDate.optional());

/** Aria's boolean strings "true"/"false" (JSON true/false accepted too). */
export const coreBoolean = z.preprocess(
  (v) => (typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(['true', 'false'], { error: 'expected "true" or "false"' }),
);

/** A string array; a single string counts as a one-element array. */
const stringArray = (max: number, maxItems: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v === '' ? [] : [v]) : v),
    z.array(z.string().trim().min(1, 'must not be empty').max(max, `may be at most ${max} characters`)).max(maxItems, `at most ${maxItems}`),
  );

const auth = {
  client_no: coreLong,
  auth_key: z.string().max(256),
};
const account = {
  acct_no: optLong,
  client_acct_id: optString(50),
};
const needAccount = (v: { acct_no?: number | undefined; client_acct_id?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.acct_no === undefined && !v.client_acct_id)
    ctx.addIssue({ code: 'custom', path: ['acct_no'], message: 'acct_no or client_acct_id is required' });
};

// --- Codes --------------------------------------------------------------------------------

/** 003's assignment_directive values. */
export const ASSIGNMENT_DIRECTIVES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type AssignmentDirective = (typeof ASSIGNMENT_DIRECTIVES)[number];
/** Directives that act on effective_date (7–11); 1 acts on the next anniversary; 2–6 now. */
export const DATED_DIRECTIVES: ReadonlySet<number> = new Set([7, 8, 9, 10, 11]);
/** 003: "not permitted when cancelling supplemental plans". */
export const NOT_WHEN_CANCELLING_SUPP: ReadonlySet<number> = new Set([5, 10]);
/** 003: "not permitted when assigning supplemental plans". */
export const NOT_WHEN_ASSIGNING_SUPP: ReadonlySet<number> = new Set([6, 11]);

/** 003's plan_status inputs. */
export const PLAN_STATUS_INPUT = [1, 31, 32, 41, 61] as const;
/** Plan instance status codes (Aria's) as get_acct_plans_all_m reports them. */
export const PLAN_INSTANCE_STATUS = {
  1: 'Active',
  0: 'Inactive',
  [-1]: 'Suspended',
  [-2]: 'Cancelled',
  31: 'Pending Installation',
  32: 'Pending Activation',
  41: 'Trial',
  61: 'Active Non-Billable',
} as const;

/** Extension: what a plan is, for the desk to group and explain the catalogue. */
export const PLAN_KINDS = ['print', 'digital', 'weekend', 'bundle', 'addon'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

// --- replace_acct_plan_m (003) ------------------------------------------------------------

export const replaceAcctPlanRequest = z
  .object({
    ...auth,
    ...account,
    plan_instance_no: optLong,
    client_plan_instance_id: optString(100),
    new_plan_no: optLong,
    new_client_plan_id: optString(100),
    new_client_plan_instance_id: optString(100),
    alt_rate_schedule_no: optLong,
    client_alt_rate_schedule_id: optString(100),
    plan_units: z.preprocess(emptyToUndefined, coreDouble.optional()),
    coupon_codes: z.preprocess(emptyToUndefined, stringArray(30, 10).optional()),
    /** "~" erases the promotion code. */
    promo_cd: optString(30),
    plan_status: optLong,
    plan_instance_description: optString(1000),
    /** Default 2 (immediately, client default proration) when absent. */
    assignment_directive: optLong,
    comments: optString(500),
    /** Default "true". */
    do_write: z.preprocess(emptyToUndefined, coreBoolean.optional()),
    client_receipt_id: optString(50),
    alt_proration_start_date: optDate,
    alt_proration_end_date: optDate,
    effective_date: optDate,
    alt_caller_id: optString(30),
    application_id: optString(300),
    application_date: optString(300),
  })
  .superRefine((v, ctx) => {
    needAccount(v, ctx);
    if (v.plan_instance_no === undefined && !v.client_plan_instance_id)
      ctx.addIssue({ code: 'custom', path: ['plan_instance_no'], message: 'plan_instance_no or client_plan_instance_id is required' });
    if (v.new_plan_no === undefined && !v.new_client_plan_id)
      ctx.addIssue({ code: 'custom', path: ['new_plan_no'], message: 'new_plan_no or new_client_plan_id is required' });
  });
/** What a caller sends (numbers may be numbers or their text). */
export type ReplaceAcctPlanRequest = z.input<typeof replaceAcctPlanRequest>;
export type ReplaceAcctPlanParsed = z.output<typeof replaceAcctPlanRequest>;

export const invoiceLineItem = z.object({
  invoice_line_no: z.number().int(),
  /** "charge" (new plan), "credit" (unused part of the old plan) or "coupon" (discount). Extension. */
  line_type: z.enum(['charge', 'credit', 'coupon']),
  invoice_plan_instance_no: z.number().int(),
  invoice_plan_no: z.number().int(),
  client_plan_id: z.string(),
  invoice_plan_name: z.string(),
  invoice_units: z.number(),
  /** NOK per unit for a full billing period. */
  invoice_rate_per_unit: z.number(),
  /** NOK, negative for credits. */
  invoice_line_amount: z.number(),
  invoice_line_description: z.string(),
  /** Days charged or credited / days in the billing period (extension). */
  proration_factor: z.number(),
  invoice_start_date_range: z.string(),
  invoice_end_date_range: z.string(),
});
export type InvoiceLineItem = z.infer<typeof invoiceLineItem>;

export const replaceAcctPlanResponse = coreResult.extend({
  /** NOK: charges − credits of this change (0 when nothing is prorated). */
  proration_result_amount: z.number().nullish(),
  /** The invoice stored (do_write=true with charges or credits); null when do_write=false. */
  invoice_no: z.number().int().nullish(),
  total_charges_before_tax: z.number().nullish(),
  /** Norwegian newspapers (print and digital) are zero-rated for VAT: 0. */
  total_tax_charges: z.number().nullish(),
  total_charges_after_tax: z.number().nullish(),
  /** NOK, positive: the credit for the unused part of the old plan. */
  total_credit: z.number().nullish(),
  invoice_line_items: z.array(invoiceLineItem).nullish(),
  // Extensions: what the desk shows in its preview.
  /** The date the plan change takes (or took) effect. */
  effective_date: z.string().nullish(),
  /** The next bill date of the plan instance after the change. */
  next_bill_date: z.string().nullish(),
  /** True when the change waits for effective_date (directive 1, or 7–11 with a future date). */
  change_queued: z.boolean().nullish(),
  /** Whether anything was stored (false for do_write=false and for errors). */
  do_write: z.boolean().nullish(),
  plan_instance_no: z.number().int().nullish(),
  client_plan_instance_id: z.string().nullish(),
  assignment_directive: z.number().int().nullish(),
  old_plan_no: z.number().int().nullish(),
  new_plan_no: z.number().int().nullish(),
  new_plan_units: z.number().nullish(),
  new_rate_schedule_no: z.number().int().nullish(),
  /** The billing period the proration was computed over (yyyy-mm-dd, end inclusive). */
  proration_period_start: z.string().nullish(),
  proration_period_end: z.string().nullish(),
  proration_days_in_period: z.number().int().nullish(),
  proration_days_remaining: z.number().int().nullish(),
});
export type ReplaceAcctPlanResponse = z.infer<typeof replaceAcctPlanResponse>;

// --- get_acct_plans_all_m -----------------------------------------------------------------

export const getAcctPlansAllRequest = z
  .object({ ...auth, ...account })
  .superRefine(needAccount);
export type GetAcctPlansAllRequest = z.input<typeof getAcctPlansAllRequest>;

export const queuedPlanChange = z.object({
  queued_plan_no: z.number().int(),
  queued_client_plan_id: z.string(),
  queued_plan_name: z.string(),
  queued_plan_units: z.number(),
  queued_rate_schedule_no: z.number().int(),
  queued_effective_date: z.string(),
  queued_assignment_directive: z.number().int(),
});
export type QueuedPlanChange = z.infer<typeof queuedPlanChange>;

export const acctPlan = z.object({
  plan_instance_no: z.number().int(),
  client_plan_instance_id: z.string(),
  plan_no: z.number().int(),
  client_plan_id: z.string(),
  plan_name: z.string(),
  plan_desc: z.string(),
  plan_units: z.number(),
  /** 1 supplemental, 0 master. */
  supp_plan_ind: z.number().int(),
  /** The master plan instance a supplemental one hangs off; null for masters. */
  parent_plan_instance_no: z.number().int().nullish(),
  plan_instance_status_cd: z.number().int(),
  plan_instance_status_label: z.string(),
  /** Months per billing period: 1, 3 or 12. */
  recurring_billing_interval: z.number().int(),
  /** Start of the current billing period (the last bill date). */
  last_bill_date: z.string(),
  /** End of the current billing period, inclusive. */
  bill_thru_date: z.string(),
  next_bill_date: z.string(),
  rate_schedule_no: z.number().int(),
  client_rate_schedule_id: z.string(),
  rate_schedule_name: z.string(),
  /** NOK per unit per billing period. */
  rate_per_unit: z.number(),
  currency_cd: z.string(),
  /** Extensions: the publication and the kind of plan. */
  title_code: z.string(),
  title_name: z.string(),
  plan_kind: z.enum(PLAN_KINDS),
  promo_cd: z.string().nullish(),
  coupon_codes: z.array(z.string()).nullish(),
  plan_instance_queue: z.array(queuedPlanChange).nullish(),
});
export type AcctPlan = z.infer<typeof acctPlan>;

export const getAcctPlansAllResponse = coreResult.extend({
  acct_no: z.number().int().nullish(),
  all_acct_plans_m: z.array(acctPlan).nullish(),
});
export type GetAcctPlansAllResponse = z.infer<typeof getAcctPlansAllResponse>;

// --- get_client_plans_basic_m -------------------------------------------------------------

export const getClientPlansBasicRequest = z.object({
  ...auth,
  /** Extension: only the plans of this title (e.g. "DT"). */
  title_code: optString(10),
  /** Extension: only masters (0) or only supplementals (1). */
  supp_plan_ind: z.preprocess(emptyToUndefined, coreLong.optional()),
  /** Aria: plans available with this promotion code too (promo-only plans otherwise hidden). */
  promo_code: optString(30),
});
export type GetClientPlansBasicRequest = z.input<typeof getClientPlansBasicRequest>;

export const rateSchedule = z.object({
  schedule_no: z.number().int(),
  client_rate_schedule_id: z.string(),
  schedule_name: z.string(),
  currency_cd: z.literal('NOK'),
  /** Months per billing period: 1, 3 or 12. */
  recurring_billing_interval: z.number().int(),
  /** 1 for the plan's default schedule. */
  default_ind: z.number().int(),
  /** 1 for an alternative schedule agents may give (campaign/compensation). */
  alt_ind: z.number().int(),
  /** NOK per unit per billing period. */
  rate_per_unit: z.number(),
});
export type RateSchedule = z.infer<typeof rateSchedule>;

export const clientPlanBasic = z.object({
  plan_no: z.number().int(),
  client_plan_id: z.string(),
  plan_name: z.string(),
  plan_desc: z.string(),
  supp_plan_ind: z.number().int(),
  currency_cd: z.literal('NOK'),
  /** Extensions. */
  title_code: z.string(),
  title_name: z.string(),
  plan_kind: z.enum(PLAN_KINDS),
  min_units: z.number(),
  max_units: z.number(),
  /** Set when the plan is only offered with this promotion code. */
  promo_cd: z.string().nullish(),
  rate_schedules: z.array(rateSchedule),
});
export type ClientPlanBasic = z.infer<typeof clientPlanBasic>;

export const getClientPlansBasicResponse = coreResult.extend({
  plans_basic: z.array(clientPlanBasic).nullish(),
});
export type GetClientPlansBasicResponse = z.infer<typeof getClientPlansBasicResponse>;

export const CORE_MESSAGES = {
  replace_acct_plan_m: { request: replaceAcctPlanRequest, response: replaceAcctPlanResponse },
  get_acct_plans_all_m: { request: getAcctPlansAllRequest, response: getAcctPlansAllResponse },
  get_client_plans_basic_m: { request: getClientPlansBasicRequest, response: getClientPlansBasicResponse },
} as const satisfies Record<CoreCall, { request: z.ZodType; response: z.ZodType }>;

export type CoreRequest<C extends CoreCall> = z.input<(typeof CORE_MESSAGES)[C]['request']>;
export type CoreResponse<C extends CoreCall> = z.infer<(typeof CORE_MESSAGES)[C]['response']>;
