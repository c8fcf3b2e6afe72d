// Checks msgAuthDetails (004, every endpoint; security.md "AMPS requests"): a registered
// clientNo, its authKey where required, a signature made with the client's secret by the
// same signers the client uses (constant-time comparison), a requestDateTime inside the
// window, and no signature seen before within that window.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ENDPOINTS_WITHOUT_AUTHKEY, RESULT, type EndpointName } from '../../../shared/amps/codes';
import { msgAuthDetails, parseAmpsDateTime } from '../../../shared/amps/fields';
import { signerFor, signaturesEqual } from '../../core/amps/signer';
import { AmpsFailure, fieldFailure } from './result';
import { trimKeys } from './normalize';
import { zodFailure } from './validate';
import type { ReplayWindow } from './replayWindow';

export interface SandboxClient {
  clientNo: number;
  authKey: string;
  signingSecret: string;
}

export interface AuthContext {
  clientNo: number;
  userID: string;
  requestTime: number;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export class Authenticator {
  private readonly clients = new Map<number, SandboxClient>();

  constructor(
    clients: readonly SandboxClient[],
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Accepted signatures, kept in the sandbox's database (replayWindow.ts). */
    private readonly replays: ReplayWindow,
  ) {
    for (const c of clients) this.clients.set(c.clientNo, c);
  }

  /**
   * Aria's core API (main/sandbox/core): client_no + auth_key in the body, no signature
   * (seed 003). True when they are a registered client's; the key is compared in constant time.
   */
  checkClientKey(clientNo: number, authKey: string): boolean {
    const client = this.clients.get(clientNo);
    return !!client && sameSecret(authKey, client.authKey);
  }

  verify(endpoint: EndpointName, body: Record<string, unknown>): AuthContext {
    const rawAuth = body.msgAuthDetails;
    if (rawAuth === undefined || rawAuth === null || typeof rawAuth !== 'object' || Array.isArray(rawAuth))
      throw fieldFailure(RESULT.AUTH_FAILED, 'msgAuthDetails', 'is required (clientNo, authKey, requestDateTime, signatureValue, …)');
    const authInput = { msgAuthDetails: trimKeys(rawAuth, []) };
    const parsed = msgAuthDetails.safeParse(authInput.msgAuthDetails);
    if (!parsed.success) throw zodFailure(parsed.error.issues.map((i) => ({ ...i, path: ['msgAuthDetails', ...i.path] })), authInput);
    const a = parsed.data;

    const client = this.clients.get(a.clientNo);
    if (!client) throw fieldFailure(RESULT.AUTH_FAILED, 'msgAuthDetails.clientNo', `client ${a.clientNo} is not registered with this sandbox`);
    if (!ENDPOINTS_WITHOUT_AUTHKEY.has(endpoint)) {
      if (!a.authKey) throw fieldFailure(RESULT.AUTH_FAILED, 'msgAuthDetails.authKey', `is required for ${endpoint}`);
      if (!sameSecret(a.authKey, client.authKey)) throw fieldFailure(RESULT.AUTH_FAILED, 'msgAuthDetails.authKey', 'is not valid for this client');
    }
    const signer = signerFor(a.signatureVersion);
    if (!signer)
      throw fieldFailure(RESULT.BAD_SIGNATURE, 'msgAuthDetails.signatureVersion', `"${a.signatureVersion}" is not supported; use "1.0" or "2.0"`);

    const at = parseAmpsDateTime(a.requestDateTime);
    if (Number.isNaN(at)) throw fieldFailure(RESULT.INVALID_FIELD, 'msgAuthDetails.requestDateTime', `"${a.requestDateTime}" is not a valid date-time`);
    const now = this.now();
    if (Math.abs(now - at) > this.windowMs) {
      const minutes = Math.round(this.windowMs / 60_000);
      throw fieldFailure(
        RESULT.EXPIRED,
        'msgAuthDetails.requestDateTime',
        `${a.requestDateTime} (UTC) is outside the allowed window of ±${minutes} minutes around the sandbox's time ${new Date(now).toISOString().slice(0, 19)}`,
      );
    }

    const expected = signer.sign(
      {
        endpoint,
        fields: { clientNo: a.clientNo, requestDateTime: a.requestDateTime, ariaAccountID: a.ariaAccountID, ariaAccountNo: a.ariaAccountNo, userID: a.userID },
        body,
      },
      client.signingSecret,
    );
    if (!signaturesEqual(expected, a.signatureValue))
      throw fieldFailure(RESULT.BAD_SIGNATURE, 'msgAuthDetails.signatureValue', `does not match the request (signature version ${a.signatureVersion})`);

    if (!this.replays.claim(a.signatureValue, at, now))
      throw fieldFailure(RESULT.REPLAYED, 'msgAuthDetails.signatureValue', 'was already used; sign every request afresh');
    return { clientNo: a.clientNo, userID: a.userID ?? '', requestTime: at };
  }
}

export { AmpsFailure };
