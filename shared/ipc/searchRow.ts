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

// ── Which part of a delivery address a word of a name search matched (D103) ─────────────

/** Rows asked about at once: the first page of an answer. */
export const DELIVERY_MATCH_ROWS = 50;

/** The rows of a name search with the words the row cannot explain (D102), as typed. */
export const deliveryMatchInput = z.strictObject({
  rows: z
    .array(z.strictObject({ accountNo: z.number().int().positive(), words: z.array(z.string().min(1).max(200)).min(1).max(20) }))
    .min(1)
    .max(DELIVERY_MATCH_ROWS),
});

/** Where a word fits the account's delivery addresses: an address's name, its city, or both. */
export const DELIVERY_PLACES = ['name', 'city', 'nameAndCity'] as const;
export type DeliveryPlace = (typeof DELIVERY_PLACES)[number];

/**
 * Per row, the words a delivery address explains and where; a word none does (changed since)
 * and a row whose addresses could not be read are left out. No address itself (D99).
 */
export const deliveryMatchAnswer = z.object({
  rows: z.array(z.object({ accountNo: z.number().int(), words: z.array(z.object({ word: z.string(), on: z.enum(DELIVERY_PLACES) })) })),
});
export type DeliveryMatchAnswer = z.infer<typeof deliveryMatchAnswer>;
