// The spec's alternative spellings the sandbox accepts before validation (docs/sandbox.md).
import { describe, expect, it } from 'vitest';
import { normalizeRequest, trimKeys } from '../../../main/sandbox/http/normalize';

describe('normalizeRequest', () => {
  it('trims whitespace from keys ("ariaPIID "), an exact key winning over a trimmed one', () => {
    const notes: string[] = [];
    const out = trimKeys({ 'ariaPIID ': 1, ' x': { 'y ': 2 }, ariaPINo: 3, 'ariaPINo ': 4 }, notes);
    expect(out).toEqual({ ariaPIID: 1, x: { y: 2 }, ariaPINo: 3 });
    expect(notes).toContain('key "ariaPIID " read as "ariaPIID"');
  });

  it('drops prototype-polluting keys', () => {
    const out = trimKeys(JSON.parse('{"__proto__": {"bad": 1}, "a": {"constructor": {"prototype": 1}, "b": 2}}'), []) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a']);
    expect(out.a).toEqual({ b: 2 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('reads the STATUS sample (acctManageAccountDetailsCANCEL + ariaStatusCode) and the MODIFY sample (accountContact)', () => {
    const notes: string[] = [];
    const out = normalizeRequest('AcctManageAccount', {
      msgAuthDetails: {},
      acctManageAccountDetails: [
        { actionDirective: 'STATUS', acctManageAccountDetailsCANCEL: { ariaAccountNo: 1, ariaStatusCode: 'ACTIVATE' } },
        { actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: 1, accountContact: { fullName: 'x', flagFloor: '2' } } },
        { actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: 1 } },
      ],
    }, notes);
    expect(out).toEqual({
      acctManageAccountDetails: [
        { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: 1, newStatusCode: 'ACTIVATE' } },
        { actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: 1, ownerContactDetails: { fullName: 'x', flatFloor: '2' } } },
        { actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: 1 } },
      ],
    });
    expect(notes).toHaveLength(4);
  });

  it('accepts the other criteria keys of the comment, address and billing group samples', () => {
    expect(normalizeRequest('AcctRetrieveComments', { acctRetrieveCommentsCriteria: { a: 1 } }, [])).toEqual({ AcctRetrieveCommentsCriteria: { a: 1 } });
    expect(normalizeRequest('AcctCaptureComments', { AcctCaptureCommentCriteria: { a: 1 } }, [])).toEqual({ acctCaptureCommentCriteria: { a: 1 } });
    expect(normalizeRequest('AcctChangePermAddress', { acctChangePermAddressRequestDetails: { acctDeliveryAddress: { distPublsAddrNo: 2 } } }, [])).toEqual({
      AcctChangePermAddressRequestDetails: { acctDeliveryAddress: { distPublAddrNo: 2 } },
    });
    expect(normalizeRequest('AcctRetrieveBillingGroup', { acctSearchAccountCriteria: { ariaAccountNo: 5 } }, [])).toEqual({ acctRetrieveBillingGroupCriteria: { ariaAccountNo: 5 } });
    expect(normalizeRequest('AcctCreateAccount', { acctCreateAccountRequestDetails: { payOptionInfo: { payOptionID: 'EHF' } } }, [])).toEqual({
      acctCreateAccountRequestDetails: { acctCreateAccountPayOptionInfo: { payOptionID: 'EHF' } },
    });
  });

  it('leaves the field-list form alone and never renames over an existing key', () => {
    const body = { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: 1, newStatusCode: 'BANNED' }, acctManageAccountDetailsCANCEL: { ariaAccountNo: 2 } }] };
    const notes: string[] = [];
    expect(normalizeRequest('AcctManageAccount', body, notes)).toEqual(body);
    expect(notes).toEqual([]);
  });
});
