// replace_acct_plan_m (seed 003): replaces the plan on a plan instance, with the
// assignment_directive deciding when and how the change is prorated (docs/plans.md). The
// whole change is planned first (every refusal happens there, before anything is written);
// do_write=false answers the plan, do_write=true stores it in the caller's transaction.
import type { DatabaseSync } from 'node:sqlite';
import {
  CORE_ERROR,
  DATED_DIRECTIVES,
  NOT_WHEN_ASSIGNING_SUPP,
  NOT_WHEN_CANCELLING_SUPP,
  PLAN_STATUS_INPUT,
  type InvoiceLineItem,
  type ReplaceAcctPlanParsed,
  type ReplaceAcctPlanResponse,
} from '../../../shared/amps/core';
import { q } from '../store/statements';
import { addDays, addMonths, isoOfMs, periodOf, type Period } from './dates';
import { CoreFailure, invalid, missing, refuse } from './failure';
import { accountInstances, catalogue, saveInstance, type CoreInstance, type PlanRow, type ScheduleRow } from './instances';
import { storeInvoice, type StoredLine } from './invoices';
import { modeOf, prorate, type ProrationMode } from './proration';
import type { CoreAccount } from './accounts';

const DIRECTIVE_TEXT: Record<number, string> = {
  1: 'on the next billing anniversary, no proration',
  2: 'immediately, with the client default proration',
  3: 'immediately, no proration',
  4: 'immediately, with proration',
  5: 'immediately, prorating charges only',
  6: 'immediately, prorating credits only',
  7: 'on effective_date, with the client default proration',
  8: 'on effective_date, no proration',
  9: 'on effective_date, with proration',
  10: 'on effective_date, prorating charges only',
  11: 'on effective_date, prorating credits only',
};

/** A change as stored in core_plan_queue.change_json and applied by applyChange. */
interface PlannedChange {
  mpiNo: number;
  accountNo: number;
  directive: number;
  effectiveDate: string;
  after: { mpiId: string; planNo: number; units: number; scheduleNo: number; anchor: string; statusCd: number; promo: string | null; coupons: string[]; description: string | null };
  before: { planNo: number; units: number; scheduleNo: number };
  lines: StoredLine[];
  clientReceiptId: string | null;
  comments: string | null;
  caller: string | null;
}

interface Plan {
  change: PlannedChange;
  inst: CoreInstance;
  newPlan: PlanRow;
  schedule: ScheduleRow;
  queued: boolean;
  nextBill: string;
  period: Period;
  daysIn: number;
  daysLeft: number;
  mode: ProrationMode;
}

const planName = (db: DatabaseSync, planNo: number) => catalogue(db).plans.get(planNo);
const nok = (ore: number) => Math.round(ore) / 100;
const isBillable = (statusCd: number) => statusCd !== 41 && statusCd !== 61;

function findInstance(instances: CoreInstance[], req: ReplaceAcctPlanParsed): CoreInstance {
  const byNo = req.plan_instance_no !== undefined ? instances.find((i) => i.mpiNo === req.plan_instance_no) : undefined;
  if (req.plan_instance_no !== undefined && !byNo)
    throw new CoreFailure(CORE_ERROR.INVALID_PLAN_INSTANCE_NO, `plan_instance_no: Invalid Plan instance number ${req.plan_instance_no} (not a plan instance of this account)`, 'plan_instance_no');
  if (req.client_plan_instance_id) {
    const byId = instances.find((i) => i.mpiId === req.client_plan_instance_id);
    if (!byId || (byNo && byNo !== byId))
      throw new CoreFailure(
        CORE_ERROR.INVALID_CLIENT_PLAN_INSTANCE_ID,
        `client_plan_instance_id: Invalid client Plan instance identifier "${req.client_plan_instance_id}"${byId ? ' (names another instance than plan_instance_no)' : ' (not a plan instance of this account)'}`,
        'client_plan_instance_id',
      );
    return byId;
  }
  return byNo!;
}

function findNewPlan(db: DatabaseSync, req: ReplaceAcctPlanParsed): { plan: PlanRow; field: string } {
  const cat = catalogue(db);
  const byNo = req.new_plan_no !== undefined ? cat.plans.get(req.new_plan_no) : undefined;
  if (req.new_plan_no !== undefined && !byNo) throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, 'new_plan_no', `there is no plan ${req.new_plan_no}`);
  if (req.new_client_plan_id) {
    const byId = cat.byClientId.get(req.new_client_plan_id);
    if (!byId) throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, 'new_client_plan_id', `there is no plan "${req.new_client_plan_id}"`);
    if (byNo && byNo !== byId) throw invalid('new_client_plan_id', `names another plan (${byId.plan_no}) than new_plan_no (${byNo.plan_no})`);
    return { plan: byId, field: byNo ? 'new_plan_no' : 'new_client_plan_id' };
  }
  return { plan: byNo!, field: 'new_plan_no' };
}

function findSchedule(db: DatabaseSync, req: ReplaceAcctPlanParsed, plan: PlanRow): ScheduleRow {
  const cat = catalogue(db);
  let s: ScheduleRow | undefined;
  let field = 'alt_rate_schedule_no';
  if (req.alt_rate_schedule_no !== undefined) {
    s = cat.schedules.get(req.alt_rate_schedule_no);
    if (!s) throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, field, `there is no rate schedule ${req.alt_rate_schedule_no}`);
  }
  if (req.client_alt_rate_schedule_id) {
    const byId = cat.scheduleByClientId.get(req.client_alt_rate_schedule_id);
    if (!byId) throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, 'client_alt_rate_schedule_id', `there is no rate schedule "${req.client_alt_rate_schedule_id}"`);
    if (s && s !== byId) throw invalid('client_alt_rate_schedule_id', `names another rate schedule than alt_rate_schedule_no`);
    if (!s) field = 'client_alt_rate_schedule_id';
    s = byId;
  }
  if (s) {
    if (s.plan_no !== plan.plan_no) throw invalid(field, `rate schedule ${s.schedule_no} is not a rate schedule of plan ${plan.client_plan_id} (${plan.plan_no})`);
    return s;
  }
  const list = cat.schedulesOf.get(plan.plan_no) ?? [];
  return list.find((x) => x.is_default === 1) ?? list[0]!;
}

export function planReplace(db: DatabaseSync, req: ReplaceAcctPlanParsed, account: CoreAccount, today: string): Plan {
  const instances = accountInstances(db, account);
  const inst = findInstance(instances, req);
  const field = req.plan_instance_no !== undefined ? 'plan_instance_no' : 'client_plan_instance_id';
  if (inst.statusCd === -2 || inst.statusCd === -1 || inst.statusCd === 0)
    throw refuse(CORE_ERROR.PLAN_INSTANCE_NOT_CHANGEABLE, field, `plan instance ${inst.mpiNo} is ${inst.statusCd === -2 ? 'cancelled' : inst.statusCd === -1 ? 'suspended' : 'inactive'}; its plan cannot be replaced`);

  const directive = req.assignment_directive ?? 2;
  if (!Number.isInteger(directive) || directive < 1 || directive > 11)
    throw invalid('assignment_directive', `${directive} is not an assignment directive; use 1–11`);

  const { plan: newPlan, field: planField } = findNewPlan(db, req);
  if (newPlan.title_code !== inst.title)
    throw refuse(
      CORE_ERROR.PLAN_NOT_OFFERED,
      planField,
      `plan ${newPlan.client_plan_id} (${newPlan.plan_name}, ${newPlan.plan_no}) is a plan of ${catalogue(db).titles.get(newPlan.title_code) ?? newPlan.title_code}; ${inst.titleName} (${inst.title}) does not offer it`,
    );
  if (!!newPlan.supp !== inst.supp)
    throw refuse(
      CORE_ERROR.PLAN_NOT_OFFERED,
      planField,
      `plan ${newPlan.client_plan_id} is a ${newPlan.supp ? 'supplemental' : 'master'} plan; plan instance ${inst.mpiNo} is a ${inst.supp ? 'supplemental' : 'master'} plan instance`,
    );
  if (inst.supp && NOT_WHEN_CANCELLING_SUPP.has(directive))
    throw refuse(CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', `${directive} (${DIRECTIVE_TEXT[directive]}) is not permitted when cancelling a supplemental plan, which replacing one does`);
  if (inst.supp && NOT_WHEN_ASSIGNING_SUPP.has(directive))
    throw refuse(CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', `${directive} (${DIRECTIVE_TEXT[directive]}) is not permitted when assigning a supplemental plan, which replacing one does`);

  let promo = inst.promo;
  if (req.promo_cd !== undefined) {
    if (req.promo_cd === '~') promo = null;
    else if (!q(db, 'SELECT 1 FROM core_promotions WHERE promo_cd = ?').get(req.promo_cd))
      throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, 'promo_cd', `there is no promotion code "${req.promo_cd}"`);
    else promo = req.promo_cd;
  }
  if (newPlan.promo_cd && promo !== newPlan.promo_cd)
    throw refuse(CORE_ERROR.PLAN_NOT_OFFERED, planField, `plan ${newPlan.client_plan_id} is offered only with promotion code ${newPlan.promo_cd} (promo_cd)`);

  const units = req.plan_units ?? inst.units;
  const unitsField = req.plan_units !== undefined ? 'plan_units' : 'plan_units (the current units)';
  if (!(units > 0)) throw invalid('plan_units', `must be greater than 0, got ${units}`);
  if (!Number.isInteger(units)) throw invalid('plan_units', `must be a whole number, got ${units}`);
  if (units < newPlan.min_units || units > newPlan.max_units)
    throw invalid('plan_units', `${unitsField}: ${units} is outside what ${newPlan.plan_name} allows (${newPlan.min_units}–${newPlan.max_units})`);

  const schedule = findSchedule(db, req, newPlan);

  if (req.plan_status !== undefined && !(PLAN_STATUS_INPUT as readonly number[]).includes(req.plan_status))
    throw invalid('plan_status', `${req.plan_status} is not a plan status this call sets; use 1, 31, 32, 41 or 61`);
  const statusCd = req.plan_status ?? inst.statusCd;

  const coupons = [...new Set(req.coupon_codes ?? [])];
  if (coupons.length && inst.supp) throw invalid('coupon_codes', 'coupons can be assigned to master plan instances only');
  const couponRows = coupons.map((c) => {
    const row = q(db, 'SELECT coupon_cd, description, percent_off FROM core_coupons WHERE coupon_cd = ?').get(c) as
      | { coupon_cd: string; description: string; percent_off: number }
      | undefined;
    if (!row) throw refuse(CORE_ERROR.OBJECT_NOT_FOUND, 'coupon_codes', `there is no coupon "${c}"`);
    return row;
  });

  const mpiId = req.new_client_plan_instance_id ?? inst.mpiId;
  if (mpiId !== inst.mpiId && q(db, 'SELECT 1 FROM plan_instances WHERE mpi_id = ?').get(mpiId))
    throw refuse(CORE_ERROR.DUPLICATE, 'new_client_plan_instance_id', `"${mpiId}" already names another plan instance`);

  // When, and over which period.
  const oldMonths = inst.schedule.interval_months;
  const current = periodOf(inst.anchor, oldMonths, today);
  const span = `the current billing period (${current.start} – ${addDays(current.next, -1)})`;
  const dated = DATED_DIRECTIVES.has(directive);
  if (dated && !req.effective_date) throw missing('effective_date', `is required with assignment_directive ${directive} (${DIRECTIVE_TEXT[directive]})`);
  if (!dated && req.effective_date) throw invalid('effective_date', `is used only with assignment_directive 7–11; ${directive} acts ${DIRECTIVE_TEXT[directive]}`);
  if (req.effective_date && req.effective_date < current.start)
    throw refuse(CORE_ERROR.DATE_OUT_OF_RANGE, 'effective_date', `${req.effective_date} is before ${span}`);
  const effective = directive === 1 ? current.next : dated ? req.effective_date! : today;
  const mode: ProrationMode = directive === 1 ? 'none' : modeOf(directive);

  if (req.alt_proration_start_date !== undefined) {
    if (mode === 'none') throw invalid('alt_proration_start_date', `is used only when the change is prorated; assignment_directive ${directive} acts ${DIRECTIVE_TEXT[directive]}`);
    if (req.alt_proration_start_date < current.start)
      throw refuse(CORE_ERROR.DATE_OUT_OF_RANGE, 'alt_proration_start_date', `${req.alt_proration_start_date} cannot be before the beginning of ${span}`);
  }
  const start = req.alt_proration_start_date ?? effective;
  if (req.alt_proration_end_date !== undefined) {
    if (mode !== 'full' && mode !== 'charges')
      throw invalid('alt_proration_end_date', `is used only when charges are prorated (assignment_directive 2, 4, 5, 7, 9, 10); ${directive} acts ${DIRECTIVE_TEXT[directive]}`);
    if (req.alt_proration_end_date < start)
      throw refuse(CORE_ERROR.DATE_OUT_OF_RANGE, 'alt_proration_end_date', `${req.alt_proration_end_date} is before the proration start ${start}`);
    const latest = addDays(addMonths(start, 12), -1);
    if (req.alt_proration_end_date > latest)
      throw refuse(CORE_ERROR.DATE_OUT_OF_RANGE, 'alt_proration_end_date', `${req.alt_proration_end_date} is more than a year after the proration start ${start} (latest ${latest})`);
  }

  const description = req.plan_instance_description ?? inst.description;
  const couponSet = [...new Set([...inst.coupons, ...coupons])];
  if (
    newPlan.plan_no === inst.plan.plan_no && units === inst.units && schedule.schedule_no === inst.schedule.schedule_no && statusCd === inst.statusCd &&
    promo === inst.promo && couponSet.length === inst.coupons.length && description === inst.description && mpiId === inst.mpiId
  )
    throw refuse(CORE_ERROR.NOTHING_TO_CHANGE, planField, `plan instance ${inst.mpiNo} already has ${newPlan.plan_name} with ${units} unit(s) on rate schedule ${schedule.schedule_no}; nothing to change`);

  const period = periodOf(inst.anchor, oldMonths, start);
  const p = prorate(
    mode,
    period,
    start,
    { rateOre: inst.schedule.rate_ore, units: inst.units, months: oldMonths, billable: isBillable(inst.statusCd) },
    { rateOre: schedule.rate_ore, units, months: schedule.interval_months, billable: isBillable(statusCd) },
    inst.anchor,
    req.alt_proration_end_date,
  );

  const lines: StoredLine[] = [];
  if (p.charge) {
    lines.push({
      lineType: 'charge', mpiNo: inst.mpiNo, planNo: newPlan.plan_no, units, rateOre: schedule.rate_ore, amountOre: p.charge.amountOre,
      description: `${newPlan.plan_name} (${schedule.schedule_name}), ${p.charge.days} av ${p.charge.daysIn} dager`, from: p.charge.from, to: p.charge.to,
      factor: p.charge.days / p.charge.daysIn,
    });
    let left = p.charge.amountOre;
    for (const c of couponRows) {
      const off = Math.min(left, Math.round((p.charge.amountOre * c.percent_off) / 100));
      left -= off;
      if (off > 0)
        lines.push({
          lineType: 'coupon', mpiNo: inst.mpiNo, planNo: newPlan.plan_no, units, rateOre: schedule.rate_ore, amountOre: -off,
          description: `Kupong ${c.coupon_cd}: ${c.description}`, from: p.charge.from, to: p.charge.to, factor: c.percent_off / 100,
        });
    }
  }
  if (p.credit)
    lines.push({
      lineType: 'credit', mpiNo: inst.mpiNo, planNo: inst.plan.plan_no, units: inst.units, rateOre: inst.schedule.rate_ore, amountOre: -p.credit.amountOre,
      description: `Kreditt ${inst.plan.plan_name} (${inst.schedule.schedule_name}), ${p.credit.days} av ${p.credit.daysIn} dager`, from: p.credit.from, to: p.credit.to,
      factor: p.credit.days / p.credit.daysIn,
    });

  const nextBill = periodOf(p.anchor, schedule.interval_months, effective).next;
  return {
    change: {
      mpiNo: inst.mpiNo, accountNo: account.account_no, directive, effectiveDate: effective,
      after: { mpiId, planNo: newPlan.plan_no, units, scheduleNo: schedule.schedule_no, anchor: p.anchor, statusCd, promo, coupons: couponSet, description },
      before: { planNo: inst.plan.plan_no, units: inst.units, scheduleNo: inst.schedule.schedule_no },
      lines, clientReceiptId: req.client_receipt_id ?? null, comments: req.comments ?? null, caller: [req.alt_caller_id, req.application_id].filter(Boolean).join(' via ') || null,
    },
    inst, newPlan, schedule, queued: effective > today, nextBill, period, daysIn: p.daysIn, daysLeft: p.daysLeft, mode,
  };
}

/** Carries out a change: the instance's new state, the invoice of its lines, a history row. */
export function applyChange(db: DatabaseSync, c: PlannedChange, nowMs: number): number | null {
  const cat = catalogue(db);
  const account = q(db, 'SELECT account_no, bill_day, owner_title_code FROM accounts WHERE account_no = ?').get(c.accountNo) as unknown as CoreAccount;
  const inst = accountInstances(db, account).find((i) => i.mpiNo === c.mpiNo);
  // Cancelled or suspended (through AMPS) since the change was queued: it is not carried out.
  if (!inst || inst.statusCd <= 0) return null;
  const plan = cat.plans.get(c.after.planNo)!;
  const schedule = cat.schedules.get(c.after.scheduleNo)!;
  saveInstance(db, { ...inst, mpiId: c.after.mpiId, plan, units: c.after.units, schedule, anchor: c.after.anchor, statusCd: c.after.statusCd, promo: c.after.promo, coupons: c.after.coupons, description: c.after.description });
  const invoiceNo = c.lines.length ? storeInvoice(db, c.accountNo, c.effectiveDate, c.lines) : null;
  q(
    db,
    `INSERT INTO core_plan_history (mpi_no, account_no, changed_at, effective_date, directive, old_plan_no, new_plan_no, old_units, new_units,
      old_schedule_no, new_schedule_no, invoice_no, client_receipt_id, comments, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.mpiNo, c.accountNo, nowMs, c.effectiveDate, c.directive, c.before.planNo, c.after.planNo, c.before.units, c.after.units,
    c.before.scheduleNo, c.after.scheduleNo, invoiceNo, c.clientReceiptId, c.comments, c.caller);
  return invoiceNo;
}

/**
 * The sandbox's billing batch, run on demand: queued changes of the account whose date has
 * come are carried out (with their invoices) before a core call looks at the account.
 */
export function runDueChanges(db: DatabaseSync, accountNo: number, today: string, nowMs: number): number {
  const due = q(db, 'SELECT queue_no, change_json FROM core_plan_queue WHERE account_no = ? AND effective_date <= ? ORDER BY effective_date, queue_no').all(accountNo, today) as {
    queue_no: number;
    change_json: string;
  }[];
  for (const d of due) {
    applyChange(db, JSON.parse(d.change_json) as PlannedChange, nowMs);
    q(db, 'DELETE FROM core_plan_queue WHERE queue_no = ?').run(d.queue_no);
  }
  return due.length;
}

export const hasDueChanges = (db: DatabaseSync, accountNo: number, today: string) =>
  !!q(db, 'SELECT 1 FROM core_plan_queue WHERE account_no = ? AND effective_date <= ? LIMIT 1').get(accountNo, today);

/** Stores a planned change: now, or queued for its date (replacing a change queued before). */
export function commitPlan(db: DatabaseSync, plan: Plan, nowMs: number): number | null {
  q(db, 'DELETE FROM core_plan_queue WHERE mpi_no = ?').run(plan.change.mpiNo);
  if (plan.queued) {
    q(db, 'INSERT INTO core_plan_queue (mpi_no, account_no, effective_date, directive, change_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      plan.change.mpiNo, plan.change.accountNo, plan.change.effectiveDate, plan.change.directive, JSON.stringify(plan.change), nowMs,
    );
    return null;
  }
  return applyChange(db, plan.change, nowMs);
}

export function replaceResponse(db: DatabaseSync, plan: Plan, written: boolean, invoiceNo: number | null): ReplaceAcctPlanResponse {
  const items: InvoiceLineItem[] = plan.change.lines.map((l, i) => {
    const p = planName(db, l.planNo)!;
    return {
      invoice_line_no: i + 1, line_type: l.lineType, invoice_plan_instance_no: l.mpiNo, invoice_plan_no: l.planNo, client_plan_id: p.client_plan_id,
      invoice_plan_name: p.plan_name, invoice_units: l.units, invoice_rate_per_unit: nok(l.rateOre), invoice_line_amount: nok(l.amountOre),
      invoice_line_description: l.description, proration_factor: Math.round(l.factor * 1e6) / 1e6, invoice_start_date_range: l.from, invoice_end_date_range: l.to,
    };
  });
  const sum = (t: StoredLine['lineType'][]) => plan.change.lines.filter((l) => t.includes(l.lineType)).reduce((s, l) => s + l.amountOre, 0);
  const charges = sum(['charge', 'coupon']);
  const credit = -sum(['credit']);
  return {
    error_code: CORE_ERROR.OK,
    error_msg: 'OK',
    proration_result_amount: nok(charges - credit),
    invoice_no: written ? invoiceNo : null,
    total_charges_before_tax: nok(charges),
    total_tax_charges: 0,
    total_charges_after_tax: nok(charges),
    total_credit: nok(credit),
    invoice_line_items: items,
    effective_date: plan.change.effectiveDate,
    next_bill_date: plan.nextBill,
    change_queued: plan.queued,
    do_write: written,
    plan_instance_no: plan.inst.mpiNo,
    client_plan_instance_id: plan.change.after.mpiId,
    assignment_directive: plan.change.directive,
    old_plan_no: plan.inst.plan.plan_no,
    new_plan_no: plan.newPlan.plan_no,
    new_plan_units: plan.change.after.units,
    new_rate_schedule_no: plan.schedule.schedule_no,
    proration_period_start: plan.mode === 'none' ? null : plan.period.start,
    proration_period_end: plan.mode === 'none' ? null : addDays(plan.period.next, -1),
    proration_days_in_period: plan.mode === 'none' ? null : plan.daysIn,
    proration_days_remaining: plan.mode === 'none' ? null : plan.daysLeft,
  };
}

export { isoOfMs };
