// Billing groups: list, add, modify, remove (AcctRetrieveBillingGroup, AcctManageBillingGroup).
import type { BillingGroupAction } from '../../../shared/amps';
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import { recordReason, type ServiceContext } from './context';

type GroupHandlers = Pick<Handlers, 'billingGroups.list' | 'billingGroups.add' | 'billingGroups.modify' | 'billingGroups.remove'>;

export function billingGroupHandlers(ctx: ServiceContext): GroupHandlers {
  async function manage(accountNo: number, action: BillingGroupAction) {
    const client = await ctx.client();
    const res = await client.call('AcctManageBillingGroup', { acctManageBillingGroupDetails: [action] }, { account: { ariaAccountNo: accountNo } });
    const row = res.acctManageBillingGroupResponseDetails?.[0];
    if (row && row.actionResultInfo.resultCode < 0) throw new CoreError('AMPS_REJECTED', row.actionResultInfo.resultText);
    return row?.billingGroupResponseINFO ?? null;
  }
  const label = (g: { ariaBillingGroupNo?: number | null; ariaBillingGroupID?: string | null; billingGroupName?: string | null }) =>
    g.billingGroupName ?? g.ariaBillingGroupID ?? String(g.ariaBillingGroupNo ?? '');

  return {
    async 'billingGroups.list'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveBillingGroup',
        { acctRetrieveBillingGroupCriteria: { ariaAccountNo: input.accountNo, ...(input.titleFilter?.length ? { titleFiltering: input.titleFilter } : {}) } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const details = res.acctRetrieveBillingGroupResponseDetails;
      if (!details) throw new CoreError('NOT_FOUND', `Account ${input.accountNo} was not found`);
      return details;
    },
    async 'billingGroups.add'(input) {
      const group = await manage(input.accountNo, { actionDirective: 'ADD', ariaAccountNo: input.accountNo, acctManageBillingGroupDetailsADD: input.group });
      const reasonRecorded = await recordReason(ctx, input.accountNo, `Billing group added (${group ? label(group) : 'new'})`, input.reason);
      return { group, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
    async 'billingGroups.modify'(input) {
      const group = await manage(input.accountNo, { actionDirective: 'MODIFY', ariaAccountNo: input.accountNo, acctManageBillingGroupDetailsMODIFY: input.group });
      const reasonRecorded = await recordReason(ctx, input.accountNo, `Billing group changed (${label(group ?? input.group)})`, input.reason);
      return { group, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
    async 'billingGroups.remove'(input) {
      await manage(input.accountNo, { actionDirective: 'REMOVE', ariaAccountNo: input.accountNo, acctManageBillingGroupDetailsREMOVE: input.group });
      const reasonRecorded = await recordReason(ctx, input.accountNo, `Billing group removed (${label(input.group)})`, input.reason);
      return { removed: true, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
  };
}
