// Payment methods as the CSR sees them: only the masked number ever reaches the app.
import type { TFunction } from 'i18next';
import type { PaymentMethodOut } from '../../../shared/amps';

export function cardLabel(m: PaymentMethodOut): string {
  const exp = m.creditCardExpMonth && m.creditCardExpYear ? ` · ${m.creditCardExpMonth.padStart(2, '0')}/${m.creditCardExpYear.slice(-2)}` : '';
  return `${m.creditCardType ?? m.payMethodType} ${m.creditCardMasked ?? `#${m.ariaPaymentMethodNo}`}${exp}`;
}

/**
 * A card is valid through the last day of its expiry month (as the provider's form checks
 * it); after that it is expired. Months are compared in the desk's local calendar. Not a
 * card, or no expiry given: never expired.
 */
export function cardExpired(m: PaymentMethodOut, now: Date = new Date()): boolean {
  const month = Number(m.creditCardExpMonth);
  let year = Number(m.creditCardExpYear);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year <= 0) return false;
  if (year < 100) year += 2000;
  return year * 12 + (month - 1) < now.getFullYear() * 12 + now.getMonth();
}

/** The label wherever a card is offered to choose: the expired ones say so (issue 10 item 4). */
export function cardChoiceLabel(m: PaymentMethodOut, t: TFunction, now?: Date): string {
  return cardExpired(m, now) ? t('cardUpdate.expiredChoice', { card: cardLabel(m) }) : cardLabel(m);
}

export function findPaymentMethod(list: PaymentMethodOut[] | null | undefined, id: string | null | undefined): PaymentMethodOut | null {
  if (!id || !list) return null;
  return list.find((m) => m.ariaPaymentMethodID === id || String(m.ariaPaymentMethodNo) === id) ?? null;
}
