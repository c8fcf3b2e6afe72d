// Permanent address change (AcctChangePermAddress) and the delivery addresses and
// subscriptions to choose from (AcctRetrieveDeliveryInfo, a sandbox extension: D8).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';
import { say } from '../../../shared/ipc/say';

export function addressHandlers(ctx: ServiceContext, writes: Writes): Pick<Handlers, 'address.deliveryInfo' | 'address.changePerm'> {
  return {
    async 'address.deliveryInfo'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveDeliveryInfo',
        { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: input.accountNo } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const details = res.acctRetrieveDeliveryInfoDetails;
      if (!details) throw new CoreError('NOT_FOUND', say('accountNotFound', { account: input.accountNo }));
      return details;
    },
    async 'address.changePerm'(input) {
      // A missing address number after AMPS accepted the change is not a failure: it stands (null).
      return runWrite(
        writes,
        { type: 'address.changePerm', ...input },
        (r) => ({ distAddressNo: (r as { distAddressNo?: number | null } | null)?.distAddressNo ?? null }),
        { distAddressNo: null },
      );
    },
  };
}
