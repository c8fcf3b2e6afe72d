// Pluggable request signers (decision D2). A signer turns msgAuthDetails (and, from
// "2.0", the endpoint and payload) into signatureValue; the sandbox verifies with the
// same code and compares in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalAuthString,
  canonicalJson,
  canonicalPayloadString,
  signedPayload,
  type SignedFields,
  type SignatureVersion,
} from '../../../shared/amps/signature';

export interface SignInput {
  endpoint: string;
  fields: SignedFields;
  /** The full request body (msgAuthDetails is ignored). */
  body: Record<string, unknown>;
}

export interface Signer {
  readonly version: SignatureVersion;
  sign(input: SignInput, secret: string): string;
}

const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const signerV1: Signer = {
  version: '1.0',
  sign: ({ fields }, secret) => hmacHex(secret, canonicalAuthString('1.0', fields)),
};

/**
 * How deeply a request may nest objects and arrays (the body object is level 1). AMPS
 * requests need fewer than 10; canonicalJson recurses, so anything deeper is refused before
 * it (D20): the sandbox refuses such a body with -1 before it is verified, the client never
 * signs one.
 */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a JSON value, counted without recursion; stops once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, depth + 1]);
  }
  return deepest;
}

export class RequestTooDeepError extends RangeError {
  constructor() {
    super(`The request nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels and cannot be signed`);
    this.name = 'RequestTooDeepError';
  }
}

export const signerV2: Signer = {
  version: '2.0',
  sign: ({ endpoint, fields, body }, secret) => {
    if (jsonDepth(body) > MAX_JSON_DEPTH) throw new RequestTooDeepError();
    return hmacHex(secret, canonicalPayloadString('2.0', fields, endpoint, sha256Hex(canonicalJson(signedPayload(body)))));
  },
};

export const SIGNERS: Record<SignatureVersion, Signer> = { '1.0': signerV1, '2.0': signerV2 };

export function signerFor(version: string): Signer | undefined {
  return (SIGNERS as Record<string, Signer>)[version];
}

/** Constant-time comparison of two hex signatures (different lengths never match). */
export function signaturesEqual(expectedHex: string, actual: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(actual.toLowerCase(), 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a); // keep the timing independent of where the mismatch is
    return false;
  }
  return timingSafeEqual(a, b);
}
