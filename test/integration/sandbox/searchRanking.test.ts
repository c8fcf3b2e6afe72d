// Ranked name search against the sandbox through the signed client, on the data the
// end-to-end web host serves (2,000 accounts, seed 1). Expected accounts are literal
// values checked against the seeder's own accounts (demoAccounts), or computed here from
// those accounts with rules written out in this file — never with the sandbox's ranking code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import { RESULT, type AcctSearchAccountRequest } from '../../../shared/amps';
import { demoAccounts, startTestSandbox, type TestSandbox } from './helpers';

const demo = demoAccounts(1, 2000);
let sb: TestSandbox;
let client: AmpsClient;

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 2000, seed: 1 });
  client = sb.client();
});
afterAll(() => sb.close());

async function search(req: AcctSearchAccountRequest, limit = 1000) {
  const r = await client.call('AcctSearchAccount', { ...req, acctSearchAccountSpecDetails: { returnLimitRows: limit, ...req.acctSearchAccountSpecDetails } });
  const rows = r.acctSearchAccountResponseDetails!.accountResultSet;
  return { code: r.resultInfo.resultCode, nos: rows.map((a) => a.ariaAccountNo), rows };
}
/** The quick search's name kind: the words as a caller says them (D40). */
const words = (text: string, limit = 1000) => search({ acctSearchAccountContactCriteria: { fullName: text }, acctSearchAccountSpecDetails: { fullNameAsWords: true } }, limit);

// Independent rules over the generated accounts.
const owner = (a: (typeof demo)[number]) => a.contacts[0]!;
const low = (s: string | number | undefined) => String(s ?? '').toLowerCase();
const split = (s: string) => low(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const nosWhere = (pred: (a: (typeof demo)[number]) => boolean) => demo.filter(pred).map((a) => a.account.account_no);
/** Hand-written: one insertion, deletion or substitution turns a into b. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

describe('the seed the end-to-end tests use', () => {
  it('has one Filip Hansen (42000028, Tønsberg, a holiday address in Oslo), Tove Hansen 42000313 and 26 owners named Hansen', () => {
    const filips = demo.filter((a) => owner(a).first_name === 'Filip' && owner(a).last_name === 'Hansen');
    expect(filips.map((a) => [a.account.account_no, owner(a).postal_city, a.deliveries.map((d) => d[7])])).toEqual([[42000028, 'TØNSBERG', ['OSLO']]]);
    expect(nosWhere((a) => owner(a).full_name === 'Tove Hansen')).toEqual([42000313]);
    expect(nosWhere((a) => owner(a).last_name === 'Hansen')).toHaveLength(26);
  });
});

describe('ranked name search', () => {
  it('"Hansen": every exact surname Hansen first (in account-number order), then names that only contain it', async () => {
    const exact = nosWhere((a) => owner(a).last_name === 'Hansen');
    const got = await words('Hansen');
    expect(got.nos.slice(0, exact.length)).toEqual(exact);
    expect(got.nos[0]).toBe(42000028);
    // Next: accounts whose name has "hansen" inside a longer word (Johansen …).
    const contains = nosWhere((a) => owner(a).last_name !== 'Hansen' && split(owner(a).full_name).concat(split(owner(a).last_name)).some((w) => w !== 'hansen' && w.includes('hansen')));
    expect(contains.length).toBeGreaterThan(5);
    expect(got.nos.slice(exact.length, exact.length + contains.length).sort()).toEqual([...contains].sort());
    // In a first page of 50 all 26 Hansens are there (in account-number order only 9 of them were).
    const page = await words('Hansen', 50);
    expect(page.code).toBe(RESULT.MORE);
    expect(page.nos.slice(0, 26)).toEqual(exact);
  });

  it('the spec\'s sample 3 criterion lastName "Hansen" lists the exact surname first too', async () => {
    const got = await search({ acctSearchAccountContactCriteria: { lastName: 'Hansen' } });
    const exact = nosWhere((a) => owner(a).last_name === 'Hansen');
    const contains = nosWhere((a) => owner(a).last_name !== 'Hansen' && low(owner(a).last_name).includes('hansen'));
    expect(got.nos).toEqual([...exact, ...contains]);
    // With the sample's postal code the match stays "like" AND exact postal code.
    const postal = owner(demo.find((a) => a.account.account_no === 42000069)!).postal_code;
    const both = await search({ acctSearchAccountContactCriteria: { lastName: 'Hansen', postalCode: postal } });
    expect(both.nos).toEqual(nosWhere((a) => low(owner(a).last_name).includes('hansen') && owner(a).postal_code === postal).sort((x, y) => (x === 42000069 ? -1 : y === 42000069 ? 1 : x - y)));
    expect(both.nos[0]).toBe(42000069);
  });

  it('"Filip Hansen" and "Hansen Filip" (surname first) find Filip Hansen first', async () => {
    for (const text of ['Filip Hansen', 'Hansen Filip', 'hansen, filip', 'FILIP HANSEN']) {
      const got = await words(text);
      expect(got.nos[0], text).toBe(42000028);
      expect(got.rows[0]!.contactDetails.fullName).toBe('Filip Hansen');
    }
    // A plain "like" search of the reversed name finds nobody.
    expect((await search({ acctSearchAccountContactCriteria: { fullName: 'Hansen Filip' } })).nos).toEqual([]);
  });

  it('"Hansen Oslo": the Hansens with an address in Oslo, Filip Hansen (holiday address) among them', async () => {
    const got = await words('Hansen Oslo');
    const inOslo = nosWhere((a) => owner(a).last_name === 'Hansen' && (owner(a).postal_city === 'OSLO' || a.deliveries.some((d) => d[7] === 'OSLO')));
    expect(inOslo).toEqual([42000028, 42000069, 42000838, 42000854, 42000929, 42001087, 42001167, 42001174, 42001934]);
    expect(got.nos.slice(0, inOslo.length)).toEqual(inOslo);
    // Everything after them is in Oslo too and has "hansen" in the name or one letter off.
    for (const r of got.rows.slice(inOslo.length)) {
      const a = demo.find((x) => x.account.account_no === r.ariaAccountNo)!;
      expect(owner(a).postal_city === 'OSLO' || a.deliveries.some((d) => d[7] === 'OSLO')).toBe(true);
      expect([...split(owner(a).full_name), ...split(owner(a).last_name)].some((w) => w.includes('hansen') || oneEdit(w, 'hansen'))).toBe(true);
    }
  });

  it('one typo ("Hanseen") still finds every Hansen, and only names one edit away', async () => {
    const got = await words('Hanseen');
    const want = nosWhere((a) => [owner(a).first_name, owner(a).last_name, owner(a).full_name, ...a.deliveries.map((d) => String(d[3]))].some((v) => split(v).some((w) => oneEdit(w, 'hanseen'))));
    expect(got.nos).toEqual(want);
    expect(got.nos).toEqual(expect.arrayContaining(nosWhere((a) => owner(a).last_name === 'Hansen')));
    expect(got.nos).toContain(42000031); // Maria Hanssen: also one edit from "hanseen"
    // Two typos are too many.
    expect((await words('Hanzeen')).nos).toEqual([]);
  });

  it('a word in no name or city finds nothing (an empty answer, not a refusal)', async () => {
    const got = await words('Kari Nordmannsen');
    expect(got).toMatchObject({ code: RESULT.OK, nos: [] });
  });

  it('a city alone is not a name: "Oslo" as words finds nobody named Oslo', async () => {
    expect((await words('Oslo')).nos).toEqual(nosWhere((a) => split(owner(a).full_name).some((w) => w.startsWith('oslo'))));
  });

  it('a short word is a start of a name: "Jo" lists names starting "Jo", never a "jo" inside a word', async () => {
    const got = await words('Jo', 1000);
    expect(got.nos.length).toBeGreaterThan(50);
    for (const r of got.rows) {
      const a = demo.find((x) => x.account.account_no === r.ariaAccountNo)!;
      const ws = [owner(a).first_name, owner(a).last_name, owner(a).full_name, ...a.deliveries.map((d) => String(d[3]))].flatMap(split);
      expect(ws.some((w) => w.startsWith('jo')), r.contactDetails.fullName!).toBe(true);
    }
  });

  it('a term too short for any index is refused, with a message that says to type 3 characters', async () => {
    await expect(search({ acctSearchAccountContactCriteria: { postalCity: 'Os' } })).rejects.toMatchObject({
      code: 'REJECTED',
      fields: [{ path: 'acctSearchAccountContactCriteria.postalCity', message: expect.stringMatching(/^type at least 3 characters/) }],
    });
  });
});
