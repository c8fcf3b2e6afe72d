// Accepts the spec's alternative spellings before validation (docs/sandbox.md, "Accepted
// alternative names"). The client sends the field-list form (decisions D12); the samples
// in 004 use other names in places, and where that is unambiguous the sandbox accepts both.
import type { EndpointName } from '../../../shared/amps/codes';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, Json>;

const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Copies the value with whitespace trimmed from every key ("ariaPIID " in the search
 * samples). An exact key wins over a trimmed duplicate. Prototype-polluting keys are dropped.
 */
export function trimKeys(value: unknown, notes: string[], path = ''): Json {
  if (Array.isArray(value)) return value.map((v, i) => trimKeys(v, notes, `${path}[${i}]`));
  if (!isObj(value)) return value as Json;
  const out: Obj = {};
  for (const [rawKey, v] of Object.entries(value)) {
    const key = rawKey.trim();
    if (DROPPED_KEYS.has(key)) continue;
    if (key !== rawKey) {
      if (Object.prototype.hasOwnProperty.call(value, key)) continue;
      notes.push(`key "${rawKey}" read as "${key}"`);
    }
    out[key] = trimKeys(v, notes, path ? `${path}.${key}` : key);
  }
  return out;
}

function rename(o: Obj, from: string, to: string, notes: string[], where: string): void {
  if (!(from in o) || to in o) return;
  o[to] = o[from]!;
  delete o[from];
  notes.push(`${where}${from} read as ${to}`);
}

/** Field names that differ between the samples and the field lists, wherever they occur. */
function renameEverywhere(value: Json, notes: string[], path = ''): void {
  if (Array.isArray(value)) return value.forEach((v, i) => renameEverywhere(v, notes, `${path}[${i}]`));
  if (!isObj(value)) return;
  rename(value, 'flagFloor', 'flatFloor', notes, path ? `${path}.` : '');
  rename(value, 'distPublsAddrNo', 'distPublAddrNo', notes, path ? `${path}.` : '');
  for (const [k, v] of Object.entries(value)) renameEverywhere(v, notes, path ? `${path}.${k}` : k);
}

function manageAccountRows(body: Obj, notes: string[]): void {
  const rows = body.acctManageAccountDetails;
  if (!Array.isArray(rows)) return;
  rows.forEach((row, i) => {
    if (!isObj(row)) return;
    const where = `acctManageAccountDetails[${i}].`;
    // 004's STATUS sample carries acctManageAccountDetailsCANCEL with ariaStatusCode.
    if (row.actionDirective === 'STATUS') {
      rename(row, 'acctManageAccountDetailsCANCEL', 'acctManageAccountDetailsSTATUS', notes, where);
      const s = row.acctManageAccountDetailsSTATUS;
      if (isObj(s)) rename(s, 'ariaStatusCode', 'newStatusCode', notes, `${where}acctManageAccountDetailsSTATUS.`);
    }
    // 004's MODIFY sample names the contact accountContact; the field list ownerContactDetails.
    const m = row.acctManageAccountDetailsMODIFY;
    if (row.actionDirective === 'MODIFY' && isObj(m)) rename(m, 'accountContact', 'ownerContactDetails', notes, `${where}acctManageAccountDetailsMODIFY.`);
  });
}

/**
 * Every text in Unicode normalisation form C, in place: "Å" typed as A + U+030A (NFD, as
 * macOS and some web forms send it) is the same text as the precomposed "Å" the data holds,
 * so it must search and store alike (D20). Runs after the signature was checked over the body
 * as received; nesting is bounded by then (inspect.ts).
 */
function toNfc(value: Json): Json {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNfc(value[i]!);
  } else if (isObj(value)) {
    for (const k of Object.keys(value)) value[k] = toNfc(value[k]!);
  }
  return value;
}

/** Returns the request body (without msgAuthDetails) in the field-list form. */
export function normalizeRequest(endpoint: EndpointName, body: Record<string, unknown>, notes: string[]): Obj {
  const trimmed = toNfc(trimKeys(body, notes)) as Obj;
  delete trimmed.msgAuthDetails;
  renameEverywhere(trimmed, notes);
  switch (endpoint) {
    case 'AcctManageAccount':
      manageAccountRows(trimmed, notes);
      break;
    case 'AcctCreateAccount': {
      const d = trimmed.acctCreateAccountRequestDetails;
      // The field list calls it payOptionInfo; the samples acctCreateAccountPayOptionInfo.
      if (isObj(d)) rename(d, 'payOptionInfo', 'acctCreateAccountPayOptionInfo', notes, 'acctCreateAccountRequestDetails.');
      break;
    }
    case 'AcctRetrieveBillingGroup':
      // Sample 2 sends its criteria under acctSearchAccountCriteria.
      rename(trimmed, 'acctSearchAccountCriteria', 'acctRetrieveBillingGroupCriteria', notes, '');
      break;
    case 'AcctCaptureComments':
      for (const alt of ['AcctCaptureCommentCriteria', 'acctCaptureCommentsCriteria', 'AcctCaptureCommentsCriteria'])
        rename(trimmed, alt, 'acctCaptureCommentCriteria', notes, '');
      break;
    case 'AcctRetrieveComments':
      for (const alt of ['acctRetrieveCommentsCriteria', 'acctRetrieveCommentCriteria', 'AcctRetrieveCommentCriteria'])
        rename(trimmed, alt, 'AcctRetrieveCommentsCriteria', notes, '');
      break;
    case 'AcctChangePermAddress':
      rename(trimmed, 'acctChangePermAddressRequestDetails', 'AcctChangePermAddressRequestDetails', notes, '');
      break;
    default:
      break;
  }
  return trimmed;
}
