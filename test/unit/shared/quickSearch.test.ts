import { describe, expect, it } from 'vitest';
import { buildQuickSearch, possibleKinds, recogniseQuery } from '../../../shared/domain/quickSearch';

const kinds = (q: string) => recogniseQuery(q)?.kinds;

describe('recogniseQuery', () => {
  it('returns null for blank text', () => {
    expect(recogniseQuery('   ')).toBeNull();
  });

  it('reads an @ as an email address', () => {
    expect(kinds('ola.nordmann@example.no')).toEqual(['email', 'name']);
    expect(buildQuickSearch('email', 'Ola@Example.no')).toEqual({ criteria: { emailAddress: 'ola@example.no' } });
  });

  it('reads +, 00 and grouped digits as a phone number', () => {
    expect(kinds('+47 912 34 567')).toEqual(['phone']);
    expect(kinds('0047 91234567')).toEqual(['phone']);
    expect(kinds('912 34 567')?.[0]).toBe('phone');
    expect(buildQuickSearch('phone', '+47 912 34 567')).toEqual({ criteria: { phoneNumber: '+4791234567' } });
    expect(buildQuickSearch('phone', '0047 912 34 567')).toEqual({ criteria: { phoneNumber: '+4791234567' } });
  });

  it('reads 8 digits starting 2–9 as a phone number, then an account number', () => {
    expect(kinds('91234567')).toEqual(['phone', 'accountNo', 'invoiceNo', 'kid']);
    expect(kinds('22334455')?.slice(0, 2)).toEqual(['phone', 'accountNo']);
  });

  it('reads 6–9 digits as an account number first, with invoice and KID as fallbacks', () => {
    expect(kinds('123456')).toEqual(['accountNo', 'invoiceNo', 'kid', 'statementNo']);
    expect(kinds('11223344')?.[0]).toBe('accountNo');
    expect(kinds('123456789')?.[0]).toBe('accountNo');
    expect(buildQuickSearch('accountNo', '11223344')).toEqual({ criteria: { ariaAccountNo: 11223344 } });
  });

  it('reads exactly 4 digits as a postal code', () => {
    expect(kinds('0150')?.[0]).toBe('postalCode');
    expect(buildQuickSearch('postalCode', '0150')).toEqual({ contact: { postalCode: '0150' } });
  });

  it('reads 10–25 digits as a KID', () => {
    expect(kinds('1234567890123')?.[0]).toBe('kid');
    expect(buildQuickSearch('kid', '1234567890123')).toEqual({ criteria: { custInvoiceRef: '1234567890123' } });
    expect(kinds('1'.repeat(26))).toEqual([]);
  });

  it('marks 1–3 digits as not yet worth searching as you type', () => {
    expect(recogniseQuery('12')).toMatchObject({ kinds: ['accountNo', 'invoiceNo'], complete: false });
  });

  it('reads a street name with a number as an address', () => {
    expect(kinds('Storgata 12')).toEqual(['street', 'name']);
    expect(buildQuickSearch('street', 'Kongens gate 4 B')).toEqual({ address: { searchStreetName: 'Kongens gate', searchStreetNo: '4B' } });
  });

  it('reads other text as a name ("like" on the full name)', () => {
    expect(recogniseQuery('Ola Nordmann')).toMatchObject({ kinds: ['name', 'city', 'street', 'accountId'], complete: true });
    expect(recogniseQuery('olan')).toMatchObject({ kinds: ['name', 'city', 'street', 'accountId', 'userId'] });
    expect(buildQuickSearch('name', 'Ola Nordmann')).toEqual({ contact: { fullName: 'Ola Nordmann' }, nameAsWords: true });
    expect(recogniseQuery('O')?.complete).toBe(false);
    expect(recogniseQuery('Ol')?.complete).toBe(false);
    expect(recogniseQuery('Ola')?.complete).toBe(true);
  });

  it('lets a prefix name the kind, in English or Norwegian', () => {
    expect(recogniseQuery('invoice 123')).toMatchObject({ term: '123', kinds: ['invoiceNo'], explicit: true, complete: true });
    expect(recogniseQuery('inv:123')).toMatchObject({ term: '123', kinds: ['invoiceNo'] });
    expect(recogniseQuery('faktura 987')).toMatchObject({ term: '987', kinds: ['invoiceNo'] });
    expect(recogniseQuery('KID: 0012 3456')).toMatchObject({ term: '0012 3456', kinds: ['kid'] });
    expect(recogniseQuery('tlf 22 33 44 55')).toMatchObject({ kinds: ['phone'] });
    expect(recogniseQuery('id: ACCT-7')).toMatchObject({ term: 'ACCT-7', kinds: ['accountId'] });
    expect(recogniseQuery('by: Bergen')).toMatchObject({ term: 'Bergen', kinds: ['city'] });
    expect(buildQuickSearch('invoiceNo', '123')).toEqual({ criteria: { ariaInvoiceNo: 123 } });
  });

  it('does not read a name that starts like a prefix as that prefix', () => {
    expect(recogniseQuery('Post Hansen')).toMatchObject({ kinds: ['name', 'city', 'street', 'accountId'], explicit: false });
    expect(recogniseQuery('Inv Berg')?.explicit).toBe(false);
  });

  it('treats a prefix without a term as incomplete', () => {
    expect(recogniseQuery('kid:')).toMatchObject({ term: '', kinds: ['kid'], complete: false });
  });
});

describe('possibleKinds', () => {
  it('offers every kind a term can be searched as', () => {
    expect(possibleKinds('12345678')).toEqual(['accountNo', 'accountId', 'userId', 'phone', 'invoiceNo', 'statementNo', 'kid', 'planInstance']);
    expect(possibleKinds('Ola Nordmann')).toEqual(['accountId', 'planInstance', 'street', 'city', 'name']);
  });

  it('refuses numbers for text-only kinds and text for number-only kinds', () => {
    expect(buildQuickSearch('accountNo', 'abc')).toBeNull();
    expect(buildQuickSearch('name', '12345')).toBeNull();
    expect(buildQuickSearch('accountNo', '0')).toBeNull();
  });
});
