// Account search, the account overview and account changes (AcctSearchAccount,
// AcctRetrieveAccount, AcctManageAccount).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import { recordReason, type ServiceContext } from './context';

/** Drops empty criteria: the API treats "" and null as "not used". */
function compact<T extends Record<string, unknown>>(o: T | undefined): T | undefined {
  if (!o) return undefined;
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== 0)) as T;
  return Object.keys(out).length ? out : undefined;
}

export function accountHandlers(ctx: ServiceContext): Pick<Handlers, 'accounts.search' | 'accounts.get' | 'accounts.manage'> {
  return {
    async 'accounts.search'(input) {
      const criteria = compact(input.criteria);
      const contact = compact(input.contact);
      const address = compact(input.address);
      if (!criteria && !contact && !address)
        throw new CoreError('VALIDATION', 'Enter at least one search criterion', [{ path: 'criteria', message: 'at least one criterion is required' }]);
      const limit = input.limit ?? 50;
      const client = await ctx.client();
      const res = await client.call('AcctSearchAccount', {
        ...(criteria ? { acctSearchAccountCriteria: criteria } : {}),
        ...(contact ? { acctSearchAccountContactCriteria: contact } : {}),
        ...(address ? { acctSearchAccountAddressCriteria: address } : {}),
        acctSearchAccountSpecDetails: { returnLimitRows: limit, ...(input.nameAsWords && contact?.fullName ? { fullNameAsWords: true } : {}) },
      });
      return {
        rows: res.acctSearchAccountResponseDetails?.accountResultSet ?? [],
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
      if (!details) throw new CoreError('NOT_FOUND', `Account ${input.accountNo} was not found`);
      return details;
    },

    async 'accounts.manage'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctManageAccount',
        { acctManageAccountDetails: input.actions },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const results = (res.acctManageAccountResponseDetails ?? []).map((r) => ({
        actionDirective: r.actionDirective,
        resultCode: r.actionResultInfo.resultCode,
        resultText: r.actionResultInfo.resultText,
      }));
      const what = `Account changed (${input.actions.map((a) => a.actionDirective).join(', ')})`;
      const reasonRecorded = await recordReason(ctx, input.accountNo, what, input.reason);
      return { results, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
  };
}
