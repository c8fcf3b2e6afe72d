import { describe, expect, it } from 'vitest';
import { describeBalance } from '../../../shared/domain/balance';
import { accountStatusKey } from '../../../shared/domain/accountStatus';

describe('describeBalance (positive = the customer owes)', () => {
  it('reads a positive balance as owed by the customer', () => {
    expect(describeBalance(199, 'NOK')).toEqual({ kind: 'owes', amount: 199, currency: 'NOK' });
  });
  it('reads a negative balance as owed to the customer', () => {
    expect(describeBalance(-50, 'nok')).toEqual({ kind: 'owed', amount: 50, currency: 'NOK' });
  });
  it('reads zero and rounding dust as settled, and defaults the currency to NOK', () => {
    expect(describeBalance(0)).toEqual({ kind: 'settled', amount: 0, currency: 'NOK' });
    expect(describeBalance(0.001, '')).toMatchObject({ kind: 'settled' });
    expect(describeBalance(Number.NaN)).toMatchObject({ kind: 'settled' });
  });
});

describe('accountStatusKey', () => {
  it('maps the 004 status codes', () => {
    expect([0, 1, 32, 99, -99, 7, null].map(accountStatusKey)).toEqual(['inactive', 'active', 'pending', 'permanent', 'archived', 'unknown', 'unknown']);
  });
});
