// Norwegian postal codes: 4 digits, each with its poststed (postal town) and category,
// from the copy of Posten/Bring's public register in postalRegisterNO.ts (D20).
import { POSTAL_REGISTER_DATE, POSTAL_REGISTER_TSV } from './postalRegisterNO';

export type PostalCategory = 'G' | 'P' | 'B' | 'S' | 'F';
export interface PostalEntry {
  code: string;
  /** The poststed as the register writes it (capitals): "OSLO", "ÅLESUND". */
  place: string;
  /** G street addresses, P post boxes only, B both, S service codes, F several uses. */
  category: PostalCategory;
}

export { POSTAL_REGISTER_DATE };

let register: Map<string, PostalEntry> | undefined;
function entries(): Map<string, PostalEntry> {
  if (!register) {
    register = new Map();
    for (const line of POSTAL_REGISTER_TSV.split('\n')) {
      const [code, place, category] = line.split('\t') as [string, string, PostalCategory];
      register.set(code, { code, place, category });
    }
  }
  return register;
}

export const isNorwegianPostalCodeFormat = (code: string) => /^\d{4}$/.test(code);

export function lookupPostalCode(code: string): PostalEntry | undefined {
  return entries().get(code.trim());
}

/** The same poststed, ignoring case and spacing ("Oslo" = "OSLO"). */
export function samePlace(a: string, b: string): boolean {
  const n = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('nb');
  return n(a) === n(b);
}

/** Addresses are Norwegian unless another country is named. */
export const isNorwegian = (countryCode: string | null | undefined) => !countryCode || !countryCode.trim() || countryCode.trim().toUpperCase() === 'NO';
