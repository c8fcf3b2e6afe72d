// Errors that services throw on purpose; the router turns them into envelopes as they are.
import type { FieldIssue, IpcErrorCode } from '../../shared/ipc';

export class CoreError extends Error {
  readonly code: IpcErrorCode;
  readonly fields: FieldIssue[];
  constructor(code: IpcErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.fields = fields;
  }
}
