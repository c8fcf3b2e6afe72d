// AcctSearchAccount (004 "Search Account"). Name and city criteria are "like" matches;
// postal code is exact; searchStreetNo only together with searchStreetName.
import { z } from 'zod';
import { LIMITS, contactDetails, contactShape, optIdNo, optText, resultInfo } from './fields';

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

export const acctSearchAccountContactCriteria = z.object(contactShape);

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
  /**
   * Sandbox extension (D40): read contact fullName as the words a caller said — any order,
   * each in a name or a city of the account, one typo allowed — ranked best first. A host
   * without it ignores the flag and searches fullName "like".
   */
  fullNameAsWords: z.boolean().nullish(),
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
  // Data, not a request field: a status code this app does not know (a real AMPS may have
  // more) is shown as unknown, never a reason to fail the whole result set.
  acctStatusCode: z.number().int(),
  contactDetails,
});
export type AccountResultRow = z.infer<typeof accountResultRow>;

export const acctSearchAccountResponse = z.object({
  resultInfo,
  acctSearchAccountResponseDetails: z.object({ accountResultSet: z.array(accountResultRow) }).nullish(),
});
export type AcctSearchAccountResponse = z.infer<typeof acctSearchAccountResponse>;
