// Phone numbers, with libphonenumber-js (Google's libphonenumber metadata). A number
// without a country code is Norwegian (8 digits); 0047… and +47… are the same number;
// any other country needs its code ("+46 70 123 45 67" or "0046…"). Numbers are kept in
// E.164 ("+4791234567"), the form the sandbox stores and search finds.
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'home' | 'work';
/** Which contact field holds which kind of number (004 contact details). */
export const PHONE_FIELDS = { cellPhone: 'mobile', homePhone: 'home', workPhone: 'work' } as const satisfies Record<string, PhoneKind>;

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined; type: NumberType | undefined; international: string; national: string }
  | { ok: false };

/** Characters people type in a phone number besides digits. */
const ALLOWED = /^[+\d\s().\-/]*$/;

export function parsePhone(input: string): PhoneResult {
  const text = input.trim();
  if (!text || !ALLOWED.test(text) || (text.match(/\+/g)?.length ?? 0) > 1 || (text.includes('+') && !text.startsWith('+'))) return { ok: false };
  const p = parsePhoneNumberFromString(text, 'NO');
  if (!p || !p.isValid()) return { ok: false };
  return { ok: true, e164: p.number, country: p.country, type: p.getType(), international: p.formatInternational(), national: p.formatNational() };
}

/** The number in E.164, or undefined when it is not a valid number. */
export function normalizePhone(input: string): string | undefined {
  const r = parsePhone(input);
  return r.ok ? r.e164 : undefined;
}

/** A fixed-line number in the mobile field (or the reverse) is allowed but worth a look. */
export function phoneKindMismatch(kind: PhoneKind, r: PhoneResult): boolean {
  if (!r.ok || !r.type) return false;
  if (kind === 'mobile') return r.type === 'FIXED_LINE';
  return false;
}
