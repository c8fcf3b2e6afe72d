import { describe, expect, it } from 'vitest';
import {
  AMPS_MESSAGES,
  ENDPOINTS,
  acctChangePermAddressRequest,
  acctManageAccountRequest,
  acctManageBillingGroupRequest,
  acctSearchAccountRequest,
  contactInput,
  msgAuthDetails,
  parseAmpsDateTime,
} from '../../../shared/amps';

const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join('.'));

describe('AMPS message catalogue', () => {
  it('has a request and a response schema for each of the eleven endpoints', () => {
    expect(ENDPOINTS).toHaveLength(11);
    for (const e of ENDPOINTS) {
      expect(AMPS_MESSAGES[e].request).toBeDefined();
      expect(AMPS_MESSAGES[e].response).toBeDefined();
    }
  });
});

describe('contact rules (004 field lists)', () => {
  it('requires fullName, orders address lines, checks email and state/province', () => {
    expect(paths(contactInput.safeParse({ fullName: '' }))).toEqual(['fullName']);
    expect(paths(contactInput.safeParse({ fullName: 'Kari', addressLine2: 'x' }))).toEqual(['addressLine1']);
    expect(paths(contactInput.safeParse({ fullName: 'Kari', addressLine1: 'a', addressLine3: 'x' }))).toEqual(['addressLine2']);
    expect(paths(contactInput.safeParse({ fullName: 'Kari', emailAddress: 'kari@' }))).toEqual(['emailAddress']);
    expect(paths(contactInput.safeParse({ fullName: 'Kari', countryCode: 'NO', addrStateProv: 'CA' }))).toEqual(['addrStateProv']);
    expect(contactInput.safeParse({ fullName: 'Kari', countryCode: 'US', addrStateProv: 'CA', emailAddress: 'kari@nordmann.no' }).success).toBe(true);
  });
  it('refuses over-length fields, naming them', () => {
    expect(paths(contactInput.safeParse({ fullName: 'Kari', postalCity: 'x'.repeat(101) }))).toEqual(['postalCity']);
  });
});

describe('billing group rules', () => {
  const add = (details: object) =>
    acctManageBillingGroupRequest.safeParse({
      acctManageBillingGroupDetails: [{ actionDirective: 'ADD', ariaAccountNo: 1, acctManageBillingGroupDetailsADD: details }],
    });
  const prefix = 'acctManageBillingGroupDetails.0.acctManageBillingGroupDetailsADD.';

  it('TERMS needs paymentTermInfo, METHODS needs paymentMethodInfo, and not the other', () => {
    expect(paths(add({ paymentOption: 'TERMS', statementContactNo: 3 }))).toEqual([`${prefix}paymentTermInfo`]);
    expect(paths(add({ paymentOption: 'METHODS', paymentMethodInfo: {}, paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactNo: 3 }))).toEqual([
      `${prefix}paymentTermInfo`,
    ]);
    expect(add({ paymentOption: 'METHODS', paymentMethodInfo: { primaryPaymentMethodID: '' }, statementContactNo: 3 }).success).toBe(true);
  });
  it('EHF needs the EAN number and requisition number', () => {
    expect(paths(add({ paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080000000005' }, statementContactNo: 3 }))).toEqual([
      `${prefix}paymentTermInfo.paymentEANRequisitionNum`,
    ]);
  });
  it('a new group reuses a statement contact or brings one', () => {
    expect(paths(add({ paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' } }))).toEqual([`${prefix}statementContactDetails`]);
    expect(add({ paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Ola' } }).success).toBe(true);
  });
  it('refuses unknown directives and payment terms', () => {
    expect(acctManageBillingGroupRequest.safeParse({ acctManageBillingGroupDetails: [{ actionDirective: 'DELETE', ariaAccountNo: 1 }] }).success).toBe(false);
    expect(paths(add({ paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'CASH' }, statementContactNo: 1 }))).toEqual([
      `${prefix}paymentTermInfo.paymentTerms`,
    ]);
  });
});

describe('manage account, search and permanent address rules', () => {
  it('STATUS takes ACTIVATE, DEACTIVATE or BANNED', () => {
    const status = (code: string) =>
      acctManageAccountRequest.safeParse({
        acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: 1, newStatusCode: code } }],
      }).success;
    expect(status('BANNED')).toBe(true);
    expect(status('DELETE')).toBe(false);
  });
  it('searchStreetNo only with searchStreetName; returnLimitRows 1..1000', () => {
    expect(paths(acctSearchAccountRequest.safeParse({ acctSearchAccountAddressCriteria: { searchStreetNo: '23' } }))).toEqual([
      'acctSearchAccountAddressCriteria.searchStreetNo',
    ]);
    expect(acctSearchAccountRequest.safeParse({ acctSearchAccountAddressCriteria: { searchStreetName: 'Akersgata', searchStreetNo: '23' } }).success).toBe(true);
    expect(paths(acctSearchAccountRequest.safeParse({ acctSearchAccountSpecDetails: { returnLimitRows: 0 } }))).toEqual([
      'acctSearchAccountSpecDetails.returnLimitRows',
    ]);
  });
  it('permanent address: an existing address number, or a type and a new address — not both, not neither', () => {
    const req = (d: object) => acctChangePermAddressRequest.safeParse({ AcctChangePermAddressRequestDetails: { ariaAccountNo: 1, ...d } });
    expect(req({ distAddressNo: 4 }).success).toBe(true);
    expect(paths(req({}))).toEqual(['AcctChangePermAddressRequestDetails.distAddressType', 'AcctChangePermAddressRequestDetails.acctDeliveryAddress']);
    const addr = { distStreetName: 'Storgata', distStreetNo: '12B', distAddrPostalCode: '0155', distAddrCity: 'Oslo', distAddrCountryCode: 'NO' };
    expect(req({ distAddressType: 'PERM', acctDeliveryAddress: addr }).success).toBe(true);
    expect(paths(req({ distAddressNo: 4, acctDeliveryAddress: addr }))).toEqual(['AcctChangePermAddressRequestDetails.acctDeliveryAddress']);
    expect(paths(req({ distAddressType: 'PERM', acctDeliveryAddress: { ...addr, distAddrCountryCode: 'Norway' } }))).toEqual([
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrCountryCode',
    ]);
  });
});

describe('msgAuthDetails and date-times', () => {
  it('accepts the three date-time forms of the samples, as UTC', () => {
    expect(parseAmpsDateTime('2017-08-16T14:30:20')).toBe(Date.UTC(2017, 7, 16, 14, 30, 20));
    expect(parseAmpsDateTime('2019-12-31 19:42:12')).toBe(Date.UTC(2019, 11, 31, 19, 42, 12));
    expect(parseAmpsDateTime('2019-10-19')).toBe(Date.UTC(2019, 9, 19));
    expect(parseAmpsDateTime('2019-02-31')).toBeNaN();
    expect(parseAmpsDateTime('yesterday')).toBeNaN();
  });
  it('reads signatureVersion given as a string or as the number 1.0', () => {
    const base = { clientNo: 1, requestDateTime: '2019-05-07 21:02:25', signatureValue: 'ab' };
    expect(msgAuthDetails.parse({ ...base, signatureVersion: 1.0 }).signatureVersion).toBe('1.0');
    expect(msgAuthDetails.parse({ ...base, signatureVersion: '2.0' }).signatureVersion).toBe('2.0');
  });
});
