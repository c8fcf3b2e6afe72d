// 004's own sample requests (test/fixtures/spec-samples): the eleven that are not JSON fail
// with resultCode -1 and the line where they broke; all twenty-two, repaired, succeed once
// msgAuthDetails is freshly signed and the references point at real data. Every adjustment
// beyond the signature is written next to its sample below.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT, type EndpointName } from '../../../shared/amps';
import { demoAccounts, post, signedBody, startTestSandbox, type AmpsReply, type TestSandbox } from './helpers';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'spec-samples');
const names = readdirSync(join(dir, 'original')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const original = (n: string) => readFileSync(join(dir, 'original', `${n}.json`), 'utf8');
// The samples' phone numbers "+4422334455/66/77" are not numbers (+44 is the UK, whose
// numbers have 10 digits), and the sandbox checks phone numbers (docs/decisions.md D21): they
// are sent as the Danish numbers they look like, +4522334455/66/77. Their Oslo postal code
// 0444 is not in Posten's register (D20): it is sent as 0164, a street code in central Oslo.
const repaired = (n: string) =>
  JSON.parse(readFileSync(join(dir, 'repaired', `${n}.json`), 'utf8').replaceAll('+44223344', '+45223344').replaceAll('"0444"', '"0164"')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const endpointOf = (n: string) => n.replace(/-\d+$/, '') as EndpointName;

let sb: TestSandbox;
const seeded = demoAccounts(7, 60).find((a) => a.plans.some((p) => p[7] === 0 && p[3] === null) && a.account.status === 1)!;
beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 60, seed: 7 });
});
afterAll(() => sb.close());

function send(name: string, body: Record<string, unknown>): Promise<{ json: AmpsReply }> {
  const endpoint = endpointOf(name);
  const { msgAuthDetails: _sample, ...payload } = body;
  return post(sb.url, endpoint, signedBody(endpoint, payload, { withAuthKey: !['AcctCaptureComments', 'AcctRetrieveComments', 'AcctChangePermAddress'].includes(endpoint) }));
}

describe('the broken originals', () => {
  const broken = names.filter((n) => {
    try {
      JSON.parse(original(n));
      return false;
    } catch {
      return true;
    }
  });

  it('are the eleven listed in the fixtures README', () => {
    expect(broken).toEqual([
      'AcctCaptureComments-1', 'AcctCreateAccount-1', 'AcctCreateAccount-2', 'AcctManageAccount-2', 'AcctManageBillingGroup-1',
      'AcctManageBillingGroup-3', 'AcctRetrieveAccount-1', 'AcctRetrieveAccount-2', 'AcctRetrieveBillingGroup-1', 'AcctRetrieveBillingGroup-2',
      'AcctSearchAccount-4',
    ]);
  });

  it('fail cleanly with resultCode -1 and the line where the JSON broke', async () => {
    for (const n of broken) {
      const r = await post(sb.url, endpointOf(n), original(n));
      expect(r.json.resultInfo.resultCode, n).toBe(RESULT.MALFORMED);
      const m = /^Malformed JSON at line (\d+), column \d+: /.exec(r.json.resultInfo.resultText);
      expect(m, r.json.resultInfo.resultText).not.toBeNull();
      // The first line the repair changed is where it broke (or the line before, for a missing comma).
      const a = original(n).split('\n');
      const b = readFileSync(join(dir, 'repaired', `${n}.json`), 'utf8').split('\n');
      const firstChanged = a.findIndex((line, i) => line !== b[i]) + 1;
      expect(Math.abs(Number(m![1]) - firstChanged), `${n}: ${r.json.resultInfo.resultText}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('the repaired samples', () => {
  const ok = async (name: string, body: Record<string, unknown>) => {
    const r = await send(name, body);
    expect(r.json.resultInfo.resultCode, `${name}: ${r.json.resultInfo.resultText}`).toBeGreaterThanOrEqual(0);
    return r.json;
  };
  let acct1: { no: number; contactNo: number; group: { id: string; no: number } };
  let acct2No: number;

  it('create, retrieve and search accounts (AcctCreateAccount 1-2, AcctRetrieveAccount 1-2, AcctSearchAccount 1-4)', async () => {
    const create1 = repaired('AcctCreateAccount-1');
    create1.acctCreateAccountRequestDetails.acctCreateAccountPayOptionInfo.paymentEANNum = '7080003123459'; // was "None": EHF needs a GLN with its check digit (D22)
    const create2 = repaired('AcctCreateAccount-2');
    create2.acctCreateAccountRequestDetails.acctCreateAccountPayOptionInfo.paymentEANNum = '7080003123459'; // was "None", as above
    const c1 = (await ok('AcctCreateAccount-1', create1)).acctCreateAccountResponseDetails as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    acct1 = { no: c1.ariaAccountNo, contactNo: c1.ariaAcctContactNo, group: { id: c1.acctCreateAccountBillingGroupDetails[0].ariaBillingGroupID, no: c1.acctCreateAccountBillingGroupDetails[0].ariaBillingGroupNo } };
    acct2No = ((await ok('AcctCreateAccount-2', create2)).acctCreateAccountResponseDetails as { ariaAccountNo: number }).ariaAccountNo;
    const r1 = await ok('AcctRetrieveAccount-1', repaired('AcctRetrieveAccount-1'));
    expect(r1.acctRetrieveAccountResponseDetails).toMatchObject({ ariaAccountID: 'ACCT1', ariaAccountNo: acct1.no });
    const s2 = repaired('AcctRetrieveAccount-2');
    s2.acctRetrieveAccountCriteria.ariaAccountNo = acct2No; // was 11223344
    expect((await ok('AcctRetrieveAccount-2', s2)).acctRetrieveAccountResponseDetails).toMatchObject({ ariaAccountNo: acct2No });
    const found = await ok('AcctSearchAccount-1', repaired('AcctSearchAccount-1')); // myemail@mydomain.com, as both created accounts
    expect((found.acctSearchAccountResponseDetails as { accountResultSet: unknown[] }).accountResultSet).toHaveLength(1);
    expect(found.resultInfo).toEqual({ resultCode: RESULT.MORE, resultText: 'MORE' });
    const byPhone = repaired('AcctSearchAccount-2');
    byPhone.acctSearchAccountCriteria.phoneNumber = seeded.contacts[0]!.cell_phone || '+4721212121'; // was +4721212121
    await ok('AcctSearchAccount-2', byPhone);
    await ok('AcctSearchAccount-3', repaired('AcctSearchAccount-3'));
    await ok('AcctSearchAccount-4', repaired('AcctSearchAccount-4'));
  });

  it('retrieve billing groups and update a card (AcctRetrieveBillingGroup 1-2, AcctPrepareCCUpdate, AcctCompleteCCUpdate)', async () => {
    const g1 = repaired('AcctRetrieveBillingGroup-1');
    g1.acctRetrieveBillingGroupCriteria.ariaAccountID = 'ACCT1'; // was ACCT1-ID
    g1.acctRetrieveBillingGroupCriteria.titleFiltering = [];     // the sample's title owns no group of a new account
    expect((await ok('AcctRetrieveBillingGroup-1', g1)).acctRetrieveBillingGroupResponseDetails).toMatchObject({ ariaAccountNo: acct1.no });
    const g2 = repaired('AcctRetrieveBillingGroup-2'); // criteria under acctSearchAccountCriteria, as printed
    g2.acctSearchAccountCriteria.ariaAccountNo = acct2No; // was 12345
    await ok('AcctRetrieveBillingGroup-2', g2);
    const p = repaired('AcctPrepareCCUpdate-1');
    p.acctPrepareCCUpdateDetails.ariaAccountNo = acct1.no; // was 24423445
    const session = ((await ok('AcctPrepareCCUpdate-1', p)).acctPrepareCCUpdateResponseDetails as { ariaSessionID: string }).ariaSessionID;
    const form = await fetch(`${sb.url}/directpost/submit`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, returnUrl: 'http://localhost:1/done', cardNumber: '4012888888881881', expMonth: '12', expYear: String(new Date().getUTCFullYear() + 2), cvc: '321' }).toString(),
    });
    expect(new URL(form.headers.get('location')!).searchParams.get('ariaPaymentMethodNo')).toBe('1');
    const c = repaired('AcctCompleteCCUpdate-1');
    Object.assign(c.acctCompleteCCUpdateDetails, { ariaAccountNo: acct1.no, titleCode: 'TT', ariaBillingGroupID: acct1.group.id, ariaBillingGroupNo: acct1.group.no }); // were 24423445, Test, BG-123455, 223344
    expect((await ok('AcctCompleteCCUpdate-1', c)).acctCompleteCCUpdateResponseDetails).toMatchObject({ ariaPaymentMethodNo: 1, ariaBillingGroupID: acct1.group.id });
  });

  it('add, modify and remove a billing group (AcctManageBillingGroup 1-3)', async () => {
    const add = repaired('AcctManageBillingGroup-1');
    Object.assign(add.acctManageBillingGroupDetails[0], { ariaAccountNo: acct1.no, ariaAccountID: 'ACCT1' }); // were 11223344, 502b4dee-…
    const added = ((await ok('AcctManageBillingGroup-1', add)).acctManageBillingGroupResponseDetails as { billingGroupResponseINFO: Record<string, any> }[])[0]!.billingGroupResponseINFO; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(added).toMatchObject({ paymentOption: 'METHODS', payOptionInfo: { payOptionID: 'BANKGIRO-01' }, statementContactDetails: { addressLine1: 'Akersgt. 4' } });
    const mod = repaired('AcctManageBillingGroup-2');
    Object.assign(mod.acctManageBillingGroupDetails[0], { ariaAccountNo: acct1.no, ariaAccountID: 'ACCT1' });
    Object.assign(mod.acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsMODIFY, {
      ariaBillingGroupNo: added.ariaBillingGroupNo, ariaBillingGroupID: added.ariaBillingGroupID, statementContactNo: acct1.contactNo,
      ariaDunningGroupID: added.ariaDunningGroupID, ariaDunningGroupNo: added.ariaDunningGroupNo,
    });
    const modified = ((await ok('AcctManageBillingGroup-2', mod)).acctManageBillingGroupResponseDetails as { billingGroupResponseINFO: Record<string, unknown> }[])[0]!.billingGroupResponseINFO;
    expect(modified).toMatchObject({ billingGroupName: 'BANKTRANSFER', billingGroupDesc: 'BANKTRANSFER: OCR', dunningProcessID: 'DEFAULT', statementContactNo: acct1.contactNo });
    const rm = repaired('AcctManageBillingGroup-3');
    Object.assign(rm.acctManageBillingGroupDetails[0], { ariaAccountNo: acct1.no, ariaAccountID: 'ACCT1' });
    Object.assign(rm.acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsREMOVE, {
      ariaBillingGroupNo: added.ariaBillingGroupNo, ariaBillingGroupID: added.ariaBillingGroupID, ariaDunningGroupID: added.ariaDunningGroupID, ariaDunningGroupNo: added.ariaDunningGroupNo,
    });
    await ok('AcctManageBillingGroup-3', rm);
  });

  it('capture and retrieve comments, change the permanent address (AcctCaptureComments, AcctRetrieveComments, AcctChangePermAddress)', async () => {
    const cap = repaired('AcctCaptureComments-1');
    Object.assign(cap.acctCaptureCommentCriteria, { ariaAccountID: 'ACCT1', ariaAccountNo: acct1.no }); // were some-aria-client-id, 22894566
    expect((await ok('AcctCaptureComments-1', cap)).acctCommentNos).toHaveLength(2); // 583 characters: two parts
    const ret = repaired('AcctRetrieveComments-1');
    Object.assign(ret.AcctRetrieveCommentsCriteria, { ariaAccountID: 'ACCT1', ariaAccountNo: acct1.no, dateRangeStart: '2019-12-31 00:00:00', dateRangeEnd: '2019-12-31 23:59:59' }); // dates moved to the captured comment's day
    const comments = (await ok('AcctRetrieveComments-1', ret)).acctRetrieveCommentsList as { acctCommentText: string }[];
    expect(comments.map((x) => x.acctCommentText.slice(0, 7))).toEqual(['(1/2): ', '(2/2): ']);
    // The sample is a template: it names both an existing and a new address and placeholder values.
    const perm = repaired('AcctChangePermAddress-1');
    const d = perm.AcctChangePermAddressRequestDetails;
    Object.assign(d, { ariaAccountID: seeded.account.account_id, ariaAccountNo: seeded.account.account_no, ariaMPIID: seeded.plans.find((p) => p[7] === 0 && p[3] === null)![1], ariaMPINo: null, distAddressType: 'CABIN' });
    delete d.distAddressNo;
    Object.assign(d.acctDeliveryAddress, { distAddrType: 'CABIN', distAddrPostalCode: '3580', distAddrCity: 'GEILO', distAddrCountryCode: 'NO', distAddrStateProv: '' }); // 3580 is GEILO in the postal register
    const r = await ok('AcctChangePermAddress-1', perm);
    expect((r.AcctChangePermAddressResponseDetails as { distAddressNo: number }).distAddressNo).toBeGreaterThan(0);
  });

  it('manage accounts (AcctManageAccount 1-4: ASSIGN, MODIFY with accountContact, CANCEL, STATUS as printed)', async () => {
    const assign = repaired('AcctManageAccount-1');
    Object.assign(assign.acctManageAccountDetails[0].acctManageAccountDetailsASSIGN, { ariaAccountNo: acct1.no, ariaAccountID: 'ACCT1' }); // were 112233, OLD-ACCTID-1
    await ok('AcctManageAccount-1', assign);
    for (const n of ['AcctManageAccount-2', 'AcctManageAccount-3', 'AcctManageAccount-4']) {
      const s = repaired(n);
      const row = s.acctManageAccountDetails[0];
      const key = Object.keys(row).find((k) => k.startsWith('acctManageAccountDetails'))!;
      row[key].ariaAccountNo = acct1.no; // was 112233; ariaAccountID NEW-ACCTID-1 is right after the ASSIGN
      await ok(n, s);
    }
    const back = await send('AcctRetrieveAccount-1', { acctRetrieveAccountCriteria: { ariaAccountID: 'NEW-ACCTID-1' } });
    expect(back.json.acctRetrieveAccountResponseDetails).toMatchObject({
      acctRetrieveAccountDetails: { ariaStatusCode: 1, ownerTitleCode: 'SA', acctContactDetails: { fullName: 'Niels Kristian Nielsen', cellPhone: '+4522334466', birthDate: '1965-04-13' } },
    });
  });
});
