// Payment methods as the CSR sees them: only the masked number ever reaches the app.
import type { PaymentMethodOut } from '../../../shared/amps';

export function cardLabel(m: PaymentMethodOut): string {
  const exp = m.creditCardExpMonth && m.creditCardExpYear ? ` · ${m.creditCardExpMonth.padStart(2, '0')}/${m.creditCardExpYear.slice(-2)}` : '';
  return `${m.creditCardType ?? m.payMethodType} ${m.creditCardMasked ?? `#${m.ariaPaymentMethodNo}`}${exp}`;
}

export function findPaymentMethod(list: PaymentMethodOut[] | null | undefined, id: string | null | undefined): PaymentMethodOut | null {
  if (!id || !list) return null;
  return list.find((m) => m.ariaPaymentMethodID === id || String(m.ariaPaymentMethodNo) === id) ?? null;
}
