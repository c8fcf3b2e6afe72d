// AcctChangePermAddress (004): either an existing delivery address (distAddressNo) or a
// new one (distAddressType + acctDeliveryAddress); optionally scoped to one subscription.
import { z } from 'zod';
import { checkPostal, lookupPostalCode } from '../domain/input';
import { LIMITS, addRuleIssues, ampsDateTime, idNo, optIdNo, optText, requireAccountRef, resultInfo } from './fields';

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
    // Required, but checked in the refinement below so that every missing one is named at once.
    distAddrCity: optText(LIMITS.city),
    distAddrPostalCode: optText(LIMITS.postalCode),
    distAddrCountryCode: optText(LIMITS.code),
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
    const country = (a.distAddrCountryCode ?? '').trim();
    if (!country) ctx.addIssue({ code: 'custom', path: ['distAddrCountryCode'], message: 'distAddrCountryCode is required' });
    else if (!/^[A-Z]{2}$/.test(country))
      ctx.addIssue({ code: 'custom', path: ['distAddrCountryCode'], message: 'distAddrCountryCode must be two capital letters, e.g. NO' });
    if (!has(a.distAddrPostalCode)) ctx.addIssue({ code: 'custom', path: ['distAddrPostalCode'], message: 'distAddrPostalCode is required' });
    // Country in ISO 3166-1; a Norwegian postal code from the register, not a post box,
    // with its poststed (filled in when the city is empty) (D20, D21).
    const postal = checkPostal(
      { country: /^[A-Z]{2}$/.test(country) ? country : 'NO', postalCode: a.distAddrPostalCode, city: a.distAddrCity },
      { country: 'distAddrCountryCode', postalCode: 'distAddrPostalCode', city: 'distAddrCity' },
      { delivery: true },
    );
    addRuleIssues(ctx, postal.issues);
    if (!has(a.distAddrCity) && !postal.filledCity) ctx.addIssue({ code: 'custom', path: ['distAddrCity'], message: 'distAddrCity is required' });
    if (!has(a.distAddrLine1) && !has(a.distStreetName))
      ctx.addIssue({ code: 'custom', path: ['distStreetName'], message: 'distStreetName or distAddrLine1 is required' });
    if (has(a.distAddrLine2) && !has(a.distAddrLine1))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine1'], message: 'distAddrLine1 is required when distAddrLine2 is given' });
    if (has(a.distAddrLine3) && !has(a.distAddrLine2))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine2'], message: 'distAddrLine2 is required when distAddrLine3 is given' });
    if (has(a.distAddrLine4) && !has(a.distAddrLine3))
      ctx.addIssue({ code: 'custom', path: ['distAddrLine3'], message: 'distAddrLine3 is required when distAddrLine4 is given' });
  })
  .transform((a) => {
    const city = (a.distAddrCity ?? '').trim();
    const country = (a.distAddrCountryCode ?? '').trim();
    const code = (a.distAddrPostalCode ?? '').trim();
    const filled = !city && country === 'NO' ? lookupPostalCode(code)?.place : undefined;
    return { ...a, distAddrCity: filled ?? city, distAddrPostalCode: code, distAddrCountryCode: country };
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
