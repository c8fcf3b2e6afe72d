// Plan instances as the core API sees them: the AMPS plan_instances row plus its core state
// (plan, units, rate schedule, billing anchor, status, promotion, coupons). Columns left NULL
// mean "as seeded" and are derived here from the row alone (its plan name and title, its
// number, its creation time and the account's bill day), deterministically, so the seeded
// million accounts need no extra work at seeding time (docs/decisions.md D66).
import type { DatabaseSync } from 'node:sqlite';
import { q } from '../store/statements';
import { addMonths, isoOfMs } from './dates';

export interface PlanRow {
  plan_no: number;
  client_plan_id: string;
  title_code: string;
  plan_name: string;
  plan_desc: string;
  kind: 'print' | 'digital' | 'weekend' | 'bundle' | 'addon';
  supp: number;
  min_units: number;
  max_units: number;
  promo_cd: string | null;
}

export interface ScheduleRow {
  schedule_no: number;
  plan_no: number;
  client_rate_schedule_id: string;
  schedule_name: string;
  interval_months: number;
  is_default: number;
  is_alt: number;
  rate_ore: number;
}

export interface Catalogue {
  plans: Map<number, PlanRow>;
  byClientId: Map<string, PlanRow>;
  byTitleName: Map<string, PlanRow>;
  schedules: Map<number, ScheduleRow>;
  scheduleByClientId: Map<string, ScheduleRow>;
  schedulesOf: Map<number, ScheduleRow[]>;
  titles: Map<string, string>;
}

const catalogues = new WeakMap<DatabaseSync, Catalogue>();

/** The catalogue (static after migration v5), read once per connection. */
export function catalogue(db: DatabaseSync): Catalogue {
  const cached = catalogues.get(db);
  if (cached) return cached;
  const plans = db.prepare('SELECT * FROM core_plans ORDER BY plan_no').all() as unknown as PlanRow[];
  const schedules = db.prepare('SELECT * FROM core_rate_schedules ORDER BY schedule_no').all() as unknown as ScheduleRow[];
  const titles = db.prepare('SELECT title_code, title_name FROM titles').all() as { title_code: string; title_name: string }[];
  const c: Catalogue = {
    plans: new Map(plans.map((p) => [p.plan_no, p])),
    byClientId: new Map(plans.map((p) => [p.client_plan_id, p])),
    byTitleName: new Map(plans.map((p) => [`${p.title_code}\u0000${p.plan_name}`, p])),
    schedules: new Map(schedules.map((s) => [s.schedule_no, s])),
    scheduleByClientId: new Map(schedules.map((s) => [s.client_rate_schedule_id, s])),
    schedulesOf: new Map(),
    titles: new Map(titles.map((t) => [t.title_code, t.title_name])),
  };
  for (const s of schedules) {
    const list = c.schedulesOf.get(s.plan_no) ?? [];
    list.push(s);
    c.schedulesOf.set(s.plan_no, list);
  }
  catalogues.set(db, c);
  return c;
}

interface InstanceDbRow {
  mpi_no: number;
  mpi_id: string;
  account_no: number;
  parent_mpi_no: number | null;
  plan_name: string;
  title_code: string | null;
  status: string;
  created_at: number;
  core_plan_no: number | null;
  core_units: number | null;
  core_schedule_no: number | null;
  core_anchor: string | null;
  core_status_cd: number | null;
  core_promo_cd: string | null;
  core_coupons: string | null;
  core_description: string | null;
}

export interface CoreInstance {
  mpiNo: number;
  mpiId: string;
  accountNo: number;
  parentMpiNo: number | null;
  supp: boolean;
  title: string;
  titleName: string;
  plan: PlanRow;
  units: number;
  schedule: ScheduleRow;
  /** First bill date; periods run every schedule.interval_months from it. */
  anchor: string;
  statusCd: number;
  promo: string | null;
  coupons: string[];
  description: string | null;
}

const STATUS_CD: Record<string, number> = { ACTIVE: 1, SUSPENDED: -1, CANCELLED: -2 };

/** A 32-bit mix of the instance number (the seeded state must not depend on the PRNG stream). */
export function mix(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The first bill date of a seeded instance: its creation month's bill day, or the next month's. */
export function seededAnchor(createdAtMs: number, billDay: number): string {
  const created = isoOfMs(createdAtMs);
  const sameMonth = `${created.slice(0, 8)}${String(billDay).padStart(2, '0')}`;
  return sameMonth >= created ? sameMonth : addMonths(sameMonth, 1);
}

function toInstance(cat: Catalogue, row: InstanceDbRow, title: string, billDay: number): CoreInstance | undefined {
  const plan = row.core_plan_no !== null ? cat.plans.get(row.core_plan_no) : cat.byTitleName.get(`${title}\u0000${row.plan_name}`);
  if (!plan) return undefined;
  const h = mix(row.mpi_no);
  let schedule = row.core_schedule_no !== null ? cat.schedules.get(row.core_schedule_no) : undefined;
  if (!schedule) {
    // Seeded: 60 % monthly, 20 % quarterly, 20 % yearly.
    const want = h % 10 < 6 ? 1 : h % 10 < 8 ? 3 : 12;
    const list = cat.schedulesOf.get(plan.plan_no) ?? [];
    schedule = list.find((s) => !s.is_alt && s.interval_months === want) ?? list.find((s) => s.is_default === 1);
  }
  if (!schedule) return undefined;
  const seededUnits = plan.max_units <= 1 ? 1 : plan.supp ? 1 + ((h >>> 8) % Math.min(3, plan.max_units)) : (h >>> 8) % 20 === 0 ? 2 : 1;
  return {
    mpiNo: row.mpi_no,
    mpiId: row.mpi_id,
    accountNo: row.account_no,
    parentMpiNo: row.parent_mpi_no,
    supp: row.parent_mpi_no !== null,
    title,
    titleName: cat.titles.get(title) ?? title,
    plan,
    units: row.core_units ?? seededUnits,
    schedule,
    anchor: row.core_anchor ?? seededAnchor(row.created_at, billDay),
    // AMPS's cancel and suspend (AcctManageAccount) write the status text: they win over a
    // status a core change set earlier; otherwise the core status, or the seeded text's.
    statusCd: row.status === 'CANCELLED' || row.status === 'SUSPENDED' ? STATUS_CD[row.status]! : (row.core_status_cd ?? STATUS_CD[row.status] ?? 0),
    promo: row.core_promo_cd,
    coupons: row.core_coupons ? (JSON.parse(row.core_coupons) as string[]) : [],
    description: row.core_description,
  };
}

const INSTANCE_COLUMNS = `mpi_no, mpi_id, account_no, parent_mpi_no, plan_name, title_code, status, created_at, core_plan_no, core_units,
  core_schedule_no, core_anchor, core_status_cd, core_promo_cd, core_coupons, core_description`;

/** The account's subscriptions (not AMPS's SPECIAL instance), masters before their supplementals. */
export function accountInstances(db: DatabaseSync, account: { account_no: number; bill_day: number; owner_title_code: string | null }): CoreInstance[] {
  const cat = catalogue(db);
  const rows = q(db, `SELECT ${INSTANCE_COLUMNS} FROM plan_instances WHERE account_no = ? AND is_special = 0 ORDER BY mpi_no`).all(
    account.account_no,
  ) as unknown as InstanceDbRow[];
  const byNo = new Map(rows.map((r) => [r.mpi_no, r]));
  const titleOf = (r: InstanceDbRow): string => {
    if (r.title_code) return r.title_code;
    const parent = r.parent_mpi_no !== null ? byNo.get(r.parent_mpi_no) : undefined;
    return parent?.title_code ?? account.owner_title_code ?? '';
  };
  const out: CoreInstance[] = [];
  for (const r of rows) {
    const inst = toInstance(cat, r, titleOf(r), account.bill_day);
    if (inst) out.push(inst);
  }
  const masters = out.filter((i) => !i.supp);
  const ordered: CoreInstance[] = [];
  for (const m of masters) ordered.push(m, ...out.filter((i) => i.parentMpiNo === m.mpiNo));
  for (const i of out) if (!ordered.includes(i)) ordered.push(i);
  return ordered;
}

/** AMPS's status text for a core status code. */
export const ampsStatusOf = (cd: number) => (cd === -2 ? 'CANCELLED' : cd === -1 ? 'SUSPENDED' : 'ACTIVE');

/** Stores an instance's core state (and the plan name AMPS shows). */
export function saveInstance(db: DatabaseSync, i: CoreInstance): void {
  q(
    db,
    `UPDATE plan_instances SET mpi_id = ?, plan_name = ?, status = ?, core_plan_no = ?, core_units = ?, core_schedule_no = ?, core_anchor = ?,
      core_status_cd = ?, core_promo_cd = ?, core_coupons = ?, core_description = ? WHERE mpi_no = ?`,
  ).run(
    i.mpiId, i.plan.plan_name, ampsStatusOf(i.statusCd), i.plan.plan_no, i.units, i.schedule.schedule_no, i.anchor, i.statusCd, i.promo,
    i.coupons.length ? JSON.stringify(i.coupons) : null, i.description, i.mpiNo,
  );
}
