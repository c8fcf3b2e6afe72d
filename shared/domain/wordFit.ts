// How a word a caller says fits a name or a city (docs/sandbox.md, "Ranking"): one rule for
// the sandbox, which ranks name searches by it (main/sandbox/search/rank.ts), and the results
// grid, which says which words of a search the row it shows does not explain (D102).
import { distance } from 'fastest-levenshtein';

/** Case folding used by every text comparison of the search (Unicode-aware). */
export const fold = (s: string) => s.toLowerCase();

/**
 * Folded, every run of anything but letters and digits made one space: the word form of a
 * name or city ("Hansen-Berg, Ola" → "hansen berg ola").
 */
export const wordForm = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ');
/** The words of a text, folded: "Hansen-Berg, Ola" → ["hansen", "berg", "ola"]. */
export const wordsOf = (s: string) => wordForm(s).split(' ').filter(Boolean);

/** How a word meets a field, best first. */
export const Fit = { Exact: 0, Prefix: 1, Part: 2, Typo: 3, None: 4 } as const;
export type Fit = (typeof Fit)[keyof typeof Fit];

/** Words shorter than this never count a typo (every 3-letter word is one edit from dozens). */
export const TYPO_MIN_LENGTH = 4;

/** A word within one edit (insert, delete, substitute) of another; equal words are not a typo. */
export function oneTypoApart(a: string, b: string): boolean {
  const la = [...a].length;
  const lb = [...b].length;
  return a !== b && Math.abs(la - lb) <= 1 && distance(a, b) <= 1;
}

/** How one folded word fits a field value. */
export function fit(value: string, word: string): Fit {
  if (!value) return Fit.None;
  const words = wordsOf(value);
  if (words.includes(word)) return Fit.Exact;
  if (words.some((w) => w.startsWith(word))) return Fit.Prefix;
  const n = [...word].length;
  // Two letters inside a word say nothing (and have no trigram to look up).
  if (n >= 3 && ` ${words.join(' ')} `.includes(word)) return Fit.Part;
  if (n >= TYPO_MIN_LENGTH && words.some((w) => oneTypoApart(w, word))) return Fit.Typo;
  return Fit.None;
}
