// AcctManageBillingGroup and AcctRetrieveBillingGroup (004). Rules from the field lists:
// TERMS carries paymentTermInfo, METHODS carries paymentMethodInfo; EHF needs the EAN
// fields; a new group reuses statementContactNo or brings statementContactDetails;
// ariaBillingGroupID takes precedence over ariaBillingGroupNo.
import { z } from 'zod';
import { INPUT_RULE, normalizeGln } from '../domain/input';
import { LIMITS, completeContactInput, contactDetails, optIdNo, optText, requireAccountRef, resultInfo, titleFilter, titleInfo, translations } from './fields';
import { billingGroupStatus, notifyMethod, paymentOption, paymentTerms, payMethodType, requestSource } from './codes';
import { payOptionInfoInput } from './account';

/** EAN/GLN as typed: spaces between digit groups are dropped before it is checked or sent. */
const eanText = optText(LIMITS.code).transform((v) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v));

export const paymentTermInfo = z.object({
  paymentTerms,
  paymentTermID: optText(LIMITS.code),
  paymentEANNum: eanText,
  paymentEANRequisitionNum: optText(LIMITS.code),
});
const paymentTermInfoOut = z.object({
  paymentTerms: z.string(),
  paymentTermID: optText(LIMITS.code),
  paymentEANNum: optText(LIMITS.code),
  paymentEANRequisitionNum: optText(LIMITS.code),
});
export const paymentMethodInfo = z.object({
  primaryPaymentMethodID: optText(LIMITS.code),
  backupPaymentMethodID: optText(LIMITS.code),
});

const groupFields = {
  titleCode: optText(LIMITS.code),
  billingGroupName: optText(LIMITS.name),
  billingGroupDesc: optText(LIMITS.description),
  billingGroupStatus: billingGroupStatus.nullish(),
  notifyMethod: notifyMethod.nullish(),
  paymentOption: paymentOption.nullish(),
  paymentTermInfo: paymentTermInfo.nullish(),
  paymentMethodInfo: paymentMethodInfo.nullish(),
  payOptionInfo: payOptionInfoInput.nullish(),
  requestSourceID: requestSource.nullish(),
  statementContactNo: optIdNo,
  statementContactDetails: completeContactInput.nullish(),
  dunningGroupName: optText(LIMITS.name),
  dunningGroupDesc: optText(LIMITS.description),
  dunningProcessID: optText(LIMITS.code),
};

type GroupFields = {
  paymentOption?: 'TERMS' | 'METHODS' | null;
  paymentTermInfo?: z.infer<typeof paymentTermInfo> | null;
  paymentMethodInfo?: z.infer<typeof paymentMethodInfo> | null;
};

const blank = (v: string | null | undefined) => !v || !v.trim();

function paymentRules(g: GroupFields, ctx: z.RefinementCtx, requireOption: boolean) {
  if (requireOption && !g.paymentOption)
    ctx.addIssue({ code: 'custom', path: ['paymentOption'], message: 'paymentOption is required (TERMS or METHODS)' });
  if (g.paymentOption === 'TERMS') {
    if (!g.paymentTermInfo)
      ctx.addIssue({ code: 'custom', path: ['paymentTermInfo'], message: 'paymentTermInfo is required when paymentOption is TERMS' });
    if (g.paymentMethodInfo)
      ctx.addIssue({ code: 'custom', path: ['paymentMethodInfo'], message: 'paymentMethodInfo is only used when paymentOption is METHODS' });
  }
  if (g.paymentOption === 'METHODS') {
    if (!g.paymentMethodInfo)
      ctx.addIssue({ code: 'custom', path: ['paymentMethodInfo'], message: 'paymentMethodInfo is required when paymentOption is METHODS' });
    if (g.paymentTermInfo)
      ctx.addIssue({ code: 'custom', path: ['paymentTermInfo'], message: 'paymentTermInfo is only used when paymentOption is TERMS' });
  }
  if (!g.paymentOption && (g.paymentTermInfo || g.paymentMethodInfo))
    ctx.addIssue({ code: 'custom', path: ['paymentOption'], message: 'paymentOption is required when payment details are given' });
  const t = g.paymentTermInfo;
  if (t?.paymentTerms === 'EHF') {
    if (blank(t.paymentEANNum))
      ctx.addIssue({ code: 'custom', path: ['paymentTermInfo', 'paymentEANNum'], message: 'paymentEANNum is required for EHF' });
    else if (!normalizeGln(t.paymentEANNum!))
      ctx.addIssue({ code: 'custom', path: ['paymentTermInfo', 'paymentEANNum'], message: INPUT_RULE.glnInvalid });
    if (blank(t.paymentEANRequisitionNum))
      ctx.addIssue({
        code: 'custom',
        path: ['paymentTermInfo', 'paymentEANRequisitionNum'],
        message: 'paymentEANRequisitionNum is required for EHF',
      });
  }
}

export const billingGroupAdd = z.object(groupFields).superRefine((g, ctx) => {
  paymentRules(g, ctx, true);
  if (!g.statementContactNo && !g.statementContactDetails)
    ctx.addIssue({
      code: 'custom',
      path: ['statementContactDetails'],
      message: 'statementContactNo (reuse a contact) or statementContactDetails (a new contact) is required',
    });
});
export type BillingGroupAdd = z.input<typeof billingGroupAdd>;

const groupRef = {
  ariaBillingGroupID: optText(LIMITS.accountId),
  ariaBillingGroupNo: optIdNo,
  ariaDunningGroupID: optText(LIMITS.accountId),
  ariaDunningGroupNo: optIdNo,
};
function requireGroupRef(g: { ariaBillingGroupID?: string | null; ariaBillingGroupNo?: number | null }, ctx: z.RefinementCtx) {
  if (blank(g.ariaBillingGroupID) && !g.ariaBillingGroupNo)
    ctx.addIssue({ code: 'custom', path: ['ariaBillingGroupNo'], message: 'ariaBillingGroupNo or ariaBillingGroupID is required' });
}

export const billingGroupModify = z.object({ ...groupFields, ...groupRef }).superRefine((g, ctx) => {
  requireGroupRef(g, ctx);
  paymentRules(g, ctx, false);
});
export type BillingGroupModify = z.input<typeof billingGroupModify>;

export const billingGroupRemove = z.object(groupRef).superRefine(requireGroupRef);
export type BillingGroupRemove = z.input<typeof billingGroupRemove>;

const actionAccount = { ariaAccountNo: optIdNo, ariaAccountID: optText(LIMITS.accountId) };
export const billingGroupAction = z
  .discriminatedUnion('actionDirective', [
    z.object({ actionDirective: z.literal('ADD'), ...actionAccount, acctManageBillingGroupDetailsADD: billingGroupAdd }),
    z.object({ actionDirective: z.literal('MODIFY'), ...actionAccount, acctManageBillingGroupDetailsMODIFY: billingGroupModify }),
    z.object({ actionDirective: z.literal('REMOVE'), ...actionAccount, acctManageBillingGroupDetailsREMOVE: billingGroupRemove }),
  ])
  .superRefine(requireAccountRef);
export type BillingGroupAction = z.input<typeof billingGroupAction>;

export const acctManageBillingGroupRequest = z.object({
  acctManageBillingGroupDetails: z.array(billingGroupAction).min(1).max(20),
});
export type AcctManageBillingGroupRequest = z.input<typeof acctManageBillingGroupRequest>;

export const payOptionInfoOut = z.object({
  payOptionID: z.string().nullish(),
  payOptionVariant: z.string().nullish(),
  paymentEANNum: z.string().nullish(),
  paymentEANRequisitionNum: z.string().nullish(),
  payOptionName: z.string().nullish(),
  payOptionNameTranslations: translations.nullish(),
  payOptionDesc: z.string().nullish(),
  payOptionDescTranslations: translations.nullish(),
  payOptionVariantName: z.string().nullish(),
  payOptionVariantNameTranslations: translations.nullish(),
  payOptionVariantDesc: z.string().nullish(),
  payOptionVariantDescTranslations: translations.nullish(),
});

export const billingGroupInfo = z.object({
  titleDetails: titleInfo.nullish(),
  ariaBillingGroupID: z.string(),
  ariaBillingGroupNo: z.number(),
  billingGroupName: z.string().nullish(),
  billingGroupDesc: z.string().nullish(),
  billingGroupStatus: z.string().nullish(),
  notifyMethod: z.string().nullish(),
  paymentOption: paymentOption.nullish(),
  paymentTermInfo: paymentTermInfoOut.nullish(),
  paymentMethodInfo: paymentMethodInfo.nullish(),
  payOptionInfo: payOptionInfoOut.nullish(),
  requestSourceID: z.string().nullish(),
  statementContactNo: z.number().nullish(),
  statementContactDetails: contactDetails.nullish(),
  ariaDunningGroupID: z.string().nullish(),
  ariaDunningGroupNo: z.number().nullish(),
  dunningGroupName: z.string().nullish(),
  dunningGroupDesc: z.string().nullish(),
  dunningProcessID: z.string().nullish(),
});
export type BillingGroupInfo = z.infer<typeof billingGroupInfo>;

export const acctManageBillingGroupResponse = z.object({
  resultInfo,
  acctManageBillingGroupResponseDetails: z
    .array(
      z.object({
        actionDirective: z.string(),
        ariaAccountID: z.string().nullish(),
        ariaAccountNo: z.number().nullish(),
        actionResultInfo: z.object({ resultCode: z.number().int(), resultText: z.string() }),
        billingGroupResponseINFO: billingGroupInfo.nullish(),
      }),
    )
    .nullish(),
});
export type AcctManageBillingGroupResponse = z.infer<typeof acctManageBillingGroupResponse>;

export const acctRetrieveBillingGroupRequest = z.object({
  acctRetrieveBillingGroupCriteria: z
    .object({ ...actionAccount, titleFiltering: z.array(titleFilter).max(50).nullish() })
    .superRefine(requireAccountRef),
});
export type AcctRetrieveBillingGroupRequest = z.input<typeof acctRetrieveBillingGroupRequest>;

export const paymentMethodOut = z.object({
  ariaPaymentMethodID: z.string(),
  ariaPaymentMethodNo: z.number(),
  payMethodType: payMethodType.or(z.string()),
  creditCardMasked: z.string().nullish(),
  creditCardType: z.string().nullish(),
  creditCardExpMonth: z.string().nullish(),
  creditCardExpYear: z.string().nullish(),
  billContactNo: z.number().nullish(),
  billContactDetails: contactDetails.nullish(),
});
export type PaymentMethodOut = z.infer<typeof paymentMethodOut>;

export const acctRetrieveBillingGroupResponse = z.object({
  resultInfo,
  acctRetrieveBillingGroupResponseDetails: z
    .object({
      ariaAccountID: z.string().nullish(),
      ariaAccountNo: z.number(),
      acctRetrieveBillingGroupList: z.array(billingGroupInfo),
      acctRetrieveBillingGroupPayMethodList: z.array(paymentMethodOut).nullish(),
    })
    .nullish(),
});
export type AcctRetrieveBillingGroupResponse = z.infer<typeof acctRetrieveBillingGroupResponse>;
