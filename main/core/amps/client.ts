// The signed AMPS client: builds msgAuthDetails, signs, POSTs JSON with a timeout and
// maps resultCode to typed results and errors. Reads may be retried; writes never are
// blindly: a write that timed out after it was sent has an unknown outcome, which the
// caller (later: the outbox) must settle by reading state, not by re-sending.
import {
  AMPS_MESSAGES,
  ENDPOINT_PATH_PREFIX,
  ENDPOINTS_WITHOUT_AUTHKEY,
  WRITE_ENDPOINTS,
  type AmpsRequest,
  type AmpsResponse,
  type EndpointName,
} from '../../../shared/amps';
import { signerFor } from './signer';
import { AmpsError, issuesToFields } from './errors';
import { postJson } from './post';

export interface AmpsClientOptions {
  baseUrl: string;
  clientNo: number;
  authKey: string;
  signingSecret: string;
  signatureVersion: '1.0' | '2.0';
  userID: string;
  timeoutMs?: number;
  /** How many times a read is retried after a transport failure (writes: never). */
  readRetries?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** One line per call: endpoint, outcome, duration. Never bodies or secrets. */
  log?: (line: string) => void;
}

export interface CallOptions {
  /** The account the call is about; it goes into msgAuthDetails and the signature. */
  account?: { ariaAccountID?: string | null; ariaAccountNo?: number | null };
  /** The operator the request is made for (msgAuthDetails.userID); default: the client's userID. */
  userID?: string;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AmpsClient {
  private readonly opts: Required<Omit<AmpsClientOptions, 'log'>> & Pick<AmpsClientOptions, 'log'>;

  constructor(opts: AmpsClientOptions) {
    const signer = signerFor(opts.signatureVersion);
    if (!signer) throw new Error(`Unknown signature version ${opts.signatureVersion}`);
    this.opts = {
      timeoutMs: 15_000,
      readRetries: 2,
      fetch: globalThis.fetch.bind(globalThis),
      now: Date.now,
      ...opts,
      baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    };
  }

  private lastStamp = 0;

  /**
   * requestDateTime with milliseconds, strictly increasing per client (decision D19):
   * msgAuthDetails has no nonce, so two identical requests in the same second would
   * otherwise carry the same signature and the second would be refused as a replay.
   */
  private nextRequestDateTime(): string {
    this.lastStamp = Math.max(this.opts.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString().slice(0, 23);
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  /** Resolves with the response when resultCode ≥ 0 (0 OK, 1 MORE); rejects with AmpsError otherwise. */
  async call<E extends EndpointName>(endpoint: E, payload: AmpsRequest<E>, options: CallOptions = {}): Promise<AmpsResponse<E>> {
    const schema = AMPS_MESSAGES[endpoint];
    const checked = schema.request.safeParse(payload);
    if (!checked.success) {
      throw new AmpsError('INVALID_REQUEST', `The request to ${endpoint} is not valid: ${checked.error.issues[0]?.message ?? 'invalid'}`, {
        endpoint,
        fields: issuesToFields(checked.error.issues),
      });
    }
    const isWrite = WRITE_ENDPOINTS.has(endpoint);
    const attempts = isWrite ? 1 : 1 + this.opts.readRetries;
    let lastError: AmpsError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.once(endpoint, payload as Record<string, unknown>, options, isWrite);
      } catch (e) {
        if (!(e instanceof AmpsError) || !e.retryable || attempt === attempts) throw e;
        lastError = e;
        await sleep(150 * attempt);
      }
    }
    throw lastError!;
  }

  private async once<E extends EndpointName>(
    endpoint: E,
    payload: Record<string, unknown>,
    options: CallOptions,
    isWrite: boolean,
  ): Promise<AmpsResponse<E>> {
    const { clientNo, authKey, signingSecret, signatureVersion } = this.opts;
    const userID = options.userID ?? this.opts.userID;
    // Signed at send time, so a request that waited (or is retried) never goes out stale.
    const fields = {
      clientNo,
      requestDateTime: this.nextRequestDateTime(),
      ariaAccountID: options.account?.ariaAccountID ?? '',
      ariaAccountNo: options.account?.ariaAccountNo ?? 0,
      userID,
    };
    const body: Record<string, unknown> = { msgAuthDetails: {}, ...payload };
    const signatureValue = signerFor(signatureVersion)!.sign({ endpoint, fields, body }, signingSecret);
    body.msgAuthDetails = {
      clientNo,
      // 004: for comments and permanent address the authKey "should not be provided".
      ...(ENDPOINTS_WITHOUT_AUTHKEY.has(endpoint) ? {} : { authKey }),
      requestDateTime: fields.requestDateTime,
      signatureValue,
      signatureVersion,
      ariaAccountID: fields.ariaAccountID,
      ariaAccountNo: fields.ariaAccountNo,
      userID,
    };

    const url = `${this.opts.baseUrl}${ENDPOINT_PATH_PREFIX}${endpoint}`;
    const { res, text } = await postJson(this.opts.fetch, url, body, { name: endpoint, logName: `amps ${endpoint}`, write: isWrite, timeoutMs: this.opts.timeoutMs, signal: options.signal, log: this.opts.log });

    // A write whose request was read (any 5xx, or a 2xx we cannot read) may have been applied:
    // that is an unknown outcome to settle by reading, never a failure (issue 8's review).
    const mayHaveApplied = isWrite && (res.status >= 500 || res.ok);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (mayHaveApplied)
        throw new AmpsError('UNKNOWN_OUTCOME', `${endpoint} answered HTTP ${res.status} without a readable body; it may or may not have been applied`, { endpoint });
      throw new AmpsError(res.ok ? 'BAD_RESPONSE' : 'HTTP_ERROR', `${endpoint} answered HTTP ${res.status} without a JSON body`, {
        endpoint,
        retryable: !isWrite && res.status >= 500,
      });
    }
    const parsed = AMPS_MESSAGES[endpoint].response.safeParse(json);
    const info = (json as { resultInfo?: { resultCode?: unknown; resultText?: unknown; errorFields?: unknown } })?.resultInfo;
    if (typeof info?.resultCode === 'number' && info.resultCode < 0) {
      const fields = Array.isArray(info.errorFields) ? (info.errorFields as { path: string; message: string }[]) : [];
      throw new AmpsError('REJECTED', String(info.resultText ?? 'The request was refused'), { endpoint, resultCode: info.resultCode, fields });
    }
    if (!parsed.success) {
      if (mayHaveApplied)
        throw new AmpsError('UNKNOWN_OUTCOME', `${endpoint} answered in an unexpected shape; it may or may not have been applied`, { endpoint });
      throw new AmpsError('BAD_RESPONSE', `${endpoint} answered in an unexpected shape: ${parsed.error.issues[0]?.path.join('.')}`, {
        endpoint,
      });
    }
    return parsed.data as AmpsResponse<E>;
  }
}
