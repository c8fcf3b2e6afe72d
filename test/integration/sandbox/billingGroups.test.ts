// AcctManageBillingGroup and AcctRetrieveBillingGroup: ADD / MODIFY / REMOVE with TERMS or
// METHODS, EHF's EAN fields, statement contact reused or new, the last group kept, the
// dunning group following its billing group — read back through AcctRetrieveBillingGroup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { AmpsError } from '../../../main/core/amps/errors';
import { RESULT, type BillingGroupAction } from '../../../shared/amps';
import { post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let client: AmpsClient;
let accountNo: number;
let ownerContactNo: number;
let defaultGroup: { id: string; no: number; dg: string };

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 20 });
  client = sb.client();
  const r = await client.call('AcctCreateAccount', {
    acctCreateAccountRequestDetails: { ariaAccountID: 'BG-TEST', currencyCode: 'NOK', accountContact: { fullName: 'Ola Nordmann', emailAddress: 'ola@example.no' } },
  });
  const d = r.acctCreateAccountResponseDetails!;
  accountNo = d.ariaAccountNo;
  ownerContactNo = d.ariaAcctContactNo!;
  const g = d.acctCreateAccountBillingGroupDetails[0]!;
  defaultGroup = { id: g.ariaBillingGroupID, no: g.ariaBillingGroupNo!, dg: g.ariaDunningGroupID };
});
afterAll(() => sb.close());

const manage = (...actions: BillingGroupAction[]) => client.call('AcctManageBillingGroup', { acctManageBillingGroupDetails: actions });
const groups = async () => (await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('expected a refusal'), (e: AmpsError) => e);

describe('billing groups', () => {
  it('ADD with TERMS and a new statement contact creates the group and its dunning group', async () => {
    const r = await manage({
      actionDirective: 'ADD', ariaAccountNo: accountNo,
      acctManageBillingGroupDetailsADD: {
        titleCode: 'RB', notifyMethod: 'HTML', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' },
        payOptionInfo: { payOptionID: 'BANKGIRO-01', payOptionVariant: 'OCR' }, requestSourceID: 'CSR',
        statementContactDetails: { fullName: 'Regnskap AS', emailAddress: 'faktura@regnskap.example', cellPhone: '+4790000001' },
        dunningProcessID: 'DUNNING-01',
      },
    });
    const row = r.acctManageBillingGroupResponseDetails![0]!;
    expect(row).toMatchObject({ actionDirective: 'ADD', ariaAccountNo: accountNo, actionResultInfo: { resultCode: 0 } });
    const info = row.billingGroupResponseINFO!;
    expect(info).toMatchObject({
      billingGroupStatus: 'ACTIVE', notifyMethod: 'HTML', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' },
      payOptionInfo: { payOptionID: 'BANKGIRO-01', payOptionVariant: 'OCR', payOptionName: 'Bankgiro' }, dunningProcessID: 'DUNNING-01',
      titleDetails: { titleCode: 'RB', titleDomain: 'www.rb.no' }, statementContactDetails: { fullName: 'Regnskap AS' },
    });
    expect(info.statementContactNo).not.toBe(ownerContactNo);
    const listed = (await groups()).acctRetrieveBillingGroupList.find((g) => g.ariaBillingGroupID === info.ariaBillingGroupID)!;
    expect(listed).toMatchObject({ ariaDunningGroupID: info.ariaDunningGroupID, ariaDunningGroupNo: info.ariaDunningGroupNo, statementContactNo: info.statementContactNo });
    expect(listed.payOptionInfo!.payOptionNameTranslations![0]!.solmTranslationEntry.map((t) => t.solmLocaleID).sort()).toEqual(['NO-BOKMAL', 'NO-BOKMAL-A-ENDING', 'NO-NYNORSK']);
    // The new statement contact's email is searchable.
    const found = await client.call('AcctSearchAccount', { acctSearchAccountCriteria: { emailAddress: 'faktura@regnskap.example' } });
    expect(found.acctSearchAccountResponseDetails!.accountResultSet.map((a) => a.ariaAccountNo)).toEqual([accountNo]);
  });

  it('ADD reuses a statement contact by number and needs the EAN fields for EHF', async () => {
    const r = await manage({
      actionDirective: 'ADD', ariaAccountNo: accountNo,
      acctManageBillingGroupDetailsADD: { paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080003000002', paymentEANRequisitionNum: 'R-77' }, statementContactNo: ownerContactNo },
    });
    expect(r.acctManageBillingGroupResponseDetails![0]!.billingGroupResponseINFO).toMatchObject({
      statementContactNo: ownerContactNo, paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080003000002', paymentEANRequisitionNum: 'R-77' }, payOptionInfo: { payOptionID: 'EHF' },
    });
    // The client's schema already refuses EHF terms without EAN fields; the sandbox checks
    // the payment option too, so send that one unchecked.
    const raw = await post(sb.url, 'AcctManageBillingGroup', signedBody('AcctManageBillingGroup', {
      acctManageBillingGroupDetails: [{ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: { paymentOption: 'METHODS', paymentMethodInfo: {}, payOptionInfo: { payOptionID: 'EHF' }, statementContactNo: ownerContactNo } }],
    }));
    expect(raw.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsADD.payOptionInfo.paymentEANNum' }] });
    const foreign = await fail(manage({ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: { paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactNo: 103000001 } }));
    expect(foreign).toMatchObject({ resultCode: RESULT.NOT_FOUND });
  });

  it('MODIFY changes the group by ID (over its number) and refuses another group\'s dunning group', async () => {
    const before = await groups();
    const other = before.acctRetrieveBillingGroupList.find((g) => g.ariaBillingGroupID !== defaultGroup.id)!;
    const r = await manage({
      actionDirective: 'MODIFY', ariaAccountNo: accountNo,
      acctManageBillingGroupDetailsMODIFY: { ariaBillingGroupID: defaultGroup.id, ariaBillingGroupNo: other.ariaBillingGroupNo, billingGroupName: 'Hovedgruppe', notifyMethod: 'XML', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'AVTALEGIRO' }, requestSourceID: 'CSR', dunningGroupName: 'Hoved' },
    });
    expect(r.acctManageBillingGroupResponseDetails![0]!.billingGroupResponseINFO).toMatchObject({ ariaBillingGroupID: defaultGroup.id, billingGroupName: 'Hovedgruppe', notifyMethod: 'XML', paymentTermInfo: { paymentTerms: 'AVTALEGIRO' }, payOptionInfo: { payOptionID: 'AVTALEGIRO' }, ariaDunningGroupID: defaultGroup.dg, dunningGroupName: 'Hoved' });
    const after = (await groups()).acctRetrieveBillingGroupList.find((g) => g.ariaBillingGroupID === defaultGroup.id)!;
    expect(after).toMatchObject({ billingGroupName: 'Hovedgruppe', dunningGroupName: 'Hoved' });
    expect((await groups()).acctRetrieveBillingGroupList.find((g) => g.ariaBillingGroupID === other.ariaBillingGroupID)!.billingGroupName).toBe(other.billingGroupName);
    const e = await fail(manage({ actionDirective: 'MODIFY', ariaAccountNo: accountNo, acctManageBillingGroupDetailsMODIFY: { ariaBillingGroupID: defaultGroup.id, ariaDunningGroupID: other.ariaDunningGroupID, billingGroupName: 'x' } }));
    expect(e).toMatchObject({ resultCode: RESULT.RULE_VIOLATION, fields: [{ path: 'acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsMODIFY.ariaDunningGroupID' }] });
  });

  it('refuses TERMS without paymentTermInfo and METHODS with it (schema rules)', async () => {
    const e = await fail(manage({ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: { paymentOption: 'METHODS', paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactNo: ownerContactNo } }));
    expect(e).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('REMOVE deactivates the group and its dunning group; the last group cannot be removed', async () => {
    const list = (await groups()).acctRetrieveBillingGroupList;
    expect(list.length).toBe(3);
    const [, second, third] = list;
    const r = await manage(
      { actionDirective: 'REMOVE', ariaAccountNo: accountNo, acctManageBillingGroupDetailsREMOVE: { ariaBillingGroupNo: second!.ariaBillingGroupNo, ariaDunningGroupNo: second!.ariaDunningGroupNo } },
      { actionDirective: 'REMOVE', ariaAccountID: 'BG-TEST', acctManageBillingGroupDetailsREMOVE: { ariaBillingGroupID: third!.ariaBillingGroupID } },
    );
    expect(r.acctManageBillingGroupResponseDetails!.map((x) => x.billingGroupResponseINFO!.billingGroupStatus)).toEqual(['INACTIVE', 'INACTIVE']);
    expect((await groups()).acctRetrieveBillingGroupList.map((g) => g.ariaBillingGroupID)).toEqual([defaultGroup.id]);
    const last = await fail(manage({ actionDirective: 'REMOVE', ariaAccountNo: accountNo, acctManageBillingGroupDetailsREMOVE: { ariaBillingGroupID: defaultGroup.id } }));
    expect(last).toMatchObject({ resultCode: RESULT.RULE_VIOLATION });
    expect(last.message).toMatch(/last one/);
  });

  it('is all or nothing: an ADD before a failing REMOVE is not kept', async () => {
    const e = await fail(
      manage(
        { actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: { paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactNo: ownerContactNo, billingGroupName: 'Rolled back' } },
        { actionDirective: 'REMOVE', ariaAccountNo: accountNo, acctManageBillingGroupDetailsREMOVE: { ariaBillingGroupNo: 1 } },
      ),
    );
    expect(e).toMatchObject({ resultCode: RESULT.NOT_FOUND });
    expect((await groups()).acctRetrieveBillingGroupList.map((g) => g.billingGroupName)).not.toContain('Rolled back');
  });

  it('filters by title code or domain', async () => {
    await manage({ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: { titleCode: 'TT', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactNo: ownerContactNo } });
    const byDomain = await client.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo, titleFiltering: [{ titleCode: '', titleDomain: 'www.tangotidene.no' }] } });
    expect(byDomain.acctRetrieveBillingGroupResponseDetails!.acctRetrieveBillingGroupList.map((g) => g.titleDetails?.titleCode)).toEqual(['TT']);
    const byCode = await client.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: accountNo, titleFiltering: [{ titleCode: 'TT' }] } });
    expect(byCode.acctRetrieveAccountResponseDetails!.acctRetrieveAccountBillingGroupList).toHaveLength(1);
  });
});
