// How a search finds its candidates without scanning (performance.md): identifiers through
// their indexes; text of 3+ characters through the trigram index; a short first or last
// name through its prefix index. Candidates come in account-number order, so a page of
// results needs only the first limit + 1 matches.
import type { DatabaseSync } from 'node:sqlite';
import type { SearchCriteria } from './criteria';
import { fold, type DocColumn } from './doc';
import type { ContactRow } from '../store/rows';
import { q } from '../store/statements';

export type Driver =
  | { kind: 'ids'; queries: { sql: string; param: string | number }[] }
  | { kind: 'fts'; match: string }
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
  return out.map((n) => ({ column: n.column, text: fold(n.text.trim()) })).filter((n) => [...n.text].length >= 3);
}

const MAX_TRIGRAMS = 48;

/**
 * An FTS5 query: trigrams of every needle within its column, ANDed. Past 6 characters every
 * other trigram (and the last) is enough: the candidates barely grow, and an email address's
 * common trigrams ("gma", ".co") no longer all have to be merged (2–3× faster at 1M).
 */
export function trigramQuery(list: readonly Needle[]): string | undefined {
  const grams = new Set<string>();
  for (const { column, text } of list) {
    const chars = [...text];
    const gram = (i: number) => grams.add(`${column} : "${chars.slice(i, i + 3).join('').replace(/"/g, '""')}"`);
    const stride = chars.length > 6 ? 2 : 1;
    for (let i = 0; i + 3 <= chars.length; i += stride) gram(i);
    if (chars.length >= 3) gram(chars.length - 3);
  }
  if (grams.size === 0) return undefined;
  return [...grams].slice(0, MAX_TRIGRAMS).join(' AND ');
}

export function chooseDriver(c: SearchCriteria): Driver | undefined {
  const idQueries = Object.entries(c.ids).map(([k, v]) => ({ sql: ID_SQL[k as keyof typeof ID_SQL], param: v as string | number }));
  if (idQueries.length) return { kind: 'ids', queries: idQueries };
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
