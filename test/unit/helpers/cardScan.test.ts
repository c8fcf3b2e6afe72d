// The at-rest scanner the card tests rely on (test/helpers/cardScan.ts): what it finds and
// its documented exceptions. 411171119111112 is Luhn-valid (sum 30, worked by hand).
import { describe, expect, it } from 'vitest';
import { cardNumbersIn } from '../../helpers/cardScan';

describe('the card scanner', () => {
  it('finds a card number written together, in groups, or glued to binary bytes', () => {
    expect(cardNumbersIn('kort 4111 1111 1111 1111').map((f) => f.digits)).toEqual(['4111111111111111']);
    expect(cardNumbersIn('x\u0001411171119111112\u0002').map((f) => f.digits)).toEqual(['411171119111112']);
    expect(cardNumbersIn('4111-7111-9111-112').map((f) => f.digits)).toEqual(['411171119111112']);
  });

  it('does not take a UUID or a hash for a card', () => {
    expect(cardNumbersIn('"ariaAccountID":"0151fa7b-4111-7111-9111-112abcdef012"')).toEqual([]);
    expect(cardNumbersIn('0151fa7b-dca7-7ff2-9008-8502163393ab')).toEqual([]);
    expect(cardNumbersIn('sha 411171119111112aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toEqual([]);
  });
});
