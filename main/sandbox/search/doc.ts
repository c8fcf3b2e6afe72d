// The one search document per account that the trigram index holds (docs/sandbox.md,
// "Search"), one column per kind of criterion so a term only meets the text it is about.
// The index only proposes candidates; search/match.ts decides.
import { fold, wordForm, wordsOf } from '../../../shared/domain/wordFit';

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

/** The index's columns, in table order (db/migrations.ts, v2). */
export const DOC_COLUMNS = ['first', 'last', 'full', 'street', 'city', 'postal', 'email', 'phone'] as const;
export type DocColumn = (typeof DOC_COLUMNS)[number];
export type SearchDoc = Record<DocColumn, string>;

/**
 * Columns holding names and cities keep word boundaries: folded, every run of anything but
 * letters and digits made one space, and a space before and after each value. So the
 * trigrams of " hansen " find the word Hansen exactly, of " hans" a word starting so, and of
 * "ans" any part (docs/sandbox.md, "Ranking").
 */
export const WORD_COLUMNS: ReadonlySet<DocColumn> = new Set<DocColumn>(['first', 'last', 'full', 'city']);
// fold, wordForm and wordsOf are the search's word rule, shared with the results grid.
export { fold, wordForm, wordsOf };

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

/** Folded values, one per line, leaving out any already contained in another. */
function column(values: readonly string[]): string {
  const parts: string[] = [];
  for (const v of values) {
    const f = fold(v.trim());
    if (f && !parts.some((p) => p.includes(f))) parts.push(f);
  }
  return parts.join('\n');
}

/** Values in word form, each as " w1 w2 ", leaving out any whose words are already there. */
function wordColumn(values: readonly string[]): string {
  const parts: string[] = [];
  for (const v of values) {
    const w = wordsOf(v).join(' ');
    const f = w ? ` ${w} ` : '';
    if (f && !parts.some((p) => p.includes(f))) parts.push(f);
  }
  return parts.join('');
}

export function buildSearchDoc(owner: DocContact, others: readonly DocContact[], deliveries: readonly DocDelivery[]): SearchDoc {
  const contacts = [owner, ...others];
  return {
    first: wordColumn([owner.first_name]),
    last: wordColumn([owner.last_name]),
    full: wordColumn([owner.full_name, owner.middle_initials, ...deliveries.map((d) => d.name)]),
    street: column([
      owner.address_line1, owner.address_line2, owner.address_line3, owner.street_name, owner.locality,
      ...deliveries.flatMap((d) => [d.line1, d.line2, d.line3, d.line4, d.co_addr, d.street_name]),
    ]),
    city: wordColumn([owner.postal_city, ...deliveries.map((d) => d.city)]),
    postal: column([owner.postal_code, ...deliveries.map((d) => d.postal_code)]),
    email: column(contacts.map((c) => c.email)),
    phone: column(contacts.flatMap((c) => [c.home_phone, c.cell_phone, c.work_phone].map(canonicalPhone))),
  };
}

/** The words of a document's name and city columns that a one-letter typo may have meant (search_vocab). */
export function vocabularyOf(doc: SearchDoc): string[] {
  const out = new Set<string>();
  for (const c of WORD_COLUMNS) for (const w of doc[c].split(' ')) if ([...w].length >= 3) out.add(w);
  return [...out];
}
