// Subscriptions and plan replacement (issue 10 item 5; D70–D72, docs/plans.md) on Aria's core
// API: the account's plan instances (get_acct_plans_all_m), what the business offers for a
// subscription's title (get_client_plans_basic_m, only those plans: seed 000's "show only what
// the business offers"), the do_write=false preview of replace_acct_plan_m (a read: it changes
// nothing and writes no audit entry), and the change itself as the plan.replace command
// through the write pipeline (do_write=true).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { CoreClient } from '../amps/coreClient';
import { replacePlanPayload } from '../amps/coreClient';
import { formatAmpsDateTime } from '../../../shared/amps';
import { type CORE_MESSAGES, type AcctPlan, type ClientPlanBasic, type CoreResponse } from '../../../shared/amps/core';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';
import type { PlanResult } from '../outbox/requests';
import { say } from '../../../shared/ipc/say';

export type Core = CoreClient<typeof CORE_MESSAGES>;
type PlanHandlers = Pick<Handlers, 'plans.forAccount' | 'plans.offered' | 'plans.preview' | 'plans.replace'>;
type Subscription = ChannelOutput<'plans.forAccount'>['subscriptions'][number];
type OfferedPlan = ChannelOutput<'plans.offered'>['plans'][number];

const round2 = (n: number) => Math.round(n * 100) / 100;

function subscriptionView(p: AcctPlan): Subscription {
  return {
    planInstanceNo: p.plan_instance_no,
    clientPlanInstanceId: p.client_plan_instance_id,
    planNo: p.plan_no,
    clientPlanId: p.client_plan_id,
    planName: p.plan_name,
    planDesc: p.plan_desc,
    units: p.plan_units,
    supplemental: p.supp_plan_ind === 1,
    parentPlanInstanceNo: p.parent_plan_instance_no ?? null,
    statusCode: p.plan_instance_status_cd,
    billingIntervalMonths: p.recurring_billing_interval,
    periodStart: p.last_bill_date,
    periodEnd: p.bill_thru_date,
    nextBillDate: p.next_bill_date,
    rateScheduleNo: p.rate_schedule_no,
    rateScheduleName: p.rate_schedule_name,
    ratePerUnit: p.rate_per_unit,
    currency: p.currency_cd,
    titleCode: p.title_code,
    titleName: p.title_name,
    kind: p.plan_kind,
    queued: (p.plan_instance_queue ?? []).map((q) => ({
      planNo: q.queued_plan_no,
      planName: q.queued_plan_name,
      units: q.queued_plan_units,
      effectiveDate: q.queued_effective_date.slice(0, 10),
      directive: q.queued_assignment_directive,
    })),
  };
}

function offeredView(p: ClientPlanBasic, currentPlanNo: number): OfferedPlan {
  return {
    planNo: p.plan_no,
    clientPlanId: p.client_plan_id,
    name: p.plan_name,
    description: p.plan_desc,
    supplemental: p.supp_plan_ind === 1,
    titleCode: p.title_code,
    titleName: p.title_name,
    kind: p.plan_kind,
    minUnits: p.min_units,
    maxUnits: p.max_units,
    current: p.plan_no === currentPlanNo,
    schedules: p.rate_schedules.map((r) => ({
      scheduleNo: r.schedule_no,
      name: r.schedule_name,
      intervalMonths: r.recurring_billing_interval,
      ratePerUnit: r.rate_per_unit,
      isDefault: r.default_ind === 1,
      isAlternative: r.alt_ind === 1,
      currency: r.currency_cd,
    })),
  };
}

export function planHandlers(ctx: ServiceContext, core: () => Promise<Core>, writes: Writes): PlanHandlers {
  const callerId = () => ctx.operator().id;

  const accountPlans = async (accountNo: number): Promise<AcctPlan[]> => {
    const c = await core();
    const res = await c.call('get_acct_plans_all_m', { acct_no: accountNo }, { write: false, callerId: callerId() });
    return res.all_acct_plans_m ?? [];
  };
  const instance = async (accountNo: number, planInstanceNo: number): Promise<AcctPlan> => {
    const pi = (await accountPlans(accountNo)).find((p) => p.plan_instance_no === planInstanceNo);
    if (!pi)
      throw new CoreError('VALIDATION', say('noSuchSubscription', { account: accountNo, subscription: planInstanceNo }), [{ path: 'planInstanceNo', message: 'is not a subscription of this account' }]);
    return pi;
  };
  /** What the business offers for the subscription's title, master for master, supplemental for supplemental. */
  const offered = async (pi: AcctPlan, promoCode?: string): Promise<ClientPlanBasic[]> => {
    const c = await core();
    const res = await c.call(
      'get_client_plans_basic_m',
      { title_code: pi.title_code, supp_plan_ind: pi.supp_plan_ind, ...(promoCode ? { promo_code: promoCode } : {}) },
      { write: false, callerId: callerId() },
    );
    // Belt and braces: whatever the server lists, only this title's plans of the same level,
    // and a promotion-only plan only with its code.
    return (res.plans_basic ?? []).filter(
      (p) => p.title_code === pi.title_code && p.supp_plan_ind === pi.supp_plan_ind && (!p.promo_cd || (!!promoCode && p.promo_cd === promoCode)),
    );
  };

  return {
    async 'plans.forAccount'(input) {
      const plans = await accountPlans(input.accountNo);
      // Masters first, each followed by its supplementals, in instance order.
      const sorted = [...plans].sort((a, b) => (a.parent_plan_instance_no ?? a.plan_instance_no) - (b.parent_plan_instance_no ?? b.plan_instance_no) || a.supp_plan_ind - b.supp_plan_ind || a.plan_instance_no - b.plan_instance_no);
      return { subscriptions: sorted.map(subscriptionView) };
    },

    async 'plans.offered'(input) {
      const pi = await instance(input.accountNo, input.planInstanceNo);
      const plans = await offered(pi, input.promoCode);
      return { titleCode: pi.title_code, titleName: pi.title_name, plans: plans.map((p) => offeredView(p, pi.plan_no)) };
    },

    async 'plans.preview'(input) {
      const pi = await instance(input.accountNo, input.planInstanceNo);
      const c = await core();
      // do_write=false: Aria computes the effects and changes nothing (003; 000's confirmation page).
      const res = await c.call('replace_acct_plan_m', replacePlanPayload(input, false, ctx.applicationId, formatAmpsDateTime(ctx.now())) as never, {
        write: false,
        callerId: callerId(),
      });
      const plans = await offered(pi, input.promoCode);
      return previewView(res, input, plans);
    },

    async 'plans.replace'(input) {
      return runWrite(
        writes,
        { type: 'plan.replace', ...input },
        (r): Omit<ChannelOutput<'plans.replace'>, 'outcome' | 'requestId' | 'message' | 'reason'> => {
          const p = r as PlanResult;
          return { planNo: p.planNo, units: p.units, invoiceNo: p.invoiceNo, effectiveDate: p.effectiveDate, scheduled: p.scheduled, nextBillDate: p.nextBillDate };
        },
        { planNo: null, units: null, invoiceNo: null, effectiveDate: null, scheduled: null, nextBillDate: null },
      );
    },
  };
}

/** The do_write=false answer in the desk's words, with the next regular invoice from the catalogue's rate. */
function previewView(
  r: CoreResponse<'replace_acct_plan_m'>,
  input: ChannelInput<'plans.preview'>,
  plans: ClientPlanBasic[],
): ChannelOutput<'plans.preview'> {
  const plan = plans.find((p) => p.plan_no === (r.new_plan_no ?? input.newPlanNo));
  const schedule =
    plan?.rate_schedules.find((s) => s.schedule_no === r.new_rate_schedule_no) ??
    plan?.rate_schedules.find((s) => s.schedule_no === input.altRateScheduleNo) ??
    plan?.rate_schedules.find((s) => s.default_ind === 1);
  const units = r.new_plan_units ?? input.planUnits;
  const lines = (r.invoice_line_items ?? []).map((l) => ({
    kind: l.line_type,
    description: l.invoice_line_description,
    planName: l.invoice_plan_name,
    units: l.invoice_units,
    amount: l.invoice_line_amount,
    from: l.invoice_start_date_range.slice(0, 10),
    to: l.invoice_end_date_range.slice(0, 10),
  }));
  const charges = r.total_charges_after_tax ?? r.total_charges_before_tax ?? 0;
  const credits = r.total_credit ?? 0;
  return {
    effects: {
      plan: plan?.plan_name ?? lines.find((l) => l.kind === 'charge')?.planName ?? String(input.newPlanNo),
      units,
      effectiveDate: r.effective_date?.slice(0, 10) ?? null,
      charges,
      credits,
      net: r.proration_result_amount ?? round2(charges - credits),
      nextInvoiceDate: r.next_bill_date?.slice(0, 10) ?? null,
      nextInvoiceAmount: schedule ? round2(schedule.rate_per_unit * units) : null,
      currency: schedule?.currency_cd ?? 'NOK',
      scheduled: r.change_queued ?? false,
    },
    lines,
    tax: r.total_tax_charges ?? 0,
    proration:
      r.proration_period_start && r.proration_period_end
        ? {
            periodStart: r.proration_period_start.slice(0, 10),
            periodEnd: r.proration_period_end.slice(0, 10),
            daysInPeriod: r.proration_days_in_period ?? null,
            daysRemaining: r.proration_days_remaining ?? null,
          }
        : null,
    intervalMonths: schedule?.recurring_billing_interval ?? null,
  };
}
