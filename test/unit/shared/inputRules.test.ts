// The Norwegian input rules of shared/domain/input, each with literal cases: what a CSR
// types, and what the rule says. The expected values are written out here (check digits
// computed by hand below), never taken from the code under test.
import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  INPUT_RULE,
  checkAddressComplete,
  checkPostal,
  containsCardNumber,
  countryName,
  countryOptions,
  findCountry,
  gs1CheckDigit,
  isBackdated,
  isRealDate,
  lookupPostalCode,
  normalizeGln,
  normalizePhone,
  parsePhone,
  phoneKindMismatch,
} from '../../../shared/domain/input';
import { acctChangePermAddressRequest, billingGroupAdd, contactInput } from '../../../shared/amps';
import { command, commentAddCommand } from '../../../shared/commands';

describe('phone numbers', () => {
  it.each([
    ['91234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['0047 91234567', '+4791234567'],
    ['22 33 44 55', '+4722334455'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['+45 22 33 44 66', '+4522334466'],
  ])('%s is %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each(['12ab', '1234567', '123456789', '12345678', '+4422334466', '91234567x', '++4791234567', '9123+4567', ''])('refuses %j', (typed) => {
    expect(normalizePhone(typed)).toBeUndefined();
  });

  it('knows a landline typed as the mobile number', () => {
    expect(phoneKindMismatch('mobile', parsePhone('22334455'))).toBe(true);
    expect(phoneKindMismatch('mobile', parsePhone('91234567'))).toBe(false);
    expect(phoneKindMismatch('home', parsePhone('22334455'))).toBe(false);
  });
});

describe('Norwegian postal codes and their poststed', () => {
  it.each([
    ['0150', 'OSLO', 'G'],
    ['0001', 'OSLO', 'P'],
    ['5003', 'BERGEN', 'G'],
    ['3580', 'GEILO', 'G'],
    ['9990', 'BÅTSFJORD', 'G'],
    ['1337', 'SANDVIKA', 'G'],
  ])('%s is %s (category %s)', (code, place, category) => {
    expect(lookupPostalCode(code)).toEqual({ code, place, category });
  });

  it('knows 4-digit codes that do not exist', () => {
    expect(lookupPostalCode('0444')).toBeUndefined();
    expect(lookupPostalCode('9999')).toBeUndefined();
  });

  const names = { country: 'countryCode', postalCode: 'postalCode', city: 'postalCity' };
  it('fills the poststed, refuses a wrong one, 5 digits and unknown codes', () => {
    expect(checkPostal({ country: 'NO', postalCode: '5003', city: '' }, names)).toEqual({ issues: [], filledCity: 'BERGEN' });
    expect(checkPostal({ country: 'NO', postalCode: '5003', city: 'Bergen' }, names)).toEqual({ issues: [] });
    expect(checkPostal({ country: 'NO', postalCode: '5003', city: 'Oslo' }, names).issues).toEqual([{ field: 'postalCity', message: INPUT_RULE.postalCityMismatch }]);
    expect(checkPostal({ country: 'NO', postalCode: '99999', city: '' }, names).issues).toEqual([{ field: 'postalCode', message: INPUT_RULE.postalCodeNO }]);
    expect(checkPostal({ country: '', postalCode: '12a4', city: '' }, names).issues).toEqual([{ field: 'postalCode', message: INPUT_RULE.postalCodeNO }]);
    expect(checkPostal({ country: 'NO', postalCode: '9999', city: '' }, names).issues).toEqual([{ field: 'postalCode', message: INPUT_RULE.postalCodeUnknown }]);
    // Other countries keep their own formats.
    expect(checkPostal({ country: 'SE', postalCode: '113 63', city: 'Stockholm' }, names).issues).toEqual([]);
    expect(checkPostal({ country: 'XX', postalCode: '', city: '' }, names).issues).toEqual([{ field: 'countryCode', message: INPUT_RULE.countryUnknown }]);
  });

  it('refuses a post-box code for a delivery address only', () => {
    expect(checkPostal({ country: 'NO', postalCode: '0001', city: 'OSLO' }, names).issues).toEqual([]);
    expect(checkPostal({ country: 'NO', postalCode: '0001', city: 'OSLO' }, names, { delivery: true }).issues).toEqual([
      { field: 'postalCode', message: INPUT_RULE.postalCodePostBox },
    ]);
  });

  it('an address is all or nothing, with every gap named at once', () => {
    const f = { street: 'addressLine1', postalCode: 'postalCode', city: 'postalCity' };
    expect(checkAddressComplete({}, f)).toEqual([]);
    expect(checkAddressComplete({ postalCode: '99999' }, f).map((i) => i.field)).toEqual(['addressLine1', 'postalCity']);
    expect(checkAddressComplete({ street: 'Storgata 1', postalCode: '0155', city: 'OSLO' }, f)).toEqual([]);
  });
});

describe('countries', () => {
  it('has the ISO 3166-1 list with English and Bokmål names', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(countryName('NO', 'nb')).toBe('Norge');
    expect(countryName('NO', 'en')).toBe('Norway');
    expect(countryName('SE', 'nb')).toBe('Sverige');
    expect(countryName('DE', 'nb')).toBe('Tyskland');
    expect(countryName('XX', 'nb')).toBeUndefined();
  });
  it('reads what an agent types as a code, never cutting "Norge" to "No"', () => {
    expect(findCountry('Norge')).toBe('NO');
    expect(findCountry('norway')).toBe('NO');
    expect(findCountry('no')).toBe('NO');
    expect(findCountry('Sverige')).toBe('SE');
    expect(findCountry('Narnia')).toBeUndefined();
  });
  it('lists Norway first, then by name in the language', () => {
    const nb = countryOptions('nb');
    expect(nb[0]).toEqual({ code: 'NO', name: 'Norge' });
    expect(nb.findIndex((c) => c.code === 'DK')).toBeLessThan(nb.findIndex((c) => c.code === 'SE'));
  });
});

describe('EAN/GLN check digit (GS1 mod 10)', () => {
  // Worked by hand: 708000312345 → from the right, weights 3,1,3,…:
  // 5·3+4·1+3·3+2·1+1·3+3·1+0·3+0·1+0·3+8·1+0·3+7·1 = 15+4+9+2+3+3+0+0+0+8+0+7 = 51 → 10−1 = 9.
  it('computes the digit', () => {
    expect(gs1CheckDigit('708000312345')).toBe(9);
    // 400638133393 (a GS1 example, EAN 4006381333931): 3·3+9+3·3+3+3·3+1+3·8+3+3·6+0+3·0+4 = 89 → 1.
    expect(gs1CheckDigit('400638133393')).toBe(1);
  });
  it('accepts 13 digits with the right check digit, spaces ignored', () => {
    expect(normalizeGln('7080003123459')).toBe('7080003123459');
    expect(normalizeGln('70800 0312345 9')).toBe('7080003123459');
    expect(normalizeGln('4006381333931')).toBe('4006381333931');
  });
  it.each(['12345', '7080003123456', '708000312345X', '70800031234590', ''])('refuses %j', (v) => {
    expect(normalizeGln(v)).toBeUndefined();
  });
});

describe('dates', () => {
  it('that exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1980-02-31')).toBe(false);
    expect(isRealDate('1980-04-31')).toBe(false);
    expect(isRealDate('1980-13-01')).toBe(false);
    expect(isRealDate('1980-12-31')).toBe(true);
  });
  it('backdated effective dates (a warning, not a refusal)', () => {
    expect(isBackdated('2026-11-30', '2026-12-01')).toBe(true);
    expect(isBackdated('2026-12-01T08:00:00', '2026-12-01')).toBe(false);
    expect(isBackdated('2026-12-24', '2026-12-01')).toBe(false);
  });
});

describe('the shared schemas use the rules (same verdict in UI, router and sandbox)', () => {
  const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('a contact: the issue report of the bad billing group, every field named', () => {
    const r = billingGroupAdd.safeParse({
      paymentOption: 'TERMS',
      paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '12345', paymentEANRequisitionNum: 'R-1' },
      statementContactDetails: { fullName: 'Kari Nordmann', cellPhone: '12ab', postalCode: '99999', countryCode: 'NO', birthDate: '1980-02-31' },
    });
    expect(issues(r)).toEqual([
      `statementContactDetails.cellPhone: ${INPUT_RULE.phoneInvalid}`,
      `statementContactDetails.birthDate: ${INPUT_RULE.dateInvalid}`,
      `statementContactDetails.postalCode: ${INPUT_RULE.postalCodeNO}`,
      `statementContactDetails.addressLine1: ${INPUT_RULE.addressStreetRequired}`,
      `statementContactDetails.postalCity: ${INPUT_RULE.addressCityRequired}`,
      `paymentTermInfo.paymentEANNum: ${INPUT_RULE.glnInvalid}`,
    ]);
  });

  it('normalises what it accepts: E.164 phones, the poststed filled in', () => {
    const r = contactInput.parse({ fullName: 'Kari', cellPhone: '0047 912 34 567', homePhone: '22334455', postalCode: '5003', countryCode: 'NO', addressLine1: 'Strandgaten 1' });
    expect(r).toMatchObject({ cellPhone: '+4791234567', homePhone: '+4722334455', postalCity: 'BERGEN' });
  });

  it('a delivery address: every missing required field at once', () => {
    const r = acctChangePermAddressRequest.safeParse({
      AcctChangePermAddressRequestDetails: { ariaAccountNo: 1, distAddressType: 'PERM', acctDeliveryAddress: { distAddrCity: '', distAddrPostalCode: '', distAddrCountryCode: '' } },
    });
    expect(issues(r).map((i) => i.split(':')[0])).toEqual([
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrCountryCode',
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrPostalCode',
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrCity',
      'AcctChangePermAddressRequestDetails.acctDeliveryAddress.distStreetName',
    ]);
  });

  it('a delivery address: the poststed comes from the register; 31 February is refused', () => {
    const ok = acctChangePermAddressRequest.parse({
      AcctChangePermAddressRequestDetails: { ariaAccountNo: 1, distAddressType: 'PERM', acctDeliveryAddress: { distStreetName: 'Storgata', distAddrPostalCode: '0155', distAddrCountryCode: 'NO' } },
    });
    expect(ok.AcctChangePermAddressRequestDetails.acctDeliveryAddress?.distAddrCity).toBe('OSLO');
    const feb = acctChangePermAddressRequest.safeParse({ AcctChangePermAddressRequestDetails: { ariaAccountNo: 1, distAddressNo: 3, dateEffective: '2027-02-31' } });
    expect(issues(feb)).toEqual([`AcctChangePermAddressRequestDetails.dateEffective: ${INPUT_RULE.dateInvalid}`]);
  });
});

// D95: card numbers in free text. Luhn worked by hand for the cases below:
// 4111 1111 1111 1111 (the Visa test card) sums to 30; 5500 0000 0000 0004 to 20.
describe('a card number in free text', () => {
  it.each([
    ['Kunden leste opp 4111111111111111', true],
    ['kort 4111 1111 1111 1111 utløper 12/27', true],
    ['kort 5500-0000-0000-0004', true],
    ['ordre 4111111111111112', false], // one digit off: not Luhn-valid
    ['slutter på 1111', false],
    ['telefon +47 912 34 567', false],
    ['EAN 7080003000002 for EHF', false], // Luhn-valid, but a GS1-valid EAN-13 (its check digit: 2), not a card
    ['41111111111111111111', false], // 20 digits: longer than any card
    // 411171119111112 is Luhn-valid (sum 30): grouped 4-4-4-3 it is a card; inside a UUID
    // (an account's ID, a card session) it is an identifier.
    ['kort 4111-7111-9111-112', true],
    ['konto 0151fa7b-4111-7111-9111-112abcdef012', false],
    ['0151FA7B-4111-7111-9111-112ABCDEF012', false],
    ['0151fa7b-4111-7111-9111-112abcdef012 og 4111 1111 1111 1111', true],
    // A SHA-256 hex digest (the audit chain's, named by a review) is a digest, not a card.
    ['hash ab411171119111112cdef0123456789abcdef0123456789abcdef0123456789a', false],
    ['HASH AB411171119111112CDEF0123456789ABCDEF0123456789ABCDEF0123456789A', false],
    ['ab411171119111112cdef0123456789abcdef0123456789abcdef0123456789a og kort 4111 1111 1111 1111', true],
    ['kort 4111111111111111 og 4111111111111111', true], // all digits: no hex word
    ['kortnr411171119111112cdef0123456789abcdef0123456789abcdef01234', true], // glued to a word, not a digest
  ])('%s → %s', (text, card) => {
    expect(containsCardNumber(text)).toBe(card);
  });

  it('the comment command and the reason are refused with the shared rule, naming the field', () => {
    const comment = commentAddCommand.safeParse({ type: 'comment.add', accountNo: 1, text: 'Kort 4111 1111 1111 1111' });
    expect(comment.success).toBe(false);
    expect(comment.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['text', INPUT_RULE.cardNumberInText]]);
    const withReason = command.safeParse({ type: 'account.manage', accountNo: 1, actions: [{ actionDirective: 'ACTIVATE' }], reason: 'kunden oppga 4111111111111111' });
    expect(withReason.success).toBe(false);
    expect(withReason.error?.issues.some((i) => i.path.join('.') === 'reason' && i.message === INPUT_RULE.cardNumberInText)).toBe(true);
    expect(commentAddCommand.safeParse({ type: 'comment.add', accountNo: 1, text: 'Nytt kort, slutter på 1111' }).success).toBe(true);
  });
});
