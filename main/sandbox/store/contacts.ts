// Contacts (owner, statement, billing) and the account's search document, which must be
// rebuilt whenever a contact or delivery address of the account changes.
import type { DatabaseSync } from 'node:sqlite';
import type { ContactDetails, ContactInput } from '../../../shared/amps/fields';
import { CONTACT_COLUMNS, type ContactRow, type DeliveryAddressRow } from './rows';
import { nextNo } from './ids';
import { q } from './statements';
import { DOC_COLUMNS, buildSearchDoc, vocabularyOf } from '../search/doc';
import { noteVocabulary } from '../search/rank';

/** API field ↔ column. */
export const CONTACT_FIELDS = [
  ['firstName', 'first_name'], ['middleInitials', 'middle_initials'], ['lastName', 'last_name'], ['fullName', 'full_name'],
  ['addressLine1', 'address_line1'], ['addressLine2', 'address_line2'], ['addressLine3', 'address_line3'],
  ['countryCode', 'country_code'], ['postalCode', 'postal_code'], ['postalCity', 'postal_city'], ['addrLocality', 'locality'],
  ['addrStateProv', 'state_prov'], ['streetName', 'street_name'], ['streetNo', 'street_no'], ['flatNo', 'flat_no'],
  ['flatSpec', 'flat_spec'], ['flatFloor', 'flat_floor'], ['entranceNo', 'entrance_no'], ['homePhone', 'home_phone'],
  ['cellPhone', 'cell_phone'], ['workPhone', 'work_phone'], ['emailAddress', 'email'],
] as const satisfies readonly (readonly [keyof ContactDetails, keyof ContactRow])[];

export function contactOut(c: ContactRow, withBirthDate = true): ContactDetails {
  const out: Record<string, string | null> = {};
  for (const [api, col] of CONTACT_FIELDS) out[api] = c[col];
  if (withBirthDate) out.birthDate = c.birth_date;
  return out as ContactDetails;
}

export function getContact(db: DatabaseSync, contactNo: number): ContactRow | undefined {
  return q(db, 'SELECT * FROM contacts WHERE contact_no = ?').get(contactNo) as ContactRow | undefined;
}

/**
 * The contact after applying an input: fields present in the input (even "" or null)
 * replace the stored value; fields left out keep it (004 MODIFY sends blanks to clear).
 */
export function mergeContact(base: ContactRow, input: ContactInput): ContactRow {
  const next = { ...base };
  for (const [api, col] of CONTACT_FIELDS) {
    const v = input[api];
    if (v !== undefined) (next as Record<string, unknown>)[col] = (v ?? '').trim();
  }
  if (input.birthDate !== undefined) next.birth_date = input.birthDate ?? null;
  return next;
}

export function emptyContact(accountNo: number): ContactRow {
  const row: Record<string, unknown> = { contact_no: 0, account_no: accountNo, birth_date: null };
  for (const [, col] of CONTACT_FIELDS) row[col] = '';
  return row as unknown as ContactRow;
}

export function insertContact(db: DatabaseSync, row: ContactRow): number {
  const contactNo = nextNo(db, 'contact');
  const values = CONTACT_COLUMNS.map((k) => (k === 'contact_no' ? contactNo : row[k]));
  q(db, `INSERT INTO contacts (${CONTACT_COLUMNS.join(', ')}) VALUES (${CONTACT_COLUMNS.map(() => '?').join(', ')})`).run(...values);
  return contactNo;
}

export function updateContact(db: DatabaseSync, row: ContactRow): void {
  const cols = CONTACT_COLUMNS.filter((k) => k !== 'contact_no' && k !== 'account_no');
  q(db, `UPDATE contacts SET ${cols.map((k) => `${k} = ?`).join(', ')} WHERE contact_no = ?`).run(...cols.map((k) => row[k]), row.contact_no);
}

/** Contacts of the account other than the owner (statement and billing contacts). */
export function otherContacts(db: DatabaseSync, accountNo: number, ownerNo: number): ContactRow[] {
  return q(db, 'SELECT * FROM contacts WHERE account_no = ? AND contact_no <> ?').all(accountNo, ownerNo) as unknown as ContactRow[];
}

export function deliveryAddresses(db: DatabaseSync, accountNo: number): DeliveryAddressRow[] {
  return q(db, 'SELECT * FROM delivery_addresses WHERE account_no = ? ORDER BY dist_address_no').all(accountNo) as unknown as DeliveryAddressRow[];
}

/** Rewrites the account's search document from its current contacts and addresses. */
export function reindexAccount(db: DatabaseSync, accountNo: number): void {
  const acct = q(db, 'SELECT contact_no FROM accounts WHERE account_no = ?').get(accountNo) as { contact_no: number } | undefined;
  if (!acct) return;
  const owner = getContact(db, acct.contact_no);
  if (!owner) return;
  const doc = buildSearchDoc(owner, otherContacts(db, accountNo, owner.contact_no), deliveryAddresses(db, accountNo));
  q(db, 'DELETE FROM account_fts WHERE rowid = ?').run(accountNo);
  q(db, `INSERT INTO account_fts (rowid, ${DOC_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(DOC_COLUMNS.length)})`).run(accountNo, ...DOC_COLUMNS.map((c) => doc[c]));
  // Words are only ever added: a word no account has any more costs one empty lookup.
  const words = vocabularyOf(doc);
  for (const w of words) q(db, 'INSERT OR IGNORE INTO search_vocab (len, word) VALUES (?, ?)').run([...w].length, w);
  noteVocabulary(db, words);
}
