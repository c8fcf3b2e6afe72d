// accounts.deliveryMatches: which part of an account's delivery addresses the words a result
// row cannot explain fit (D103) — literal addresses, words and verdicts.
import { describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { ServiceContext } from '../../../main/core/services/context';
import { deliveryMatchHandlers } from '../../../main/core/services/deliveryMatches';

const address = (no: number, distAddrName: string | null, distAddrCity: string) => ({
  distAddressNo: no,
  distAddrType: 'FERIE',
  distAddrName,
  distAddrCity,
  distAddrPostalCode: '0150',
  distAddrCountryCode: 'NO',
  isPermanent: false,
});
const ADDRESSES: Record<number, ReturnType<typeof address>[]> = {
  42000028: [address(1, 'Filip Hansen', 'OSLO'), address(2, 'Hytta på Moss', 'MOSS')],
  42000069: [address(3, 'Ola Nordmann', 'BERGEN')],
};

function list(input: { rows: { accountNo: number; words: string[] }[] }, failFor: number[] = []) {
  const asked: number[] = [];
  const client = {
    call: async (_endpoint: string, payload: { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: number } }) => {
      const no = payload.acctRetrieveDeliveryInfoCriteria.ariaAccountNo;
      asked.push(no);
      if (failFor.includes(no)) throw new Error('unreachable');
      return { resultInfo: { resultCode: 0, resultText: 'OK' }, acctRetrieveDeliveryInfoDetails: { ariaAccountNo: no, deliveryAddresses: ADDRESSES[no] ?? [], planInstances: [], addressTypes: [] } };
    },
  } as unknown as AmpsClient;
  const handlers = deliveryMatchHandlers({ client: async () => client } as unknown as ServiceContext);
  return { answer: handlers['accounts.deliveryMatches'](input, { transport: 'test', trustedSender: true }), asked };
}

describe('accounts.deliveryMatches', () => {
  it('places each word on an address’s name, its city, or both, by the search’s own rule', async () => {
    const { answer } = list({
      rows: [
        { accountNo: 42000028, words: ['Oslo', 'Hytta', 'Moss', 'osl', 'Tromsø'] },
        { accountNo: 42000069, words: ['Ola', 'Bergn'] },
      ],
    });
    expect(await answer).toEqual({
      rows: [
        // "osl" starts OSLO; Tromsø is on no address of his (changed since the search): left out.
        { accountNo: 42000028, words: [{ word: 'Oslo', on: 'city' }, { word: 'Hytta', on: 'name' }, { word: 'Moss', on: 'nameAndCity' }, { word: 'osl', on: 'city' }] },
        // One letter off, as the search allows for words of four letters or more.
        { accountNo: 42000069, words: [{ word: 'Ola', on: 'name' }, { word: 'Bergn', on: 'city' }] },
      ],
    });
  });

  it('a row no address explains is left out; the first account that cannot be read stops the asking', async () => {
    expect(await list({ rows: [{ accountNo: 42000069, words: ['Tromsø'] }] }).answer).toEqual({ rows: [] });
    const rows = Array.from({ length: 20 }, (_, i) => ({ accountNo: 43000000 + i, words: ['Oslo'] }));
    const { answer, asked } = list({ rows: [{ accountNo: 42000028, words: ['Oslo'] }, ...rows] }, rows.map((r) => r.accountNo));
    expect(await answer).toEqual({ rows: [{ accountNo: 42000028, words: [{ word: 'Oslo', on: 'city' }] }] });
    // Six at a time: the failures are seen before the other fourteen or so are asked.
    expect(asked.length).toBeLessThanOrEqual(7);
  });
});
