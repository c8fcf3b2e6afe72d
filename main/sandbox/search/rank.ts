// Ranking of name searches (docs/sandbox.md, "Ranking"): the best tier of matches first —
// the exact surname, then a word that is the name, then a word that starts so, then any
// part, then one typo away — and within a tier in account-number order. Each tier is one
// trigram-index query in rowid order, so a page needs only the first limit + 1 matches of
// the best tiers, however many accounts match at all. The index proposes; this file decides.
import type { DatabaseSync } from 'node:sqlite';
import type { ContactRow, DeliveryAddressRow } from '../store/rows';
import { q } from '../store/statements';
import type { FieldCriterion, SearchCriteria } from './criteria';
import { Fit, TYPO_MIN_LENGTH, fit, oneTypoApart, wordForm, wordsOf } from '../../../shared/domain/wordFit';
import type { DocColumn } from './doc';
import { and, needle, or, type Expr } from './query';

/** Only this many words of a free-text search are looked up in the index; the rest are checked. */
const MAX_INDEXED_WORDS = 4;

const best = (values: readonly string[], word: string): Fit => values.reduce<Fit>((m, v) => Math.min(m, fit(v, word)) as Fit, Fit.None);

// ---------------------------------------------------------------------------------------
// One ranked criterion (lastName "Hansen", fullName "Filip Hansen"): AMPS "like" decides
// what matches; the rank only orders. Tiers: a whole word (or run of words) of the field,
// the start of one, any part.

export interface RankedTerm {
  criterion: FieldCriterion | { path: string; column: 'address'; term: string; field: 'first' | 'last' | 'full' };
  /** Index column of the term. */
  column: DocColumn;
  /** The term in word form ("hansen", "filip hansen"). */
  text: string;
}

const RANKED_COLUMNS: Partial<Record<keyof ContactRow, DocColumn>> = { last_name: 'last', full_name: 'full', first_name: 'first' };

/** The criterion whose matches are ordered: a last name first, then a full name, then a first name. */
export function rankedTerm(c: SearchCriteria): RankedTerm | undefined {
  const pick = (col: keyof ContactRow, addr: 'lastName' | 'fullName' | 'firstName', field: 'last' | 'full' | 'first'): RankedTerm | undefined => {
    const f = c.like.find((x) => x.column === col);
    const term = f?.term ?? c.address[addr];
    if (!term) return undefined;
    const text = wordForm(term).trim();
    if ([...text].length < 3) return undefined;
    return {
      criterion: f ?? { path: `acctSearchAccountAddressCriteria.search${addr[0]!.toUpperCase()}${addr.slice(1)}`, column: 'address', term, field },
      column: RANKED_COLUMNS[col]!,
      text,
    };
  };
  return pick('last_name', 'lastName', 'last') ?? pick('full_name', 'fullName', 'full') ?? pick('first_name', 'firstName', 'first');
}

/** Index expressions of the tiers of one ranked term, best first. */
export function termTiers(t: RankedTerm): Expr[] {
  return [needle([t.column], ` ${t.text} `), needle([t.column], ` ${t.text}`), needle([t.column], t.text)];
}

/** The tier a candidate is in for the ranked term (it already satisfies the "like" criterion). */
export function termTier(t: RankedTerm, owner: ContactRow, deliveries: () => DeliveryAddressRow[]): number {
  const field = t.column === 'last' ? 'last_name' : t.column === 'first' ? 'first_name' : 'full_name';
  const values = [owner[field] as string];
  if (t.column === 'full' && t.criterion.column === 'address') values.push(...deliveries().map((d) => d.name));
  const spaced = values.map((v) => ` ${wordsOf(v).join(' ')} `);
  if (spaced.some((v) => v.includes(` ${t.text} `))) return 0;
  if (spaced.some((v) => v.includes(` ${t.text}`))) return 1;
  return 2;
}

// ---------------------------------------------------------------------------------------
// Words as a caller says them (sandbox extension, D40): "Hansen Oslo", "Hansen Filip",
// "Filip Hansen", "Hanseen". Every word must fit the owner's first, last or full name, a
// delivery address's name, or a city of the account; at least one word must fit a name.
// Surname and first name together come first, looked up in the name index.

export interface WordFields {
  last: string[];
  first: string[];
  name: string[];
  city: string[];
}

export const ownerFields = (o: ContactRow): WordFields => ({
  last: [o.last_name], first: [o.first_name], name: [o.full_name, o.middle_initials], city: [o.postal_city],
});

export function withDeliveries(f: WordFields, deliveries: readonly DeliveryAddressRow[]): WordFields {
  return { ...f, name: [...f.name, ...deliveries.map((d) => d.name)], city: [...f.city, ...deliveries.map((d) => d.city)] };
}

/**
 * The tier of an account for the words, or -1 when they do not match: 0 the surname and the
 * first name, each whole, are two of the words (every other word a whole word somewhere);
 * 1 every word a whole word and one of them the surname; 2 every word whole, one in a name;
 * 3 / 4 the same with words that start a word; 5 any part; 6 one word (only one) a typo away.
 */
export function wordTier(words: readonly string[], f: WordFields): number {
  let worst: number = Fit.Exact;
  let bestLast: number = Fit.None;
  let bestName: number = Fit.None;
  let typos = 0;
  for (const w of words) {
    const last = best(f.last, w);
    const name = Math.min(last, best(f.first, w), best(f.name, w));
    const any = Math.min(name, best(f.city, w));
    if (any === Fit.None) return -1;
    if (any === Fit.Typo && ++typos > 1) return -1; // one typo, not one per word
    worst = Math.max(worst, any);
    bestLast = Math.min(bestLast, last);
    bestName = Math.min(bestName, name);
  }
  if (worst === Fit.Exact) {
    if (isNamePair(words, f)) return 0;
    return bestLast === Fit.Exact ? 1 : bestName === Fit.Exact ? 2 : -1;
  }
  if (worst === Fit.Prefix) return bestLast <= Fit.Prefix ? 3 : bestName <= Fit.Prefix ? 4 : -1;
  if (worst === Fit.Part) return bestName <= Fit.Part ? 5 : -1;
  return bestName <= Fit.Typo ? 6 : -1;
}

const folded = (s: string) => wordsOf(s).join(' ');

/** Two different words are the whole surname and the whole first name. */
function isNamePair(words: readonly string[], f: WordFields): boolean {
  const last = folded(f.last[0] ?? '');
  const first = folded(f.first[0] ?? '');
  if (!last || !first) return false;
  const i = words.indexOf(last);
  return i >= 0 && words.some((w, j) => j !== i && w === first);
}

/** (surname, first name) pairs of the words, for the name index (contacts_last_first). */
export function namePairs(words: readonly string[]): [string, string][] {
  const ws = words.slice(0, MAX_INDEXED_WORDS);
  const out: [string, string][] = [];
  for (const [i, a] of ws.entries()) for (const [j, b] of ws.entries()) if (i !== j && a !== b) out.push([a, b]);
  return out;
}

const LAST: DocColumn[] = ['last'];
const NAMES: DocColumn[] = ['first', 'last', 'full'];
const ANY: DocColumn[] = ['first', 'last', 'full', 'city'];

/**
 * The words of every name and city (search_vocab), held in memory per connection: a few
 * hundred in the demo data. reindexAccount adds new words to it as it stores them.
 */
const vocabularies = new WeakMap<DatabaseSync, Set<string>>();

export function vocabulary(db: DatabaseSync): Set<string> {
  let v = vocabularies.get(db);
  if (!v) {
    v = new Set((q(db, 'SELECT word FROM search_vocab').all() as { word: string }[]).map((r) => r.word));
    vocabularies.set(db, v);
  }
  return v;
}

/** Words just stored in search_vocab (store/contacts.ts). */
export function noteVocabulary(db: DatabaseSync, words: readonly string[]): void {
  const v = vocabularies.get(db);
  if (v) for (const w of words) v.add(w);
}

/** Words of the vocabulary one typo away from `word`. */
export function typoVariants(db: DatabaseSync, word: string): string[] {
  if ([...word].length < TYPO_MIN_LENGTH) return [];
  return [...vocabulary(db)].filter((v) => oneTypoApart(v, word));
}

/** The best fit a word can have in any field of any account: what tiers are worth asking. */
function bestPossible(db: DatabaseSync, word: string): number {
  const v = vocabulary(db);
  if (v.has(word)) return Fit.Exact;
  // Words under 3 characters are not in the vocabulary: the index must tell.
  if ([...word].length < 3) return Fit.Exact;
  let fitBest: number = Fit.None;
  for (const x of v) {
    if (x.startsWith(word)) return Fit.Prefix;
    if (fitBest > Fit.Part && x.includes(word)) fitBest = Fit.Part;
  }
  return fitBest;
}

/**
 * The seven tiers' lookups (null where a tier cannot match or can use no index): the name
 * index for surname + first name, then trigram-index expressions.
 */
export type Tier = { match: Expr } | { pairs: [string, string][] };

export function wordTiers(db: DatabaseSync, words: readonly string[]): (Tier | null)[] {
  const ws = words.slice(0, MAX_INDEXED_WORDS);
  const exact = (w: string) => ` ${w} `;
  const start = (w: string) => ` ${w}`;
  const variants = new Map(ws.map((w) => [w, typoVariants(db, w)]));
  // "Some word i fits `head` columns and every other word fits anywhere."
  const tier = (fitOf: (w: string, cols: DocColumn[]) => Expr, head: DocColumn[]) =>
    or(ws.map((w, i) => and([fitOf(w, head), ...ws.filter((_, j) => j !== i).map((x) => fitOf(x, ANY))])));
  const whole = (w: string, cols: DocColumn[]) => needle(cols, exact(w));
  const starts = (w: string, cols: DocColumn[]) => needle(cols, start(w));
  const part = (w: string, cols: DocColumn[]) => ([...w].length >= 3 ? needle(cols, w) : needle(cols, start(w)));
  const typo = (w: string, cols: DocColumn[]) => or([part(w, cols), ...(variants.get(w) ?? []).map((v) => needle(cols, exact(v)))]);
  // A tier whose words are not all in the vocabulary in that form cannot match: not asked.
  const possible = words.map((w) => bestPossible(db, w));
  const worst = Math.max(...possible);
  const upTo = (fit: number, e: Expr): Tier | null => (worst <= fit ? { match: e } : null);
  // A typo tier needs every word to fit somehow, and at most one of them only by a typo.
  const typoOnly = words.filter((_, i) => possible[i] === Fit.None);
  const typoTier =
    typoOnly.length <= 1 && typoOnly.every((w) => (variants.get(w) ?? typoVariants(db, w)).length > 0) && [...variants.values()].some((v) => v.length > 0);
  return [
    worst === Fit.Exact && words.length >= 2 ? { pairs: namePairs(words) } : null,
    upTo(Fit.Exact, tier(whole, LAST)),
    upTo(Fit.Exact, tier(whole, NAMES)),
    upTo(Fit.Prefix, tier(starts, LAST)),
    upTo(Fit.Prefix, tier(starts, NAMES)),
    upTo(Fit.Part, tier(part, NAMES)),
    typoTier ? { match: tier(typo, NAMES) } : null,
  ];
}
