// How a search finds its candidates without scanning (performance.md): identifiers through
// their indexes; text of 3+ characters through the trigram index; a short first or last
// name through its prefix index. Candidates come in account-number order, so a page of
// results needs only the first limit + 1 matches.
import type { DatabaseSync } from 'node:sqlite';
import type { SearchCriteria } from './criteria';
import { WORD_COLUMNS, fold, wordForm, type DocColumn } from './doc';
import { and, needle, render, trigramsOf, type Expr } from './query';
import { rankedTerm, termTiers, wordTiers, type RankedTerm, type Tier } from './rank';
import type { ContactRow } from '../store/rows';
import { q } from '../store/statements';

export type Driver =
  | { kind: 'ids'; queries: { sql: string; param: string | number }[] }
  | { kind: 'fts'; match: string }
  /** Tiers best first: a trigram-index query, or surname + first name pairs for the name index (null: not asked). */
  | { kind: 'ranked'; tiers: (RankedTier | null)[]; term?: RankedTerm; words?: string[] }
  | { kind: 'prefix'; column: 'last_name' | 'first_name'; term: string };

/** Lookups for identifier criteria; each returns the account numbers it matches. */
export const ID_SQL = {
  ariaAccountNo: 'SELECT account_no FROM accounts WHERE account_no = ?',
  ariaAccountID: 'SELECT account_no FROM accounts WHERE account_id = ?',
  userID: 'SELECT account_no FROM accounts WHERE user_id = ?',
  migratedCustomerID: 'SELECT account_no FROM accounts WHERE migrated_customer_id = ?',
  ariaPINo: 'SELECT account_no FROM plan_instances WHERE mpi_no = ?',
  ariaPIID: 'SELECT account_no FROM plan_instances WHERE mpi_id = ?',
  ariaInvoiceNo: 'SELECT account_no FROM invoices WHERE invoice_no = ?',
  ariaStatementNo: 'SELECT account_no FROM invoices WHERE statement_no = ?',
  ariaSeqStatementNo: 'SELECT account_no FROM invoices WHERE seq_statement_no = ?',
  custInvoiceRef: 'SELECT account_no FROM invoices WHERE kid = ?',
} as const;

/** The candidate row: the account and its owner contact. */
export const CANDIDATE_SELECT = `SELECT a.account_no AS a_no, a.account_id, a.user_id, a.currency, a.balance_ore, a.status, c.*`;

export const FTS_SQL = `${CANDIDATE_SELECT} FROM account_fts f
  CROSS JOIN accounts a ON a.account_no = f.rowid
  CROSS JOIN contacts c ON c.contact_no = a.contact_no
  WHERE account_fts MATCH ? ORDER BY f.rowid`;

/** Owners whose surname and first name are these words (contacts_last_first; NOCASE folds ASCII, the variants the rest). */
export const PAIR_SQL = `${CANDIDATE_SELECT} FROM contacts c CROSS JOIN accounts a ON a.account_no = c.account_no
  WHERE c.last_name IN (?, ?, ?) AND c.first_name IN (?, ?, ?) AND a.contact_no = c.contact_no`;

export type RankedTier = { match: string } | { pairs: [string, string][] };

/** Lower-case, capitalised and upper-case spellings (NOCASE folds ASCII only: "øyvind" / "Øyvind"). */
export function caseVariants(term: string): [string, string, string] {
  const lower = term.trim().toLowerCase();
  return [lower, lower.charAt(0).toUpperCase() + lower.slice(1), lower.toUpperCase()];
}

export const BY_NO_SQL = `${CANDIDATE_SELECT} FROM accounts a CROSS JOIN contacts c ON c.contact_no = a.contact_no WHERE a.account_no = ?`;

export const prefixSql = (column: 'last_name' | 'first_name', ranges: number) =>
  `${CANDIDATE_SELECT} FROM contacts c CROSS JOIN accounts a ON a.account_no = c.account_no
  WHERE (${Array.from({ length: ranges }, () => `(c.${column} >= ? AND c.${column} < ?)`).join(' OR ')})
    AND a.contact_no = c.contact_no ORDER BY a.account_no`;

export interface Needle {
  column: DocColumn;
  text: string;
}

const LIKE_COLUMN: Partial<Record<keyof ContactRow, DocColumn>> = {
  first_name: 'first', last_name: 'last', full_name: 'full', middle_initials: 'full', address_line1: 'street',
  address_line2: 'street', address_line3: 'street', street_name: 'street', locality: 'street', postal_city: 'city',
};

/** The text a trigram lookup can use for each criterion, with the column it must occur in. */
export function needles(c: SearchCriteria): Needle[] {
  const out: Needle[] = [];
  const phone = (t: string) => {
    const digits = t.replace(/\D+/g, '');
    return t.trim().startsWith('00') ? digits.slice(2) : digits;
  };
  for (const f of c.like) out.push({ column: LIKE_COLUMN[f.column]!, text: f.term });
  for (const f of c.exact) if (f.column === 'postal_code') out.push({ column: 'postal', text: f.term });
  for (const f of c.phones) out.push({ column: 'phone', text: phone(f.term) });
  if (c.anyPhone) out.push({ column: 'phone', text: phone(c.anyPhone) });
  if (c.anyEmail) out.push({ column: 'email', text: c.anyEmail });
  if (c.ownerEmail) out.push({ column: 'email', text: c.ownerEmail });
  const a = c.address;
  const add = (column: DocColumn, t: string | undefined) => {
    if (t) out.push({ column, text: t });
  };
  add('first', a.firstName);
  add('last', a.lastName);
  add('full', a.fullName);
  add('street', a.streetName);
  add('postal', a.postalCode);
  add('city', a.city);
  // Name and city columns hold words (search/doc.ts): the needle takes the same form.
  return out
    .map((n) => ({ column: n.column, text: WORD_COLUMNS.has(n.column) ? wordForm(n.text.trim()) : fold(n.text.trim()) }))
    .filter((n) => [...n.text].length >= 3);
}

const MAX_TRIGRAMS = 48;

/** An FTS5 query: the trigrams of every needle within its column, ANDed (search/query.ts). */
export function trigramQuery(list: readonly Needle[]): string | undefined {
  const grams = new Set<string>();
  for (const { column, text } of list) for (const g of trigramsOf(text)) grams.add(`${column} : "${g.replace(/"/g, '""')}"`);
  if (grams.size === 0) return undefined;
  return [...grams].slice(0, MAX_TRIGRAMS).join(' AND ');
}

/** The criteria without the ranked one (its needle is the tier's). */
function withoutTerm(c: SearchCriteria, t: RankedTerm): SearchCriteria {
  if (t.criterion.column !== 'address') return { ...c, like: c.like.filter((f) => f !== t.criterion) };
  const address = { ...c.address };
  delete address[t.criterion.field === 'last' ? 'lastName' : t.criterion.field === 'first' ? 'firstName' : 'fullName'];
  return { ...c, address };
}

/** Ranked plans: the tiers of the name, each ANDed with the needles of every other criterion. */
function rankedDriver(db: DatabaseSync, c: SearchCriteria): Driver | undefined {
  const term = c.words ? undefined : rankedTerm(c);
  if (!c.words && !term) return undefined;
  const rest: Expr[] = needles(term ? withoutTerm(c, term) : c).map((n) => needle([n.column], n.text));
  const tiers: (Tier | null)[] = c.words ? wordTiers(db, c.words) : termTiers(term!).map((match) => ({ match }));
  const seen = new Set<string>();
  const rendered = tiers.map((t): RankedTier | null => {
    if (!t) return null;
    if ('pairs' in t) return t.pairs.length ? t : null;
    const m = render(and([...rest, t.match]));
    // A tier that asks exactly what an earlier one asked finds nothing new.
    if (m === undefined || seen.has(m)) return null;
    seen.add(m);
    return { match: m };
  });
  // Words that no name or city has in any form match nothing: an empty answer, not a refusal.
  if (rendered.every((m) => m === null)) return c.words ? { kind: 'ranked', tiers: [], words: c.words } : undefined;
  return { kind: 'ranked', tiers: rendered, ...(term ? { term } : {}), ...(c.words ? { words: c.words } : {}) };
}

export function chooseDriver(c: SearchCriteria, db?: DatabaseSync): Driver | undefined {
  const idQueries = Object.entries(c.ids).map(([k, v]) => ({ sql: ID_SQL[k as keyof typeof ID_SQL], param: v as string | number }));
  if (idQueries.length) return { kind: 'ids', queries: idQueries };
  const ranked = db ? rankedDriver(db, c) : undefined;
  if (ranked) return ranked;
  const match = trigramQuery(needles(c));
  if (match) return { kind: 'fts', match };
  const short = (col: 'last_name' | 'first_name', term: string | undefined) => (term ? { kind: 'prefix' as const, column: col, term } : undefined);
  const like = (col: 'last_name' | 'first_name') => c.like.find((f) => f.column === col)?.term;
  return short('last_name', like('last_name') ?? c.address.lastName) ?? short('first_name', like('first_name') ?? c.address.firstName);
}

/** Index ranges for a name prefix: lower-case, capitalised and upper-case spellings (NOCASE folds ASCII only). */
export function prefixRanges(term: string): (string | number)[] {
  const lower = term.trim().toLowerCase();
  const variants = new Set([lower, lower.charAt(0).toUpperCase() + lower.slice(1), lower.toUpperCase()]);
  return [...variants].flatMap((v) => [v, `${v}\u{10FFFF}`]);
}

/** Account numbers matching every identifier criterion, ascending. */
export function idCandidates(db: DatabaseSync, queries: { sql: string; param: string | number }[]): number[] {
  let result: Set<number> | undefined;
  for (const qy of queries) {
    const rows = q(db, qy.sql).all(qy.param) as { account_no: number }[];
    const set = new Set(rows.map((r) => r.account_no));
    result = result ? new Set([...result].filter((n) => set.has(n))) : set;
    if (result.size === 0) break;
  }
  return [...(result ?? [])].sort((x, y) => x - y);
}
