// Card checks of the sandbox's Direct Post form: Luhn, brand from the number, CVC length,
// expiry not in the past. Only brand, last four and expiry are ever kept (security.md, PCI).

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'DINERS' | 'JCB';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand by issuer prefix and length (the schemes' published IIN ranges). */
export function cardBrand(digits: string): CardBrand | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if ((p2 === 34 || p2 === 37) && n === 15) return 'AMEX';
  if (digits.startsWith('4') && (n === 13 || n === 16 || n === 19)) return 'VISA';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'MASTERCARD';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19) return 'DISCOVER';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'JCB';
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38) && n >= 14 && n <= 19) return 'DINERS';
  return undefined;
}

export interface CardInput {
  cardNumber: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export interface CheckedCard {
  brand: CardBrand;
  lastFour: string;
  expMonth: number;
  expYear: number;
}

export type CardError = 'number' | 'brand' | 'expiry' | 'expired' | 'cvc';

export function checkCard(input: CardInput, now: number): { ok: true; card: CheckedCard } | { ok: false; error: CardError } {
  const digits = input.cardNumber.replace(/[\s-]+/g, '');
  if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) return { ok: false, error: 'number' };
  const brand = cardBrand(digits);
  if (!brand) return { ok: false, error: 'brand' };
  const month = Number(input.expMonth);
  let year = Number(input.expYear);
  if (/^\d{2}$/.test(input.expYear.trim())) year += 2000;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < 2000 || year > 2100)
    return { ok: false, error: 'expiry' };
  // A card is valid through the last day of its expiry month.
  const today = new Date(now);
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const expiry = year * 12 + (month - 1);
  if (expiry < current) return { ok: false, error: 'expired' };
  if (expiry > current + 20 * 12) return { ok: false, error: 'expiry' };
  if (!new RegExp(`^\\d{${brand === 'AMEX' ? 4 : 3}}$`).test(input.cvc.trim())) return { ok: false, error: 'cvc' };
  return { ok: true, card: { brand, lastFour: digits.slice(-4), expMonth: month, expYear: year } };
}

/** A return URL must be http(s) on this machine: the form never sends anyone elsewhere. */
export function loopbackUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) return undefined;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) ? u : undefined;
}
