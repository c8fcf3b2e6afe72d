// AcctChangePermAddress (004): either an existing delivery address (distAddressNo) or a
// new one (distAddressType + acctDeliveryAddress); optionally scoped to one subscription.
import { z } from 'zod';
import { LIMITS, ampsDateTime, idNo, optIdNo, optText, requireAccountRef, resultInfo } from './fields';

/** House numbers like "12B" exist, so numeric-looking fields accept text or a number (D11). */
const numOrText = (max: number) => z.union([z.string().max(max), z.number().int().nonnegative()]).nullish();

export const acctDeliveryAddress = z
  .object({
    distAddrType: optText(LIMITS.code),
    distAddrName: optText(LIMITS.name),
    distAddrLine1: optText(LIMITS.addressLine),
    distAddrLine2: optText(LIMITS.addressLine),
    distAddrLine3: optText(LIMITS.addressLine),
    distAddrLine4: optText(LIMITS.addressLine),
    distCoAddr: optText(LIMITS.addressLine),
    distAddrCity: z.string().trim().min(1, 'distAddrCity is required').max(LIMITS.city),
    distAddrPostalCode: z.string().trim().min(1, 'distAddrPostalCode is required').max(LIMITS.postalCode),
    distAddrCountryCode: z.string().regex(/^[A-Z]{2}$/, 'distAddrCountryCode must be two capital letters, e.g. NO'),
    distAddrLocality: optText(LIMITS.locality),
    distAddrStateProv: optText(LIMITS.stateProv),
    distStreetName: optText(LIMITS.streetName),
    distStreetNo: numOrText(LIMITS.streetNo),
    distFlatNo: numOrText(LIMITS.flat),
    distFlatSpec: numOrText(LIMITS.flat),
    distFlatFloor: numOrText(LIMITS.flat),
    distEntranceNo: numOrText(LIMITS.flat),
    distPublAddrNo: numOrText(LIMITS.flat),
    distApartmentNo: numOrText(LIMITS.flat),
    distDirections: optText(LIMITS.directions),
  })
  .superRefine((a, ctx) => {
    const has = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';
    if (!has(a.distAddrLine1) && !has(a.distStreetName))
      ctx.addIssue({ code: 'custom', path: ['distStreetName'], message: 'distStreetName or distAddrLine1 is required' });
    if (has(a.distAddrLine2) && !has(a.distAddrLine1))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine1'], message: 'distAddrLine1 is required when distAddrLine2 is given' });
    if (has(a.distAddrLine3) && !has(a.distAddrLine2))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine2'], message: 'distAddrLine2 is required when distAddrLine3 is given' });
    if (has(a.distAddrLine4) && !has(a.distAddrLine3))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine3'], message: 'distAddrLine3 is required when distAddrLine4 is given' });
  });
export type AcctDeliveryAddress = z.input<typeof acctDeliveryAddress>;

export const acctChangePermAddressRequestDetails = z
  .object({
    ariaAccountID: optText(LIMITS.accountId),
    ariaAccountNo: optIdNo,
    ariaMPIID: optText(LIMITS.planInstanceId),
    ariaMPINo: optIdNo,
    dateEffective: ampsDateTime.nullish(),
    distAddressNo: optIdNo,
    distAddressType: optText(LIMITS.code),
    acctDeliveryAddress: acctDeliveryAddress.nullish(),
  })
  .superRefine((d, ctx) => {
    requireAccountRef(d, ctx);
    if (d.distAddressNo) {
      if (d.acctDeliveryAddress)
        ctx.addIssue({ code: 'custom', path: ['acctDeliveryAddress'], message: 'give either distAddressNo or a new acctDeliveryAddress, not both' });
    } else {
      if (!(d.distAddressType ?? '').trim())
        ctx.addIssue({ code: 'custom', path: ['distAddressType'], message: 'distAddressType is required when distAddressNo is not given' });
      if (!d.acctDeliveryAddress)
        ctx.addIssue({ code: 'custom', path: ['acctDeliveryAddress'], message: 'acctDeliveryAddress is required when distAddressNo is not given' });
    }
  });

export const acctChangePermAddressRequest = z.object({ AcctChangePermAddressRequestDetails: acctChangePermAddressRequestDetails });
export type AcctChangePermAddressRequest = z.input<typeof acctChangePermAddressRequest>;

export const acctChangePermAddressResponse = z.object({
  resultInfo,
  AcctChangePermAddressResponseDetails: z
    .object({ ariaAccountID: z.string().nullish(), ariaAccountNo: z.number(), distAddressNo: idNo })
    .nullish(),
});
export type AcctChangePermAddressResponse = z.infer<typeof acctChangePermAddressResponse>;
