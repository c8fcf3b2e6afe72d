// Puts the field errors main sent back on the matching form fields, in the UI language.
// They come with wire paths — "group.statementContactDetails.cellPhone" from the router,
// "acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsADD.payOptionInfo.payOptionID"
// or "AcctChangePermAddressRequestDetails.acctDeliveryAddress.distAddrCity" from the
// sandbox (D7) — which are mapped to form paths first. Returns the ones no field shows, with
// their form path and a message a person reads, for the alert.
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/ipc';
import { serverFieldMessage } from '../i18n/fieldMessages';

const WIRE_PREFIXES = [
  /^acctManageBillingGroupDetails\.\d+\.acctManageBillingGroupDetails(?:ADD|MODIFY|REMOVE)\./,
  /^acctManageBillingGroupDetails\.\d+\./,
  /^AcctChangePermAddressRequestDetails\./,
  /^acctManageAccountDetails\.\d+\.acctManageAccountDetails[A-Z]+\./,
  /^acctCreateAccountRequestDetails\./,
];

/** A wire path as the form names it: "a[0].b" → "a.0.b", the request envelope and IPC input key dropped. */
export function formPathOf(wire: string, inputKey = ''): string {
  let p = wire.replace(/\[(\d+)\]/g, '.$1');
  if (inputKey && p.startsWith(`${inputKey}.`)) p = p.slice(inputKey.length + 1);
  for (const re of WIRE_PREFIXES) p = p.replace(re, '');
  return p;
}

/**
 * `target(formPath)` names the form field that shows a path (or undefined when none does,
 * e.g. "ariaBillingGroupNo"); each error lands there with its message in the UI language.
 */
export function applyServerFieldErrors(
  t: TFunction,
  fields: FieldIssue[] | undefined,
  inputKey: string,
  target: (formPath: string) => string | undefined,
  setError: (path: string, message: string) => void,
): FieldIssue[] {
  const rest: FieldIssue[] = [];
  for (const f of fields ?? []) {
    const path = formPathOf(f.path, inputKey);
    const message = serverFieldMessage(t, f.message);
    const field = target(path);
    if (field) setError(field, message);
    else rest.push({ path, message });
  }
  return rest;
}

/** The previous helper, kept for forms whose field names are the wire paths as they are. */
export function applyFieldErrors(
  fields: FieldIssue[] | undefined,
  prefix: string,
  known: (path: string) => boolean,
  setError: (path: string, message: string) => void,
): FieldIssue[] {
  const rest: FieldIssue[] = [];
  for (const f of fields ?? []) {
    const path = prefix && f.path.startsWith(`${prefix}.`) ? f.path.slice(prefix.length + 1) : f.path;
    if (known(path)) setError(path, f.message);
    else rest.push(f);
  }
  return rest;
}
