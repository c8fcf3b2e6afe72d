// AcctPrepareCCUpdate / AcctCompleteCCUpdate (004). Here ariaAccountNo takes precedence
// over ariaAccountID (the reverse of the other endpoints). The card itself is only ever
// typed into the provider's hosted (Direct Post) form; only masked numbers come back.
import { z } from 'zod';
import { LIMITS, idNo, optIdNo, optText, requireAccountRef, resultInfo } from './fields';

const accountRef = { ariaAccountID: optText(LIMITS.accountId), ariaAccountNo: optIdNo };

export const acctPrepareCCUpdateRequest = z.object({
  acctPrepareCCUpdateDetails: z.object(accountRef).superRefine(requireAccountRef),
});
export type AcctPrepareCCUpdateRequest = z.input<typeof acctPrepareCCUpdateRequest>;

export const acctPrepareCCUpdateResponse = z.object({
  resultInfo,
  acctPrepareCCUpdateResponseDetails: z
    .object({
      ariaAccountID: z.string().nullish(),
      ariaAccountNo: z.number(),
      ariaSessionID: z.string().max(LIMITS.sessionId),
      /** Sandbox extension: when the session stops being accepted by the form (D9). */
      ariaSessionExpiry: z.string().optional(),
      /** Sandbox extension: where the hosted card form for this session is served (D9). */
      directPostUrl: z.string().optional(),
    })
    .nullish(),
});
export type AcctPrepareCCUpdateResponse = z.infer<typeof acctPrepareCCUpdateResponse>;

export const acctCompleteCCUpdateRequest = z.object({
  acctCompleteCCUpdateDetails: z
    .object({
      ...accountRef,
      titleCode: optText(LIMITS.code),
      createNewBillingGroup: z.boolean().nullish(),
      ariaPaymentMethodNo: idNo,
      ariaBillingGroupID: optText(LIMITS.accountId),
      ariaBillingGroupNo: optIdNo,
    })
    .superRefine((d, ctx) => {
      requireAccountRef(d, ctx);
      if (!d.ariaBillingGroupNo && !(d.ariaBillingGroupID ?? '').trim())
        ctx.addIssue({
          code: 'custom',
          path: ['ariaBillingGroupNo'],
          message: 'ariaBillingGroupNo or ariaBillingGroupID is required (the group to update, or to copy when createNewBillingGroup)',
        });
    }),
});
export type AcctCompleteCCUpdateRequest = z.input<typeof acctCompleteCCUpdateRequest>;

export const acctCompleteCCUpdateResponse = z.object({
  resultInfo,
  acctCompleteCCUpdateResponseDetails: z
    .object({
      ariaAccountID: z.string().nullish(),
      ariaAccountNo: z.number(),
      ariaPaymentMethodID: z.string(),
      ariaPaymentMethodNo: z.number(),
      ariaBillingGroupID: z.string(),
      ariaDunningGroupID: z.string().nullish(),
    })
    .nullish(),
});
export type AcctCompleteCCUpdateResponse = z.infer<typeof acctCompleteCCUpdateResponse>;
