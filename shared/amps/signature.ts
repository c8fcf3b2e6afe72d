// What a signature covers (decision D2). 004 only says the value is computed "using the
// previously agreed algorithm and private key" and names ariaAccountID / ariaAccountNo
// as inputs; the sample is 64 hex characters (HMAC-SHA256-sized). Two versions:
//   "1.0": HMAC-SHA256 over the msgAuthDetails fields below, one per line.
//   "2.0": the same lines plus the endpoint name and the SHA-256 of the canonical JSON
//          of the request without msgAuthDetails, so no byte of the payload can change.
// The HMAC itself is computed in main (node:crypto); this module is pure.

export const SIGNATURE_VERSIONS = ['1.0', '2.0'] as const;
export type SignatureVersion = (typeof SIGNATURE_VERSIONS)[number];

export interface SignedFields {
  clientNo: number;
  requestDateTime: string;
  ariaAccountID?: string | null;
  ariaAccountNo?: number | null;
  userID?: string | null;
}

/** The v1.0 canonical string: version, clientNo, requestDateTime, accountID, accountNo, userID. */
export function canonicalAuthString(version: string, f: SignedFields): string {
  return [version, String(f.clientNo), f.requestDateTime, f.ariaAccountID ?? '', String(f.ariaAccountNo ?? 0), f.userID ?? ''].join('\n');
}

/** The v2.0 canonical string, given the hex SHA-256 of canonicalJson(payload). */
export function canonicalPayloadString(version: string, f: SignedFields, endpoint: string, payloadSha256Hex: string): string {
  return `${canonicalAuthString(version, f)}\n${endpoint}\n${payloadSha256Hex}`;
}

/**
 * Deterministic JSON: object keys sorted by code unit, no whitespace, undefined members
 * left out (as JSON.stringify does). Numbers use JSON.stringify's form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The payload a v2.0 signature binds: the request body without msgAuthDetails. */
export function signedPayload(body: Record<string, unknown>): Record<string, unknown> {
  const { msgAuthDetails: _omit, ...rest } = body;
  return rest;
}
