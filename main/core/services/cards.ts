// Card updates through the provider's hosted form: prepare a session, the card is typed
// into the provider's page (never into this app), then link the new payment method.
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import { recordReason, type ServiceContext } from './context';

export function cardHandlers(ctx: ServiceContext): Pick<Handlers, 'cards.prepare' | 'cards.complete'> {
  return {
    async 'cards.prepare'(input) {
      const client = await ctx.client();
      const res = await client.call('AcctPrepareCCUpdate', { acctPrepareCCUpdateDetails: { ariaAccountNo: input.accountNo } }, {
        account: { ariaAccountNo: input.accountNo },
      });
      const d = res.acctPrepareCCUpdateResponseDetails;
      if (!d) throw new CoreError('BAD_RESPONSE', 'The billing system did not return a card session');
      return { sessionId: d.ariaSessionID, formUrl: d.directPostUrl ?? null, expiresAt: d.ariaSessionExpiry ?? null };
    },
    async 'cards.complete'(input) {
      if (!input.billingGroupNo && !input.billingGroupId)
        throw new CoreError('VALIDATION', 'Choose the billing group for the new card', [{ path: 'billingGroupNo', message: 'required' }]);
      const client = await ctx.client();
      const res = await client.call(
        'AcctCompleteCCUpdate',
        {
          acctCompleteCCUpdateDetails: {
            ariaAccountNo: input.accountNo,
            ariaPaymentMethodNo: input.paymentMethodNo,
            createNewBillingGroup: input.createNewBillingGroup,
            ariaBillingGroupNo: input.billingGroupNo ?? null,
            ariaBillingGroupID: input.billingGroupId ?? null,
          },
        },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const d = res.acctCompleteCCUpdateResponseDetails;
      if (!d) throw new CoreError('BAD_RESPONSE', 'The billing system did not confirm the card update');
      const reasonRecorded = await recordReason(ctx, input.accountNo, `Card updated on billing group ${d.ariaBillingGroupID}`, input.reason);
      return { paymentMethodId: d.ariaPaymentMethodID, billingGroupId: d.ariaBillingGroupID, ...(reasonRecorded === undefined ? {} : { reasonRecorded }) };
    },
  };
}
