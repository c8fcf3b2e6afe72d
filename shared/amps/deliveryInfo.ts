// AcctRetrieveDeliveryInfo: a sandbox extension, not in 004 (decision D8). 004 lets a
// CSR pick "an existing delivery address" and "one subscription" but has no call that
// lists either; this one does. Against a host without it the UI falls back to typing
// the numbers in.
import { z } from 'zod';
import { LIMITS, optIdNo, optText, requireAccountRef, resultInfo } from './fields';

export const acctRetrieveDeliveryInfoRequest = z.object({
  acctRetrieveDeliveryInfoCriteria: z
    .object({ ariaAccountID: optText(LIMITS.accountId), ariaAccountNo: optIdNo })
    .superRefine(requireAccountRef),
});
export type AcctRetrieveDeliveryInfoRequest = z.input<typeof acctRetrieveDeliveryInfoRequest>;

export const deliveryAddressOut = z.object({
  distAddressNo: z.number(),
  distAddrType: z.string(),
  distAddrName: z.string().nullish(),
  distAddrLine1: z.string().nullish(),
  distAddrLine2: z.string().nullish(),
  distAddrLine3: z.string().nullish(),
  distAddrLine4: z.string().nullish(),
  distCoAddr: z.string().nullish(),
  distAddrCity: z.string(),
  distAddrPostalCode: z.string(),
  distAddrCountryCode: z.string(),
  distStreetName: z.string().nullish(),
  distStreetNo: z.string().nullish(),
  distFlatNo: z.string().nullish(),
  distFlatFloor: z.string().nullish(),
  distEntranceNo: z.string().nullish(),
  /** True for the address currently used as the permanent account address. */
  isPermanent: z.boolean(),
  /** When it became (or becomes) the permanent address, if it is or was one. */
  permanentFrom: z.string().nullish(),
});
export type DeliveryAddressOut = z.infer<typeof deliveryAddressOut>;

export const planInstanceOut = z.object({
  ariaMPINo: z.number(),
  ariaMPIID: z.string(),
  planName: z.string(),
  titleCode: z.string().nullish(),
  status: z.string(),
  isSpecial: z.boolean(),
  distAddressNo: z.number().nullish(),
});
export type PlanInstanceOut = z.infer<typeof planInstanceOut>;

export const addressTypeOut = z.object({ code: z.string(), name: z.string() });

export const acctRetrieveDeliveryInfoResponse = z.object({
  resultInfo,
  acctRetrieveDeliveryInfoDetails: z
    .object({
      ariaAccountNo: z.number(),
      ariaAccountID: z.string().nullish(),
      deliveryAddresses: z.array(deliveryAddressOut),
      planInstances: z.array(planInstanceOut),
      addressTypes: z.array(addressTypeOut),
    })
    .nullish(),
});
export type AcctRetrieveDeliveryInfoResponse = z.infer<typeof acctRetrieveDeliveryInfoResponse>;
