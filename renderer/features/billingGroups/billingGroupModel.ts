// The billing group form: field names are the AcctManageBillingGroup request paths, so
// the shared schemas' errors (and main's error.fields) land on the right field. The
// form's strings become an ADD request, or a MODIFY request carrying only what changed.
import { z } from 'zod';
import {
  billingGroupAdd,
  billingGroupModify,
  type BillingGroupAdd,
  type BillingGroupInfo,
  type BillingGroupModify,
  type ContactDetails,
} from '../../../shared/amps';
import { compactRequest, diffFields, type FieldChange } from '../../../shared/domain/fieldDiff';

export const CONTACT_FORM_FIELDS = [
  'fullName',
  'firstName',
  'middleInitials',
  'lastName',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'streetName',
  'streetNo',
  'flatNo',
  'flatFloor',
  'flatSpec',
  'entranceNo',
  'countryCode',
  'postalCode',
  'postalCity',
  'addrLocality',
  'addrStateProv',
  'cellPhone',
  'homePhone',
  'workPhone',
  'emailAddress',
  'birthDate',
] as const;
export type ContactForm = { [K in (typeof CONTACT_FORM_FIELDS)[number]]: string };

export type ContactMode = 'keep' | 'reuse' | 'new';

export interface BillingGroupForm {
  titleCode: string;
  billingGroupName: string;
  billingGroupDesc: string;
  billingGroupStatus: string;
  notifyMethod: string;
  requestSourceID: string;
  paymentOption: 'TERMS' | 'METHODS';
  paymentTermInfo: { paymentTerms: string; paymentTermID: string; paymentEANNum: string; paymentEANRequisitionNum: string };
  paymentMethodInfo: { primaryPaymentMethodID: string; backupPaymentMethodID: string };
  payOptionInfo: { payOptionID: string; payOptionVariant: string; paymentEANNum: string; paymentEANRequisitionNum: string };
  contactMode: ContactMode;
  statementContactNo: string;
  statementContactDetails: ContactForm;
  dunningGroupName: string;
  dunningGroupDesc: string;
  dunningProcessID: string;
}

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function contactToForm(c?: ContactDetails | null): ContactForm {
  return Object.fromEntries(CONTACT_FORM_FIELDS.map((k) => [k, s(c?.[k])])) as ContactForm;
}

export function emptyForm(): BillingGroupForm {
  return {
    titleCode: '',
    billingGroupName: '',
    billingGroupDesc: '',
    billingGroupStatus: 'ACTIVE',
    notifyMethod: 'PDF',
    requestSourceID: 'CSR',
    paymentOption: 'TERMS',
    paymentTermInfo: { paymentTerms: 'BANKGIRO', paymentTermID: '', paymentEANNum: '', paymentEANRequisitionNum: '' },
    paymentMethodInfo: { primaryPaymentMethodID: '', backupPaymentMethodID: '' },
    payOptionInfo: { payOptionID: '', payOptionVariant: '', paymentEANNum: '', paymentEANRequisitionNum: '' },
    contactMode: 'new',
    statementContactNo: '',
    // A new contact is Norwegian until the agent picks another country.
    statementContactDetails: { ...contactToForm(null), countryCode: 'NO' },
    dunningGroupName: '',
    dunningGroupDesc: '',
    dunningProcessID: '',
  };
}

export function groupToForm(g: BillingGroupInfo): BillingGroupForm {
  const t = g.paymentTermInfo;
  const m = g.paymentMethodInfo;
  const p = g.payOptionInfo;
  return {
    titleCode: s(g.titleDetails?.titleCode),
    billingGroupName: s(g.billingGroupName),
    billingGroupDesc: s(g.billingGroupDesc),
    billingGroupStatus: s(g.billingGroupStatus),
    notifyMethod: s(g.notifyMethod),
    requestSourceID: s(g.requestSourceID),
    paymentOption: g.paymentOption === 'METHODS' ? 'METHODS' : 'TERMS',
    paymentTermInfo: { paymentTerms: s(t?.paymentTerms), paymentTermID: s(t?.paymentTermID), paymentEANNum: s(t?.paymentEANNum), paymentEANRequisitionNum: s(t?.paymentEANRequisitionNum) },
    paymentMethodInfo: { primaryPaymentMethodID: s(m?.primaryPaymentMethodID), backupPaymentMethodID: s(m?.backupPaymentMethodID) },
    payOptionInfo: { payOptionID: s(p?.payOptionID), payOptionVariant: s(p?.payOptionVariant), paymentEANNum: s(p?.paymentEANNum), paymentEANRequisitionNum: s(p?.paymentEANRequisitionNum) },
    contactMode: 'keep',
    statementContactNo: s(g.statementContactNo),
    statementContactDetails: contactToForm(g.statementContactDetails),
    dunningGroupName: s(g.dunningGroupName),
    dunningGroupDesc: s(g.dunningGroupDesc),
    dunningProcessID: s(g.dunningProcessID),
  };
}

/** Everything the form says, as request fields (blank = absent). */
export function formToFields(f: BillingGroupForm): Record<string, unknown> {
  const terms = f.paymentOption === 'TERMS';
  const ehf = f.paymentTermInfo.paymentTerms === 'EHF';
  const contact = { ...f.statementContactDetails, countryCode: f.statementContactDetails.countryCode.trim().toUpperCase() };
  const out: Record<string, unknown> =
    compactRequest<Record<string, unknown>>({
      titleCode: f.titleCode,
      billingGroupName: f.billingGroupName,
      billingGroupDesc: f.billingGroupDesc,
      billingGroupStatus: f.billingGroupStatus,
      notifyMethod: f.notifyMethod,
      requestSourceID: f.requestSourceID,
      paymentOption: f.paymentOption,
      // The EAN fields belong to EHF only (004); other terms never carry stale ones.
      paymentTermInfo: terms
        ? { ...f.paymentTermInfo, ...(ehf ? {} : { paymentEANNum: '', paymentEANRequisitionNum: '' }) }
        : undefined,
      paymentMethodInfo: terms ? undefined : f.paymentMethodInfo,
      payOptionInfo: f.payOptionInfo,
      statementContactNo: f.contactMode === 'reuse' && /^\d+$/.test(f.statementContactNo.trim()) ? Number(f.statementContactNo) : undefined,
      statementContactDetails: f.contactMode === 'new' ? contact : undefined,
      dunningGroupName: f.dunningGroupName,
      dunningGroupDesc: f.dunningGroupDesc,
      dunningProcessID: f.dunningProcessID,
    }) ?? {};
  // METHODS with no card yet: an empty paymentMethodInfo ("added later", 004).
  if (!terms && !out.paymentMethodInfo) out.paymentMethodInfo = {};
  return out;
}

/** The group's refs for MODIFY / REMOVE (ID takes precedence over No, 004). */
export function groupRef(g: BillingGroupInfo) {
  return compactRequest({
    ariaBillingGroupID: g.ariaBillingGroupID,
    ariaBillingGroupNo: g.ariaBillingGroupNo,
    ariaDunningGroupID: g.ariaDunningGroupID,
    ariaDunningGroupNo: g.ariaDunningGroupNo,
  }) as BillingGroupModify;
}

/**
 * MODIFY carries the refs plus each changed top-level field; a changed structure is sent
 * whole (with paymentOption, so TERMS/METHODS rules can be checked).
 */
export function modifyRequest(original: BillingGroupInfo, f: BillingGroupForm): BillingGroupModify {
  const before = beforeFields(original, f);
  const after = formToFields(f);
  const changedTop = new Set(diffFields(before, after).map((c) => c.path.split('.')[0]!));
  const req: Record<string, unknown> = { ...groupRef(original) };
  for (const key of changedTop) if (after[key] !== undefined) req[key] = after[key];
  if (changedTop.has('paymentOption') || changedTop.has('paymentTermInfo') || changedTop.has('paymentMethodInfo')) {
    req.paymentOption = after.paymentOption;
    if (after.paymentTermInfo) req.paymentTermInfo = after.paymentTermInfo;
    if (after.paymentMethodInfo) req.paymentMethodInfo = after.paymentMethodInfo;
  }
  return req as BillingGroupModify;
}

/** Before → after for the confirmation. */
export function groupChanges(original: BillingGroupInfo | null, f: BillingGroupForm): FieldChange[] {
  return diffFields(original ? beforeFields(original, f) : {}, formToFields(f));
}

/** The group as it is, seen the way the form treats the statement contact. */
function beforeFields(original: BillingGroupInfo, f: BillingGroupForm): Record<string, unknown> {
  const mode = f.contactMode === 'keep' ? 'keep' : f.contactMode;
  return formToFields({ ...groupToForm(original), contactMode: mode });
}

export function addSchema() {
  return z.custom<BillingGroupForm>().transform((f) => formToFields(f) as BillingGroupAdd).pipe(billingGroupAdd);
}

export function modifySchema(original: BillingGroupInfo) {
  return z.custom<BillingGroupForm>().transform((f) => modifyRequest(original, f)).pipe(billingGroupModify);
}

export type GroupRequest = BillingGroupAdd | BillingGroupModify;
