// Aria's core API of the sandbox over HTTP (POST /v1/core, docs/plans.md): the catalogue,
// the account's plans and replace_acct_plan_m, read back from the database file through a
// connection of the test's own. The clock is fixed at 2026-12-01 10:00 UTC; the subjects
// are seeded accounts of seed 7, whose state each test first checks against literals, and
// every amount expected is worked out by hand in the comment beside it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/index';
import { CORE_ERROR } from '../../../shared/amps/core';
import { AmpsClient } from '../../../main/core/amps/client';
import { TEST_CLIENT } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'core-plans-'));
const file = join(dir, 'sandbox.sqlite');
let nowMs = Date.UTC(2026, 11, 1, 10, 0, 0);
let url = '';
let close: () => Promise<void> = async () => {};
let db: DatabaseSync;
const logs: string[] = [];

beforeAll(async () => {
  const s = await startSandbox({ dbFile: file, accounts: 60, seed: 7, clients: [TEST_CLIENT], now: () => nowMs, log: (l) => logs.push(l) });
  url = s.url;
  close = () => s.close();
  db = new DatabaseSync(file, { readOnly: true });
});
afterAll(async () => {
  db?.close();
  await close();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked value by value
type Answer = Record<string, any> & { error_code: number; error_msg: string; error_field?: string };
const AUTH = { client_no: TEST_CLIENT.clientNo, auth_key: TEST_CLIENT.authKey };

async function post(body: string | Uint8Array, type: string): Promise<{ status: number; json: Answer }> {
  const r = await fetch(`${url}/v1/core`, { method: 'POST', headers: { 'content-type': type }, body: body as BodyInit });
  return { status: r.status, json: (await r.json()) as Answer };
}
async function core(fields: Record<string, unknown>, form = false): Promise<Answer> {
  const r = form
    ? await post(new URLSearchParams(Object.entries({ ...AUTH, ...fields }).map(([k, v]) => [k, String(v)])).toString(), 'application/x-www-form-urlencoded')
    : await post(JSON.stringify({ ...AUTH, ...fields }), 'application/json');
  expect(r.status).toBe(200);
  return r.json;
}
const replace = (fields: Record<string, unknown>) => core({ rest_call: 'replace_acct_plan_m', ...fields });
const plansOf = async (acct: number) => (await core({ rest_call: 'get_acct_plans_all_m', acct_no: acct })).all_acct_plans_m as Answer[];
const planOf = async (acct: number, mpi: number) => (await plansOf(acct)).find((p) => p.plan_instance_no === mpi)!;

/** Every row of every table, hashed: "nothing changed" means this is the same. */
function dbState(): { hash: string; counts: Record<string, number> } {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const h = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t}"`).all();
    counts[t] = rows.length;
    h.update(t).update(JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));
  }
  return { hash: h.digest('hex'), counts };
}
const row = (sql: string, ...args: (string | number)[]) => db.prepare(sql).get(...args) as Answer | undefined;

describe('get_client_plans_basic_m', () => {
  it("lists a title's plans with their rate schedules in NOK; promo-only plans only with the promotion code", async () => {
    const r = await core({ rest_call: 'get_client_plans_basic_m', title_code: 'DT' });
    expect(r.error_code).toBe(0);
    const plans = r.plans_basic as Answer[];
    expect(plans.map((p) => p.client_plan_id)).toEqual([
      'DT-PAPIR7', 'DT-PAPIR-DIGITAL', 'DT-HELG', 'DT-LORDAG', 'DT-DIGITAL', 'DT-DIGITAL-PLUSS', 'DT-EAVIS',
      'DT-KRYSSORD', 'DT-EKSTRA-BRUKER', 'DT-MAGASIN', 'DT-PODKAST-PLUSS',
    ]);
    const digital = plans.find((p) => p.client_plan_id === 'DT-DIGITAL')!;
    expect(digital).toMatchObject({ plan_no: 20305, plan_name: 'Digital', title_name: 'Drammens Tidende', plan_kind: 'digital', supp_plan_ind: 0, currency_cd: 'NOK', min_units: 1, max_units: 1 });
    // 299 a month; a quarter 299 × 3 × 0.95 = 852.15 → 852; a year 299 × 12 × 0.85 = 3049.80 → 3050; campaign 149.50 → 150.
    expect(digital.rate_schedules.map((s: Answer) => [s.schedule_no, s.recurring_billing_interval, s.rate_per_unit, s.default_ind, s.alt_ind])).toEqual([
      [203051, 1, 299, 1, 0], [203052, 3, 852, 0, 0], [203053, 12, 3050, 0, 0], [203054, 1, 150, 0, 1],
    ]);
    const student = await core({ rest_call: 'get_client_plans_basic_m', title_code: 'DT', promo_code: 'STUDENT' });
    expect((student.plans_basic as Answer[]).map((p) => p.client_plan_id)).toContain('DT-DIGITAL-STUDENT');
    // Tangotidene is no newspaper: no 7-day print.
    const tt = await core({ rest_call: 'get_client_plans_basic_m', title_code: 'TT', supp_plan_ind: 0 }, true);
    expect((tt.plans_basic as Answer[]).map((p) => p.client_plan_id)).toEqual(['TT-PAPIR-DIGITAL', 'TT-HELG', 'TT-LORDAG', 'TT-DIGITAL', 'TT-DIGITAL-PLUSS', 'TT-EAVIS']);
  });

  it('refuses a title it does not know, naming the field', async () => {
    expect(await core({ rest_call: 'get_client_plans_basic_m', title_code: 'XX' })).toMatchObject({ error_code: CORE_ERROR.INVALID_INPUT, error_field: 'title_code' });
  });
});

describe('get_acct_plans_all_m', () => {
  it("lists the account's subscriptions with their billing period, masters before their supplementals (form-encoded)", async () => {
    const r = await core({ rest_call: 'get_acct_plans_all_m', acct_no: '42000001' }, true);
    expect(r.error_code).toBe(0);
    expect((r.all_acct_plans_m as Answer[]).map((p) => [p.plan_instance_no, p.client_plan_id, p.plan_units, p.supp_plan_ind, p.parent_plan_instance_no ?? null])).toEqual([
      [130000002, 'FV-LORDAG', 1, 0, null], [130000003, 'FV-HELG', 1, 0, null], [130000004, 'FV-MAGASIN', 2, 1, 130000003],
    ]);
    expect(r.all_acct_plans_m[0]).toMatchObject({
      plan_name: 'Lørdag', title_code: 'FV', title_name: 'Fjordavisa', plan_instance_status_cd: 1, plan_instance_status_label: 'Active',
      recurring_billing_interval: 1, last_bill_date: '2026-11-12', bill_thru_date: '2026-12-11', next_bill_date: '2026-12-12',
      rate_schedule_no: 205041, rate_per_unit: 249, currency_cd: 'NOK',
    });
    const id = r.all_acct_plans_m[0].client_plan_instance_id as string;
    expect(row('SELECT mpi_id FROM plan_instances WHERE mpi_no = 130000002')!.mpi_id).toBe(id);
  });

  it('answers 1009 for an unknown account', async () => {
    expect(await core({ rest_call: 'get_acct_plans_all_m', acct_no: 1 })).toMatchObject({ error_code: CORE_ERROR.ACCOUNT_NOT_FOUND, error_field: 'acct_no' });
  });
});

describe('authentication (client_no + auth_key, 003)', () => {
  it('refuses a wrong key, an unknown client and missing credentials with 1004', async () => {
    const body = { rest_call: 'get_acct_plans_all_m', acct_no: 42000001 };
    for (const auth of [{ ...AUTH, auth_key: 'wrong' }, { ...AUTH, client_no: 1 }, { client_no: AUTH.client_no }, {}]) {
      const r = await post(JSON.stringify({ ...body, ...auth }), 'application/json');
      expect(r.status).toBe(200);
      expect(r.json.error_code).toBe(CORE_ERROR.AUTH);
      expect(r.json.all_acct_plans_m).toBeUndefined();
    }
  });
});

describe('replace_acct_plan_m', () => {
  it('do_write=false: the prorated effects (12-day example of the brief: 11 of 30 days here), and nothing stored', async () => {
    const before = dbState();
    expect(await planOf(42000001, 130000002)).toMatchObject({ client_plan_id: 'FV-LORDAG', last_bill_date: '2026-11-12', next_bill_date: '2026-12-12', rate_per_unit: 249 });
    const r = await replace({ acct_no: 42000001, plan_instance_no: 130000002, new_client_plan_id: 'FV-DIGITAL-PLUSS', assignment_directive: 4, do_write: 'false' });
    // Period 2026-11-12 … 2026-12-11 = 30 days; from 2026-12-01 11 days are left.
    // charge 399 × 11 / 30 = 146.30; credit 249 × 11 / 30 = 91.30; net 55.00.
    expect(r).toMatchObject({
      error_code: 0, error_msg: 'OK', invoice_no: null, do_write: false, change_queued: false,
      proration_result_amount: 55, total_charges_before_tax: 146.3, total_tax_charges: 0, total_charges_after_tax: 146.3, total_credit: 91.3,
      effective_date: '2026-12-01', next_bill_date: '2026-12-12', old_plan_no: 20504, new_plan_no: 20506, new_rate_schedule_no: 205061,
      proration_period_start: '2026-11-12', proration_period_end: '2026-12-11', proration_days_in_period: 30, proration_days_remaining: 11,
    });
    expect(r.invoice_line_items.map((l: Answer) => [l.line_type, l.client_plan_id, l.invoice_line_amount, l.invoice_start_date_range, l.invoice_end_date_range])).toEqual([
      ['charge', 'FV-DIGITAL-PLUSS', 146.3, '2026-12-01', '2026-12-11'],
      ['credit', 'FV-LORDAG', -91.3, '2026-12-01', '2026-12-11'],
    ]);
    const after = dbState();
    expect(after.counts).toEqual(before.counts);
    expect(after.hash).toBe(before.hash);
  });

  it('do_write=true: the instance gets the new plan, and an invoice with the lines is stored', async () => {
    const invoicesBefore = row('SELECT COUNT(*) AS n FROM invoices')!.n as number;
    const r = await replace({ acct_no: 42000001, plan_instance_no: 130000002, new_client_plan_id: 'FV-DIGITAL-PLUSS', assignment_directive: 4, client_receipt_id: 'R-1', comments: 'Kunden vil ha eAvis', alt_caller_id: 'agent-7', application_id: 'CSR-DESK' });
    expect(r).toMatchObject({ error_code: 0, do_write: true, proration_result_amount: 55, total_credit: 91.3 });
    expect(r.invoice_no).toEqual(expect.any(Number));
    expect(await planOf(42000001, 130000002)).toMatchObject({ client_plan_id: 'FV-DIGITAL-PLUSS', plan_name: 'Digital pluss', rate_per_unit: 399, next_bill_date: '2026-12-12' });
    // Stored: the AMPS row (its plan name), the invoice (net 55.00 = 5500 øre), its two lines, a history row.
    expect(row('SELECT plan_name, core_plan_no, core_schedule_no FROM plan_instances WHERE mpi_no = 130000002')).toEqual({ plan_name: 'Digital pluss', core_plan_no: 20506, core_schedule_no: 205061 });
    expect(row('SELECT account_no, amount_ore, invoice_date FROM invoices WHERE invoice_no = ?', r.invoice_no)).toEqual({ account_no: 42000001, amount_ore: 5500, invoice_date: '2026-12-01' });
    expect(row('SELECT COUNT(*) AS n FROM invoices')!.n).toBe(invoicesBefore + 1);
    const lines = db.prepare('SELECT line_type, plan_no, amount_ore, start_date, end_date FROM core_invoice_lines WHERE invoice_no = ? ORDER BY line_no').all(r.invoice_no);
    expect(lines).toEqual([
      { line_type: 'charge', plan_no: 20506, amount_ore: 14630, start_date: '2026-12-01', end_date: '2026-12-11' },
      { line_type: 'credit', plan_no: 20504, amount_ore: -9130, start_date: '2026-12-01', end_date: '2026-12-11' },
    ]);
    expect(row('SELECT old_plan_no, new_plan_no, directive, invoice_no, client_receipt_id, comments, caller FROM core_plan_history WHERE mpi_no = 130000002')).toEqual({
      old_plan_no: 20504, new_plan_no: 20506, directive: 4, invoice_no: r.invoice_no, client_receipt_id: 'R-1', comments: 'Kunden vil ha eAvis', caller: 'agent-7 via CSR-DESK',
    });
  });

  it('directive 2 (client default: prorate) over a quarter, onto a quarterly schedule of another plan', async () => {
    expect(await planOf(42000005, 130000010)).toMatchObject({ client_plan_id: 'DT-HELG', recurring_billing_interval: 3, last_bill_date: '2026-11-20', next_bill_date: '2027-02-20', rate_per_unit: 1137 });
    const r = await replace({ acct_no: 42000005, plan_instance_no: 130000010, new_plan_no: 20302, alt_rate_schedule_no: 203022, assignment_directive: 2, do_write: 'false' });
    // 2026-11-20 … 2027-02-19: Nov 11 + Dec 31 + Jan 31 + Feb 19 = 92 days; from Dec 1: 31 + 31 + 19 = 81.
    // charge 1992 × 81 / 92 = 1753.826… → 1753.83; credit 1137 × 81 / 92 = 1001.054… → 1001.05; net 752.78.
    expect(r).toMatchObject({ error_code: 0, total_charges_before_tax: 1753.83, total_credit: 1001.05, proration_result_amount: 752.78, proration_days_in_period: 92, proration_days_remaining: 81, next_bill_date: '2027-02-20' });
  });

  it('directive 1: queued for the next anniversary, no proration; carried out when that day comes', async () => {
    expect(await planOf(42000006, 130000012)).toMatchObject({ client_plan_id: 'DT-EAVIS', next_bill_date: '2026-12-14' });
    const r = await replace({ acct_no: 42000006, plan_instance_no: 130000012, new_client_plan_id: 'DT-DIGITAL', assignment_directive: 1 });
    expect(r).toMatchObject({ error_code: 0, change_queued: true, effective_date: '2026-12-14', invoice_no: null, proration_result_amount: 0, total_credit: 0, invoice_line_items: [] });
    const queued = await planOf(42000006, 130000012);
    expect(queued.client_plan_id).toBe('DT-EAVIS');
    expect(queued.plan_instance_queue).toEqual([
      { queued_plan_no: 20305, queued_client_plan_id: 'DT-DIGITAL', queued_plan_name: 'Digital', queued_plan_units: 1, queued_rate_schedule_no: 203051, queued_effective_date: '2026-12-14', queued_assignment_directive: 1 },
    ]);
    nowMs = Date.UTC(2026, 11, 14, 8);
    try {
      expect(await planOf(42000006, 130000012)).toMatchObject({ client_plan_id: 'DT-DIGITAL', plan_instance_queue: null, last_bill_date: '2026-12-14', next_bill_date: '2027-01-14' });
      expect(row('SELECT COUNT(*) AS n FROM core_plan_queue WHERE mpi_no = 130000012')!.n).toBe(0);
      expect(row('SELECT new_plan_no, invoice_no FROM core_plan_history WHERE mpi_no = 130000012')).toEqual({ new_plan_no: 20305, invoice_no: null });
    } finally {
      nowMs = Date.UTC(2026, 11, 1, 10);
    }
  });

  it('directive 10 on a future date: charges only, invoiced when it is carried out', async () => {
    expect(await planOf(42000013, 130000028)).toMatchObject({ client_plan_id: 'DT-DIGITAL', last_bill_date: '2026-11-21', next_bill_date: '2026-12-21' });
    const r = await replace({ acct_no: 42000013, plan_instance_no: 130000028, new_client_plan_id: 'DT-DIGITAL-PLUSS', assignment_directive: 10, effective_date: '2026-12-10' });
    // From 2026-12-10 to 2026-12-20: 11 of 30 days; 399 × 11 / 30 = 146.30, no credit.
    expect(r).toMatchObject({ error_code: 0, change_queued: true, invoice_no: null, total_charges_before_tax: 146.3, total_credit: 0 });
    nowMs = Date.UTC(2026, 11, 10, 9);
    try {
      expect((await planOf(42000013, 130000028)).client_plan_id).toBe('DT-DIGITAL-PLUSS');
      const h = row('SELECT invoice_no FROM core_plan_history WHERE mpi_no = 130000028')!;
      expect(row('SELECT amount_ore, invoice_date FROM invoices WHERE invoice_no = ?', h.invoice_no)).toEqual({ amount_ore: 14630, invoice_date: '2026-12-10' });
    } finally {
      nowMs = Date.UTC(2026, 11, 1, 10);
    }
  });

  it('directive 9 backdated to an effective date in the current period', async () => {
    expect(await planOf(42000008, 130000017)).toMatchObject({ client_plan_id: 'RB-DIGITAL', last_bill_date: '2026-11-22', next_bill_date: '2026-12-22' });
    const r = await replace({ acct_no: 42000008, plan_instance_no: 130000017, new_client_plan_id: 'RB-DIGITAL-PLUSS', assignment_directive: 9, effective_date: '2026-11-25', do_write: 'false' });
    // 2026-11-25 … 2026-12-21 = 6 + 21 = 27 of 30 days: charge 399 × 27/30 = 359.10, credit 299 × 27/30 = 269.10.
    expect(r).toMatchObject({ error_code: 0, change_queued: false, effective_date: '2026-11-25', total_charges_before_tax: 359.1, total_credit: 269.1, proration_result_amount: 90 });
  });

  it('directive 3: immediately, no proration, no invoice', async () => {
    const r = await replace({ acct_no: 42000018, plan_instance_no: 130000036, new_client_plan_id: 'DT-DIGITAL', assignment_directive: 3 });
    expect(r).toMatchObject({ error_code: 0, invoice_no: null, invoice_line_items: [], proration_result_amount: 0, change_queued: false });
    expect((await planOf(42000018, 130000036)).client_plan_id).toBe('DT-DIGITAL');
  });

  it('directive 5 charges only, 6 credits only (master plans)', async () => {
    expect(await planOf(42000029, 130000061)).toMatchObject({ client_plan_id: 'DT-LORDAG', last_bill_date: '2026-11-11', next_bill_date: '2026-12-11' });
    // 2026-12-01 … 2026-12-10: 10 of 30 days. 399 × 10/30 = 133.00.
    expect(await replace({ acct_no: 42000029, plan_instance_no: 130000061, new_client_plan_id: 'DT-HELG', assignment_directive: 5, do_write: 'false' })).toMatchObject({
      error_code: 0, total_charges_before_tax: 133, total_credit: 0,
    });
    expect(await planOf(42000020, 130000040)).toMatchObject({ client_plan_id: 'DT-HELG', last_bill_date: '2026-11-16', next_bill_date: '2026-12-16' });
    // 2026-12-01 … 2026-12-15: 15 of 30 days. Credit 399 × 15/30 = 199.50.
    expect(await replace({ acct_no: 42000020, plan_instance_no: 130000040, new_client_plan_id: 'DT-LORDAG', assignment_directive: 6, do_write: 'false' })).toMatchObject({
      error_code: 0, total_charges_before_tax: 0, total_credit: 199.5, proration_result_amount: -199.5,
    });
  });

  it('a coupon takes its percentage off the prorated charge', async () => {
    // FV-DIGITAL-PLUSS 399 → FV-PAPIR-DIGITAL 699, 11 of 30 days: charge 256.30, coupon 20 % = −51.26, credit 146.30.
    const r = await replace({ acct_no: 42000031, plan_instance_no: 130000066, new_client_plan_id: 'FV-PAPIR-DIGITAL', assignment_directive: 4, coupon_codes: ['VELKOMMEN20'], do_write: 'false' });
    expect(r.invoice_line_items.map((l: Answer) => [l.line_type, l.invoice_line_amount])).toEqual([['charge', 256.3], ['coupon', -51.26], ['credit', -146.3]]);
    expect(r).toMatchObject({ total_charges_before_tax: 205.04, total_credit: 146.3, proration_result_amount: 58.74 });
  });

  it('a supplemental plan can be replaced with directive 4 (form-encoded)', async () => {
    // FV-MAGASIN 99 × 2 units → FV-KRYSSORD 49 × 1, 11 of 30 days: credit 198 × 11/30 = 72.60, charge 49 × 11/30 = 17.966… → 17.97.
    const r = await core({ rest_call: 'replace_acct_plan_m', acct_no: 42000001, plan_instance_no: 130000004, new_client_plan_id: 'FV-KRYSSORD', plan_units: 1, assignment_directive: 4, do_write: 'false' }, true);
    expect(r).toMatchObject({ error_code: 0, total_charges_before_tax: 17.97, total_credit: 72.6 });
  });
});

describe('replace_acct_plan_m refusals: an Aria error naming the field, and nothing stored', () => {
  const base = { acct_no: 42000001, plan_instance_no: 130000003, new_client_plan_id: 'FV-DIGITAL', assignment_directive: 4 };
  const supp = { acct_no: 42000001, plan_instance_no: 130000004, new_client_plan_id: 'FV-KRYSSORD', plan_units: 1 };
  const cases: [string, Record<string, unknown>, number, string, RegExp?][] = [
    ['directive 5 when cancelling a supplemental plan', { ...supp, assignment_directive: 5 }, CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', /5 .*cancelling a supplemental plan/],
    ['directive 10 when cancelling a supplemental plan', { ...supp, assignment_directive: 10, effective_date: '2026-12-05' }, CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', /10 .*cancelling a supplemental plan/],
    ['directive 6 when assigning a supplemental plan', { ...supp, assignment_directive: 6 }, CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', /6 .*assigning a supplemental plan/],
    ['directive 11 when assigning a supplemental plan', { ...supp, assignment_directive: 11, effective_date: '2026-12-05' }, CORE_ERROR.DIRECTIVE_NOT_ALLOWED, 'assignment_directive', /11 .*assigning a supplemental plan/],
    ['a plan of another title', { ...base, new_client_plan_id: 'DT-DIGITAL' }, CORE_ERROR.PLAN_NOT_OFFERED, 'new_client_plan_id', /Fjordavisa \(FV\) does not offer it/],
    ['a supplemental plan on a master instance', { ...base, new_client_plan_id: 'FV-KRYSSORD' }, CORE_ERROR.PLAN_NOT_OFFERED, 'new_client_plan_id'],
    ['a promo-only plan without the promotion', { ...base, new_client_plan_id: 'FV-DIGITAL-STUDENT' }, CORE_ERROR.PLAN_NOT_OFFERED, 'new_client_plan_id', /STUDENT/],
    ['an unknown plan', { ...base, new_client_plan_id: undefined, new_plan_no: 99999 }, CORE_ERROR.OBJECT_NOT_FOUND, 'new_plan_no'],
    ['units 0', { ...base, plan_units: 0 }, CORE_ERROR.INVALID_INPUT, 'plan_units', /greater than 0/],
    ['units −1', { ...base, new_client_plan_id: 'FV-PAPIR-DIGITAL', plan_units: -1 }, CORE_ERROR.INVALID_INPUT, 'plan_units'],
    ['units above the plan\'s maximum', { ...base, new_client_plan_id: 'FV-PAPIR-DIGITAL', plan_units: 6 }, CORE_ERROR.INVALID_INPUT, 'plan_units', /1–5/],
    ['units that are not a number', { ...base, plan_units: 'two' }, CORE_ERROR.INVALID_INPUT, 'plan_units'],
    ['an unknown directive 12', { ...base, assignment_directive: 12 }, CORE_ERROR.INVALID_INPUT, 'assignment_directive', /1–11/],
    ['directive 0', { ...base, assignment_directive: 0 }, CORE_ERROR.INVALID_INPUT, 'assignment_directive'],
    ['directive 7 without effective_date', { ...base, assignment_directive: 7 }, CORE_ERROR.MISSING_PARAMETER, 'effective_date'],
    ['effective_date before the current billing period', { ...base, assignment_directive: 9, effective_date: '2026-11-11' }, CORE_ERROR.DATE_OUT_OF_RANGE, 'effective_date', /before the current billing period \(2026-11-12 – 2026-12-11\)/],
    ['alt_proration_start_date before the current billing period', { ...base, alt_proration_start_date: '2026-11-01' }, CORE_ERROR.DATE_OUT_OF_RANGE, 'alt_proration_start_date', /cannot be before the beginning of the current billing period/],
    ['alt_proration_end_date before the start', { ...base, alt_proration_end_date: '2026-11-30' }, CORE_ERROR.DATE_OUT_OF_RANGE, 'alt_proration_end_date'],
    ['a date that does not exist', { ...base, assignment_directive: 9, effective_date: '2026-12-32' }, CORE_ERROR.INVALID_INPUT, 'effective_date'],
    ['do_write neither true nor false', { ...base, do_write: 'maybe' }, CORE_ERROR.INVALID_BOOLEAN, 'do_write'],
    ['a rate schedule of another plan', { ...base, alt_rate_schedule_no: 203051 }, CORE_ERROR.INVALID_INPUT, 'alt_rate_schedule_no'],
    ['an unknown coupon', { ...base, coupon_codes: ['GRATIS'] }, CORE_ERROR.OBJECT_NOT_FOUND, 'coupon_codes'],
    ['an unknown plan_status', { ...base, plan_status: 7 }, CORE_ERROR.INVALID_INPUT, 'plan_status'],
    ['a cancelled instance', { acct_no: 42000007, plan_instance_no: 130000015, new_client_plan_id: 'SA-DIGITAL-PLUSS' }, CORE_ERROR.PLAN_INSTANCE_NOT_CHANGEABLE, 'plan_instance_no', /cancelled/],
    ['an instance of another account', { ...base, plan_instance_no: 130000012 }, CORE_ERROR.INVALID_PLAN_INSTANCE_NO, 'plan_instance_no'],
    ['an unknown client_plan_instance_id', { ...base, plan_instance_no: undefined, client_plan_instance_id: 'MPI-nope' }, CORE_ERROR.INVALID_CLIENT_PLAN_INSTANCE_ID, 'client_plan_instance_id'],
    ['the same plan, units and schedule', { ...base, new_client_plan_id: 'FV-HELG' }, CORE_ERROR.NOTHING_TO_CHANGE, 'new_client_plan_id'],
    ['no new plan', { ...base, new_client_plan_id: undefined }, CORE_ERROR.MISSING_PARAMETER, 'new_plan_no'],
    ['no account', { ...base, acct_no: undefined }, CORE_ERROR.MISSING_PARAMETER, 'acct_no'],
    ['a 003 field the sandbox does not carry out', { ...base, custom_rates: [] }, CORE_ERROR.INVALID_INPUT, 'custom_rates', /does not carry out/],
    ['po_num (003, not carried out)', { ...base, po_num: 'PO-1' }, CORE_ERROR.INVALID_INPUT, 'po_num'],
    ['a field replace_acct_plan_m does not have', { ...base, new_plan: 'x' }, CORE_ERROR.INVALID_INPUT, 'new_plan'],
  ];
  it.each(cases)('%s', async (_name, fields, code, field, text) => {
    const before = dbState();
    const r = await replace(fields);
    expect(r.error_code).toBe(code);
    expect(r.error_field).toBe(field);
    expect(r.error_msg.startsWith(`${field}: `)).toBe(true);
    if (text) expect(r.error_msg).toMatch(text);
    expect(r.invoice_no).toBeUndefined();
    expect(dbState().hash).toBe(before.hash);
  });

  it('nothing half-done: a failure while storing the invoice leaves the instance as it was', async () => {
    // A trigger (through a writable connection of the test's own) makes the invoice lines fail.
    const w = new DatabaseSync(file);
    w.exec("CREATE TRIGGER test_fail BEFORE INSERT ON core_invoice_lines BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
    try {
      const before = dbState();
      const r = await replace({ acct_no: 42000035, plan_instance_no: 130000074, new_client_plan_id: 'NL-HELG', assignment_directive: 4 });
      expect(r.error_code).toBe(CORE_ERROR.UNEXPECTED);
      expect(r.error_msg).toMatch(/nothing was changed/);
      expect(r.error_msg).not.toMatch(/disk on fire/);
      expect(dbState().hash).toBe(before.hash);
      expect((await planOf(42000035, 130000074)).client_plan_id).toBe('NL-LORDAG');
    } finally {
      w.exec('DROP TRIGGER test_fail');
      w.close();
    }
    expect(await replace({ acct_no: 42000035, plan_instance_no: 130000074, new_client_plan_id: 'NL-HELG', assignment_directive: 4, do_write: 'false' })).toMatchObject({ error_code: 0 });
  });
});

describe('AMPS and the core API see the same subscriptions', () => {
  // Signed AMPS calls on the sandbox's fixed clock (one second apart, so no two share a signature).
  let tick = 0;
  const amps = () =>
    new AmpsClient({ baseUrl: url, ...TEST_CLIENT, signatureVersion: '2.0', userID: 'tester', now: () => nowMs + ++tick * 1000, readRetries: 0 });

  it('AMPS shows the plan name a core change set; an AMPS cancel wins over the status it set', async () => {
    const r = await amps().call('AcctRetrieveDeliveryInfo', { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: 42000001 } });
    const pi = r.acctRetrieveDeliveryInfoDetails!.planInstances!.find((p) => p.ariaMPINo === 130000002);
    expect(pi).toMatchObject({ planName: 'Digital pluss', status: 'ACTIVE' }); // replaced above (do_write=true)
    // Cancelled through AMPS afterwards: the status a core change stored does not outlive it.
    await amps().call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: 42000001 } }] });
    expect(await planOf(42000001, 130000002)).toMatchObject({ client_plan_id: 'FV-DIGITAL-PLUSS', plan_instance_status_cd: -2 });
  });

  it('an account cancelled through AMPS: its subscriptions read as cancelled and a queued change is not carried out', async () => {
    expect(await planOf(42000022, 130000044)).toMatchObject({ client_plan_id: 'DT-HELG', next_bill_date: '2026-12-26' });
    expect(await replace({ acct_no: 42000022, plan_instance_no: 130000044, new_client_plan_id: 'DT-DIGITAL', assignment_directive: 1 })).toMatchObject({ error_code: 0, change_queued: true });
    await amps().call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: 42000022 } }] });
    expect(await planOf(42000022, 130000044)).toMatchObject({ plan_instance_status_cd: -2, plan_instance_status_label: 'Cancelled' });
    expect(await replace({ acct_no: 42000022, plan_instance_no: 130000044, new_client_plan_id: 'DT-LORDAG', do_write: 'false' })).toMatchObject({ error_code: CORE_ERROR.PLAN_INSTANCE_NOT_CHANGEABLE });
    nowMs = Date.UTC(2026, 11, 27, 9);
    try {
      expect(await planOf(42000022, 130000044)).toMatchObject({ client_plan_id: 'DT-HELG', plan_instance_status_cd: -2, plan_instance_queue: null });
      expect(row('SELECT COUNT(*) AS n FROM core_plan_history WHERE mpi_no = 130000044')!.n).toBe(0);
      expect(row('SELECT status FROM plan_instances WHERE mpi_no = 130000044')!.status).toBe('CANCELLED');
    } finally {
      nowMs = Date.UTC(2026, 11, 1, 10);
    }
  });
});

describe('hostile bodies are bad input, never a 500', () => {
  const send = (body: string | Uint8Array, type = 'application/json') => post(body, type);
  const cases: [string, () => Promise<{ status: number; json: Answer }>, number][] = [
    ['a NUL in a JSON value', () => send(JSON.stringify({ rest_call: 'get_acct_plans_all_m', ...AUTH, client_acct_id: 'a\u0000b' })), CORE_ERROR.INVALID_INPUT],
    ['a NUL in a form value', () => send(`rest_call=get_acct_plans_all_m&client_no=${AUTH.client_no}&auth_key=${AUTH.auth_key}&client_acct_id=a%00b`, 'application/x-www-form-urlencoded'), CORE_ERROR.INVALID_INPUT],
    ['nesting 10 000 deep', () => send(`{"rest_call":"replace_acct_plan_m","coupon_codes":${'['.repeat(10_000)}${']'.repeat(10_000)}}`), CORE_ERROR.MALFORMED],
    ['a body over 1 MB', () => send(JSON.stringify({ rest_call: 'get_acct_plans_all_m', ...AUTH, comments: 'x'.repeat(1_100_000) })), CORE_ERROR.MALFORMED],
    ['invalid UTF-8', () => send(Buffer.concat([Buffer.from('{"rest_call":"get_acct_plans_all_m","x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])), CORE_ERROR.MALFORMED],
    ['malformed JSON', () => send('{"rest_call": "get_acct_plans_all_m",'), CORE_ERROR.MALFORMED],
    ['a key twice', () => send(`{"rest_call":"get_acct_plans_all_m","acct_no":1,"acct_no":42000001,"client_no":${AUTH.client_no},"auth_key":"${AUTH.auth_key}"}`), CORE_ERROR.INVALID_INPUT],
    ['a form key twice', () => send(`rest_call=get_acct_plans_all_m&client_no=${AUTH.client_no}&auth_key=${AUTH.auth_key}&acct_no=1&acct_no=42000001`, 'application/x-www-form-urlencoded'), CORE_ERROR.INVALID_INPUT],
    ['a form key __proto__', () => send(`rest_call=get_acct_plans_all_m&client_no=${AUTH.client_no}&auth_key=${AUTH.auth_key}&acct_no=42000001&__proto__=x`, 'application/x-www-form-urlencoded'), CORE_ERROR.INVALID_INPUT],
    ['a JSON key __proto__', () => send(`{"rest_call":"get_acct_plans_all_m","client_no":${AUTH.client_no},"auth_key":"${AUTH.auth_key}","acct_no":42000001,"__proto__":{"x":1}}`), CORE_ERROR.INVALID_INPUT],
    ['an empty body', () => send('', 'application/x-www-form-urlencoded'), CORE_ERROR.MALFORMED],
    ['a JSON array', () => send('[1,2]'), CORE_ERROR.MALFORMED],
    ['no rest_call', () => send(JSON.stringify({ ...AUTH, acct_no: 42000001 })), CORE_ERROR.UNKNOWN_CALL],
    ['an unknown rest_call', () => send(JSON.stringify({ rest_call: 'delete_everything_m', ...AUTH })), CORE_ERROR.UNKNOWN_CALL],
  ];
  it.each(cases)('%s', async (_name, run, code) => {
    const before = dbState();
    const r = await run();
    expect(r.status).toBe(200);
    expect(r.json.error_code).toBe(code);
    expect(r.json.error_msg).toEqual(expect.any(String));
    expect(dbState().hash).toBe(before.hash);
  });

  it('never logs the auth_key', () => {
    expect(logs.join('\n')).not.toContain(TEST_CLIENT.authKey);
  });
});
