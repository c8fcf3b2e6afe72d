// Permanent address change (AcctChangePermAddress) and the delivery addresses and
// subscriptions to choose from (AcctRetrieveDeliveryInfo, a sandbox extension: D8).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import { recordReason, type ServiceContext } from './context';

export function addressHandlers(ctx: ServiceContext): Pick<Handlers, 'address.deliveryInfo' | 'address.changePerm'> {
  return {
    async 'address.deliveryInfo'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveDeliveryInfo',
        { acctRetrieveDeliveryInfoCriteria: { ariaAccountNo: input.accountNo } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const details = res.acctRetrieveDeliveryInfoDetails;
      if (!details) throw new CoreError('NOT_FOUND', `Account ${input.accountNo} was not found`);
      return details;
    },
    async 'address.changePerm'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctChangePermAddress',
        { AcctChangePermAddressRequestDetails: { ...input.change, ariaAccountNo: input.accountNo, ariaAccountID: null } },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const distAddressNo = res.AcctChangePermAddressResponseDetails?.distAddressNo;
      if (distAddressNo === undefined) throw new CoreError('BAD_RESPONSE', 'The billing system did not say which address it used');
      const scope = input.change.ariaMPINo ? ` for subscription ${input.change.ariaMPINo}` : '';
      const reasonRecorded = await recordReason(ctx, input.accountNo, `Permanent address changed to address ${distAddressNo}${scope}`, input.reason);
      return { distAddressNo, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
  };
}
