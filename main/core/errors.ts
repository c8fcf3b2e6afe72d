// Errors that services throw on purpose; the router turns them into envelopes as they are.
// Each says what went wrong as a Say (shared/ipc/say.ts): the renderer words it in the UI
// language, and its English is the message (D105).
import { sayInEnglish, type FieldIssue, type IpcErrorCode, type Say } from '../../shared/ipc';

export class CoreError extends Error {
  readonly code: IpcErrorCode;
  readonly fields: FieldIssue[];
  /** The connection profile concerned, when there is one (secrets to re-enter). */
  readonly profile: string | undefined;
  readonly say: Say;
  constructor(code: IpcErrorCode, said: Say, fields: FieldIssue[] = [], profile?: string) {
    super(sayInEnglish(said));
    this.name = 'CoreError';
    this.code = code;
    this.say = said;
    this.fields = fields;
    this.profile = profile;
  }
}

/**
 * The billing system refused a write: its own text stays the message (for the log, and for
 * the renderer to match against what it knows), the Say is the general refusal.
 */
export class BillingRefusedError extends CoreError {
  constructor(billingText: string, fields: FieldIssue[] = []) {
    super('AMPS_REJECTED', { key: 'billingRefused' }, fields);
    this.message = billingText;
    this.name = 'BillingRefusedError';
  }
}
