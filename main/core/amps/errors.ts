// Typed errors of the AMPS client. `code` is for programs; `message` is for people.
import type { EndpointName } from '../../../shared/amps';
import { say, type Say } from '../../../shared/ipc/say';

export type AmpsErrorCode =
  | 'INVALID_REQUEST' // our own validation refused it; nothing was sent
  | 'REJECTED' // AMPS answered resultCode < 0
  | 'UNREACHABLE' // not sent (refused / unresolvable); safe to send again later
  | 'TIMEOUT' // a read did not answer in time
  | 'UNKNOWN_OUTCOME' // a write may or may not have been applied
  | 'BAD_RESPONSE' // an answer we cannot read
  | 'HTTP_ERROR'
  | 'CANCELLED';

/** An AMPS endpoint, or a method of Aria's core API as `core:<rest_call>` (./coreClient.ts). */
export type CallName = EndpointName | `core:${string}`;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AmpsError extends Error {
  readonly code: AmpsErrorCode;
  readonly endpoint: CallName;
  readonly resultCode: number | undefined;
  readonly fields: FieldIssue[];
  readonly retryable: boolean;
  /** The message in words the renderer says in the UI language (D105); none for the billing system's own text. */
  readonly say: Say | undefined;

  constructor(
    code: AmpsErrorCode,
    message: string,
    extra: { endpoint: CallName; resultCode?: number; fields?: FieldIssue[]; retryable?: boolean; say?: Say },
  ) {
    super(message);
    this.name = 'AmpsError';
    this.code = code;
    this.endpoint = extra.endpoint;
    this.resultCode = extra.resultCode;
    this.fields = extra.fields ?? [];
    this.retryable = extra.retryable ?? false;
    this.say = extra.say;
  }
}

/** zod issues → [{ path: "a.b.0.c", message }]. */
export function issuesToFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * What a failed fetch means, for an AMPS endpoint and a core-API method alike. Refused or
 * unresolvable: the request never reached the host, so even a write may be sent again. A
 * timeout or a broken connection after sending: a write may have been applied, so it is an
 * unknown outcome to settle by reading, never a failure (issue 8's review).
 */
export function transportError(endpoint: CallName, e: unknown, isWrite: boolean, callerSignal?: AbortSignal): AmpsError {
  const err = e as { name?: string; cause?: { code?: string } };
  if (callerSignal?.aborted) return new AmpsError('CANCELLED', `The call to ${endpoint} was cancelled`, { endpoint, say: say('callCancelled') });
  const label = endpoint.startsWith('core:') ? endpoint.slice(5) : endpoint;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || (code === 'ECONNRESET' && !isWrite))
    return new AmpsError('UNREACHABLE', `The billing system could not be reached (${code})`, { endpoint, retryable: true, say: say('billingUnreachable') });
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return isWrite
      ? new AmpsError('UNKNOWN_OUTCOME', `${label} did not answer in time; it may or may not have been applied`, { endpoint, say: say('billingWriteTimeout') })
      : new AmpsError('TIMEOUT', `${label} did not answer in time`, { endpoint, retryable: true, say: say('billingReadTimeout') });
  return isWrite
    ? new AmpsError('UNKNOWN_OUTCOME', `The connection failed during ${label}; it may or may not have been applied`, { endpoint, say: say('billingWriteDropped') })
    : new AmpsError('UNREACHABLE', `The billing system could not be reached (${code ?? err.name ?? 'network error'})`, { endpoint, retryable: true, say: say('billingUnreachable') });
}
