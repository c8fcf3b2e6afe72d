// The balance rule of this project (decision in docs/ui.md): positive acctBalance = the
// customer owes; negative = the customer is owed. 004 contradicts itself (the search
// section says the opposite); the retrieve section's rule is the one the sandbox uses.

export type BalanceKind = 'owes' | 'owed' | 'settled';

export interface BalanceWording {
  kind: BalanceKind;
  /** Always ≥ 0: the amount to put into words ("owes 199,00 kr"). */
  amount: number;
  currency: string;
}

/** Amounts below half an øre are "settled" (floating-point dust from the billing system). */
const EPSILON = 0.005;

export function describeBalance(balance: number, currencyCode?: string | null): BalanceWording {
  const currency = (currencyCode ?? '').trim().toUpperCase() || 'NOK';
  if (!Number.isFinite(balance) || Math.abs(balance) < EPSILON) return { kind: 'settled', amount: 0, currency };
  return { kind: balance > 0 ? 'owes' : 'owed', amount: Math.abs(balance), currency };
}
