// security.md "AMPS requests": bad signature, a changed byte (2.0), requestDateTime outside
// the window, a replayed signature, a wrong or missing authKey — and the three endpoints
// that need no authKey. Raw signed requests, so each case changes exactly one thing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT, formatAmpsDateTime } from '../../../shared/amps';
import { DEMO_CLIENT, TEST_CLIENT, post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let accountNo: number;
const retrieve = () => ({ acctRetrieveAccountCriteria: { ariaAccountNo: accountNo } });

beforeAll(async () => {
  sb = await startTestSandbox();
  const found = await sb.client().call('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' } });
  accountNo = found.acctSearchAccountResponseDetails!.accountResultSet[0]!.ariaAccountNo;
});
afterAll(() => sb.close());

describe('signed requests', () => {
  it('accepts a request signed with 1.0 and with 2.0 (numeric 1.0 too)', async () => {
    for (const version of ['1.0', '2.0'] as const) {
      const r = await post(sb.url, 'AcctRetrieveAccount', signedBody('AcctRetrieveAccount', retrieve(), { version, account: { ariaAccountNo: accountNo } }));
      expect(r.json.resultInfo).toEqual({ resultCode: 0, resultText: 'OK' });
    }
    const body = signedBody('AcctRetrieveAccount', retrieve(), { version: '1.0', requestDateTime: formatAmpsDateTime(Date.now() - 1000) });
    (body.msgAuthDetails as Record<string, unknown>).signatureVersion = 1.0;
    expect((await post(sb.url, 'AcctRetrieveAccount', body)).json.resultInfo.resultCode).toBe(0);
  });

  it('refuses a wrong signature (-4) naming signatureValue', async () => {
    const body = signedBody('AcctRetrieveAccount', retrieve());
    const auth = body.msgAuthDetails as Record<string, string>;
    auth.signatureValue = auth.signatureValue!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const r = await post(sb.url, 'AcctRetrieveAccount', body);
    expect(r.status).toBe(200);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.BAD_SIGNATURE);
    expect(r.json.resultInfo.errorFields).toEqual([expect.objectContaining({ path: 'msgAuthDetails.signatureValue' })]);
    expect(r.json.resultInfo.resultText).not.toMatch(/at .*\.ts:\d+/);
  });

  it('with 2.0, refuses a request whose payload changed by one byte after signing', async () => {
    const body = signedBody('AcctRetrieveAccount', retrieve(), { version: '2.0' });
    const tampered = JSON.stringify(body).replace(`"ariaAccountNo":${accountNo}}`, `"ariaAccountNo":${accountNo + 1}}`);
    expect(tampered).not.toBe(JSON.stringify(body));
    expect((await post(sb.url, 'AcctRetrieveAccount', tampered)).json.resultInfo.resultCode).toBe(RESULT.BAD_SIGNATURE);
  });

  it('with 2.0, refuses a signature made for another endpoint', async () => {
    const body = signedBody('AcctRetrieveBillingGroup', { acctRetrieveAccountCriteria: { ariaAccountNo: accountNo } });
    expect((await post(sb.url, 'AcctRetrieveAccount', body)).json.resultInfo.resultCode).toBe(RESULT.BAD_SIGNATURE);
  });

  it('refuses a requestDateTime outside ±5 minutes (-5), also the spec samples\' bare date', async () => {
    for (const requestDateTime of [formatAmpsDateTime(Date.now() - 6 * 60_000), formatAmpsDateTime(Date.now() + 6 * 60_000), '2019-10-19']) {
      const r = await post(sb.url, 'AcctRetrieveAccount', signedBody('AcctRetrieveAccount', retrieve(), { requestDateTime }));
      expect(r.json.resultInfo.resultCode).toBe(RESULT.EXPIRED);
      expect(r.json.resultInfo.errorFields?.[0]?.path).toBe('msgAuthDetails.requestDateTime');
    }
    const nearEdge = formatAmpsDateTime(Date.now() - 4 * 60_000);
    expect((await post(sb.url, 'AcctRetrieveAccount', signedBody('AcctRetrieveAccount', retrieve(), { requestDateTime: nearEdge }))).json.resultInfo.resultCode).toBe(0);
  });

  it('refuses the same signature a second time (-6), even when the first one succeeded', async () => {
    const body = signedBody('AcctRetrieveAccount', retrieve(), { requestDateTime: formatAmpsDateTime(Date.now() - 2000) });
    expect((await post(sb.url, 'AcctRetrieveAccount', body)).json.resultInfo.resultCode).toBe(0);
    const again = await post(sb.url, 'AcctRetrieveAccount', body);
    expect(again.json.resultInfo.resultCode).toBe(RESULT.REPLAYED);
    expect(again.json.resultInfo.resultText).toMatch(/already used/);
  });

  it('refuses a wrong, a missing and another client\'s authKey (-3)', async () => {
    const cases = [
      signedBody('AcctRetrieveAccount', retrieve(), { authKey: 'not-the-key', requestDateTime: formatAmpsDateTime(Date.now() - 3000) }),
      signedBody('AcctRetrieveAccount', retrieve(), { withAuthKey: false, requestDateTime: formatAmpsDateTime(Date.now() - 4000) }),
      signedBody('AcctRetrieveAccount', retrieve(), { authKey: DEMO_CLIENT.authKey, requestDateTime: formatAmpsDateTime(Date.now() - 5000) }),
    ];
    for (const body of cases) {
      const r = await post(sb.url, 'AcctRetrieveAccount', body);
      expect(r.json.resultInfo.resultCode).toBe(RESULT.AUTH_FAILED);
      expect(r.json.resultInfo.errorFields?.[0]?.path).toBe('msgAuthDetails.authKey');
    }
  });

  it('refuses an unknown clientNo and an unknown signature version', async () => {
    const stranger = { clientNo: 1234567, authKey: 'x', signingSecret: 'y' };
    const r1 = await post(sb.url, 'AcctRetrieveAccount', signedBody('AcctRetrieveAccount', retrieve(), { client: stranger }));
    expect(r1.json.resultInfo).toMatchObject({ resultCode: RESULT.AUTH_FAILED, errorFields: [{ path: 'msgAuthDetails.clientNo' }] });
    const body = signedBody('AcctRetrieveAccount', retrieve(), { requestDateTime: formatAmpsDateTime(Date.now() - 6000) });
    (body.msgAuthDetails as Record<string, unknown>).signatureVersion = '3.0';
    const r2 = await post(sb.url, 'AcctRetrieveAccount', body);
    expect(r2.json.resultInfo).toMatchObject({ resultCode: RESULT.BAD_SIGNATURE, errorFields: [{ path: 'msgAuthDetails.signatureVersion' }] });
  });

  it('refuses a request without msgAuthDetails', async () => {
    const r = await post(sb.url, 'AcctRetrieveAccount', retrieve());
    expect(r.json.resultInfo).toMatchObject({ resultCode: RESULT.AUTH_FAILED, errorFields: [{ path: 'msgAuthDetails' }] });
  });

  it('does not need an authKey for comments and the permanent address, and ignores one sent', async () => {
    const capture = { acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'auth test', acctCommentText: 'no key needed' } };
    // The same comment twice: the two requests are signed a second apart (the AMPS time has
    // whole seconds), from one reading of the clock. Taking "now − 1 s" for the second one
    // after the first was sent gave it the first one's second, and so its signature (refused
    // as a replay, -6), whenever the first was sent late in a second on a slow machine.
    const at = Date.now();
    const r1 = await post(sb.url, 'AcctCaptureComments', signedBody('AcctCaptureComments', capture, { withAuthKey: false, requestDateTime: formatAmpsDateTime(at) }));
    expect(r1.json.resultInfo.resultCode).toBe(0);
    const r2 = await post(sb.url, 'AcctCaptureComments', signedBody('AcctCaptureComments', { ...capture }, { authKey: 'AuthKeyIsNotRequiredAndShouldNotBeProvided', requestDateTime: formatAmpsDateTime(at - 1000) }));
    expect(r2.json.resultInfo.resultCode).toBe(0);
    const list = { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } };
    const r3 = await post(sb.url, 'AcctRetrieveComments', signedBody('AcctRetrieveComments', list, { withAuthKey: false }));
    expect((r3.json.acctRetrieveCommentsList as { acctCommentText: string }[]).filter((c) => c.acctCommentText === 'no key needed')).toHaveLength(2);
    const perm = { AcctChangePermAddressRequestDetails: { ariaAccountNo: accountNo, distAddressNo: 999 } };
    const r4 = await post(sb.url, 'AcctChangePermAddress', signedBody('AcctChangePermAddress', perm, { withAuthKey: false }));
    expect(r4.json.resultInfo.resultCode).toBe(RESULT.NOT_FOUND); // authenticated; the address just does not exist
    // …but the signature is still checked there.
    const bad = signedBody('AcctRetrieveComments', list, { withAuthKey: false, client: { ...TEST_CLIENT, signingSecret: 'wrong' }, requestDateTime: formatAmpsDateTime(Date.now() - 1000) });
    expect((await post(sb.url, 'AcctRetrieveComments', bad)).json.resultInfo.resultCode).toBe(RESULT.BAD_SIGNATURE);
  });

  it('logs each failure in one line, never with the credentials', async () => {
    const texts = sb.logs.filter((l) => l.includes('→ -'));
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.join('\n')).not.toContain(TEST_CLIENT.signingSecret);
    expect(texts.join('\n')).not.toContain(TEST_CLIENT.authKey);
  });
});
