// The account contact as the form holds it (every field a string), and the AcctManageAccount
// MODIFY that carries an edit: fullName (004: "must be present") plus each field that
// changed; the postal code, city and country travel together when one of them changed, so
// the register check sees them as one address. Fields left alone are not sent, so a seeded
// contact whose old postal code the register no longer knows (D42) does not block a new
// phone number. Phones, postal city and country are compared after the shared rules have
// normalised them (E.164, the register's poststed): "912 34 567" for "+4791234567" is no change.
import { z } from 'zod';
import { contactInput, type ContactDetails, type ManageAccountAction } from '../../../shared/amps';
import { diffFields, type FieldChange } from '../../../shared/domain/fieldDiff';
import { CONTACT_FIELD_NAMES, type ContactFieldName, type ContactFormValues } from './ContactFormFields';

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function contactToValues(c?: ContactDetails | null): ContactFormValues {
  return Object.fromEntries(CONTACT_FIELD_NAMES.map((k) => [k, s(c?.[k])])) as ContactFormValues;
}

/** A new contact: Norwegian until the agent picks another country. */
export function emptyContactValues(): ContactFormValues {
  return { ...contactToValues(null), countryCode: 'NO' };
}

const POSTAL_GROUP: readonly ContactFieldName[] = ['postalCode', 'postalCity', 'countryCode'];

/** What the form sends: fullName, the fields whose text changed, the postal group whole. */
function sentFields(before: ContactFormValues, after: ContactFormValues): Record<string, string | null> {
  const out: Record<string, string | null> = { fullName: after.fullName };
  const changed = (k: ContactFieldName) => before[k].trim() !== after[k].trim();
  for (const k of CONTACT_FIELD_NAMES) if (changed(k)) out[k] = after[k].trim();
  if (POSTAL_GROUP.some(changed)) for (const k of POSTAL_GROUP) out[k] = after[k].trim();
  if ('countryCode' in out) out.countryCode = (out.countryCode ?? '').toUpperCase();
  // A cleared birth date is null ("may contain null", 004); "" is no date.
  if ('birthDate' in out && !out.birthDate) out.birthDate = null;
  return out;
}

export type OwnerContact = z.output<typeof contactInput>;

/**
 * The form's resolver: the contact to send, checked by the shared contact schema, so every
 * rule's error lands on its field ("contact.cellPhone").
 */
export function contactEditSchema(before: ContactFormValues) {
  return z
    .custom<{ contact: ContactFormValues }>()
    .transform((v) => ({ contact: sentFields(before, v.contact) }))
    .pipe(z.object({ contact: contactInput }));
}

/** Before → after of what will really change, after normalisation; fullName only if it changed. */
export function contactChanges(before: ContactFormValues, sent: OwnerContact): FieldChange[] {
  const was: Record<string, string | null> = {};
  const now: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(sent)) {
    if (v === undefined) continue;
    was[k] = before[k as ContactFieldName] ?? '';
    now[k] = v === null ? '' : String(v);
  }
  return diffFields(was, now);
}

/** The MODIFY action with only the fields that change (and fullName). */
export function modifyContactAction(accountNo: number, sent: OwnerContact, changes: FieldChange[]): ManageAccountAction {
  const keep = new Set<string>(['fullName', ...changes.map((c) => c.path)]);
  if (changes.some((c) => POSTAL_GROUP.includes(c.path as ContactFieldName))) for (const k of POSTAL_GROUP) keep.add(k);
  const ownerContactDetails = Object.fromEntries(Object.entries(sent).filter(([k, v]) => v !== undefined && keep.has(k)));
  return { actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: accountNo, ownerContactDetails } };
}

/** The account's fields as the confirmation showed them, keyed like the settle step reads them. */
export function contactBefore(before: ContactFormValues, changes: FieldChange[]): Record<string, string> {
  return Object.fromEntries(changes.map((c) => [`ownerContactDetails.${c.path}`, before[c.path as ContactFieldName] ?? '']));
}
