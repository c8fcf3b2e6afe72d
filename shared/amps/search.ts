// AcctSearchAccount (004 "Search Account"). Name and city criteria are "like" matches;
// postal code is exact; searchStreetNo only together with searchStreetName.
import { z } from 'zod';
import { LIMITS, contactDetails, optIdNo, optText, resultInfo } from './fields';
import { accountStatusCode } from './codes';

/** Numeric criteria: 0 and null both mean "not used" in the samples. */
const optNumCriterion = z.number().int().nonnegative().nullish();

export const acctSearchAccountCriteria = z.object({
  ariaAccountID: optText(LIMITS.accountId),
  ariaAccountNo: optIdNo,
  userID: optText(LIMITS.userId),
  phoneNumber: optText(LIMITS.phone),
  emailAddress: optText(LIMITS.email),
  migratedCustomerID: optText(LIMITS.accountId),
  ariaPINo: optNumCriterion,
  ariaPIID: z.union([optText(LIMITS.planInstanceId), z.number()]).nullish(),
  ariaInvoiceNo: optNumCriterion,
  ariaStatementNo: optNumCriterion,
  ariaSeqStatementNo: optNumCriterion,
  custInvoiceRef: z.union([optText(30), z.number()]).nullish(),
});

export const acctSearchAccountContactCriteria = z.object({
  firstName: optText(LIMITS.name),
  middleInitials: optText(LIMITS.name),
  lastName: optText(LIMITS.name),
  fullName: optText(LIMITS.fullName),
  addressLine1: optText(LIMITS.addressLine),
  addressLine2: optText(LIMITS.addressLine),
  addressLine3: optText(LIMITS.addressLine),
  countryCode: optText(2),
  postalCode: optText(LIMITS.postalCode),
  postalCity: optText(LIMITS.city),
  addrLocality: optText(LIMITS.locality),
  addrStateProv: optText(LIMITS.stateProv),
  streetName: optText(LIMITS.streetName),
  streetNo: optText(LIMITS.streetNo),
  flatNo: optText(LIMITS.flat),
  flatSpec: optText(LIMITS.flat),
  flatFloor: optText(LIMITS.flat),
  entranceNo: optText(LIMITS.flat),
  homePhone: optText(LIMITS.phone),
  cellPhone: optText(LIMITS.phone),
  workPhone: optText(LIMITS.phone),
  emailAddress: optText(LIMITS.email),
});

export const acctSearchAccountAddressCriteria = z
  .object({
    searchFirstName: optText(LIMITS.name),
    searchLastName: optText(LIMITS.name),
    searchFullName: optText(LIMITS.fullName),
    searchStreetName: optText(LIMITS.streetName),
    searchStreetNo: z.union([optText(LIMITS.streetNo), z.number()]).nullish(),
    searchPostalCode: optText(LIMITS.postalCode),
    searchCity: optText(LIMITS.city),
    searchCountryCode: optText(2),
  })
  .superRefine((a, ctx) => {
    const no = a.searchStreetNo;
    if (no !== null && no !== undefined && no !== '' && !(a.searchStreetName ?? '').trim())
      ctx.addIssue({ code: 'custom', path: ['searchStreetNo'], message: 'searchStreetNo may only be used together with searchStreetName' });
  });

export const acctSearchAccountSpecDetails = z.object({
  returnLimitRows: z.number().int().min(1).max(LIMITS.searchRows).nullish(),
});

export const acctSearchAccountRequest = z.object({
  acctSearchAccountCriteria: acctSearchAccountCriteria.nullish(),
  acctSearchAccountContactCriteria: acctSearchAccountContactCriteria.nullish(),
  acctSearchAccountAddressCriteria: acctSearchAccountAddressCriteria.nullish(),
  acctSearchAccountSpecDetails: acctSearchAccountSpecDetails.nullish(),
});
export type AcctSearchAccountRequest = z.input<typeof acctSearchAccountRequest>;

export const accountResultRow = z.object({
  ariaAccountID: z.string().nullish(),
  ariaAccountNo: z.number(),
  userID: z.string().nullish(),
  acctCurrencyCode: z.string().nullish(),
  acctBalance: z.number(),
  acctStatusCode: accountStatusCode,
  contactDetails,
});
export type AccountResultRow = z.infer<typeof accountResultRow>;

export const acctSearchAccountResponse = z.object({
  resultInfo,
  acctSearchAccountResponseDetails: z.object({ accountResultSet: z.array(accountResultRow) }).nullish(),
});
export type AcctSearchAccountResponse = z.infer<typeof acctSearchAccountResponse>;
