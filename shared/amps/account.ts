// AcctManageAccount, AcctCreateAccount, AcctRetrieveAccount (004).
import { z } from 'zod';
import { INPUT_RULE, normalizeGln } from '../domain/input';
import { LIMITS, contactDetails, contactInput, idNo, isoDate, optIdNo, optText, requireAccountRef, resultInfo, titleFilter, titleInfo } from './fields';
import {
  customerType,
  newStatusCode,
  notifyMethod,
  paymentTerms,
  requestSource,
  taxpayerExemptionLevel,
} from './codes';

/** ariaAccountID takes precedence over ariaAccountNo where both are given (004). */
const accountRef = {
  ariaAccountNo: optIdNo,
  ariaAccountID: optText(LIMITS.accountId),
};

export const manageAccountAssign = z
  .object({ ...accountRef, newAriaAccountID: optText(LIMITS.accountId), newUserID: optText(LIMITS.userId) })
  .superRefine((v, ctx) => {
    if (!v.ariaAccountNo) ctx.addIssue({ code: 'custom', path: ['ariaAccountNo'], message: 'ASSIGN requires ariaAccountNo (004)' });
    if (!(v.newAriaAccountID ?? '').trim() && !(v.newUserID ?? '').trim())
      ctx.addIssue({ code: 'custom', path: ['newAriaAccountID'], message: 'newAriaAccountID or newUserID is required' });
  });

export const manageAccountModify = z
  .object({
    ...accountRef,
    ownerTitleCode: optText(LIMITS.code),
    ownerTitleDomain: optText(LIMITS.code),
    ownerContactDetails: contactInput.nullish(),
    channelCode: optText(LIMITS.code),
    reservationCode: optText(LIMITS.code),
    sourceCode: optText(LIMITS.code),
    reservationCodeDate: isoDate.nullish(),
    consentCode: optText(LIMITS.code),
    consentCodeDate: isoDate.nullish(),
  })
  .superRefine(requireAccountRef);

export const manageAccountCancel = z.object(accountRef).superRefine(requireAccountRef);
export const manageAccountStatus = z.object({ ...accountRef, newStatusCode }).superRefine(requireAccountRef);

/** One row of acctManageAccountDetails: the directive names which sub-structure is present. */
export const manageAccountAction = z.discriminatedUnion('actionDirective', [
  z.object({ actionDirective: z.literal('ASSIGN'), acctManageAccountDetailsASSIGN: manageAccountAssign }),
  z.object({ actionDirective: z.literal('MODIFY'), acctManageAccountDetailsMODIFY: manageAccountModify }),
  z.object({ actionDirective: z.literal('CANCEL'), acctManageAccountDetailsCANCEL: manageAccountCancel }),
  z.object({ actionDirective: z.literal('STATUS'), acctManageAccountDetailsSTATUS: manageAccountStatus }),
]);
export type ManageAccountAction = z.input<typeof manageAccountAction>;

export const acctManageAccountRequest = z.object({
  acctManageAccountDetails: z.array(manageAccountAction).min(1).max(20),
});
export type AcctManageAccountRequest = z.input<typeof acctManageAccountRequest>;

export const actionResultInfo = z.object({ resultCode: z.number().int(), resultText: z.string() });

export const acctManageAccountResponse = z.object({
  resultInfo,
  acctManageAccountResponseDetails: z
    .array(
      z.object({
        actionDirective: z.string(),
        actionResultInfo,
        ariaAccountNo: z.number().nullish(),
        ariaAccountID: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type AcctManageAccountResponse = z.infer<typeof acctManageAccountResponse>;

export const payOptionInfoInput = z
  .object({
    payOptionID: optText(LIMITS.code),
    payOptionVariant: optText(LIMITS.code),
    paymentEANNum: optText(LIMITS.code),
    paymentEANRequisitionNum: optText(LIMITS.code),
  })
  .superRefine((p, ctx) => {
    // An EHF option's EAN is the receiver's GLN: 13 digits with a GS1 check digit (D22).
    if ((p.payOptionID ?? '').trim().startsWith('EHF') && (p.paymentEANNum ?? '').trim() && !normalizeGln(p.paymentEANNum!))
      ctx.addIssue({ code: 'custom', path: ['paymentEANNum'], message: INPUT_RULE.glnInvalid });
  });

/** altBillDay / acctBillDay: a day of the month, as text or a number (the samples send "1"). */
const billDay = z.union([
  z.string().regex(/^\d{1,2}$/, 'must be a day of the month, 1 to 31'),
  z.number().int('must be a day of the month, 1 to 31'),
]);

export const acctCreateAccountRequest = z.object({
  acctCreateAccountRequestDetails: z
    .object({
      ariaAccountID: optText(LIMITS.accountId),
      currencyCode: z.string().regex(/^[A-Z]{3}$/, 'currencyCode must be an ISO 4217 code such as NOK'),
      localeCode: optText(LIMITS.code),
      languageCode: optText(LIMITS.code),
      userID: optText(LIMITS.userId),
      notifyMethod: notifyMethod.nullish(),
      accountContact: contactInput,
      ownerTitleCode: optText(LIMITS.code),
      ownerTitleDomain: optText(LIMITS.code),
      customerType: customerType.nullish(),
      paymentTerms: z.enum(['BANKGIRO', 'EHF']).nullish(),
      paymentEANNum: optText(LIMITS.code),
      paymentEANRequisitionNum: optText(LIMITS.code),
      acctBillDay: billDay.nullish(),
      altBillDay: billDay.nullish(),
      channelCode: optText(LIMITS.code),
      reservationCode: optText(LIMITS.code),
      sourceCode: optText(LIMITS.code),
      reservationCodeDate: isoDate.nullish(),
      consentCode: optText(LIMITS.code),
      consentCodeDate: isoDate.nullish(),
      taxpayerID: optText(LIMITS.code),
      taxpayerExemptionLevel: taxpayerExemptionLevel.nullish(),
      requestSource: requestSource.nullish(),
      acctCreateAccountPayOptionInfo: payOptionInfoInput.nullish(),
    })
    .superRefine((d, ctx) => {
      const info = d.acctCreateAccountPayOptionInfo;
      const ehf = info?.payOptionID ? info.payOptionID.startsWith('EHF') : d.paymentTerms === 'EHF';
      // The EAN fields are named where they were given: in payOptionInfo, or the deprecated top-level ones.
      const src = info?.payOptionID ? info : d;
      const at = info?.payOptionID ? ['acctCreateAccountPayOptionInfo'] : [];
      if (ehf && !(src.paymentEANNum ?? '').trim())
        ctx.addIssue({ code: 'custom', path: [...at, 'paymentEANNum'], message: 'paymentEANNum is required for EHF' });
      if (ehf && !(src.paymentEANRequisitionNum ?? '').trim())
        ctx.addIssue({ code: 'custom', path: [...at, 'paymentEANRequisitionNum'], message: 'paymentEANRequisitionNum is required for EHF' });
      // payOptionInfoInput checks its own EAN; the deprecated field is checked here.
      if (ehf && !at.length && (src.paymentEANNum ?? '').trim() && !normalizeGln(src.paymentEANNum!))
        ctx.addIssue({ code: 'custom', path: ['paymentEANNum'], message: INPUT_RULE.glnInvalid });
    }),
});
export type AcctCreateAccountRequest = z.input<typeof acctCreateAccountRequest>;

export const createdBillingGroup = z.object({
  ariaBillingGroupID: z.string(),
  ariaBillingGroupNo: z.number().optional(),
  ariaStmtContactNo: z.number().nullish(),
  billingGroupName: z.string(),
  billingGroupDesc: z.string().nullish(),
  notifyMethod: z.string().nullish(),
  paymentTerms: z.string().nullish(),
  paymentEANNum: z.string().nullish(),
  paymentEANRequisitionNum: z.string().nullish(),
  primaryPaymentMethodID: z.string().nullish(),
  backupPaymentMethodID: z.string().nullish(),
  ariaDunningGroupID: z.string(),
  ariaDunningGroupNo: z.number().optional(),
  dunningGroupName: z.string().nullish(),
  dunningGroupDesc: z.string().nullish(),
  dunningProcessID: z.string().nullish(),
});

export const acctCreateAccountResponse = z.object({
  resultInfo,
  acctCreateAccountResponseDetails: z
    .object({
      ariaAccountID: z.string().nullish(),
      ariaAccountNo: z.number(),
      userID: z.string().nullish(),
      ariaAcctContactNo: z.number().nullish(),
      ariaSpecPlanMPIID: z.string().nullish(),
      ariaSpecPlanMPINo: z.number().nullish(),
      acctCreateAccountBillingGroupDetails: z.array(createdBillingGroup),
      acctCreateAccountPaymentMethodDetails: z.array(z.unknown()).optional(),
    })
    .nullish(),
});
export type AcctCreateAccountResponse = z.infer<typeof acctCreateAccountResponse>;

export const acctRetrieveAccountRequest = z.object({
  acctRetrieveAccountCriteria: z
    .object({ ...accountRef, titleFiltering: z.array(titleFilter).max(50).nullish() })
    .superRefine(requireAccountRef),
});
export type AcctRetrieveAccountRequest = z.input<typeof acctRetrieveAccountRequest>;

export const retrieveAccountBillingGroup = z.object({
  ariaBillingGroupID: z.string(),
  ariaBillingGroupNo: z.number(),
  billingGroupName: z.string().nullish(),
  billingGroupDesc: z.string().nullish(),
  ariaDunningGroupID: z.string().nullish(),
  ariaDunningGroupNo: z.number().nullish(),
  dunningGroupName: z.string().nullish(),
  dunningGroupDesc: z.string().nullish(),
  dunningProcessID: z.string().nullish(),
  payOptionInfo: z.unknown().nullish(),
});

export const acctRetrieveAccountDetails = z.object({
  ariaStatusCode: z.number().int(),
  ariaStatusCodeText: z.string().nullish(),
  taxExemptionLevel: z.string().nullish(),
  acctStartDate: z.string().nullish(),
  ownerTitleCode: z.string().nullish(),
  ownerTitleDomain: z.string().nullish(),
  acctCurrencyCode: z.string().nullish(),
  acctBalance: z.number(),
  purchaseOrderNo: z.string().nullish(),
  masterPlanCount: z.number().int().nullish(),
  acctLocaleName: z.string().nullish(),
  userID: z.string().nullish(),
  acctContactNo: z.number().nullish(),
  acctContactDetails: contactDetails,
  ariaSpecPlanMPIID: z.string().nullish(),
  ariaSpecPlanMPINo: z.number().nullish(),
  channelCode: z.string().nullish(),
  reservationCode: z.string().nullish(),
  sourceCode: z.string().nullish(),
  reservationCodeDate: z.string().nullish(),
  consentCodeDate: z.string().nullish(),
  consentCode: z.string().nullish(),
  taxpayerID: z.string().nullish(),
  taxpayerExemptionLevel: z.string().nullish(),
});
export type AcctRetrieveAccountDetails = z.infer<typeof acctRetrieveAccountDetails>;

export const acctRetrieveAccountResponse = z.object({
  resultInfo,
  acctRetrieveAccountResponseDetails: z
    .object({
      ariaAccountID: z.string().nullish(),
      ariaAccountNo: z.number(),
      acctRetrieveAccountDetails,
      acctRetrieveAccountBillingGroupList: z.array(retrieveAccountBillingGroup),
      acctRetrieveAccountTitleInfo: titleInfo.nullish(),
    })
    .nullish(),
});
export type AcctRetrieveAccountResponse = z.infer<typeof acctRetrieveAccountResponse>;

export { idNo, paymentTerms };
