import { describe, expect, it } from 'vitest';
import { contactAsAddress, effectiveDate, emptyPermForm, permChanges, toChange, todayIso } from '../../../renderer/features/permAddress/permAddressModel';

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
});
