import { describe, expect, it } from 'vitest';
import { contactAsAddress, effectiveDate, emptyPermForm, formatAddress, permChanges, toChange, todayIso } from '../../../renderer/features/permAddress/permAddressModel';

describe('permanent address model', () => {
  it('sends "today" as now (a bare date is midnight UTC) and other dates as they are', () => {
    const now = new Date(2026, 10, 23, 0, 30);
    expect(effectiveDate(todayIso(now), now)).toBe(now.toISOString().slice(0, 19));
    expect(effectiveDate('2030-01-01', now)).toBe('2030-01-01');
    expect(effectiveDate('', now)).toBe('');
  });

  it('builds a new-address change with the required fields kept, and the type twice as 004 wants', () => {
    const f = emptyPermForm();
    f.mode = 'new';
    f.dateEffective = '2030-01-01';
    Object.assign(f.acctDeliveryAddress, { distAddrType: 'TEMP', distStreetName: 'Sjøgata', distStreetNo: '5', distAddrCountryCode: 'no' });
    expect(toChange(7, f)).toEqual({
      ariaAccountNo: 7,
      distAddressType: 'TEMP',
      dateEffective: '2030-01-01',
      acctDeliveryAddress: { distAddrType: 'TEMP', distStreetName: 'Sjøgata', distStreetNo: '5', distAddrCity: '', distAddrPostalCode: '', distAddrCountryCode: 'NO' },
    });
  });

  it('compares with the account’s own address when no delivery address is permanent yet', () => {
    const f = emptyPermForm();
    f.mode = 'new';
    Object.assign(f.acctDeliveryAddress, { distAddrType: 'TEMP', distStreetName: 'Sjøgata', distStreetNo: '5', distAddrPostalCode: '8006', distAddrCity: 'Bodø' });
    const own = contactAsAddress({ streetName: 'Storgata', streetNo: '1', postalCode: '0155', postalCity: 'OSLO', countryCode: 'NO' });
    const info = { ariaAccountNo: 7, deliveryAddresses: [], planInstances: [], addressTypes: [] };
    const changes = permChanges(info, f, 'new address', own);
    expect(changes.find((c) => c.path === 'acctDeliveryAddress.distStreetName')).toEqual({ path: 'acctDeliveryAddress.distStreetName', before: 'Storgata', after: 'Sjøgata' });
    expect(changes.find((c) => c.path === 'acctDeliveryAddress.distAddrCity')).toEqual({ path: 'acctDeliveryAddress.distAddrCity', before: 'OSLO', after: 'Bodø' });
    expect(changes[0]).toEqual({ path: 'distAddressNo', before: null, after: 'new address' });
  });

  it('writes an address on one line as on an envelope posted in Norway: no country for Norway, the name of any other', () => {
    const oslo = { distStreetName: 'Testveien', distStreetNo: '12B', distFlatNo: 'H0302', distAddrPostalCode: '0150', distAddrCity: 'Oslo', distAddrCountryCode: 'NO' };
    expect(formatAddress(oslo, 'en')).toBe('Testveien 12B, H0302, 0150 Oslo');
    expect(formatAddress({ ...oslo, distAddrCountryCode: 'no' }, 'nb')).toBe('Testveien 12B, H0302, 0150 Oslo');
    const stockholm = { distStreetName: 'Storgatan', distStreetNo: '1', distAddrPostalCode: '111 22', distAddrCity: 'Stockholm', distAddrCountryCode: 'SE' };
    expect(formatAddress(stockholm, 'en')).toBe('Storgatan 1, 111 22 Stockholm, Sweden');
    expect(formatAddress(stockholm, 'nb')).toBe('Storgatan 1, 111 22 Stockholm, Sverige');
    expect(formatAddress({ distCoAddr: 'Kari Hansen', distAddrLine1: 'Postboks 12', distAddrPostalCode: '9990', distAddrCity: 'Båtsfjord' }, 'nb')).toBe('c/o Kari Hansen, Postboks 12, 9990 Båtsfjord');
    expect(formatAddress(null, 'en')).toBe('');
  });
});
