// Billing groups: list, add, modify, remove (AcctRetrieveBillingGroup, AcctManageBillingGroup).
import type { BillingGroupInfo } from '../../../shared/amps';
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';
import { say } from '../../../shared/ipc/say';

type GroupHandlers = Pick<Handlers, 'billingGroups.list' | 'billingGroups.add' | 'billingGroups.modify' | 'billingGroups.remove'>;

export function billingGroupHandlers(ctx: ServiceContext, writes: Writes): GroupHandlers {
  const group = (r: unknown) => ({ group: ((r as { group?: BillingGroupInfo | null } | null)?.group ?? null) as BillingGroupInfo | null });
  return {
    async 'billingGroups.list'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveBillingGroup',
        { acctRetrieveBillingGroupCriteria: { ariaAccountNo: input.accountNo, ...(input.titleFilter?.length ? { titleFiltering: input.titleFilter } : {}) } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const details = res.acctRetrieveBillingGroupResponseDetails;
      if (!details) throw new CoreError('NOT_FOUND', say('accountNotFound', { account: input.accountNo }));
      return details;
    },
    'billingGroups.add': (input) => runWrite(writes, { type: 'billingGroup.add', ...input }, group, { group: null }),
    'billingGroups.modify': (input) => runWrite(writes, { type: 'billingGroup.modify', ...input }, group, { group: null }),
    'billingGroups.remove': (input) => runWrite(writes, { type: 'billingGroup.remove', ...input }, () => ({ removed: true as boolean }), { removed: false }),
  };
}
