// Card update end to end: AcctPrepareCCUpdate → the sandbox's Direct Post form (Luhn,
// expiry, brand) → 303 to the caller with ariaPaymentMethodNo → AcctCompleteCCUpdate links
// it. Afterwards no full card number is anywhere in the database file or the logs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { AmpsError } from '../../../main/core/amps/errors';
import { luhnValid } from '../../../main/sandbox/directpost/card';
import { RESULT } from '../../../shared/amps';
import { startTestSandbox, type TestSandbox } from './helpers';

const VISA = '4111 1111 1111 1111';
const MASTERCARD = '5555555555554444';
const RETURN = 'http://127.0.0.1:9/card-done?from=test';
const dir = mkdtempSync(join(tmpdir(), 'sandbox-card-'));
const dbFile = join(dir, 'card.sqlite');
let offset = 0;
let sb: TestSandbox;
let client: AmpsClient;
let account: { no: number; id: string; group: string; dunning: string };

beforeAll(async () => {
  sb = await startTestSandbox({ dbFile, accounts: 20, now: () => Date.now() + offset });
  client = sb.client('1.0');
  const r = await client.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'CARD-TEST', currencyCode: 'NOK', accountContact: { fullName: 'Kort Kortesen' } } });
  const d = r.acctCreateAccountResponseDetails!;
  const g = d.acctCreateAccountBillingGroupDetails[0]!;
  account = { no: d.ariaAccountNo, id: d.ariaAccountID!, group: g.ariaBillingGroupID, dunning: g.ariaDunningGroupID };
});
afterAll(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function prepare() {
  // ariaAccountNo takes precedence here: a wrong ariaAccountID next to it is ignored.
  const r = await client.call('AcctPrepareCCUpdate', { acctPrepareCCUpdateDetails: { ariaAccountNo: account.no, ariaAccountID: 'not-this-one' } });
  return r.acctPrepareCCUpdateResponseDetails!;
}
const form = (url: string) => fetch(url, { redirect: 'manual' });
const submit = (fields: Record<string, string>) =>
  fetch(`${sb.url}/directpost/submit`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const nextYear = String(new Date().getUTCFullYear() + 1);

/** Every maximal run of 13–19 digits that passes Luhn: what a card number at rest looks like. */
const cardNumbersIn = (text: string) => [...text.matchAll(/\d+/g)].map((m) => m[0]).filter((run) => run.length >= 13 && run.length <= 19 && luhnValid(run));

it('the scan finds a card number when there is one', () => {
  expect(cardNumbersIn(`x\u0000${VISA.replace(/ /g, '')}\u0001 4111111111111112 ${MASTERCARD}7`)).toEqual([VISA.replace(/ /g, '')]);
});

describe('card update', () => {
  let pmNo: number;

  it('PrepareCCUpdate gives a 32-character session, its expiry and the form URL', async () => {
    const p = await prepare();
    expect(p.ariaAccountNo).toBe(account.no);
    expect(p.ariaSessionID).toMatch(/^[A-Za-z0-9]{32}$/);
    const minutes = (Date.parse(`${p.ariaSessionExpiry}Z`) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(p.directPostUrl).toBe(`${sb.url}/directpost/form?session=${p.ariaSessionID}`);
  });

  it('serves a self-contained form with its own strict CSP, and refuses a non-loopback returnUrl', async () => {
    const p = await prepare();
    const res = await form(`${p.directPostUrl}&returnUrl=${encodeURIComponent(RETURN)}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:9");
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/i);
    expect(html).toContain(`value="${p.ariaSessionID}"`);
    for (const bad of ['https://evil.example/cb', 'http://127.0.0.1.evil.example/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect((await form(`${p.directPostUrl}&returnUrl=${encodeURIComponent(bad)}`)).status).toBe(400);
      expect((await submit({ session: p.ariaSessionID, returnUrl: bad, cardNumber: VISA, expMonth: '12', expYear: nextYear, cvc: '123' })).status).toBe(400);
    }
  });

  it('re-shows the form for a number failing Luhn, an unknown brand, an expired card or a bad CVC', async () => {
    const p = await prepare();
    const base = { session: p.ariaSessionID, returnUrl: RETURN, expMonth: '12', expYear: nextYear, cvc: '123', lang: 'en' };
    const thisMonth = new Date();
    const cases: [Record<string, string>, RegExp][] = [
      [{ cardNumber: '4111 1111 1111 1112' }, /not valid/],
      [{ cardNumber: '9111111111111111111'.slice(0, 16).replace(/.$/, '3') }, /not valid|not accepted/],
      [{ cardNumber: VISA, expYear: String(thisMonth.getUTCFullYear() - 1) }, /expired/],
      [{ cardNumber: VISA, expYear: String(thisMonth.getUTCFullYear()), expMonth: String(thisMonth.getUTCMonth() || 12).padStart(2, '0'), ...(thisMonth.getUTCMonth() === 0 ? { expYear: String(thisMonth.getUTCFullYear() - 1) } : {}) }, /expired/],
      [{ cardNumber: VISA, cvc: '12' }, /CVC/],
    ];
    for (const [fields, message] of cases) {
      const res = await submit({ ...base, ...fields });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(message);
      expect(html).not.toContain(fields.cardNumber?.replace(/\s/g, '') ?? 'never');
    }
    // The session is still good after refusals.
    const ok = await submit({ ...base, cardNumber: VISA });
    expect(ok.status).toBe(303);
  });

  it('stores the card and redirects (303) with error_code=0 and the payment method number; the session is single use', async () => {
    const p = await prepare();
    const res = await submit({ session: p.ariaSessionID, returnUrl: RETURN, cardNumber: VISA, expMonth: '07', expYear: nextYear, cvc: '123', cardholder: 'Kort Kortesen' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe('http://127.0.0.1:9/card-done');
    expect(to.searchParams.get('from')).toBe('test');
    expect(to.searchParams.get('error_code')).toBe('0');
    pmNo = Number(to.searchParams.get('ariaPaymentMethodNo'));
    expect(pmNo).toBeGreaterThan(0);
    const again = await submit({ session: p.ariaSessionID, returnUrl: RETURN, cardNumber: VISA, expMonth: '07', expYear: nextYear, cvc: '123' });
    expect(again.status).toBe(303);
    expect(new URL(again.headers.get('location')!).searchParams.get('error_code')).toBe(String(RESULT.CONFLICT));
    const unknown = await form(`${sb.url}/directpost/form?session=nope&returnUrl=${encodeURIComponent(RETURN)}`);
    expect(new URL(unknown.headers.get('location')!).searchParams.get('error_code')).toBe(String(RESULT.NOT_FOUND));
  });

  it('CompleteCCUpdate links the card to the billing group (brand, last four, expiry only)', async () => {
    const r = await client.call('AcctCompleteCCUpdate', { acctCompleteCCUpdateDetails: { ariaAccountNo: account.no, ariaPaymentMethodNo: pmNo, ariaBillingGroupID: account.group, createNewBillingGroup: false } });
    expect(r.acctCompleteCCUpdateResponseDetails).toMatchObject({ ariaAccountNo: account.no, ariaPaymentMethodNo: pmNo, ariaBillingGroupID: account.group, ariaDunningGroupID: account.dunning });
    const bg = (await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: account.no } })).acctRetrieveBillingGroupResponseDetails!;
    const pm = bg.acctRetrieveBillingGroupPayMethodList!.find((m) => m.ariaPaymentMethodNo === pmNo)!;
    expect(pm).toMatchObject({ payMethodType: 'CC', creditCardType: 'VISA', creditCardMasked: '**** **** **** 1111', creditCardExpMonth: '07', creditCardExpYear: nextYear });
    expect(pm.ariaPaymentMethodID).toBe(r.acctCompleteCCUpdateResponseDetails!.ariaPaymentMethodID);
    expect(bg.acctRetrieveBillingGroupList[0]).toMatchObject({ paymentOption: 'METHODS', paymentMethodInfo: { primaryPaymentMethodID: pm.ariaPaymentMethodID }, payOptionInfo: { payOptionID: 'CREDITCARD' } });
  });

  it('CompleteCCUpdate can create a new billing and dunning group for the card instead', async () => {
    const p = await prepare();
    const res = await submit({ session: p.ariaSessionID, returnUrl: RETURN, cardNumber: MASTERCARD, expMonth: '01', expYear: nextYear, cvc: '999' });
    const no = Number(new URL(res.headers.get('location')!).searchParams.get('ariaPaymentMethodNo'));
    const r = await client.call('AcctCompleteCCUpdate', { acctCompleteCCUpdateDetails: { ariaAccountNo: account.no, ariaPaymentMethodNo: no, ariaBillingGroupID: account.group, createNewBillingGroup: true, titleCode: 'NL' } });
    const d = r.acctCompleteCCUpdateResponseDetails!;
    expect(d.ariaBillingGroupID).not.toBe(account.group);
    expect(d.ariaDunningGroupID).not.toBe(account.dunning);
    const list = (await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: account.no } })).acctRetrieveBillingGroupResponseDetails!;
    expect(list.acctRetrieveBillingGroupList.find((g) => g.ariaBillingGroupID === d.ariaBillingGroupID)).toMatchObject({ titleDetails: { titleCode: 'NL' }, ariaDunningGroupID: d.ariaDunningGroupID, paymentMethodInfo: { primaryPaymentMethodID: d.ariaPaymentMethodID } });
    expect(list.acctRetrieveBillingGroupPayMethodList!.map((m) => m.creditCardType)).toEqual(['VISA', 'VISA', 'MASTERCARD']);
    const wrong = await client.call('AcctCompleteCCUpdate', { acctCompleteCCUpdateDetails: { ariaAccountNo: account.no, ariaPaymentMethodNo: 99, ariaBillingGroupID: account.group } }).catch((e: AmpsError) => e);
    expect(wrong).toMatchObject({ resultCode: RESULT.NOT_FOUND, fields: [{ path: 'acctCompleteCCUpdateDetails.ariaPaymentMethodNo' }] });
  });

  it('lets a session expire after 15 minutes', async () => {
    const p = await prepare();
    offset = 16 * 60_000;
    try {
      const res = await form(`${p.directPostUrl}&returnUrl=${encodeURIComponent(RETURN)}`);
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get('location')!).searchParams.get('error_code')).toBe(String(RESULT.EXPIRED));
    } finally {
      offset = 0;
    }
  });

  it('leaves no full card number in the database file or the logs', async () => {
    await sb.close();
    const files = [dbFile, `${dbFile}-wal`].filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(f).toString('latin1');
      expect(text).toContain('Kort Kortesen'); // the scan reads the real data
      expect(cardNumbersIn(text), f).toEqual([]);
    }
    const logs = sb.logs.join('\n');
    expect(logs).toContain('card stored as payment method');
    expect(logs).not.toMatch(/4111\s?1111|5555555555554444/);
  });
});
