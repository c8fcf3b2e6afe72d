// The criteria of an AcctSearchAccount request, read once into one shape (004 "Search
// Account" field lists). Blank strings, null and 0 all mean "not used", as in the samples.
import type { z } from 'zod';
import type { acctSearchAccountRequest } from '../../../shared/amps/search';
import type { ContactRow } from '../store/rows';
import { wordsOf } from './doc';

type Request = z.infer<typeof acctSearchAccountRequest>;

/** Owner-contact criteria: "like" (contains; a term under 3 characters: starts with). */
export const LIKE_FIELDS = [
  ['firstName', 'first_name'], ['middleInitials', 'middle_initials'], ['lastName', 'last_name'], ['fullName', 'full_name'],
  ['addressLine1', 'address_line1'], ['addressLine2', 'address_line2'], ['addressLine3', 'address_line3'],
  ['postalCity', 'postal_city'], ['addrLocality', 'locality'], ['streetName', 'street_name'],
] as const satisfies readonly (readonly [string, keyof ContactRow])[];

/** Owner-contact criteria compared whole (case-insensitive). */
export const EXACT_FIELDS = [
  ['postalCode', 'postal_code'], ['countryCode', 'country_code'], ['addrStateProv', 'state_prov'], ['streetNo', 'street_no'],
  ['flatNo', 'flat_no'], ['flatSpec', 'flat_spec'], ['flatFloor', 'flat_floor'], ['entranceNo', 'entrance_no'],
] as const satisfies readonly (readonly [string, keyof ContactRow])[];

export const PHONE_FIELDS = [
  ['homePhone', 'home_phone'], ['cellPhone', 'cell_phone'], ['workPhone', 'work_phone'],
] as const satisfies readonly (readonly [string, keyof ContactRow])[];

export interface FieldCriterion {
  /** Request path, for messages. */
  path: string;
  column: keyof ContactRow;
  term: string;
}

export interface IdCriteria {
  ariaAccountID?: string;
  ariaAccountNo?: number;
  userID?: string;
  migratedCustomerID?: string;
  ariaPINo?: number;
  ariaPIID?: string;
  ariaInvoiceNo?: number;
  ariaStatementNo?: number;
  ariaSeqStatementNo?: number;
  custInvoiceRef?: string;
}

export interface AddressCriteria {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  streetName?: string;
  streetNo?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

export interface SearchCriteria {
  ids: IdCriteria;
  /** acctSearchAccountCriteria.phoneNumber / emailAddress: any owner, statement or billing contact. */
  anyPhone?: string;
  anyEmail?: string;
  like: FieldCriterion[];
  exact: FieldCriterion[];
  phones: FieldCriterion[];
  ownerEmail?: string;
  address: AddressCriteria;
  /**
   * Sandbox extension (D40, acctSearchAccountSpecDetails.fullNameAsWords): the fullName
   * criterion read as words a caller said, in any order (search/rank.ts); it is then not
   * also a "like" criterion.
   */
  words?: string[];
  limit: number;
}

const text = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' || s === '0' ? undefined : s;
};
const num = (v: number | null | undefined) => (v ? v : undefined);

export function readCriteria(req: Request): SearchCriteria {
  const s = req.acctSearchAccountCriteria ?? {};
  const c = (req.acctSearchAccountContactCriteria ?? {}) as Record<string, string | null | undefined>;
  const a = req.acctSearchAccountAddressCriteria ?? {};
  const ids: IdCriteria = {};
  const put = <K extends keyof IdCriteria>(k: K, v: IdCriteria[K] | undefined) => {
    if (v !== undefined) ids[k] = v;
  };
  put('ariaAccountID', text(s.ariaAccountID));
  put('ariaAccountNo', num(s.ariaAccountNo));
  put('userID', text(s.userID));
  put('migratedCustomerID', text(s.migratedCustomerID));
  put('ariaPINo', num(s.ariaPINo));
  put('ariaPIID', text(s.ariaPIID));
  put('ariaInvoiceNo', num(s.ariaInvoiceNo));
  put('ariaStatementNo', num(s.ariaStatementNo));
  put('ariaSeqStatementNo', num(s.ariaSeqStatementNo));
  put('custInvoiceRef', text(s.custInvoiceRef));
  const fields = (list: readonly (readonly [string, keyof ContactRow])[]) =>
    list.flatMap(([api, column]) => {
      const term = text(c[api]);
      return term ? [{ path: `acctSearchAccountContactCriteria.${api}`, column, term }] : [];
    });
  const address: AddressCriteria = {};
  const addr = <K extends keyof AddressCriteria>(k: K, v: unknown) => {
    const t = text(v);
    if (t) address[k] = t;
  };
  addr('firstName', a.searchFirstName);
  addr('lastName', a.searchLastName);
  addr('fullName', a.searchFullName);
  addr('streetName', a.searchStreetName);
  addr('streetNo', a.searchStreetNo);
  addr('postalCode', a.searchPostalCode);
  addr('city', a.searchCity);
  addr('countryCode', a.searchCountryCode);
  const crit: SearchCriteria = {
    ids,
    like: fields(LIKE_FIELDS),
    exact: fields(EXACT_FIELDS),
    phones: fields(PHONE_FIELDS),
    address,
    limit: req.acctSearchAccountSpecDetails?.returnLimitRows ?? 1,
  };
  const anyPhone = text(s.phoneNumber);
  const anyEmail = text(s.emailAddress);
  const ownerEmail = text(c.emailAddress);
  if (anyPhone) crit.anyPhone = anyPhone;
  if (anyEmail) crit.anyEmail = anyEmail;
  if (ownerEmail) crit.ownerEmail = ownerEmail;
  const full = crit.like.find((f) => f.column === 'full_name');
  if (req.acctSearchAccountSpecDetails?.fullNameAsWords && full) {
    const words = wordsOf(full.term);
    if (words.length) {
      crit.words = words;
      crit.like = crit.like.filter((f) => f !== full);
    }
  }
  return crit;
}

export function isEmpty(c: SearchCriteria): boolean {
  return (
    Object.keys(c.ids).length === 0 && !c.anyPhone && !c.anyEmail && !c.ownerEmail &&
    c.like.length + c.exact.length + c.phones.length === 0 && Object.keys(c.address).length === 0 && !c.words?.length
  );
}
