// Card updates through the provider's hosted form: prepare a session, the card is typed
// into the provider's page (never into this app), then link the new payment method.
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';

export function cardHandlers(ctx: ServiceContext, writes: Writes): Pick<Handlers, 'cards.prepare' | 'cards.complete'> {
  return {
    async 'cards.prepare'(input) {
      const client = await ctx.client();
      const res = await client.call('AcctPrepareCCUpdate', { acctPrepareCCUpdateDetails: { ariaAccountNo: input.accountNo } }, {
        account: { ariaAccountNo: input.accountNo },
      });
      const d = res.acctPrepareCCUpdateResponseDetails;
      // A session changes nothing on the account (D56): without one there is simply nothing to continue.
      if (!d) throw new CoreError('BAD_RESPONSE', 'The billing system did not return a card session; nothing was changed. Try again.');
      return { sessionId: d.ariaSessionID, formUrl: d.directPostUrl ?? null, expiresAt: d.ariaSessionExpiry ?? null };
    },
    async 'cards.complete'(input) {
      if (!input.billingGroupNo && !input.billingGroupId)
        throw new CoreError('VALIDATION', 'Choose the billing group for the new card', [{ path: 'billingGroupNo', message: 'required' }]);
      return runWrite(
        writes,
        { type: 'card.complete', ...input },
        (r) => {
          const d = r as { paymentMethodId?: string | null; billingGroupId?: string | null } | null;
          return { paymentMethodId: d?.paymentMethodId ?? null, billingGroupId: d?.billingGroupId ?? null };
        },
        { paymentMethodId: null, billingGroupId: null },
      );
    },
  };
}
