// Which words of a name search matched something the results row does not show (D102).
// A quick search as words (the name kind, D40) lets each word fit the owner's names, the
// account's city, or a delivery address's name or city (docs/sandbox.md, "Ranking"), but a
// result row shows only the owner's name and city (D99). So "Hansen Oslo" lists Filip Hansen
// of TØNSBERG, whose holiday address is in Oslo, with nothing on the screen saying why. A
// word that fits none of the names and the city the row shows can only have matched a
// delivery address; the row says so, with the word as the agent typed it.
import type { SearchResultRow } from '../../../shared/ipc';

const fold = (s: string) => s.toLocaleLowerCase('nb');
/** Words as the sandbox splits them: runs of letters and digits. */
const wordsOf = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** a and b differ by one insertion, deletion or substitution (the sandbox allows one typo). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The words of `term` (as typed) that fit none of the words of the row's names and city:
 * not a part of one and not one letter off. Words of one or two letters are left out (an
 * initial fits the middle initials, which a row does not carry).
 */
export function wordsOnADeliveryAddress(term: string, row: SearchResultRow): string[] {
  const c = row.contactDetails;
  const shown = [c.fullName, c.firstName, c.lastName, c.postalCity].flatMap((v) => wordsOf(fold(v ?? '')));
  return wordsOf(term).filter((typed) => {
    const w = fold(typed);
    if ([...w].length < 3) return false;
    return !shown.some((s) => s.includes(w) || oneEditApart(s, w));
  });
}
