// The new-account confirmation lists what will be sent in the order the form asks for it.
import { describe, expect, it } from 'vitest';
import { createChanges } from '../../../renderer/features/createAccount/createAccountModel';
import type { CreateAccountDetails } from '../../../shared/commands/accountCreate';

describe('createChanges', () => {
  it('lists the contact in the form’s order, the city right after the postal code, and everything else where it was', () => {
    // As the shared rules hand it back: the poststed looked up and added last.
    const details = {
      currencyCode: 'NOK',
      localeCode: 'NO-BOKMAL',
      accountContact: { firstName: 'Ingvild', lastName: 'Nytt', fullName: 'Ingvild Nytt', addressLine1: 'Storgata 5', countryCode: 'NO', postalCode: '0155', cellPhone: '+4791234999', emailAddress: 'ingvild.nytt@example.no', postalCity: 'OSLO' },
      requestSource: 'CSR',
      acctCreateAccountPayOptionInfo: { payOptionID: 'BANKGIRO' },
    } as unknown as CreateAccountDetails;
    expect(createChanges(details).map((c) => c.path)).toEqual([
      'currencyCode',
      'localeCode',
      'accountContact.fullName',
      'accountContact.firstName',
      'accountContact.lastName',
      'accountContact.cellPhone',
      'accountContact.emailAddress',
      'accountContact.addressLine1',
      'accountContact.countryCode',
      'accountContact.postalCode',
      'accountContact.postalCity',
      'requestSource',
      'acctCreateAccountPayOptionInfo.payOptionID',
    ]);
    expect(createChanges(details).every((c) => c.before === null)).toBe(true);
  });
});
