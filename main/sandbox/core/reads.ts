// get_acct_plans_all_m and get_client_plans_basic_m (docs/plans.md).
import type { DatabaseSync } from 'node:sqlite';
import {
  CORE_ERROR,
  PLAN_INSTANCE_STATUS,
  type AcctPlan,
  type ClientPlanBasic,
  type GetAcctPlansAllResponse,
  type GetClientPlansBasicResponse,
  type QueuedPlanChange,
} from '../../../shared/amps/core';
import { type z } from 'zod';
import { type getClientPlansBasicRequest } from '../../../shared/amps/core';
import { q } from '../store/statements';
import { addDays, periodOf } from './dates';
import { accountInstances, catalogue } from './instances';
import type { CoreAccount } from './accounts';

const nok = (ore: number) => Math.round(ore) / 100;

export function acctPlansAll(db: DatabaseSync, account: CoreAccount, today: string): GetAcctPlansAllResponse {
  const cat = catalogue(db);
  const queue = new Map(
    (q(db, 'SELECT mpi_no, effective_date, directive, change_json FROM core_plan_queue WHERE account_no = ?').all(account.account_no) as {
      mpi_no: number;
      effective_date: string;
      directive: number;
      change_json: string;
    }[]).map((r) => [r.mpi_no, r]),
  );
  const plans: AcctPlan[] = accountInstances(db, account).map((i) => {
    const period = periodOf(i.anchor, i.schedule.interval_months, today);
    const queued = queue.get(i.mpiNo);
    let planQueue: QueuedPlanChange[] | null = null;
    if (queued) {
      const after = (JSON.parse(queued.change_json) as { after: { planNo: number; units: number; scheduleNo: number } }).after;
      const p = cat.plans.get(after.planNo)!;
      planQueue = [{
        queued_plan_no: p.plan_no, queued_client_plan_id: p.client_plan_id, queued_plan_name: p.plan_name, queued_plan_units: after.units,
        queued_rate_schedule_no: after.scheduleNo, queued_effective_date: queued.effective_date, queued_assignment_directive: queued.directive,
      }];
    }
    return {
      plan_instance_no: i.mpiNo,
      client_plan_instance_id: i.mpiId,
      plan_no: i.plan.plan_no,
      client_plan_id: i.plan.client_plan_id,
      plan_name: i.plan.plan_name,
      plan_desc: i.description ?? i.plan.plan_desc,
      plan_units: i.units,
      supp_plan_ind: i.supp ? 1 : 0,
      parent_plan_instance_no: i.parentMpiNo,
      plan_instance_status_cd: i.statusCd,
      plan_instance_status_label: (PLAN_INSTANCE_STATUS as Record<number, string>)[i.statusCd] ?? String(i.statusCd),
      recurring_billing_interval: i.schedule.interval_months,
      last_bill_date: period.start,
      bill_thru_date: addDays(period.next, -1),
      next_bill_date: period.next,
      rate_schedule_no: i.schedule.schedule_no,
      client_rate_schedule_id: i.schedule.client_rate_schedule_id,
      rate_schedule_name: i.schedule.schedule_name,
      rate_per_unit: nok(i.schedule.rate_ore),
      currency_cd: 'NOK',
      title_code: i.title,
      title_name: i.titleName,
      plan_kind: i.plan.kind,
      promo_cd: i.promo,
      coupon_codes: i.coupons,
      plan_instance_queue: planQueue,
    };
  });
  return { error_code: CORE_ERROR.OK, error_msg: 'OK', acct_no: account.account_no, all_acct_plans_m: plans };
}

export function clientPlansBasic(db: DatabaseSync, req: z.output<typeof getClientPlansBasicRequest>): GetClientPlansBasicResponse {
  const cat = catalogue(db);
  const plans: ClientPlanBasic[] = [];
  for (const p of cat.plans.values()) {
    if (req.title_code !== undefined && p.title_code !== req.title_code) continue;
    if (req.supp_plan_ind !== undefined && p.supp !== req.supp_plan_ind) continue;
    if (p.promo_cd && p.promo_cd !== req.promo_code) continue;
    plans.push({
      plan_no: p.plan_no,
      client_plan_id: p.client_plan_id,
      plan_name: p.plan_name,
      plan_desc: p.plan_desc,
      supp_plan_ind: p.supp,
      currency_cd: 'NOK',
      title_code: p.title_code,
      title_name: cat.titles.get(p.title_code) ?? p.title_code,
      plan_kind: p.kind,
      min_units: p.min_units,
      max_units: p.max_units,
      promo_cd: p.promo_cd,
      rate_schedules: (cat.schedulesOf.get(p.plan_no) ?? []).map((s) => ({
        schedule_no: s.schedule_no,
        client_rate_schedule_id: s.client_rate_schedule_id,
        schedule_name: s.schedule_name,
        currency_cd: 'NOK' as const,
        recurring_billing_interval: s.interval_months,
        default_ind: s.is_default,
        alt_ind: s.is_alt,
        rate_per_unit: nok(s.rate_ore),
      })),
    });
  }
  return { error_code: CORE_ERROR.OK, error_msg: 'OK', plans_basic: plans };
}
