// What each search criterion means, decided per candidate account (docs/sandbox.md,
// "Search"). The index only proposes candidates; this is the rule.
import { EMAIL_PATTERN } from '../../../shared/amps/fields';
import type { ContactRow, DeliveryAddressRow } from '../store/rows';
import type { AddressCriteria, SearchCriteria } from './criteria';
import { canonicalPhone, fold } from './doc';

/** "Like": contains, case-insensitive; a term shorter than 3 characters matches the start. */
export function like(value: string, term: string): boolean {
  const v = fold(value);
  const t = fold(term.trim());
  return t.length < 3 ? v.startsWith(t) : v.includes(t);
}

export const exact = (value: string, term: string) => fold(value.trim()) === fold(term.trim());

/** Digits only; a term without a country code also matches the same number with +47. */
export function phoneMatches(value: string, term: string): boolean {
  const v = canonicalPhone(value);
  if (!v) return false;
  const t = canonicalPhone(term);
  if (v === t) return true;
  const bare = term.trim();
  return !bare.startsWith('+') && !bare.startsWith('00') && v === `47${bare.replace(/\D+/g, '')}`;
}

/** A whole address matches exactly; anything else ("hansen", "@online.no") is contained. */
export function emailMatches(value: string, term: string): boolean {
  if (!value) return false;
  return EMAIL_PATTERN.test(term.trim()) ? exact(value, term) : fold(value).includes(fold(term.trim()));
}

export interface AddressView {
  name: string;
  lines: string[];
  street: string;
  streetNo: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

export const ownerAddress = (c: ContactRow): AddressView => ({
  name: c.full_name, lines: [c.address_line1, c.address_line2, c.address_line3], street: c.street_name,
  streetNo: c.street_no, postalCode: c.postal_code, city: c.postal_city, countryCode: c.country_code,
});

export const deliveryAddress = (d: DeliveryAddressRow): AddressView => ({
  name: d.name, lines: [d.line1, d.line2, d.line3, d.line4, d.co_addr], street: d.street_name,
  streetNo: d.street_no, postalCode: d.postal_code, city: d.city, countryCode: d.country_code,
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** All address criteria (except the owner-only names) must hold for one and the same address. */
export function addressMatches(v: AddressView, a: AddressCriteria): boolean {
  if (a.fullName && !like(v.name, a.fullName)) return false;
  if (a.streetName && !like(v.street, a.streetName) && !v.lines.some((l) => like(l, a.streetName!))) return false;
  if (a.streetNo) {
    const word = new RegExp(`(^|\\s)${escapeRegExp(a.streetNo)}($|[\\s,])`, 'i');
    if (!exact(v.streetNo, a.streetNo) && !v.lines.some((l) => word.test(l))) return false;
  }
  if (a.postalCode && !exact(v.postalCode, a.postalCode)) return false;
  if (a.city && !like(v.city, a.city)) return false;
  if (a.countryCode && !exact(v.countryCode, a.countryCode)) return false;
  return true;
}

const hasAddressPart = (a: AddressCriteria) =>
  !!(a.fullName || a.streetName || a.streetNo || a.postalCode || a.city || a.countryCode);

export interface Candidate {
  owner: ContactRow;
  /** Statement and billing contacts, loaded only when needed. */
  others(): ContactRow[];
  deliveries(): DeliveryAddressRow[];
}

const phonesOf = (c: ContactRow) => [c.home_phone, c.cell_phone, c.work_phone];

/** True when the candidate satisfies every non-identifier criterion (they combine with AND). */
export function matchesCriteria(c: SearchCriteria, x: Candidate): boolean {
  const o = x.owner;
  for (const f of c.like) if (!like(o[f.column] as string, f.term)) return false;
  for (const f of c.exact) if (!exact(o[f.column] as string, f.term)) return false;
  for (const f of c.phones) if (!phoneMatches(o[f.column] as string, f.term)) return false;
  if (c.ownerEmail && !emailMatches(o.email, c.ownerEmail)) return false;
  if (c.anyPhone && !phonesOf(o).some((p) => phoneMatches(p, c.anyPhone!))) {
    if (!x.others().some((k) => phonesOf(k).some((p) => phoneMatches(p, c.anyPhone!)))) return false;
  }
  if (c.anyEmail && !emailMatches(o.email, c.anyEmail)) {
    if (!x.others().some((k) => emailMatches(k.email, c.anyEmail!))) return false;
  }
  const a = c.address;
  if (a.firstName && !like(o.first_name, a.firstName)) return false;
  if (a.lastName && !like(o.last_name, a.lastName)) return false;
  if (hasAddressPart(a) && !addressMatches(ownerAddress(o), a)) {
    if (!x.deliveries().some((d) => addressMatches(deliveryAddress(d), a))) return false;
  }
  return true;
}
