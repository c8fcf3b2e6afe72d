// What never goes into the audit log (docs/audit.md, "What is never stored"):
// - secrets and signatures: any member whose name is a known secret name is replaced by
//   REMOVED, whatever its value (authKey, signingSecret, signatureValue, msgAuthDetails,
//   password, token, session ids of the card form, …);
// - card numbers: a Luhn-valid run of 13–19 digits (also written in groups of four with
//   spaces or dashes) anywhere in before, after, detail or the reason refuses the entry.
//   It is refused rather than masked: such a value should never have reached main at all.
import { containsCardNumber } from '../../../shared/domain/input/cardNumber';
import { CoreError } from '../errors';
import { say } from '../../../shared/ipc/say';

export { containsCardNumber, luhnValid } from '../../../shared/domain/input/cardNumber';

export const REMOVED = '[removed]';

/** Names (lowercase, letters and digits only) whose values are never stored. */
const SECRET_NAMES = new Set([
  'authkey',
  'signingsecret',
  'secret',
  'clientsecret',
  'password',
  'passwd',
  'passphrase',
  'newpassword',
  'oldpassword',
  'currentpassword',
  'signature',
  'signaturevalue',
  'msgauthdetails',
  'token',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'bearer',
  'authorization',
  'apikey',
  'privatekey',
  'signingkey',
  'ariasessionid',
  'sessionid',
  'cvv',
  'cvv2',
  'cvc',
  'cvn',
  'securitycode',
  'cardnumber',
  'ccnumber',
  'ccnum',
  'cardno',
  'pan',
  'track1',
  'track2',
]);
/** Suffixes that mark a secret however the name begins (e.g. profileSigningSecret, adminPassword). */
const SECRET_SUFFIXES = ['secret', 'password', 'passphrase', 'token', 'authkey', 'apikey', 'privatekey', 'signature'];

export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAMES.has(n) || SECRET_SUFFIXES.some((s) => n.endsWith(s));
}

export class AuditRefusedError extends CoreError {
  constructor(path: string, why: string) {
    super('VALIDATION', say('auditRefused'), [{ path, message: why }]);
    this.message = `The audit log refused the entry: ${path} ${why}`;
    this.name = 'AuditRefusedError';
  }
}

const MAX_DEPTH = 32;
const MAX_BYTES = 256 * 1024;

/**
 * A copy of `value` as plain JSON data with secret members replaced by REMOVED; throws
 * AuditRefusedError on a card number, nesting deeper than 32 or more than 256 KB.
 * `undefined` becomes null; non-JSON values (functions, symbols, NaN) become null;
 * Dates become ISO strings (JSON's own rule, via toJSON).
 */
export function scrubValue(value: unknown, path: string): unknown {
  const out = walk(value, path, 0);
  const size = JSON.stringify(out)?.length ?? 0;
  if (size > MAX_BYTES) throw new AuditRefusedError(path, `is too large (${size} characters; at most ${MAX_BYTES})`);
  return out;
}

function walk(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new AuditRefusedError(path, `is nested too deeply (more than ${MAX_DEPTH} levels)`);
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      checkText(value, path);
      return value;
    case 'number':
      if (!Number.isFinite(value)) return null;
      if (Number.isInteger(value)) checkText(String(value), path);
      return value;
    case 'bigint':
      checkText(value.toString(), path);
      return value.toString();
    case 'boolean':
      return value;
    case 'object': {
      const withJson = value as { toJSON?: () => unknown };
      if (typeof withJson.toJSON === 'function') return walk(withJson.toJSON(), path, depth + 1);
      if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        if (k === '__proto__') continue;
        out[k] = isSecretName(k) ? REMOVED : walk(v, `${path}.${k}`, depth + 1);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Refuses a card number in a text field of the entry (the reason, names). */
export function checkText(text: string, path: string): void {
  if (containsCardNumber(text)) throw new AuditRefusedError(path, 'holds what looks like a card number; card numbers are never stored');
}
