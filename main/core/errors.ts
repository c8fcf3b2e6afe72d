// Errors that services throw on purpose; the router turns them into envelopes as they are.
import type { FieldIssue, IpcErrorCode } from '../../shared/ipc';

export class CoreError extends Error {
  readonly code: IpcErrorCode;
  readonly fields: FieldIssue[];
  /** The connection profile concerned, when there is one (secrets to re-enter). */
  readonly profile: string | undefined;
  constructor(code: IpcErrorCode, message: string, fields: FieldIssue[] = [], profile?: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.fields = fields;
    this.profile = profile;
  }
}
