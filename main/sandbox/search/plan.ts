// How a search finds its candidates without scanning (performance.md): identifiers through
// their indexes; text of 3+ characters through the trigram index; a short first or last
// name through its prefix index. Candidates come in account-number order, so a page of
// results needs only the first limit + 1 matches.
import type { DatabaseSync } from 'node:sqlite';
import type { SearchCriteria } from './criteria';
import { fold } from './doc';
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

/** The text a trigram lookup can use for each criterion (it must occur in the search document). */
export function needles(c: SearchCriteria): string[] {
  const out: string[] = [];
  const phone = (t: string) => {
    const digits = t.replace(/\D+/g, '');
    return t.trim().startsWith('00') ? digits.slice(2) : digits;
  };
  for (const f of c.like) out.push(f.term);
  for (const f of c.exact) if (f.column === 'postal_code') out.push(f.term);
  for (const f of c.phones) out.push(phone(f.term));
  if (c.anyPhone) out.push(phone(c.anyPhone));
  if (c.anyEmail) out.push(c.anyEmail);
  if (c.ownerEmail) out.push(c.ownerEmail);
  const a = c.address;
  for (const t of [a.firstName, a.lastName, a.fullName, a.streetName, a.postalCode, a.city]) if (t) out.push(t);
  return out.map((t) => fold(t.trim())).filter((t) => [...t].length >= 3);
}

const MAX_TRIGRAMS = 48;

/** An FTS5 query: every trigram of every needle, ANDed (the index has detail=none). */
export function trigramQuery(terms: readonly string[]): string | undefined {
  const grams = new Set<string>();
  for (const t of terms) {
    const chars = [...t];
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  }
  if (grams.size === 0) return undefined;
  return [...grams]
    .slice(0, MAX_TRIGRAMS)
    .map((g) => `"${g.replace(/"/g, '""')}"`)
    .join(' AND ');
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
