// The plan catalogue of the demo business (docs/plans.md, "The catalogue"): for every title
// the same range of plans, numbered per title, each with a monthly (default), quarterly and
// yearly rate schedule and a monthly campaign schedule agents may give. The plan names are
// the ones the seeded subscriptions carry (seed/generate.ts), so every seeded plan instance
// is an instance of a catalogue plan. Inserted by migration v5 (db/migrations.ts).
import type { DatabaseSync } from 'node:sqlite';
import type { PlanKind } from '../../../shared/amps/core';
import { TITLES } from '../seed/reference';

export interface CataloguePlan {
  slug: string;
  name: string;
  desc: string;
  kind: PlanKind;
  supp: boolean;
  /** NOK per unit per month (whole kroner). */
  monthly: number;
  minUnits: number;
  maxUnits: number;
  promo?: string;
  /** Not offered by these titles. */
  notFor?: readonly string[];
}

/** Index = the plan's number within its title; never reorder (plan numbers are derived from it). */
export const PLANS: readonly CataloguePlan[] = [
  { slug: 'PAPIR7', name: 'Papir 7 dager', desc: 'Papiravisen hver dag, med digital tilgang', kind: 'print', supp: false, monthly: 649, minUnits: 1, maxUnits: 5, notFor: ['TT'] },
  { slug: 'PAPIR-DIGITAL', name: 'Papir + digital', desc: 'Papiravisen og alt digitalt innhold', kind: 'bundle', supp: false, monthly: 699, minUnits: 1, maxUnits: 5 },
  { slug: 'HELG', name: 'Helg (fre-lør)', desc: 'Papiravisen fredag og lørdag, digitalt hele uken', kind: 'weekend', supp: false, monthly: 399, minUnits: 1, maxUnits: 5 },
  { slug: 'LORDAG', name: 'Lørdag', desc: 'Papiravisen på lørdag', kind: 'weekend', supp: false, monthly: 249, minUnits: 1, maxUnits: 5 },
  { slug: 'DIGITAL', name: 'Digital', desc: 'Alle artikler på nett og i appen', kind: 'digital', supp: false, monthly: 299, minUnits: 1, maxUnits: 1 },
  { slug: 'DIGITAL-PLUSS', name: 'Digital pluss', desc: 'Digital med eAvis og arkiv', kind: 'digital', supp: false, monthly: 399, minUnits: 1, maxUnits: 1 },
  { slug: 'EAVIS', name: 'eAvis', desc: 'Avisen som eAvis hver dag', kind: 'digital', supp: false, monthly: 249, minUnits: 1, maxUnits: 1 },
  { slug: 'DIGITAL-STUDENT', name: 'Digital student', desc: 'Digital for studenter', kind: 'digital', supp: false, monthly: 149, minUnits: 1, maxUnits: 1, promo: 'STUDENT' },
  { slug: 'KRYSSORD', name: 'Kryssord', desc: 'Kryssord og hjernetrim', kind: 'addon', supp: true, monthly: 49, minUnits: 1, maxUnits: 1 },
  { slug: 'EKSTRA-BRUKER', name: 'Ekstra bruker', desc: 'En ekstra digital bruker i husstanden', kind: 'addon', supp: true, monthly: 79, minUnits: 1, maxUnits: 5 },
  { slug: 'MAGASIN', name: 'Magasin', desc: 'Helgemagasinet på papir', kind: 'addon', supp: true, monthly: 99, minUnits: 1, maxUnits: 2 },
  { slug: 'PODKAST-PLUSS', name: 'Podkast pluss', desc: 'Alle podkaster uten reklame', kind: 'addon', supp: true, monthly: 59, minUnits: 1, maxUnits: 1 },
];

export interface CatalogueSchedule {
  suffix: string;
  name: string;
  months: number;
  isDefault: boolean;
  isAlt: boolean;
  /** NOK per unit per period from the monthly price. */
  price: (monthly: number) => number;
}

/** Index + 1 = the last digit of the schedule number. */
export const SCHEDULES: readonly CatalogueSchedule[] = [
  { suffix: 'M', name: 'Månedlig', months: 1, isDefault: true, isAlt: false, price: (m) => m },
  { suffix: 'Q', name: 'Kvartalsvis (5 % rabatt)', months: 3, isDefault: false, isAlt: false, price: (m) => Math.round(m * 3 * 0.95) },
  { suffix: 'Y', name: 'Årlig (15 % rabatt)', months: 12, isDefault: false, isAlt: false, price: (m) => Math.round(m * 12 * 0.85) },
  { suffix: 'KAMPANJE', name: 'Kampanje månedlig (50 %)', months: 1, isDefault: false, isAlt: true, price: (m) => Math.round(m * 0.5) },
];

export const COUPONS: readonly { code: string; description: string; percentOff: number }[] = [
  { code: 'VELKOMMEN20', description: 'Velkomstrabatt 20 %', percentOff: 20 },
  { code: 'KOMPENSASJON50', description: 'Kompensasjon 50 %', percentOff: 50 },
];
export const PROMOTIONS: readonly { code: string; description: string }[] = [
  { code: 'STUDENT', description: 'Studentpriser' },
  { code: 'HOSTKAMPANJE', description: 'Høstkampanje' },
];

/** plan_no of plan index p of title index t: 20101 … 20612. */
export const planNoOf = (t: number, p: number) => 20_000 + (t + 1) * 100 + p + 1;
export const scheduleNoOf = (planNo: number, s: number) => planNo * 10 + s + 1;

export const CATALOGUE_SQL = `
-- The plan catalogue (core/catalogue.ts): plans per title, rate schedules, coupons, promotions.
CREATE TABLE core_plans (
  plan_no INTEGER PRIMARY KEY, client_plan_id TEXT NOT NULL UNIQUE, title_code TEXT NOT NULL, plan_name TEXT NOT NULL,
  plan_desc TEXT NOT NULL, kind TEXT NOT NULL, supp INTEGER NOT NULL, min_units REAL NOT NULL, max_units REAL NOT NULL, promo_cd TEXT
);
CREATE UNIQUE INDEX core_plans_title_name ON core_plans(title_code, plan_name);
CREATE TABLE core_rate_schedules (
  schedule_no INTEGER PRIMARY KEY, plan_no INTEGER NOT NULL, client_rate_schedule_id TEXT NOT NULL UNIQUE, schedule_name TEXT NOT NULL,
  interval_months INTEGER NOT NULL, is_default INTEGER NOT NULL, is_alt INTEGER NOT NULL, rate_ore INTEGER NOT NULL
);
CREATE INDEX core_rate_schedules_plan ON core_rate_schedules(plan_no);
CREATE TABLE core_coupons (coupon_cd TEXT PRIMARY KEY, description TEXT NOT NULL, percent_off INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE core_promotions (promo_cd TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;
`;

export function insertCatalogue(db: DatabaseSync): void {
  const plan = db.prepare(
    'INSERT INTO core_plans (plan_no, client_plan_id, title_code, plan_name, plan_desc, kind, supp, min_units, max_units, promo_cd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const sched = db.prepare(
    'INSERT INTO core_rate_schedules (schedule_no, plan_no, client_rate_schedule_id, schedule_name, interval_months, is_default, is_alt, rate_ore) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  TITLES.forEach((t, ti) => {
    PLANS.forEach((p, pi) => {
      if (p.notFor?.includes(t.code)) return;
      const planNo = planNoOf(ti, pi);
      const clientPlanId = `${t.code}-${p.slug}`;
      plan.run(planNo, clientPlanId, t.code, p.name, p.desc, p.kind, p.supp ? 1 : 0, p.minUnits, p.maxUnits, p.promo ?? null);
      SCHEDULES.forEach((s, si) =>
        sched.run(scheduleNoOf(planNo, si), planNo, `${clientPlanId}-${s.suffix}`, s.name, s.months, s.isDefault ? 1 : 0, s.isAlt ? 1 : 0, s.price(p.monthly) * 100),
      );
    });
  });
  const coupon = db.prepare('INSERT INTO core_coupons (coupon_cd, description, percent_off) VALUES (?, ?, ?)');
  for (const c of COUPONS) coupon.run(c.code, c.description, c.percentOff);
  const promo = db.prepare('INSERT INTO core_promotions (promo_cd, description) VALUES (?, ?)');
  for (const p of PROMOTIONS) promo.run(p.code, p.description);
}
