// AcctSearchAccount (004 "Search Account"): criteria combine with AND; returnLimitRows
// defaults to 1; resultCode 1 "MORE" when more accounts match than were returned. Name
// searches come ranked, best tier first (docs/sandbox.md, "Ranking").
import type { z } from 'zod';
import type { acctSearchAccountRequest } from '../../../shared/amps/search';
import { RESULT } from '../../../shared/amps/codes';
import { isEmpty, readCriteria, type SearchCriteria } from '../search/criteria';
import { matchesCriteria } from '../search/match';
import { BY_NO_SQL, FTS_SQL, PAIR_SQL, caseVariants, chooseDriver, idCandidates, prefixRanges, prefixSql, type Driver } from '../search/plan';
import { ownerFields, termTier, withDeliveries, wordTier } from '../search/rank';
import { contactOut, deliveryAddresses, otherContacts } from '../store/contacts';
import { kroner } from '../store/accounts';
import { q } from '../store/statements';
import { invalid } from '../http/result';
import type { ContactRow, DeliveryAddressRow } from '../store/rows';
import type { HandlerContext } from './context';
import type { DatabaseSync } from 'node:sqlite';

type Request = z.infer<typeof acctSearchAccountRequest>;
type CandidateRow = ContactRow & { a_no: number; account_id: string | null; user_id: string | null; currency: string; balance_ore: number; status: number };

/** A candidate and the tier it was proposed for (0 when the search is not ranked). */
interface Proposed {
  row: CandidateRow;
  tier: number;
}

function* candidates(db: DatabaseSync, d: Driver): Iterable<Proposed> {
  if (d.kind === 'ranked') {
    for (const [tier, t] of d.tiers.entries()) {
      if (t === null) continue;
      if ('match' in t) {
        for (const row of q(db, FTS_SQL).iterate(t.match) as Iterable<CandidateRow>) yield { row, tier };
        continue;
      }
      // Surname + first name: few rows, from the name index, put in account-number order.
      const rows = t.pairs.flatMap(([last, first]) => q(db, PAIR_SQL).all(...caseVariants(last), ...caseVariants(first)) as unknown as CandidateRow[]);
      rows.sort((a, b) => a.a_no - b.a_no);
      for (const row of rows) yield { row, tier };
    }
  } else if (d.kind === 'ids') {
    for (const no of idCandidates(db, d.queries)) {
      const row = q(db, BY_NO_SQL).get(no) as CandidateRow | undefined;
      if (row) yield { row, tier: 0 };
    }
  } else if (d.kind === 'fts') {
    for (const row of q(db, FTS_SQL).iterate(d.match) as Iterable<CandidateRow>) yield { row, tier: 0 };
  } else {
    const ranges = prefixRanges(d.term);
    for (const row of q(db, prefixSql(d.column, ranges.length / 2)).iterate(...ranges) as Iterable<CandidateRow>) yield { row, tier: 0 };
  }
}

/**
 * The tier a candidate really is in (search/rank.ts), -1 when its words do not match.
 * Unranked plans put every match in tier 0.
 */
function tierOf(c: SearchCriteria, d: Driver, row: CandidateRow, proposed: number, deliveries: () => DeliveryAddressRow[]): number {
  if (c.words) {
    const own = wordTier(c.words, ownerFields(row));
    // The owner's own fields decide, unless a delivery address may put it in this tier.
    const tier = own === proposed ? own : wordTier(c.words, withDeliveries(ownerFields(row), deliveries()));
    return d.kind === 'ranked' ? tier : tier < 0 ? -1 : 0;
  }
  return d.kind === 'ranked' && d.term ? termTier(d.term, row, deliveries) : 0;
}

export function searchAccount(ctx: HandlerContext, req: Request) {
  const c = readCriteria(req);
  if (isEmpty(c)) throw invalid('acctSearchAccountCriteria', 'at least one search criterion is required');
  const d = chooseDriver(c, ctx.db);
  if (!d) {
    const first = [...c.like, ...c.exact, ...c.phones][0]?.path ?? 'acctSearchAccountAddressCriteria';
    throw invalid(
      first,
      'type at least 3 characters of a name, address, city, email or phone number, or add an identifier or a postal code: shorter terms on their own match too many accounts',
    );
  }
  const found: CandidateRow[] = [];
  const seen = new Set<number>();
  for (const { row, tier } of candidates(ctx.db, d)) {
    if (seen.has(row.a_no)) continue;
    let deliveryRows: DeliveryAddressRow[] | undefined;
    const deliveries = () => (deliveryRows ??= deliveryAddresses(ctx.db, row.a_no));
    if (!matchesCriteria(c, { owner: row, others: () => otherContacts(ctx.db, row.a_no, row.contact_no), deliveries })) continue;
    // A candidate counts in its own tier: a worse one comes with a later tier. (A better one
    // was taken by its tier; one its tier's lookup missed is taken now rather than lost.)
    const real = tierOf(c, d, row, tier, deliveries);
    if (real < 0 || real > tier) continue;
    seen.add(row.a_no);
    found.push(row);
    if (found.length > c.limit) break;
  }
  const more = found.length > c.limit;
  return {
    resultInfo: more ? { resultCode: RESULT.MORE, resultText: 'MORE' } : { resultCode: RESULT.OK, resultText: 'OK' },
    acctSearchAccountResponseDetails: {
      accountResultSet: found.slice(0, c.limit).map((r) => ({
        ariaAccountID: r.account_id ?? '',
        ariaAccountNo: r.a_no,
        userID: r.user_id ?? '',
        acctCurrencyCode: r.currency,
        acctBalance: kroner(r.balance_ore),
        acctStatusCode: r.status,
        contactDetails: contactOut(r, false),
      })),
    },
  };
}
