// A search result as the renderer gets it (D99): the fields the results grid shows, sorts by
// and opens an account with, not the whole AMPS row. AcctSearchAccount answers every
// contact field of every row (street, flat, entrance, locality, the user ID …); the
// renderer needs eight of them. Picking them in main halves each answer on the wire, on
// every keystroke of the quick search, and keeps fifty people's street addresses out of the
// renderer for a glance at a list: the account overview fetches the whole contact when
// the agent opens one. Empty fields are left out (the AMPS answers "" for them).
import { z } from 'zod';

const text = z.string().optional();

export const searchResultContact = z.object({
  fullName: text,
  firstName: text,
  lastName: text,
  postalCode: text,
  postalCity: text,
  cellPhone: text,
  homePhone: text,
  workPhone: text,
  emailAddress: text,
});

export const searchResultRow = z.object({
  ariaAccountNo: z.number(),
  ariaAccountID: text,
  acctStatusCode: z.number().int(),
  acctBalance: z.number(),
  acctCurrencyCode: text,
  contactDetails: searchResultContact,
});
export type SearchResultRow = z.infer<typeof searchResultRow>;

/** The contact fields a search result carries, in the schema's order. */
export const SEARCH_RESULT_CONTACT_FIELDS = Object.keys(searchResultContact.shape) as (keyof SearchResultRow['contactDetails'])[];
