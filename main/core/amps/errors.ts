// Typed errors of the AMPS client. `code` is for programs; `message` is for people.
import type { EndpointName } from '../../../shared/amps';

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

  constructor(
    code: AmpsErrorCode,
    message: string,
    extra: { endpoint: CallName; resultCode?: number; fields?: FieldIssue[]; retryable?: boolean },
  ) {
    super(message);
    this.name = 'AmpsError';
    this.code = code;
    this.endpoint = extra.endpoint;
    this.resultCode = extra.resultCode;
    this.fields = extra.fields ?? [];
    this.retryable = extra.retryable ?? false;
  }
}

/** zod issues → [{ path: "a.b.0.c", message }]. */
export function issuesToFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
