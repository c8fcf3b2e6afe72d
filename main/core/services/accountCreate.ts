// New accounts (issue 10 item 2): the duplicate check before a create (accounts.duplicates)
// and the create itself (accounts.create), decisions D60–D62.
//
// The duplicate check runs up to three AcctSearchAccount calls through the signed client —
// the email and the phone number among every contact of an account, the name's words with
// the postal code of the owner's address — and merges them: an account found by two
// criteria is one match that says both. Ranked by how many criteria found it, then by the
// strongest (email, phone, name + postal code), active accounts first.
//
// The create is the account.create command through the write pipeline. AMPS has no
// idempotency key, so main fixes a client account ID (ariaAccountID) when the create is
// queued, unless the agent typed one; settling an unknown outcome searches for it (D60).
import { randomBytes } from 'node:crypto';
import type { AccountResultRow, AcctSearchAccountRequest } from '../../../shared/amps';
import { DUPLICATE_CRITERIA, type DuplicateCriterion, type DuplicateMatch } from '../../../shared/commands/accountCreate';
import type { Handlers } from '../router';
import { runWrite, type Writes } from '../outbox/answer';
import type { CreatedAccount } from '../outbox/accountCreate';
import type { ServiceContext } from './context';

/** Rows asked for per criterion, and matches shown. */
export const DUPLICATES_PER_CRITERION = 10;
export const DUPLICATES_SHOWN = 10;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "CSR-" and 12 Crockford base-32 characters (60 random bits): no I, L, O or U to misread. */
export function newDeskAccountId(bytes: Buffer = randomBytes(12)): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += CROCKFORD[bytes[i]! & 31];
  return `CSR-${id}`;
}

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

export function accountCreateHandlers(ctx: ServiceContext, writes: Writes): Pick<Handlers, 'accounts.duplicates' | 'accounts.create'> {
  return {
    async 'accounts.duplicates'(input) {
      const spec = { returnLimitRows: DUPLICATES_PER_CRITERION };
      const searches: [DuplicateCriterion, AcctSearchAccountRequest][] = [];
      if (has(input.emailAddress)) searches.push(['email', { acctSearchAccountCriteria: { emailAddress: input.emailAddress.trim() }, acctSearchAccountSpecDetails: spec }]);
      if (has(input.phone)) searches.push(['phone', { acctSearchAccountCriteria: { phoneNumber: input.phone.trim() }, acctSearchAccountSpecDetails: spec }]);
      if (has(input.fullName) && has(input.postalCode))
        searches.push([
          'namePostal',
          {
            acctSearchAccountContactCriteria: { fullName: input.fullName.trim(), postalCode: input.postalCode.trim() },
            // The words in any order, one typo allowed (sandbox extension D40; a plain "like" elsewhere).
            acctSearchAccountSpecDetails: { ...spec, fullNameAsWords: true },
          },
        ]);
      const client = await ctx.client();
      const answers = await Promise.allSettled(searches.map(([, req]) => client.call('AcctSearchAccount', req)));
      const found = new Map<number, { account: AccountResultRow; by: Set<DuplicateCriterion> }>();
      const failed: DuplicateCriterion[] = [];
      let more = false;
      answers.forEach((a, i) => {
        const criterion = searches[i]![0];
        if (a.status === 'rejected') {
          failed.push(criterion);
          return;
        }
        if (a.value.resultInfo.resultCode === 1) more = true;
        for (const row of a.value.acctSearchAccountResponseDetails?.accountResultSet ?? []) {
          const m = found.get(row.ariaAccountNo) ?? { account: row, by: new Set<DuplicateCriterion>() };
          m.by.add(criterion);
          found.set(row.ariaAccountNo, m);
        }
      });
      // Every criterion failed: that is an error, not "no duplicates".
      if (searches.length && failed.length === searches.length) throw (answers.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason;
      const matches: DuplicateMatch[] = [...found.values()].map((m) => ({ account: m.account, matchedBy: DUPLICATE_CRITERIA.filter((c) => m.by.has(c)) }));
      return { matches: rankDuplicates(matches).slice(0, DUPLICATES_SHOWN), more: more || matches.length > DUPLICATES_SHOWN, failed };
    },

    async 'accounts.create'(input) {
      const typed = (input.account.ariaAccountID ?? '').trim();
      const account = {
        ...input.account,
        // Fixed now, kept in the outbox row: how an unknown outcome is recognised (D60).
        ariaAccountID: typed || newDeskAccountId(),
        // The desk is the CSR platform: only payment options offered to CSR apply (004 requestSource).
        requestSource: input.account.requestSource ?? 'CSR',
      };
      const notYet: CreatedAccount = { accountNo: null, ariaAccountID: account.ariaAccountID, userID: null };
      return runWrite(
        writes,
        { type: 'account.create', accountNo: 0, account, ...(input.lang ? { lang: input.lang } : {}), ...(input.changes ? { changes: input.changes } : {}) },
        (r) => ({ ...notYet, ...(r as CreatedAccount | null) }),
        notYet,
      );
    },
  };
}

const strongest = (m: DuplicateMatch) => Math.min(...m.matchedBy.map((c) => DUPLICATE_CRITERIA.indexOf(c)));

/** More criteria first, then the strongest criterion, then active accounts, then the account number. */
export function rankDuplicates(matches: DuplicateMatch[]): DuplicateMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.matchedBy.length - a.matchedBy.length ||
      strongest(a) - strongest(b) ||
      Number(b.account.acctStatusCode === 1) - Number(a.account.acctStatusCode === 1) ||
      a.account.ariaAccountNo - b.account.ariaAccountNo,
  );
}
