// AcctSearchAccount through the signed client: every criterion, like vs exact, delivery
// addresses, returnLimitRows (default 1) and resultCode 1 "MORE". The expected accounts
// come from the deterministic generator, independently of the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { AmpsError } from '../../../main/core/amps/errors';
import { RESULT, type AcctSearchAccountRequest } from '../../../shared/amps';
import { demoAccounts, startTestSandbox, type TestSandbox } from './helpers';

const SEED = 7;
const N = 300;
const demo = demoAccounts(SEED, N);
let sb: TestSandbox;
let client: AmpsClient;

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: N, seed: SEED });
  client = sb.client();
});
afterAll(() => sb.close());

async function search(req: AcctSearchAccountRequest, limit = 1000) {
  const r = await client.call('AcctSearchAccount', { ...req, acctSearchAccountSpecDetails: { returnLimitRows: limit } });
  return { code: r.resultInfo.resultCode, nos: r.acctSearchAccountResponseDetails!.accountResultSet.map((a) => a.ariaAccountNo), rows: r.acctSearchAccountResponseDetails!.accountResultSet };
}
const expected = (pred: (a: (typeof demo)[number]) => boolean) => demo.filter(pred).map((a) => a.account.account_no);
const fold = (s: string) => s.toLowerCase();

describe('search criteria', () => {
  it('last name is a case-insensitive "contains" match, in account-number order', async () => {
    const want = expected((a) => fold(a.contacts[0]!.last_name).includes('sen'));
    expect(want.length).toBeGreaterThan(20);
    const got = await search({ acctSearchAccountContactCriteria: { lastName: 'SEN' } });
    expect(got.nos).toEqual(want);
  });

  it('combines criteria with AND (last name + postal code exact)', async () => {
    const target = demo.find((a) => a.contacts[0]!.last_name.length > 4)!.contacts[0]!;
    const want = expected((a) => fold(a.contacts[0]!.last_name).includes(fold(target.last_name)) && a.contacts[0]!.postal_code === target.postal_code);
    const got = await search({ acctSearchAccountContactCriteria: { lastName: target.last_name, postalCode: target.postal_code } });
    expect(got.nos).toEqual(want);
    // A postal code is exact: its first three digits find nothing by themselves being "contained".
    const partial = await search({ acctSearchAccountContactCriteria: { postalCode: target.postal_code.slice(0, 3) } });
    expect(partial.nos).toEqual(expected((a) => a.contacts[0]!.postal_code === target.postal_code.slice(0, 3)));
  });

  it('returns one row by default, with resultCode 1 "MORE" when more match', async () => {
    const r = await client.call('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' } });
    expect(r.resultInfo).toEqual({ resultCode: RESULT.MORE, resultText: 'MORE' });
    expect(r.acctSearchAccountResponseDetails!.accountResultSet).toHaveLength(1);
    const want = expected((a) => fold(a.contacts[0]!.last_name).includes('sen'));
    const exact = await search({ acctSearchAccountContactCriteria: { lastName: 'sen' } }, want.length);
    expect(exact.code).toBe(RESULT.OK);
    expect(exact.nos).toHaveLength(want.length);
    const short = await search({ acctSearchAccountContactCriteria: { lastName: 'sen' } }, want.length - 1);
    expect(short.code).toBe(RESULT.MORE);
  });

  it('finds a phone number with or without +47, among owner and statement contacts', async () => {
    const a = demo.find((x) => x.contacts[0]!.cell_phone)!;
    const national = a.contacts[0]!.cell_phone.replace('+47', '');
    for (const term of [a.contacts[0]!.cell_phone, national, `0047 ${national.slice(0, 3)} ${national.slice(3)}`]) {
      const got = await search({ acctSearchAccountCriteria: { phoneNumber: term } });
      expect(got.nos).toContain(a.account.account_no);
    }
    const withStatementContact = demo.find((x) => x.contacts.length > 1 && x.contacts[1]!.cell_phone)!;
    const got = await search({ acctSearchAccountCriteria: { phoneNumber: withStatementContact.contacts[1]!.cell_phone } });
    expect(got.nos).toContain(withStatementContact.account.account_no);
    // The owner-only contact criterion does not look at the statement contact.
    const owner = await search({ acctSearchAccountContactCriteria: { cellPhone: withStatementContact.contacts[1]!.cell_phone } });
    expect(owner.nos).not.toContain(withStatementContact.account.account_no);
  });

  it('matches a whole email address exactly and a part of one as "contains"', async () => {
    const a = demo.find((x) => x.contacts[0]!.email)!;
    const email = a.contacts[0]!.email;
    const exact = await search({ acctSearchAccountCriteria: { emailAddress: email.toUpperCase() } });
    expect(exact.nos).toEqual(expected((x) => x.contacts.some((c) => fold(c.email) === fold(email))));
    const domain = email.split('@')[1]!;
    const part = await search({ acctSearchAccountCriteria: { emailAddress: `@${domain}` } });
    expect(part.nos).toEqual(expected((x) => x.contacts.some((c) => fold(c.email).includes(`@${domain}`))));
    expect(part.nos.length).toBeGreaterThan(exact.nos.length);
    // Not an address (no domain): "contains"; an address one letter short: exact, so nothing.
    const local = await search({ acctSearchAccountContactCriteria: { emailAddress: email.split('@')[0]! } });
    expect(local.nos).toContain(a.account.account_no);
    const short = await search({ acctSearchAccountContactCriteria: { emailAddress: email.slice(0, -1) } });
    expect(short.nos).not.toContain(a.account.account_no);
  });

  it('address criteria also match delivery addresses, postal code exactly', async () => {
    const a = demo.find((x) => x.deliveries.length > 0)!;
    const [, , , name, , street, , city, postal] = a.deliveries[0]!.map(String) as string[];
    const byPostal = await search({ acctSearchAccountAddressCriteria: { searchPostalCode: postal } });
    expect(byPostal.nos).toEqual(expected((x) => x.contacts[0]!.postal_code === postal || x.deliveries.some((d) => d[8] === postal)));
    expect(byPostal.nos).toContain(a.account.account_no);
    const byStreet = await search({ acctSearchAccountAddressCriteria: { searchStreetName: street!.slice(0, 6), searchCity: city } });
    expect(byStreet.nos).toContain(a.account.account_no);
    const byName = await search({ acctSearchAccountAddressCriteria: { searchFullName: name } });
    expect(byName.nos).toContain(a.account.account_no);
    // The contact criteria look at the account address only.
    if (a.contacts[0]!.postal_code !== postal) {
      const owner = await search({ acctSearchAccountContactCriteria: { postalCode: postal } });
      expect(owner.nos).not.toContain(a.account.account_no);
    }
  });

  it('finds accounts by identifiers: account no/ID, user ID, migrated ID, plan instance, invoice, statement, KID', async () => {
    const a = demo.find((x) => x.invoices.length > 0 && x.account.migrated_customer_id && x.account.user_id && x.plans.length > 1)!;
    const no = a.account.account_no;
    const inv = a.invoices[0]!;
    const checks: AcctSearchAccountRequest['acctSearchAccountCriteria'][] = [
      { ariaAccountNo: no },
      { ariaAccountID: a.account.account_id },
      { userID: a.account.user_id },
      { migratedCustomerID: a.account.migrated_customer_id },
      { ariaPINo: a.plans[1]![0] as number },
      { ariaPIID: a.plans[1]![1] as string },
      { ariaInvoiceNo: inv[0] as number },
      { ariaStatementNo: inv[2] as number },
      { ariaSeqStatementNo: inv[3] as number },
      { custInvoiceRef: inv[4] as string },
    ];
    for (const criteria of checks) expect((await search({ acctSearchAccountCriteria: criteria })).nos, JSON.stringify(criteria)).toEqual([no]);
    // Identifiers AND names: a name the account does not have gives nothing.
    const none = await search({ acctSearchAccountCriteria: { ariaAccountNo: no }, acctSearchAccountContactCriteria: { lastName: 'Zzyzx' } });
    expect(none.nos).toEqual([]);
  });

  it('reads a term under 3 characters as a name prefix', async () => {
    const got = await search({ acctSearchAccountContactCriteria: { lastName: 'ha' } });
    expect(got.nos).toEqual(expected((a) => fold(a.contacts[0]!.last_name).startsWith('ha')));
    expect(got.nos.length).toBeGreaterThan(0);
  });

  it('returns the owner contact and the balance with the documented sign', async () => {
    const a = demo.find((x) => x.account.balance_ore > 0)!;
    const { rows } = await search({ acctSearchAccountCriteria: { ariaAccountNo: a.account.account_no } });
    expect(rows[0]).toMatchObject({
      ariaAccountNo: a.account.account_no,
      acctCurrencyCode: 'NOK',
      acctBalance: a.account.balance_ore / 100,
      acctStatusCode: a.account.status,
      contactDetails: { lastName: a.contacts[0]!.last_name, postalCode: a.contacts[0]!.postal_code },
    });
    expect(rows[0]!.acctBalance).toBeGreaterThan(0); // positive = the customer owes
  });

  it('refuses an empty search and criteria that cannot use an index', async () => {
    const empty = await client.call('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: 0, phoneNumber: '' } }).catch((e: AmpsError) => e);
    expect(empty).toMatchObject({ resultCode: RESULT.INVALID_FIELD });
    const weak = await client.call('AcctSearchAccount', { acctSearchAccountContactCriteria: { flatNo: 'H0101' } }).catch((e: AmpsError) => e);
    expect(weak).toMatchObject({ resultCode: RESULT.INVALID_FIELD, fields: [{ path: 'acctSearchAccountContactCriteria.flatNo' }] });
    const tooMany = await client.call('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'x'.repeat(101) } }).catch((e: AmpsError) => e);
    expect(tooMany).toMatchObject({ code: 'INVALID_REQUEST' }); // the client refuses it before sending
  });
});
