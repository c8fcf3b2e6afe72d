// The Direct Post form's card checks: Luhn, brand, expiry, CVC, and loopback return URLs.
import { describe, expect, it } from 'vitest';
import { cardBrand, checkCard, loopbackUrl, luhnValid } from '../../../main/sandbox/directpost/card';

const NOW = Date.UTC(2026, 4, 15); // May 2026

describe('Luhn and brand', () => {
  it('accepts the schemes\' test numbers and refuses a changed digit', () => {
    for (const [n, brand] of [['4111111111111111', 'VISA'], ['4012888888881881', 'VISA'], ['5555555555554444', 'MASTERCARD'], ['2223003122003222', 'MASTERCARD'], ['378282246310005', 'AMEX'], ['6011111111111117', 'DISCOVER'], ['3530111333300000', 'JCB'], ['30569309025904', 'DINERS']] as const) {
      expect(luhnValid(n), n).toBe(true);
      expect(cardBrand(n), n).toBe(brand);
      expect(luhnValid(n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10))).toBe(false);
    }
    expect(cardBrand('9999999999999995')).toBeUndefined();
    expect(luhnValid('41111x1111111111')).toBe(false);
  });
});

describe('checkCard', () => {
  const card = { cardNumber: '4111 1111 1111 1111', expMonth: '05', expYear: '2026', cvc: '123' };
  it('keeps brand, last four and expiry only; valid through the expiry month', () => {
    expect(checkCard(card, NOW)).toEqual({ ok: true, card: { brand: 'VISA', lastFour: '1111', expMonth: 5, expYear: 2026 } });
    expect(checkCard({ ...card, expYear: '26' }, NOW)).toMatchObject({ ok: true });
  });
  it('refuses an expired card, a bad month, a far future, a wrong CVC length and a Luhn failure', () => {
    expect(checkCard({ ...card, expMonth: '04' }, NOW)).toEqual({ ok: false, error: 'expired' });
    expect(checkCard({ ...card, expMonth: '13' }, NOW)).toEqual({ ok: false, error: 'expiry' });
    expect(checkCard({ ...card, expYear: '2060' }, NOW)).toEqual({ ok: false, error: 'expiry' });
    expect(checkCard({ ...card, cvc: '1234' }, NOW)).toEqual({ ok: false, error: 'cvc' });
    expect(checkCard({ ...card, cardNumber: '378282246310005', cvc: '123' }, NOW)).toEqual({ ok: false, error: 'cvc' });
    expect(checkCard({ ...card, cardNumber: '4111111111111112' }, NOW)).toEqual({ ok: false, error: 'number' });
    expect(checkCard({ ...card, cardNumber: '411111111111' }, NOW)).toEqual({ ok: false, error: 'number' });
  });
});

describe('loopbackUrl', () => {
  it('allows http(s) on this machine only', () => {
    for (const ok of ['http://127.0.0.1:8080/done', 'https://localhost/cb?x=1', 'http://[::1]:3000/']) expect(loopbackUrl(ok), ok).toBeDefined();
    for (const bad of ['https://example.com/', 'http://127.0.0.1.example.com/', 'http://user:pw@127.0.0.1/', 'javascript:alert(1)', 'ftp://127.0.0.1/', 'not a url', undefined])
      expect(loopbackUrl(bad), String(bad)).toBeUndefined();
  });
});
