// AcctChangePermAddress and the AcctRetrieveDeliveryInfo extension: a new address checked
// against the address types, an existing distAddressNo checked against the account, the
// optional subscription scope and the effective date — read back through delivery info.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { AmpsError } from '../../../main/core/amps/errors';
import { RESULT, formatAmpsDateTime } from '../../../shared/amps';
import { demoAccounts, post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let client: AmpsClient;
const demo = demoAccounts(7, 100);
const subject = demo.find((a) => a.plans.some((p) => p[7] === 0 && p[3] === null) && a.deliveries.length === 0 && a.account.status !== -99)!;
const accountNo = subject.account.account_no;
const masterNo = subject.plans.find((p) => p[7] === 0 && p[3] === null)![0] as number;

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 100, seed: 7 });
  client = sb.client();
});
afterAll(() => sb.close());

const info = async () => (await client.call('AcctRetrieveDeliveryInfo', { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: accountNo } })).acctRetrieveDeliveryInfoDetails!;
const cabin = { distAddrType: 'CABIN', distAddrName: 'Hytta', distStreetName: 'Fjellveien', distStreetNo: '12B', distAddrLine1: 'Fjellveien 12B', distAddrCity: 'GEILO', distAddrPostalCode: '3580', distAddrCountryCode: 'NO', distFlatFloor: 2 };
const change = (details: Record<string, unknown>) => client.call('AcctChangePermAddress', { AcctChangePermAddressRequestDetails: { ariaAccountNo: accountNo, ...details } });

describe('permanent address', () => {
  it('lists the address types, plan instances and (no) delivery addresses', async () => {
    const d = await info();
    expect(d.addressTypes.map((t) => t.code)).toEqual(expect.arrayContaining(['CABIN', 'HOLIDAY', 'PERM', 'TEMP']));
    expect(d.deliveryAddresses).toEqual([]);
    expect(d.planInstances.filter((p) => p.isSpecial)).toHaveLength(1);
    expect(d.planInstances.map((p) => p.ariaMPINo)).toContain(masterNo);
  });

  it('adds a new address of a valid type, effective now, for the whole account', async () => {
    const r = await change({ distAddressType: 'CABIN', acctDeliveryAddress: cabin });
    expect(r.AcctChangePermAddressResponseDetails).toEqual({ ariaAccountID: subject.account.account_id, ariaAccountNo: accountNo, distAddressNo: 1 });
    const d = await info();
    expect(d.deliveryAddresses).toEqual([expect.objectContaining({ distAddressNo: 1, distAddrType: 'CABIN', distAddrCity: 'GEILO', distStreetNo: '12B', distFlatFloor: '2', isPermanent: true })]);
    expect(d.planInstances.find((p) => p.ariaMPINo === masterNo)!.distAddressNo).toBe(1);
    // It is a delivery address the search finds.
    const found = await client.call('AcctSearchAccount', { acctSearchAccountAddressCriteria: { searchStreetName: 'Fjellveien', searchStreetNo: '12B', searchPostalCode: '3580' } });
    expect(found.acctSearchAccountResponseDetails!.accountResultSet.map((a) => a.ariaAccountNo)).toEqual([accountNo]);
  });

  it('refuses an unknown address type and an address number the account does not have', async () => {
    const type = await change({ distAddressType: 'CASTLE', acctDeliveryAddress: { ...cabin, distAddrType: 'CASTLE' } }).catch((e: AmpsError) => e);
    expect(type).toMatchObject({ resultCode: RESULT.INVALID_FIELD, fields: [{ path: 'AcctChangePermAddressRequestDetails.distAddressType' }] });
    const no = await change({ distAddressNo: 7 }).catch((e: AmpsError) => e);
    expect(no).toMatchObject({ resultCode: RESULT.NOT_FOUND, fields: [{ path: 'AcctChangePermAddressRequestDetails.distAddressNo' }] });
    const notMine = await change({ distAddressNo: 1, ariaMPINo: 130000001 }).catch((e: AmpsError) => e);
    expect(notMine).toMatchObject({ resultCode: RESULT.NOT_FOUND, fields: [{ path: 'AcctChangePermAddressRequestDetails.ariaMPINo' }] });
  });

  it('scopes a change to one subscription, and a future effective date waits', async () => {
    const second = await change({ distAddressType: 'HOLIDAY', acctDeliveryAddress: { ...cabin, distAddrType: 'HOLIDAY', distAddrName: 'Sommer', distAddrCity: 'KRAGERØ', distAddrPostalCode: '3770' }, ariaMPINo: masterNo });
    expect(second.AcctChangePermAddressResponseDetails!.distAddressNo).toBe(2);
    let d = await info();
    expect(d.planInstances.find((p) => p.ariaMPINo === masterNo)!.distAddressNo).toBe(2);
    expect(d.deliveryAddresses.find((a) => a.distAddressNo === 1)!.isPermanent).toBe(true); // the account's own stays
    const when = formatAmpsDateTime(Date.now() + 7 * 86_400_000);
    await change({ distAddressNo: 2, dateEffective: when });
    d = await info();
    expect(d.deliveryAddresses.find((a) => a.distAddressNo === 1)!.isPermanent).toBe(true);
    expect(d.deliveryAddresses.find((a) => a.distAddressNo === 2)).toMatchObject({ isPermanent: false, permanentFrom: when });
  });

  it('accepts the sample\'s spelling distPublsAddrNo and refuses a special plan instance as scope', async () => {
    const special = (await info()).planInstances.find((p) => p.isSpecial)!;
    const r = await post(sb.url, 'AcctChangePermAddress', signedBody('AcctChangePermAddress', {
      AcctChangePermAddressRequestDetails: { ariaAccountNo: accountNo, ariaMPIID: special.ariaMPIID, distAddressNo: 1 },
    }, { withAuthKey: false }));
    expect(r.json.resultInfo).toMatchObject({ resultCode: RESULT.RULE_VIOLATION, errorFields: [{ path: 'AcctChangePermAddressRequestDetails.ariaMPIID' }] });
    const ok = await post(sb.url, 'AcctChangePermAddress', signedBody('AcctChangePermAddress', {
      AcctChangePermAddressRequestDetails: { ariaAccountNo: accountNo, distAddressType: 'TEMP', acctDeliveryAddress: { ...cabin, distAddrType: 'TEMP', distPublsAddrNo: 4 } },
    }, { withAuthKey: false }));
    expect(ok.json.resultInfo.resultCode).toBe(0);
  });
});
