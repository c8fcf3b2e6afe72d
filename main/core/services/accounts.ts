// Account search, the account overview and account changes (AcctSearchAccount,
// AcctRetrieveAccount, AcctManageAccount).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';
import type { AccountResultRow } from '../../../shared/amps';
import { SEARCH_RESULT_CONTACT_FIELDS, type SearchResultRow } from '../../../shared/ipc/searchRow';
import { say } from '../../../shared/ipc/say';

/** Drops empty criteria: the API treats "" and null as "not used". */
function compact<T extends Record<string, unknown>>(o: T | undefined): T | undefined {
  if (!o) return undefined;
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== 0)) as T;
  return Object.keys(out).length ? out : undefined;
}

const filled = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

/** What the results show of an AMPS row (D99): the grid's fields, empty ones left out. */
export function toSearchRow(r: AccountResultRow): SearchResultRow {
  const contactDetails: SearchResultRow['contactDetails'] = {};
  for (const k of SEARCH_RESULT_CONTACT_FIELDS) {
    const v = r.contactDetails[k];
    if (filled(v)) contactDetails[k] = v;
  }
  return {
    ariaAccountNo: r.ariaAccountNo,
    ...(filled(r.ariaAccountID) ? { ariaAccountID: r.ariaAccountID } : {}),
    acctStatusCode: r.acctStatusCode,
    acctBalance: r.acctBalance,
    ...(filled(r.acctCurrencyCode) ? { acctCurrencyCode: r.acctCurrencyCode } : {}),
    contactDetails,
  };
}

export function accountHandlers(ctx: ServiceContext, writes: Writes): Pick<Handlers, 'accounts.search' | 'accounts.get' | 'accounts.manage'> {
  return {
    async 'accounts.search'(input) {
      const criteria = compact(input.criteria);
      const contact = compact(input.contact);
      const address = compact(input.address);
      if (!criteria && !contact && !address)
        throw new CoreError('VALIDATION', say('searchNeedsCriterion'), [{ path: 'criteria', message: 'at least one criterion is required' }]);
      const limit = input.limit ?? 50;
      const client = await ctx.client();
      const res = await client.call('AcctSearchAccount', {
        ...(criteria ? { acctSearchAccountCriteria: criteria } : {}),
        ...(contact ? { acctSearchAccountContactCriteria: contact } : {}),
        ...(address ? { acctSearchAccountAddressCriteria: address } : {}),
        acctSearchAccountSpecDetails: { returnLimitRows: limit, ...(input.nameAsWords && contact?.fullName ? { fullNameAsWords: true } : {}) },
      });
      return {
        rows: (res.acctSearchAccountResponseDetails?.accountResultSet ?? []).map(toSearchRow),
        more: res.resultInfo.resultCode === 1,
        limit,
      };
    },

    async 'accounts.get'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveAccount',
        { acctRetrieveAccountCriteria: { ariaAccountNo: input.accountNo, ...(input.titleFilter?.length ? { titleFiltering: input.titleFilter } : {}) } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const details = res.acctRetrieveAccountResponseDetails;
      if (!details) throw new CoreError('NOT_FOUND', say('accountNotFound', { account: input.accountNo }));
      return details;
    },

    async 'accounts.manage'(input) {
      // Per-action result codes are read by the pipeline: all refused = REJECTED (D52).
      return runWrite(writes, { type: 'account.manage', ...input }, (r) => r as { results: { actionDirective: string; resultCode: number; resultText: string }[] }, {
        results: [],
      });
    },
  };
}
