// FTS5 queries over the trigram index (docs/sandbox.md, "Search"): a needle is a text that
// must occur in one of some columns, asked as its trigrams ANDed; needles combine with AND
// and OR. A needle shorter than three characters has no trigram: it asks nothing, and the
// candidates are checked against the rule anyway (search/match.ts, search/rank.ts).
import type { DocColumn } from './doc';

export type Expr = { needle: { columns: readonly DocColumn[]; text: string } } | { and: Expr[] } | { or: Expr[] };

export const needle = (columns: readonly DocColumn[], text: string): Expr => ({ needle: { columns, text } });
export const and = (xs: Expr[]): Expr => ({ and: xs });
export const or = (xs: Expr[]): Expr => ({ or: xs });

/**
 * The trigrams a needle is asked as. Past 6 characters every other trigram (and the last)
 * is enough: the candidates barely grow, and an email address's common trigrams ("gma",
 * ".co") no longer all have to be merged (2–3× faster at 1M).
 */
export function trigramsOf(text: string): string[] {
  const chars = [...text];
  const out = new Set<string>();
  const stride = chars.length > 6 ? 2 : 1;
  for (let i = 0; i + 3 <= chars.length; i += stride) out.add(chars.slice(i, i + 3).join(''));
  if (chars.length >= 3) out.add(chars.slice(-3).join(''));
  return [...out];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const filter = (cols: readonly DocColumn[]) => (cols.length === 1 ? cols[0]! : `{${cols.join(' ')}}`);

/** The FTS5 MATCH text of an expression; undefined when it asks nothing (matches everything). */
export function render(e: Expr, budget = { trigrams: 96 }): string | undefined {
  if ('needle' in e) {
    const grams = trigramsOf(e.needle.text).slice(0, Math.max(0, budget.trigrams));
    budget.trigrams -= grams.length;
    if (!grams.length) return undefined;
    return grams.map((g) => `${filter(e.needle.columns)} : ${quote(g)}`).join(' AND ');
  }
  if ('and' in e) {
    const parts = e.and.map((x) => render(x, budget)).filter((x): x is string => x !== undefined);
    if (!parts.length) return undefined;
    return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
  }
  const parts = e.or.map((x) => render(x, budget));
  if (!parts.length || parts.some((p) => p === undefined)) return undefined;
  const unique = [...new Set(parts as string[])];
  return unique.length === 1 ? unique[0] : unique.map((p) => `(${p})`).join(' OR ');
}
