// plan.replace: change one subscription (a plan instance) to another plan of what the
// business offers for its title, with Aria's replace_acct_plan_m (seed 003) on the core API
// (decisions D70–D72, docs/plans.md). The command is in the desk's words; the request in
// 003's names is built in main/core/outbox/requests.ts. It carries what the agent saw: the
// subscription before, and the previewed effects (do_write=false) they confirmed, which the
// audit log records as the write's before → after (D72): preview and commit are one entry.
import { z } from 'zod';
import { isoDate } from '../amps/fields';

const accountNo = z.number().int().positive();
const scalar = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]);
const amount = z.number().finite().min(-10_000_000).max(10_000_000);
const name = z.string().max(200);

/** 003's assignment_directive: 1 next anniversary, 2–6 now, 7–11 on effective_date. */
export const PLAN_DIRECTIVES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const planDirective = z
  .number()
  .int('choose when the change takes effect')
  .refine((d) => (PLAN_DIRECTIVES as readonly number[]).includes(d), 'choose when the change takes effect');
/** The directives that act on an effective date (7–11). */
export const isDatedDirective = (d: number) => d >= 7 && d <= 11;

/** Units of a plan: more than 0 (003: plan_units, a double). */
export const planUnits = z.number().finite().gt(0, 'must be more than 0').max(1_000_000, 'is too large');

/** What the agent asks for (the fields of plans.preview and of the command). */
export const planChangeFields = {
  accountNo,
  /** 003: plan_instance_no, the subscription. */
  planInstanceNo: z.number().int().positive(),
  /** 003: new_plan_no, one of what the subscription's title offers. */
  newPlanNo: z.number().int().positive(),
  planUnits,
  directive: planDirective,
  /** 003: effective_date (directives 7–11). */
  effectiveDate: isoDate.optional(),
  /** 003: alt_proration_start_date / alt_proration_end_date (advanced). */
  prorationStart: isoDate.optional(),
  prorationEnd: isoDate.optional(),
  /** 003: alt_rate_schedule_no (advanced: a campaign or compensation rate the plan offers). */
  altRateScheduleNo: z.number().int().positive().optional(),
  /** 003: coupon_codes and promo_cd (advanced). */
  couponCodes: z.array(z.string().trim().min(1).max(30)).max(10).optional(),
  promoCode: z.string().trim().max(30).optional(),
};

/** The previewed effects, in the desk's words (plans.preview's answer, as the agent confirmed it). */
export const planEffects = z.object({
  /** The new plan's name and units. */
  plan: name,
  units: z.number(),
  /** yyyy-mm-dd the change takes effect; null: the server did not say. */
  effectiveDate: z.string().max(10).nullable(),
  /** NOK: charged now for the new plan (prorated), credited for the unused old plan, the difference. */
  charges: amount,
  credits: amount,
  net: amount,
  /** The next regular invoice: its date and amount (the new plan's full period). */
  nextInvoiceDate: z.string().max(10).nullable(),
  nextInvoiceAmount: amount.nullable(),
  currency: z.string().max(3),
  /** True when the change waits for its date (the next renewal, or a later day). */
  scheduled: z.boolean(),
});
export type PlanEffects = z.infer<typeof planEffects>;

/** The subscription as it was shown before the change. */
export const planBefore = z.object({
  plan: name,
  planNo: z.number().int(),
  units: z.number(),
});
export type PlanBefore = z.infer<typeof planBefore>;

export const planReplaceCommand = z.object({
  type: z.literal('plan.replace'),
  ...planChangeFields,
  before: planBefore.optional(),
  /** The do_write=false preview the agent confirmed (D72). */
  preview: planEffects.optional(),
  // As every reasoned command (index.ts; kept here to avoid an import cycle): the reason
  // comment, its language, and the before → after in words.
  reason: z.string().trim().max(2000).optional(),
  lang: z.enum(['en', 'nb']).optional(),
  changes: z.array(z.object({ path: z.string().max(200), before: scalar, after: scalar })).max(100).optional(),
});
export type PlanReplaceCommand = z.infer<typeof planReplaceCommand>;
