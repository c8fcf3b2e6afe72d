// Card update through the desk's router (issue 10 item 4, D63–D65): cards.prepare → the
// provider's form, submitted over HTTP as the customer's browser would (the desk is not in
// that path) → cards.status until the provider says accepted → cards.complete through the
// write pipeline → the billing group's payment method read back from the sandbox database.
// Then no card number in any file of the data folder nor any log line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import type { CallContext } from '../../main/core/router';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import { inProcessSandbox } from '../../main/web-host/embeddedSandbox';
import { cardNumbersIn, filesUnder, luhnOk, scanFiles } from '../helpers/cardScan';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const VISA = '4111 1111 1111 1111';
const MASTERCARD = '5555555555554444';
const ctx: CallContext = { transport: 'test', trustedSender: true };
const dir = mkdtempSync(join(tmpdir(), 'card-update-'));
const logs: string[] = [];
const sandbox = inProcessSandbox({ dbFile: join(dir, 'sandbox.sqlite'), accounts: 30, seed: 3, log: (l) => logs.push(l) });
let core: Core;
const nextYear = new Date().getUTCFullYear() + 1;

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = async (channel: string, input: unknown) => (await core.router.call(channel as never, input, ctx)) as Result;
const value = async (channel: string, input: unknown) => {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/** The form page's hidden fields, read from its HTML as a browser would submit them. */
function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  return out;
}
const submit = (action: string, fields: Record<string, string>) =>
  fetch(action, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

let accountNo: number;
let groupNo: number;
let sandboxDb: DatabaseSync;

beforeAll(async () => {
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  core = createCore({ dataDir: dir, secrets, transport: 'web', version: 'test', sandbox, checkOutputs: true, log: (l) => logs.push(l), demoOperators: true, scrypt: TEST_SCRYPT });
  await signInAs((c, i) => call(c, i), 'agent');
  const found = await value('accounts.search', { contact: { lastName: 'a' }, limit: 1 });
  accountNo = found.rows[0].ariaAccountNo;
  const groups = await value('billingGroups.list', { accountNo });
  groupNo = groups.acctRetrieveBillingGroupList[0].ariaBillingGroupNo;
  sandboxDb = new DatabaseSync(join(dir, 'sandbox.sqlite'), { readOnly: true });
}, 60_000);
afterAll(async () => {
  sandboxDb?.close();
  core?.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the scan itself', () => {
  it('finds card numbers, together or in groups, and lets the documented exceptions pass', () => {
    expect(luhnOk('4111111111111111')).toBe(true);
    expect(luhnOk('4111111111111112')).toBe(false);
    const text = `a${VISA}b "5555-5555-5555-4444" 4111111111111112 7080003320019 1796117338000 ${'ab'.repeat(8)}4111111111111111${'cd'.repeat(8)}`;
    expect(cardNumbersIn(text).map((f) => f.digits)).toEqual(['4111111111111111', '5555555555554444']);
  });
});

describe('card update', () => {
  let sessionId: string;
  let formUrl: string;
  let pmNo: number;

  it('prepares a session whose form lives on the provider and returns to the provider’s own landing page', async () => {
    const p = await value('cards.prepare', { accountNo, lang: 'en' });
    sessionId = p.sessionId;
    formUrl = p.formUrl;
    const u = new URL(formUrl);
    expect(u.pathname).toBe('/directpost/form');
    expect(u.searchParams.get('session')).toBe(sessionId);
    expect(u.searchParams.get('returnUrl')).toBe(`${u.origin}/directpost/done?lang=en`);
    expect(u.searchParams.get('lang')).toBe('en');
    expect(Date.parse(p.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    // The web host has no window of its own: the renderer opens the page itself.
    expect(await value('cards.openForm', { sessionId })).toEqual({ opened: false, formUrl });
    expect(await value('cards.status', { sessionId })).toEqual({ state: 'prepared', paymentMethodNo: null, refusedCards: 0, formOpen: null });
  });

  it('follows the provider: form served → a card refused → a card accepted, and only then a payment method number', async () => {
    const page = await fetch(formUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await value('cards.status', { sessionId })).toMatchObject({ state: 'open', paymentMethodNo: null });
    const action = new URL('/directpost/submit', formUrl).toString();
    const fields = hiddenFields(html);
    expect(Object.keys(fields).sort()).toEqual(['lang', 'returnUrl', 'session']);

    const refused = await submit(action, { ...fields, cardholder: 'Kari Nordmann', cardNumber: '4111 1111 1111 1112', expMonth: '07', expYear: String(nextYear), cvc: '123' });
    expect(refused.status).toBe(422);
    expect(await value('cards.status', { sessionId })).toMatchObject({ state: 'open', refusedCards: 1, paymentMethodNo: null });

    const accepted = await submit(action, { ...fields, cardholder: 'Kari Nordmann', cardNumber: VISA, expMonth: '07', expYear: String(nextYear), cvc: '123' });
    expect(accepted.status).toBe(303);
    const landing = new URL(accepted.headers.get('location')!);
    expect(`${landing.origin}${landing.pathname}`).toBe(`${new URL(formUrl).origin}/directpost/done`);
    expect(landing.searchParams.get('error_code')).toBe('0');
    const done = await fetch(landing);
    expect(await done.text()).toContain('The card is saved. You can close this window and return to CSR Desk.');

    const status = await value('cards.status', { sessionId });
    expect(status.state).toBe('accepted');
    pmNo = status.paymentMethodNo;
    expect(pmNo).toBe(Number(landing.searchParams.get('ariaPaymentMethodNo')));
  });

  it('links the card to the chosen billing group through the write pipeline; the sandbox stores only brand, last four and expiry', async () => {
    const r = await value('cards.complete', { accountNo, paymentMethodNo: pmNo, billingGroupNo: groupNo, createNewBillingGroup: false, lang: 'en', reason: 'Customer called with a new card' });
    expect(r.outcome).toBe('APPLIED');
    const g = sandboxDb.prepare('SELECT payment_option, payment_terms, primary_pm_no FROM billing_groups WHERE account_no = ? AND bg_no = ?').get(accountNo, groupNo);
    expect(g).toEqual({ payment_option: 'METHODS', payment_terms: 'CREDITCARD', primary_pm_no: pmNo });
    const pm = sandboxDb.prepare('SELECT brand, last_four, exp_month, exp_year FROM payment_methods WHERE account_no = ? AND pm_no = ?').get(accountNo, pmNo);
    expect(pm).toEqual({ brand: 'VISA', last_four: '1111', exp_month: 7, exp_year: nextYear });
    // And as the desk shows it: the masked card on the group.
    const list = await value('billingGroups.list', { accountNo });
    const group = list.acctRetrieveBillingGroupList.find((x: { ariaBillingGroupNo: number }) => x.ariaBillingGroupNo === groupNo);
    const method = list.acctRetrieveBillingGroupPayMethodList.find((m: { ariaPaymentMethodNo: number }) => m.ariaPaymentMethodNo === pmNo);
    expect(group.paymentMethodInfo.primaryPaymentMethodID).toBe(method.ariaPaymentMethodID);
    expect(method.creditCardMasked).toMatch(/1111$/);
    expect(method.creditCardMasked).not.toContain('411111');
    // The session is single use at the provider.
    expect(await value('cards.status', { sessionId })).toMatchObject({ state: 'accepted' });
  });

  it('can create a new billing group from the chosen one instead', async () => {
    const p = await value('cards.prepare', { accountNo, lang: 'nb' });
    const html = await (await fetch(p.formUrl)).text();
    expect(html).toContain('Registrer betalingskort');
    const res = await submit(new URL('/directpost/submit', p.formUrl).toString(), { ...hiddenFields(html), cardNumber: MASTERCARD, expMonth: '03', expYear: String(nextYear + 2), cvc: '987' });
    expect(res.status).toBe(303);
    const { paymentMethodNo } = await value('cards.status', { sessionId: p.sessionId });
    const groupsBefore = (sandboxDb.prepare('SELECT count(*) AS n FROM billing_groups WHERE account_no = ? AND removed = 0').get(accountNo) as { n: number }).n;
    const r = await value('cards.complete', { accountNo, paymentMethodNo, billingGroupNo: groupNo, createNewBillingGroup: true, lang: 'nb' });
    expect(r.outcome).toBe('APPLIED');
    const created = sandboxDb.prepare('SELECT bg_id, name, payment_option, primary_pm_no FROM billing_groups WHERE account_no = ? ORDER BY bg_no DESC LIMIT 1').get(accountNo) as Record<string, unknown>;
    expect(created).toMatchObject({ bg_id: r.billingGroupId, name: 'CREDITCARD', payment_option: 'METHODS', primary_pm_no: paymentMethodNo });
    expect((sandboxDb.prepare('SELECT count(*) AS n FROM billing_groups WHERE account_no = ? AND removed = 0').get(accountNo) as { n: number }).n).toBe(groupsBefore + 1);
    expect(sandboxDb.prepare('SELECT brand, last_four FROM payment_methods WHERE account_no = ? AND pm_no = ?').get(accountNo, paymentMethodNo)).toEqual({ brand: 'MASTERCARD', last_four: '4444' });
  });

  it('answers only for sessions this desk prepared, for the operator who prepared them', async () => {
    expect(await call('cards.status', { sessionId: 'A'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('cards.openForm', { sessionId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await signInAs((c, i) => call(c, i), 'supervisor');
    expect(await call('cards.status', { sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await signInAs((c, i) => call(c, i), 'agent');
  });

  it('leaves no card number in any file of the data folder (desk and sandbox) nor any log line', () => {
    const files = filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expect.arrayContaining(['audit.sqlite', 'outbox.sqlite', 'sandbox.sqlite']));
    const desk = files.filter((f) => !/sandbox\.sqlite/.test(f));
    expect(scanFiles(desk)).toEqual([]);
    // The sandbox's database holds seeded demo data (KID numbers are mod-10 too): the numbers
    // typed into the form must be nowhere in it, in any spelling.
    for (const f of files) {
      const text = readFileSync(f).toString('latin1');
      for (const typed of [VISA, VISA.replace(/ /g, ''), MASTERCARD]) expect(text.includes(typed), `${typed} in ${f}`).toBe(false);
    }
    expect(logs.some((l) => /directpost: VISA card stored/.test(l))).toBe(true);
    expect(logs.flatMap((l) => cardNumbersIn(l))).toEqual([]);
  });
});
