// The new-account form offers what the business offers (D62): the payment options and
// variants a new account may get from the CSR platform, and the titles, compared with the
// sandbox's reference data read with SQL — not with the list the form uses.
import { mkdtempSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index';
import { NEW_ACCOUNT_DEFAULTS, NEW_ACCOUNT_PAY_OPTIONS, OWNER_TITLES } from '../../shared/domain/newAccount';

let sb: RunningSandbox;
let db: DatabaseSync;
beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'offer-')), 'sb.sqlite');
  sb = await startSandbox({ dbFile: file, accounts: 1, seed: 1, clients: [{ clientNo: 1, authKey: 'a', signingSecret: 's' }] });
  db = new DatabaseSync(file, { readOnly: true });
});
afterAll(async () => {
  db.close();
  await sb.close();
});

describe('what a new account is offered', () => {
  it('is exactly the payment options the sandbox allows for a new account from CSR, with their variants', () => {
    const rows = db
      .prepare("SELECT o.pay_option_id AS id, o.payment_terms AS terms, group_concat(v.variant_id) AS variants FROM pay_options o JOIN pay_option_variants v USING (pay_option_id) WHERE o.new_account = 1 AND (',' || o.request_sources || ',') LIKE '%,CSR,%' GROUP BY o.pay_option_id ORDER BY o.pay_option_id")
      .all() as { id: string; terms: string; variants: string }[];
    expect(rows.map((r) => r.id)).toEqual(['BANKGIRO', 'BANKGIRO-01', 'EHF']);
    expect(NEW_ACCOUNT_PAY_OPTIONS.map((o) => o.id).sort()).toEqual(rows.map((r) => r.id));
    for (const o of NEW_ACCOUNT_PAY_OPTIONS) {
      const r = rows.find((x) => x.id === o.id)!;
      expect([...o.variants].sort()).toEqual(r.variants.split(',').sort());
      expect(o.needsEan).toBe(r.terms === 'EHF');
    }
    expect(rows.map((r) => r.id)).toContain(NEW_ACCOUNT_DEFAULTS.payOptionID);
  });

  it('names the titles the sandbox knows', () => {
    const titles = db.prepare('SELECT title_code AS code, title_name AS name FROM titles ORDER BY title_code').all();
    expect([...OWNER_TITLES].sort((a, b) => a.code.localeCompare(b.code))).toEqual(titles.map((t) => ({ ...t })));
  });
});
