// The sandbox applies the same Norwegian input rules as the UI and the router: the bad
// billing group of issue 11 (mobile "12ab", postal code "99999" with no street or city,
// EAN "12345", birth date 31.02) and a bad delivery address are refused with resultCode < 0
// and every field named; nothing is stored. Good input is stored normalised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT } from '../../../shared/amps';
import { post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let accountNo: number;

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 20 });
  const r = await sb.client().call('AcctCreateAccount', {
    acctCreateAccountRequestDetails: { ariaAccountID: 'RULES-TEST', currencyCode: 'NOK', accountContact: { fullName: 'Ola Nordmann', emailAddress: 'ola@example.no' } },
  });
  accountNo = r.acctCreateAccountResponseDetails!.ariaAccountNo;
});
afterAll(() => sb.close());

const send = async (endpoint: 'AcctManageBillingGroup' | 'AcctChangePermAddress', payload: Record<string, unknown>) =>
  (await post(sb.url, endpoint, signedBody(endpoint, payload, { withAuthKey: endpoint !== 'AcctChangePermAddress' }))).json;

const addGroup = (add: Record<string, unknown>) =>
  send('AcctManageBillingGroup', { acctManageBillingGroupDetails: [{ actionDirective: 'ADD', ariaAccountNo: accountNo, acctManageBillingGroupDetailsADD: add }] });
const groupCount = async () =>
  (await sb.client().call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!.acctRetrieveBillingGroupList.length;

describe('the sandbox refuses bad input naming the field', () => {
  it('the billing group of issue 11: every bad field, nothing stored', async () => {
    const before = await groupCount();
    const r = await addGroup({
      paymentOption: 'TERMS',
      paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '12345', paymentEANRequisitionNum: 'R-1' },
      statementContactDetails: { fullName: 'Kari Nordmann', cellPhone: '12ab', postalCode: '99999', countryCode: 'NO', birthDate: '1980-02-31' },
    });
    expect(r.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    const p = 'acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsADD';
    expect((r.resultInfo.errorFields ?? []).map((f) => f.path).sort()).toEqual(
      [
        `${p}.paymentTermInfo.paymentEANNum`,
        `${p}.statementContactDetails.addressLine1`,
        `${p}.statementContactDetails.birthDate`,
        `${p}.statementContactDetails.cellPhone`,
        `${p}.statementContactDetails.postalCity`,
        `${p}.statementContactDetails.postalCode`,
      ].sort(),
    );
    expect(r.resultInfo.resultText).toContain(p);
    expect(await groupCount()).toBe(before);
  });

  it('"Norge" is not a country code; a wrong poststed is named', async () => {
    const r = await addGroup({
      paymentOption: 'TERMS',
      paymentTermInfo: { paymentTerms: 'BANKGIRO' },
      statementContactDetails: { fullName: 'Kari Nordmann', addressLine1: 'Strandgaten 1', postalCode: '5003', postalCity: 'Oslo', countryCode: 'Norge' },
    });
    expect(r.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    const paths = (r.resultInfo.errorFields ?? []).map((f) => f.path.replace(/^.*statementContactDetails\./, ''));
    expect(paths).toContain('countryCode');
  });

  it('stores good input normalised: E.164 phone, the poststed from the register', async () => {
    const r = await addGroup({
      paymentOption: 'TERMS',
      paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080003123459', paymentEANRequisitionNum: 'R-1' },
      statementContactDetails: { fullName: 'Kari Nordmann', cellPhone: '0047 912 34 567', addressLine1: 'Strandgaten 1', postalCode: '5003', countryCode: 'NO', birthDate: '1980-02-29' },
    });
    expect(r.resultInfo.resultCode).toBe(0);
    const info = (r.acctManageBillingGroupResponseDetails as Array<{ billingGroupResponseINFO: { statementContactDetails: Record<string, unknown> } }>)[0]!.billingGroupResponseINFO;
    expect(info.statementContactDetails).toMatchObject({ cellPhone: '+4791234567', postalCode: '5003', postalCity: 'BERGEN' });
  });

  it('a delivery address with a 5-digit postal code, no city and 31 February', async () => {
    const r = await send('AcctChangePermAddress', {
      AcctChangePermAddressRequestDetails: {
        ariaAccountNo: accountNo,
        distAddressType: 'PERM',
        dateEffective: '2027-02-31',
        acctDeliveryAddress: { distStreetName: 'Storgata', distStreetNo: '1', distAddrPostalCode: '99999', distAddrCity: '', distAddrCountryCode: 'NO' },
      },
    });
    expect(r.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    expect((r.resultInfo.errorFields ?? []).map((f) => f.path).sort()).toEqual([
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrCity',
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrPostalCode',
      'AcctChangePermAddressRequestDetails.dateEffective',
    ]);
  });

  it('a post-box postal code is no delivery address', async () => {
    const r = await send('AcctChangePermAddress', {
      AcctChangePermAddressRequestDetails: {
        ariaAccountNo: accountNo,
        distAddressType: 'PERM',
        acctDeliveryAddress: { distStreetName: 'Storgata', distStreetNo: '1', distAddrPostalCode: '0001', distAddrCity: 'OSLO', distAddrCountryCode: 'NO' },
      },
    });
    expect(r.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    expect(r.resultInfo.errorFields).toEqual([
      { path: 'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrPostalCode', message: 'is a post-box postal code; a delivery address needs a street address postal code' },
    ]);
  });
});
