// The demo data: same seed ⇒ same data (every table, the search index included); a
// different seed ⇒ different data; and it looks like the Norwegian market it stands for.
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandboxDatabase } from '../../../main/sandbox/db/open';
import { PLACES } from '../../../main/sandbox/seed/places';
import { LOCALES } from '../../../shared/amps';

const TABLES = ['accounts', 'contacts', 'billing_groups', 'payment_methods', 'plan_instances', 'delivery_addresses', 'perm_address_history', 'invoices', 'comments', 'titles', 'translations', 'pay_options', 'pay_option_variants', 'address_types', 'account_fts_data'];
const open = (seed: number, accounts = 400) => openSandboxDatabase({ file: ':memory:', accounts, seed }).db;
const dump = (db: DatabaseSync) => Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

let a: DatabaseSync;
let b: DatabaseSync;
let c: DatabaseSync;
beforeAll(() => {
  a = open(11);
  b = open(11);
  c = open(12);
});
afterAll(() => [a, b, c].forEach((d) => d.close()));

describe('seeder determinism', () => {
  it('builds identical databases from the same seed', () => {
    expect(dump(a)).toEqual(dump(b));
  });
  it('builds different data from another seed', () => {
    const x = dump(a);
    const y = dump(c);
    expect(x.accounts).not.toEqual(y.accounts);
    expect(x.contacts).not.toEqual(y.contacts);
    expect(x.titles).toEqual(y.titles); // reference data does not depend on the seed
  });
});

describe('demo data', () => {
  const all = <T>(sql: string) => a.prepare(sql).all() as T[];
  const one = <T>(sql: string) => a.prepare(sql).get() as T;

  it('has Norwegian owners: real postal code / town pairs, +47 phones, NOK, the three locales', () => {
    const towns = new Map(PLACES.map((p) => [p.city, p.postal]));
    const owners = all<{ postal_code: string; postal_city: string; cell_phone: string; home_phone: string; currency: string; locale: string }>(
      'SELECT c.postal_code, c.postal_city, c.cell_phone, c.home_phone, a.currency, a.locale FROM accounts a JOIN contacts c ON c.contact_no = a.contact_no',
    );
    expect(owners).toHaveLength(400);
    for (const o of owners) {
      const ranges = towns.get(o.postal_city)!;
      expect(ranges.some(([lo, hi]) => Number(o.postal_code) >= lo && Number(o.postal_code) <= hi), `${o.postal_code} ${o.postal_city}`).toBe(true);
      for (const p of [o.cell_phone, o.home_phone]) if (p) expect(p).toMatch(/^\+47\d{8}$/);
      expect(o.currency).toBe('NOK');
    }
    expect(new Set(owners.map((o) => o.locale))).toEqual(new Set(LOCALES));
    expect(owners.filter((o) => /^\+47[49]/.test(o.cell_phone)).length).toBeGreaterThan(300);
  });

  it('mixes statuses, titles, several billing groups, card payment methods, delivery addresses and invoices', () => {
    expect(new Set(all<{ status: number }>('SELECT status FROM accounts').map((r) => r.status))).toEqual(new Set([0, 1, 32, 99, -99]));
    expect(one<{ n: number }>('SELECT COUNT(DISTINCT owner_title_code) AS n FROM accounts').n).toBeGreaterThanOrEqual(5);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM (SELECT account_no FROM billing_groups GROUP BY account_no HAVING COUNT(*) > 1)').n).toBeGreaterThan(50);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM billing_groups g WHERE g.account_no = a.account_no)').n).toBe(0);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM accounts a WHERE (SELECT COUNT(*) FROM plan_instances p WHERE p.account_no = a.account_no AND p.is_special = 1) <> 1').n).toBe(0);
    const cards = all<{ brand: string; last_four: string }>('SELECT brand, last_four FROM payment_methods');
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) expect(card.last_four).toMatch(/^\d{4}$/);
    expect(new Set(cards.map((x) => x.brand))).toEqual(new Set(['VISA', 'MASTERCARD', 'AMEX']));
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM delivery_addresses').n).toBeGreaterThan(20);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM invoices WHERE length(kid) BETWEEN 9 AND 12").n).toBe(one<{ n: number }>('SELECT COUNT(*) AS n FROM invoices').n);
  });

  it('spreads comments over years, some split into "(n/m): " parts', () => {
    const years = all<{ y: string }>("SELECT DISTINCT strftime('%Y', comment_at / 1000, 'unixepoch') AS y FROM comments");
    expect(years.length).toBeGreaterThanOrEqual(8);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM comments WHERE text LIKE '(1/%'").n).toBeGreaterThan(0);
    for (const r of all<{ text: string }>('SELECT text FROM comments')) expect(r.text.replace(/^\(\d+\/\d+\): /, '').length).toBeLessThanOrEqual(450);
  });

  it('gives every account a search document', () => {
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM account_fts WHERE account_fts MATCH '\"sen\"'").n).toBeGreaterThan(50);
  });
});
