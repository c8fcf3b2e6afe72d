// The one search document per account that the trigram index holds (docs/sandbox.md,
// "Search"). The index only proposes candidates; search/match.ts decides, so the document
// may hold more than one field's text without changing what a criterion means.

export interface DocContact {
  first_name: string;
  middle_initials: string;
  last_name: string;
  full_name: string;
  address_line1: string;
  address_line2: string;
  address_line3: string;
  postal_code: string;
  postal_city: string;
  locality: string;
  street_name: string;
  home_phone: string;
  cell_phone: string;
  work_phone: string;
  email: string;
}

export interface DocDelivery {
  name: string;
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  co_addr: string;
  street_name: string;
  city: string;
  postal_code: string;
}

/** Case folding used by every text comparison of the search (Unicode-aware). */
export const fold = (s: string) => s.toLowerCase();

/**
 * A phone number as international digits: "+47 21 21 21 21", "004721212121" and
 * "21212121" (eight digits, no country code: Norway) all give "4721212121".
 */
export function canonicalPhone(raw: string): string {
  const t = raw.trim();
  let digits = t.replace(/\D+/g, '');
  if (!digits) return '';
  if (t.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.length === 8) digits = `47${digits}`;
  return digits;
}

export function buildSearchDoc(owner: DocContact, others: readonly DocContact[], deliveries: readonly DocDelivery[]): string {
  const parts: string[] = [];
  // Text already inside a longer field adds no trigrams worth having ("Hans" in "Hans Hansen").
  const add = (v: string) => {
    if (!v) return;
    const f = fold(v.trim());
    if (f && !parts.some((p) => p.includes(f))) parts.push(f);
  };
  for (const v of [owner.full_name, owner.address_line1, owner.first_name, owner.last_name, owner.middle_initials,
    owner.address_line2, owner.address_line3, owner.street_name, owner.locality, owner.postal_code, owner.postal_city]) add(v);
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const c of [owner, ...others]) {
    if (c.email) emails.add(fold(c.email));
    for (const p of [c.home_phone, c.cell_phone, c.work_phone]) {
      const d = canonicalPhone(p);
      if (d) phones.add(d);
    }
  }
  for (const e of emails) add(e);
  for (const p of phones) add(p);
  for (const d of deliveries) for (const v of [d.name, d.line1, d.line2, d.line3, d.line4, d.co_addr, d.street_name, d.postal_code, d.city]) add(v);
  // One newline between fields: no criterion contains one, so it only adds two junk trigrams.
  return parts.join('\n');
}
