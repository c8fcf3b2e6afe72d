// The address rules as plain functions over strings, so the zod schemas of shared/amps,
// the forms and the tests all use one implementation. Each returns the issues it found
// (field name + a message of INPUT_RULE) and what it would fill in.
import { isCountryCode } from './countries';
import { INPUT_RULE, type InputRuleMessage } from './messages';
import { isNorwegian, isNorwegianPostalCodeFormat, lookupPostalCode, samePlace } from './postalCodes';

export interface RuleIssue {
  field: string;
  message: InputRuleMessage;
}

const has = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

export interface PostalFields {
  country: string;
  postalCode: string;
  city: string;
}

export interface PostalCheck {
  issues: RuleIssue[];
  /** The poststed from the register when the city was left empty. */
  filledCity?: string;
}

/**
 * Country, postal code and city of one address. Norwegian addresses (country NO or not
 * given) need a 4-digit postal code from the register, and the city must be its poststed
 * (filled in when empty). A delivery address may not use a post-box-only postal code.
 */
export function checkPostal(
  v: { country?: string | null; postalCode?: string | null; city?: string | null },
  names: PostalFields,
  opts: { delivery?: boolean } = {},
): PostalCheck {
  const issues: RuleIssue[] = [];
  const country = (v.country ?? '').trim();
  if (country && !isCountryCode(country)) issues.push({ field: names.country, message: INPUT_RULE.countryUnknown });
  const code = (v.postalCode ?? '').trim();
  if (!code || !isNorwegian(country)) return { issues };
  if (!isNorwegianPostalCodeFormat(code)) return { issues: [...issues, { field: names.postalCode, message: INPUT_RULE.postalCodeNO }] };
  const entry = lookupPostalCode(code);
  if (!entry) return { issues: [...issues, { field: names.postalCode, message: INPUT_RULE.postalCodeUnknown }] };
  if (opts.delivery && entry.category === 'P') issues.push({ field: names.postalCode, message: INPUT_RULE.postalCodePostBox });
  if (!has(v.city)) return { issues, filledCity: entry.place };
  if (!samePlace(v.city, entry.place)) issues.push({ field: names.city, message: INPUT_RULE.postalCityMismatch });
  return { issues };
}

/**
 * An address is all or nothing: a street (name or first line), a postal code and a city
 * together, so "postal code 9999, no street or city" is refused with every gap named.
 */
export function checkAddressComplete(
  v: { street?: string | null; postalCode?: string | null; city?: string | null },
  names: { street: string; postalCode: string; city: string },
): RuleIssue[] {
  if (!has(v.street) && !has(v.postalCode) && !has(v.city)) return [];
  const issues: RuleIssue[] = [];
  if (!has(v.street)) issues.push({ field: names.street, message: INPUT_RULE.addressStreetRequired });
  if (!has(v.postalCode)) issues.push({ field: names.postalCode, message: INPUT_RULE.addressPostalCodeRequired });
  if (!has(v.city)) issues.push({ field: names.city, message: INPUT_RULE.addressCityRequired });
  return issues;
}
