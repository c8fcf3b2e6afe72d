// The advanced search form: every criterion of AcctSearchAccount (004), as text fields
// named by their request path. The form's strings become the accounts.search input and
// are checked by the shared schemas, so a rule such as "searchStreetNo only with
// searchStreetName" shows on its field.
import { z } from 'zod';
import { acctSearchAccountAddressCriteria, acctSearchAccountContactCriteria, acctSearchAccountCriteria } from '../../../shared/amps';
import { compactRequest } from '../../../shared/domain/fieldDiff';

export const CRITERIA_FIELDS = [
  'ariaAccountNo',
  'ariaAccountID',
  'userID',
  'phoneNumber',
  'emailAddress',
  'custInvoiceRef',
  'ariaInvoiceNo',
  'ariaStatementNo',
  'ariaSeqStatementNo',
  'ariaPINo',
  'ariaPIID',
  'migratedCustomerID',
] as const;
export const NUMERIC_CRITERIA = new Set<string>(['ariaAccountNo', 'ariaInvoiceNo', 'ariaStatementNo', 'ariaSeqStatementNo', 'ariaPINo']);

export const CONTACT_FIELDS = [
  'fullName',
  'firstName',
  'middleInitials',
  'lastName',
  'emailAddress',
  'cellPhone',
  'homePhone',
  'workPhone',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'streetName',
  'streetNo',
  'flatNo',
  'flatSpec',
  'flatFloor',
  'entranceNo',
  'postalCode',
  'postalCity',
  'addrLocality',
  'addrStateProv',
  'countryCode',
] as const;

export const ADDRESS_FIELDS = [
  'searchFullName',
  'searchFirstName',
  'searchLastName',
  'searchStreetName',
  'searchStreetNo',
  'searchPostalCode',
  'searchCity',
  'searchCountryCode',
] as const;

type Strings<K extends readonly string[]> = { [P in K[number]]: string };
export interface AdvancedForm {
  criteria: Strings<typeof CRITERIA_FIELDS>;
  contact: Strings<typeof CONTACT_FIELDS>;
  address: Strings<typeof ADDRESS_FIELDS>;
}

const blank = <K extends readonly string[]>(keys: K) => Object.fromEntries(keys.map((k) => [k, ''])) as Strings<K>;
export const emptyAdvancedForm = (): AdvancedForm => ({ criteria: blank(CRITERIA_FIELDS), contact: blank(CONTACT_FIELDS), address: blank(ADDRESS_FIELDS) });

const searchInput = z
  .object({
    criteria: acctSearchAccountCriteria.optional(),
    contact: acctSearchAccountContactCriteria.optional(),
    address: acctSearchAccountAddressCriteria.optional(),
  })
  .refine((v) => v.criteria || v.contact || v.address, { message: 'atLeastOne', path: ['root'] });
export type AdvancedSearchInput = z.output<typeof searchInput>;

/** Strings → request: blanks dropped, numeric criteria as numbers, country codes upper-case. */
export function toSearchInput(form: AdvancedForm): Record<string, unknown> {
  const criteria: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form.criteria)) {
    const s = v.trim();
    if (s) criteria[k] = NUMERIC_CRITERIA.has(k) && /^\d+$/.test(s) ? Number(s) : s;
  }
  const upper = (o: Record<string, string>, key: string) => (o[key] ? { ...o, [key]: o[key]!.trim().toUpperCase() } : o);
  return compactRequest({
    criteria,
    contact: upper(form.contact, 'countryCode'),
    address: upper(form.address, 'searchCountryCode'),
  }) ?? {};
}

export function advancedSchema(digitsOnly: string) {
  return z
    .custom<AdvancedForm>()
    .superRefine((f, ctx) => {
      for (const k of NUMERIC_CRITERIA) {
        const v = f.criteria[k as keyof AdvancedForm['criteria']] ?? '';
        if (!/^\s*\d*\s*$/.test(v)) ctx.addIssue({ code: 'custom', path: ['criteria', k], message: digitsOnly });
      }
    })
    .transform(toSearchInput)
    .pipe(searchInput);
}
