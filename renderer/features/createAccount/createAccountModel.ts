// The new-account form (issue 10 item 2): field names are AcctCreateAccount's request paths,
// so the shared schema's errors, main's (`account.…`) and the sandbox's
// (`acctCreateAccountRequestDetails.…`) land on the right field. Blank fields are left out
// of the request (AMPS then applies its own defaults); the business's defaults (D62) are
// filled in when the form opens, so the agent sees them and may change them under "More".
import { z } from 'zod';
import { createAccountDetails, type CreateAccountDetails, type DuplicateCheckInput } from '../../../shared/commands/accountCreate';
import { flattenFields, type FieldChange } from '../../../shared/domain/fieldDiff';
import { NEW_ACCOUNT_DEFAULTS, NEW_ACCOUNT_PAY_OPTIONS } from '../../../shared/domain/newAccount';
import { CONTACT_FIELD_NAMES, type ContactFormValues } from '../account/ContactFormFields';
import { emptyContactValues } from '../account/contactModel';

/** The account's own fields, shown under "More". */
export const MORE_FIELDS = [
  'ariaAccountID',
  'userID',
  'currencyCode',
  'localeCode',
  'languageCode',
  'notifyMethod',
  'ownerTitleCode',
  'customerType',
  'altBillDay',
  'channelCode',
  'sourceCode',
  'reservationCode',
  'reservationCodeDate',
  'consentCode',
  'consentCodeDate',
  'taxpayerID',
  'taxpayerExemptionLevel',
  'requestSource',
] as const;
type MoreField = (typeof MORE_FIELDS)[number];

export type CreateAccountForm = Record<MoreField, string> & {
  accountContact: ContactFormValues;
  acctCreateAccountPayOptionInfo: { payOptionID: string; payOptionVariant: string; paymentEANNum: string; paymentEANRequisitionNum: string };
};

/** The duplicate check's answers, carried into the form so nothing is typed twice. */
export interface Known {
  fullName: string;
  emailAddress: string;
  phone: string;
  postalCode: string;
}

export function emptyKnown(): Known {
  return { fullName: '', emailAddress: '', phone: '', postalCode: '' };
}

export function emptyCreateForm(known: Known = emptyKnown()): CreateAccountForm {
  const d = NEW_ACCOUNT_DEFAULTS;
  const contact = { ...emptyContactValues(), fullName: known.fullName.trim(), emailAddress: known.emailAddress.trim(), postalCode: known.postalCode.trim() };
  // A name said as "Kari Nordmann" fills first and last name too.
  const words = contact.fullName.split(/\s+/).filter(Boolean);
  if (words.length >= 2) {
    contact.firstName = words.slice(0, -1).join(' ');
    contact.lastName = words.at(-1)!;
  }
  contact.cellPhone = known.phone.trim();
  const blank = Object.fromEntries(MORE_FIELDS.map((k) => [k, ''])) as Record<MoreField, string>;
  return {
    ...blank,
    currencyCode: d.currencyCode,
    localeCode: d.localeCode,
    languageCode: d.languageCode,
    notifyMethod: d.notifyMethod,
    customerType: d.customerType,
    taxpayerExemptionLevel: d.taxpayerExemptionLevel,
    requestSource: d.requestSource,
    channelCode: d.channelCode,
    accountContact: contact,
    acctCreateAccountPayOptionInfo: { payOptionID: d.payOptionID, payOptionVariant: d.payOptionVariant, paymentEANNum: '', paymentEANRequisitionNum: '' },
  };
}

const clean = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The request details: blanks left out, the country in capitals, EAN fields only for an option that needs them. */
export function toDetails(f: CreateAccountForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of MORE_FIELDS) {
    const v = clean(f[k]);
    if (v !== undefined) out[k] = v;
  }
  const contact: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.accountContact)) {
    const c = clean(v);
    if (c !== undefined) contact[k] = k === 'countryCode' ? c.toUpperCase() : c;
  }
  out.accountContact = contact;
  const p = f.acctCreateAccountPayOptionInfo;
  const option = NEW_ACCOUNT_PAY_OPTIONS.find((o) => o.id === p.payOptionID);
  if (clean(p.payOptionID))
    out.acctCreateAccountPayOptionInfo = {
      payOptionID: p.payOptionID,
      ...(clean(p.payOptionVariant) ? { payOptionVariant: p.payOptionVariant } : {}),
      ...(option?.needsEan && clean(p.paymentEANNum) ? { paymentEANNum: clean(p.paymentEANNum) } : {}),
      ...(option?.needsEan && clean(p.paymentEANRequisitionNum) ? { paymentEANRequisitionNum: clean(p.paymentEANRequisitionNum) } : {}),
    };
  return out;
}

/** The form's resolver: the request the form would send, checked by the shared AcctCreateAccount schema. */
export const createAccountSchema = z.custom<CreateAccountForm>().transform(toDetails).pipe(createAccountDetails);

/** Nothing → the new account: one row per field that will be sent (after the shared rules: E.164, the poststed). */
export function createChanges(details: CreateAccountDetails): FieldChange[] {
  // The contact's fields in the form's order (the postal lookup adds the city after the
  // rest); any the form does not know stay after them.
  const c = details.accountContact as Record<string, unknown> | undefined;
  const accountContact = c && { ...Object.fromEntries(CONTACT_FIELD_NAMES.filter((k) => k in c).map((k) => [k, c[k]])), ...c };
  return Object.entries(flattenFields({ ...details, accountContact }))
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([path, after]) => ({ path, before: null, after }));
}

/** The duplicate check's input: only what was given. */
export function duplicateInput(k: Known): DuplicateCheckInput {
  return {
    ...(k.emailAddress.trim() ? { emailAddress: k.emailAddress.trim() } : {}),
    ...(k.phone.trim() ? { phone: k.phone.trim() } : {}),
    ...(k.fullName.trim() ? { fullName: k.fullName.trim() } : {}),
    ...(k.postalCode.trim() ? { postalCode: k.postalCode.trim() } : {}),
  };
}
