// AcctSearchAccount (004 "Search Account"): criteria combine with AND; returnLimitRows
// defaults to 1; resultCode 1 "MORE" when more accounts match than were returned.
import type { z } from 'zod';
import type { acctSearchAccountRequest } from '../../../shared/amps/search';
import { RESULT } from '../../../shared/amps/codes';
import { isEmpty, readCriteria, type SearchCriteria } from '../search/criteria';
import { matchesCriteria } from '../search/match';
import { BY_NO_SQL, FTS_SQL, chooseDriver, idCandidates, prefixRanges, prefixSql } from '../search/plan';
import { contactOut, deliveryAddresses, otherContacts } from '../store/contacts';
import { kroner } from '../store/accounts';
import { q } from '../store/statements';
import { invalid } from '../http/result';
import type { ContactRow } from '../store/rows';
import type { HandlerContext } from './context';
import type { DatabaseSync } from 'node:sqlite';

type Request = z.infer<typeof acctSearchAccountRequest>;
type CandidateRow = ContactRow & { a_no: number; account_id: string | null; user_id: string | null; currency: string; balance_ore: number; status: number };

function* candidates(db: DatabaseSync, c: SearchCriteria): Iterable<CandidateRow> {
  const d = chooseDriver(c);
  if (!d) {
    const first = [...c.like, ...c.exact, ...c.phones][0]?.path ?? 'acctSearchAccountAddressCriteria';
    throw invalid(
      first,
      'these criteria are not selective enough on their own: add an identifier, or a name, address, city, postal code, phone or email of at least 3 characters, or a first or last name',
    );
  }
  if (d.kind === 'ids') {
    for (const no of idCandidates(db, d.queries)) {
      const row = q(db, BY_NO_SQL).get(no) as CandidateRow | undefined;
      if (row) yield row;
    }
  } else if (d.kind === 'fts') {
    yield* q(db, FTS_SQL).iterate(d.match) as Iterable<CandidateRow>;
  } else {
    const ranges = prefixRanges(d.term);
    yield* q(db, prefixSql(d.column, ranges.length / 2)).iterate(...ranges) as Iterable<CandidateRow>;
  }
}

export function searchAccount(ctx: HandlerContext, req: Request) {
  const c = readCriteria(req);
  if (isEmpty(c)) throw invalid('acctSearchAccountCriteria', 'at least one search criterion is required');
  const found: CandidateRow[] = [];
  for (const row of candidates(ctx.db, c)) {
    const ok = matchesCriteria(c, {
      owner: row,
      others: () => otherContacts(ctx.db, row.a_no, row.contact_no),
      deliveries: () => deliveryAddresses(ctx.db, row.a_no),
    });
    if (ok) found.push(row);
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
