// Which words of a name search matched something the results row does not show (D102).
// A quick search as words (the name kind, D40) lets each word fit the owner's names, the
// account's city, or a delivery address's name or city (docs/sandbox.md, "Ranking"), but a
// result row shows only the owner's name and city (D99). So "Hansen Oslo" lists Filip Hansen
// of TØNSBERG, whose holiday address is in Oslo, with nothing on the screen saying why. A
// word that fits none of the names and the city the row shows, by the sandbox's own rule
// (shared/domain/wordFit.ts), can only have matched a delivery address; the row says so,
// with the word as the agent typed it, and once main has read the account's delivery
// addresses (D103), whether it is an address's name or its city.
import type { TFunction } from 'i18next';
import type { DeliveryPlace, SearchResultRow } from '../../../shared/ipc';
import { Fit, fit, fold } from '../../../shared/domain/wordFit';

/** The words as typed: runs of letters and digits, as the sandbox splits them. */
const typedWords = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The words of `term` (as typed) that fit none of the row's names and city. Words of one or
 * two letters are left out (an initial fits the middle initials, which a row does not carry).
 */
export function wordsOnADeliveryAddress(term: string, row: SearchResultRow): string[] {
  const c = row.contactDetails;
  const shown = [c.fullName, c.firstName, c.lastName, c.postalCity].filter((v): v is string => !!v);
  return typedWords(term).filter((typed) => {
    const w = fold(typed);
    return [...w].length >= 3 && shown.every((v) => fit(v, w) === Fit.None);
  });
}

const NOTE: Record<DeliveryPlace | 'unknown', string> = {
  name: 'search.matchedOnDeliveryName',
  city: 'search.matchedOnDeliveryCity',
  nameAndCity: 'search.matchedOnDeliveryNameAndCity',
  unknown: 'search.matchedOnDelivery',
};

/**
 * The row's note under the name, in the UI language: the words a delivery address explains,
 * grouped by where on it they fit ("“Ola”: a delivery address’s name; “Bergen”: the city
 * of a delivery address"); "on a delivery address" for words not placed (yet); null when the
 * row explains every word.
 */
export function deliveryNote(t: TFunction, term: string, row: SearchResultRow, places?: Readonly<Record<string, DeliveryPlace>>): string | null {
  const words = wordsOnADeliveryAddress(term, row);
  if (!words.length) return null;
  const groups = new Map<DeliveryPlace | 'unknown', string[]>();
  for (const w of words) {
    const on = places?.[w] ?? 'unknown';
    groups.set(on, [...(groups.get(on) ?? []), w]);
  }
  return [...groups].map(([on, ws]) => t(NOTE[on], { words: ws.join(' ') })).join('; ');
}
