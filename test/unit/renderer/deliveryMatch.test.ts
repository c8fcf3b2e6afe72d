// Which words of a name search the results row cannot explain (D102): literal rows and words.
import { describe, expect, it } from 'vitest';
import { wordsOnADeliveryAddress } from '../../../renderer/features/search/deliveryMatch';

const filip = { ariaAccountNo: 42000028, acctStatusCode: 1, acctBalance: 0, contactDetails: { fullName: 'Filip Hansen', firstName: 'Filip', lastName: 'Hansen', postalCity: 'TØNSBERG' } };

describe('words matched on a delivery address', () => {
  it.each([
    ['Hansen Oslo', ['Oslo']], // his holiday address is in Oslo; the row shows Tønsberg
    ['Hansen Filip', []],
    ['Filip Hansen', []],
    ['Hanseen', []], // one letter off the surname
    ['Hans Tønsberg', []], // a part of a name; the city in another case
    ['tønsberg HANSEN', []],
    ['Hansen Ola Bergen', ['Ola', 'Bergen']],
    ['Hansen K. Oslo', ['Oslo']], // an initial is not judged
    ['Hansen-Oslo', ['Oslo']],
  ])('%s → %j', (term, want) => {
    expect(wordsOnADeliveryAddress(term, filip)).toEqual(want);
  });

  it('reads a row without a city or names', () => {
    expect(wordsOnADeliveryAddress('Hansen', { ...filip, contactDetails: {} })).toEqual(['Hansen']);
  });
});
