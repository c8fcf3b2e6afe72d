// AcctCreateAccount, AcctRetrieveAccount and AcctManageAccount through the signed client;
// everything written is read back through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { AmpsError } from '../../../main/core/amps/errors';
import { RESULT, type AcctCreateAccountRequest } from '../../../shared/amps';
import { startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let client: AmpsClient;
beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 50 });
  client = sb.client();
});
afterAll(() => sb.close());

const contact = {
  firstName: 'Kari', middleInitials: '', lastName: 'Nordmann', fullName: 'Kari Nordmann', addressLine1: 'Storgata 5', countryCode: 'NO',
  postalCode: '0155', postalCity: 'OSLO', cellPhone: '+4791234567', emailAddress: 'kari.nordmann@example.no', birthDate: '1980-02-03',
};
let seq = 0;
function newAccount(extra: Partial<AcctCreateAccountRequest['acctCreateAccountRequestDetails']> = {}) {
  seq++;
  return client.call('AcctCreateAccount', {
    acctCreateAccountRequestDetails: { ariaAccountID: `TEST-ACCT-${seq}`, currencyCode: 'NOK', localeCode: 'NO-NYNORSK', accountContact: contact, ownerTitleCode: 'DT', ...extra },
  });
}
const retrieve = (no: number) => client.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: no } });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('expected a refusal'), (e: AmpsError) => e);

describe('AcctCreateAccount', () => {
  it('creates the account, its default billing and dunning group and the special plan instance', async () => {
    const r = await newAccount({ userID: 'kari-web', paymentTerms: 'BANKGIRO' });
    const d = r.acctCreateAccountResponseDetails!;
    expect(d).toMatchObject({ ariaAccountID: `TEST-ACCT-${seq}`, userID: 'kari-web' });
    expect(d.ariaSpecPlanMPIID).toMatch(/^MPI-[0-9a-f-]{36}$/);
    const [bg] = d.acctCreateAccountBillingGroupDetails;
    expect(bg).toMatchObject({ billingGroupName: 'Default', paymentTerms: 'BANKGIRO', ariaStmtContactNo: d.ariaAcctContactNo, dunningProcessID: 'AM-DEFAULT' });
    expect(bg!.ariaBillingGroupID).toMatch(/^BG-/);
    expect(bg!.ariaDunningGroupID).toMatch(/^DG-/);

    const back = (await retrieve(d.ariaAccountNo)).acctRetrieveAccountResponseDetails!;
    expect(back.acctRetrieveAccountDetails).toMatchObject({
      ariaStatusCode: 1, ariaStatusCodeText: 'ACTIVE', acctCurrencyCode: 'NOK', acctBalance: 0, acctLocaleName: 'NO-NYNORSK',
      masterPlanCount: 0, userID: 'kari-web', acctContactNo: d.ariaAcctContactNo, ariaSpecPlanMPIID: d.ariaSpecPlanMPIID,
      ariaSpecPlanMPINo: d.ariaSpecPlanMPINo, ownerTitleCode: 'DT', ownerTitleDomain: 'www.dt.no',
      acctContactDetails: { ...contact, addressLine2: '', flatFloor: '' },
    });
    expect(back.acctRetrieveAccountBillingGroupList).toEqual([expect.objectContaining({ ariaBillingGroupID: bg!.ariaBillingGroupID, ariaDunningGroupID: bg!.ariaDunningGroupID })]);
    expect(back.acctRetrieveAccountTitleInfo).toMatchObject({ titleCode: 'DT', titleName: 'Drammens Tidende' });
    // It can be found straight away.
    const found = await client.call('AcctSearchAccount', { acctSearchAccountCriteria: { emailAddress: contact.emailAddress } });
    expect(found.acctSearchAccountResponseDetails!.accountResultSet.map((a) => a.ariaAccountNo)).toContain(d.ariaAccountNo);
  });

  it('uses payOptionInfo over the deprecated paymentTerms, and EHF needs both EAN fields', async () => {
    const ok = await newAccount({ customerType: 'BUSINESS', paymentTerms: 'BANKGIRO', acctCreateAccountPayOptionInfo: { payOptionID: 'EHF', paymentEANNum: '7080003123459', paymentEANRequisitionNum: 'REQ-1' } });
    expect(ok.acctCreateAccountResponseDetails!.acctCreateAccountBillingGroupDetails[0]).toMatchObject({ paymentTerms: 'EHF', paymentEANNum: '7080003123459' });
    const missing = await fail(newAccount({ paymentTerms: 'EHF', paymentEANNum: '7080003123459' }));
    expect(missing).toMatchObject({ fields: [{ path: 'acctCreateAccountRequestDetails.paymentEANRequisitionNum' }] });
    const notForNew = await fail(newAccount({ acctCreateAccountPayOptionInfo: { payOptionID: 'AVTALEGIRO' } }));
    expect(notForNew).toMatchObject({ resultCode: RESULT.RULE_VIOLATION });
  });

  it('refuses a duplicate ariaAccountID (-12), an unknown title and a bad currency (-2)', async () => {
    const dup = await fail(client.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'TEST-ACCT-1', currencyCode: 'NOK', accountContact: contact } }));
    expect(dup).toMatchObject({ resultCode: RESULT.CONFLICT, fields: [{ path: 'acctCreateAccountRequestDetails.ariaAccountID' }] });
    const title = await fail(newAccount({ ownerTitleDomain: 'www.unknown.no' }));
    expect(title).toMatchObject({ resultCode: RESULT.INVALID_FIELD, fields: [{ path: 'acctCreateAccountRequestDetails.ownerTitleDomain' }] });
    const currency = await fail(newAccount({ currencyCode: 'XYZ' }));
    expect(currency).toMatchObject({ fields: [{ path: 'acctCreateAccountRequestDetails.currencyCode' }] });
  });
});

describe('AcctRetrieveAccount', () => {
  it('gives ariaAccountID precedence over ariaAccountNo', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const b = (await newAccount()).acctCreateAccountResponseDetails!;
    const r = await client.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountID: a.ariaAccountID, ariaAccountNo: b.ariaAccountNo } });
    expect(r.acctRetrieveAccountResponseDetails!.ariaAccountNo).toBe(a.ariaAccountNo);
    const unknown = await fail(client.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountID: 'nope', ariaAccountNo: b.ariaAccountNo } }));
    expect(unknown).toMatchObject({ resultCode: RESULT.NOT_FOUND, fields: [{ path: 'acctRetrieveAccountCriteria.ariaAccountID' }] });
  });
});

describe('AcctManageAccount', () => {
  it('applies ASSIGN, MODIFY and STATUS in one request, one result row per action', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const r = await client.call('AcctManageAccount', {
      acctManageAccountDetails: [
        { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: a.ariaAccountNo, newAriaAccountID: `${a.ariaAccountID}-NEW`, newUserID: 'new-user' } },
        { actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: a.ariaAccountNo, ownerTitleDomain: 'www.rb.no', ownerTitleCode: 'SA', channelCode: 'CSR', ownerContactDetails: { fullName: 'Kari N. Hansen', lastName: 'Hansen', cellPhone: '' } } },
        { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountID: `${a.ariaAccountID}-NEW`, newStatusCode: 'DEACTIVATE' } },
      ],
    });
    expect(r.acctManageAccountResponseDetails).toEqual([
      { actionDirective: 'ASSIGN', actionResultInfo: { resultCode: 0, resultText: 'OK' }, ariaAccountNo: a.ariaAccountNo, ariaAccountID: `${a.ariaAccountID}-NEW` },
      { actionDirective: 'MODIFY', actionResultInfo: { resultCode: 0, resultText: 'OK' }, ariaAccountNo: a.ariaAccountNo, ariaAccountID: `${a.ariaAccountID}-NEW` },
      { actionDirective: 'STATUS', actionResultInfo: { resultCode: 0, resultText: 'OK' }, ariaAccountNo: a.ariaAccountNo, ariaAccountID: `${a.ariaAccountID}-NEW` },
    ]);
    const d = (await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!;
    expect(d.ariaAccountID).toBe(`${a.ariaAccountID}-NEW`);
    expect(d.acctRetrieveAccountDetails).toMatchObject({
      userID: 'new-user', ariaStatusCode: 0, ariaStatusCodeText: 'INACTIVE', ownerTitleCode: 'RB', channelCode: 'CSR',
      acctContactDetails: { firstName: 'Kari', lastName: 'Hansen', fullName: 'Kari N. Hansen', cellPhone: '', emailAddress: contact.emailAddress },
    });
    // The search sees the new name at once.
    const found = await client.call('AcctSearchAccount', { acctSearchAccountContactCriteria: { fullName: 'kari n. hansen' } });
    expect(found.acctSearchAccountResponseDetails!.accountResultSet.map((x) => x.ariaAccountNo)).toEqual([a.ariaAccountNo]);
  });

  it('is all or nothing: a failing action rolls back the ones before it and says which failed', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const e = await fail(
      client.call('AcctManageAccount', {
        acctManageAccountDetails: [
          { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: a.ariaAccountNo, newUserID: 'rolled-back' } },
          { actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: a.ariaAccountNo, ownerTitleCode: 'NOPE' } },
          { actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: a.ariaAccountNo } },
        ],
      }),
    );
    expect(e).toMatchObject({ resultCode: RESULT.INVALID_FIELD, fields: [{ path: 'acctManageAccountDetails[1].acctManageAccountDetailsMODIFY.ownerTitleCode' }] });
    expect(e.message).toMatch(/action 2 \(MODIFY\) failed/);
    const d = (await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails;
    expect(d.userID).not.toBe('rolled-back');
    expect(d.ariaStatusCode).toBe(1);
  });

  it('answers the rows of a rolled-back request with "not applied" codes', async () => {
    const { post, signedBody } = await import('./helpers');
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const body = signedBody('AcctManageAccount', {
      acctManageAccountDetails: [
        { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'DEACTIVATE' } },
        { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: a.ariaAccountNo, newAriaAccountID: 'TEST-ACCT-1' } },
      ],
    });
    const r = await post(sb.url, 'AcctManageAccount', body);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.CONFLICT);
    expect(r.json.acctManageAccountResponseDetails).toEqual([
      expect.objectContaining({ actionDirective: 'STATUS', actionResultInfo: expect.objectContaining({ resultCode: RESULT.NOT_APPLIED }) }),
      expect.objectContaining({ actionDirective: 'ASSIGN', actionResultInfo: expect.objectContaining({ resultCode: RESULT.CONFLICT }) }),
    ]);
  });

  it('CANCEL cancels the account and its subscriptions; BANNED archives it for good', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    await client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountID: a.ariaAccountID } }] });
    expect((await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails.ariaStatusCode).toBe(0);
    await client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'ACTIVATE' } }] });
    expect((await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails.ariaStatusCode).toBe(1);
    await client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'BANNED' } }] });
    expect((await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails).toMatchObject({ ariaStatusCode: -99, ariaStatusCodeText: 'ARCHIVED' });
    const again = await fail(client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'ACTIVATE' } }] }));
    expect(again).toMatchObject({ resultCode: RESULT.RULE_VIOLATION });
  });

  it('refuses a status change the account does not allow, with the reason on newStatusCode, and changes nothing', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const status = async () => (await retrieve(a.ariaAccountNo)).acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails.ariaStatusCode;
    expect(await status()).toBe(1);
    const active = await fail(client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'ACTIVATE' } }] }));
    expect(active).toMatchObject({ resultCode: RESULT.RULE_VIOLATION, fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsSTATUS.newStatusCode', message: `account ${a.ariaAccountNo} is already active` }] });
    await client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'DEACTIVATE' } }] });
    expect(await status()).toBe(0);
    const inactive = await fail(client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: a.ariaAccountNo, newStatusCode: 'DEACTIVATE' } }] }));
    expect(inactive).toMatchObject({ resultCode: RESULT.RULE_VIOLATION, fields: [{ message: `account ${a.ariaAccountNo} is already inactive` }] });
    // Inactive with only the special plan: nothing left to cancel.
    const cancel = await fail(client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: a.ariaAccountNo } }] }));
    expect(cancel).toMatchObject({ resultCode: RESULT.RULE_VIOLATION, fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsCANCEL.ariaAccountNo', message: `account ${a.ariaAccountNo} is inactive and has no subscriptions left to cancel` }] });
    expect(await status()).toBe(0);
  });

  it('refuses an ariaAccountID already used by another account (-12)', async () => {
    const a = (await newAccount()).acctCreateAccountResponseDetails!;
    const e = await fail(client.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: a.ariaAccountNo, newAriaAccountID: 'TEST-ACCT-1' } }] }));
    expect(e).toMatchObject({ resultCode: RESULT.CONFLICT, fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsASSIGN.newAriaAccountID' }] });
  });
});
