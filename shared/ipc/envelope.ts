// What crosses every transport: never a thrown error, always an envelope (Signal's
// {ok, value}/{ok, error} pattern). `code` is for programs, `message` for people.
import { z } from 'zod';
import { sayInEnglish, type Say } from './say';

export const IPC_ERROR_CODES = [
  'VALIDATION', // input refused by the channel's schema; `fields` names them
  'UNKNOWN_CHANNEL',
  'FORBIDDEN', // the caller (frame, token, role, kiosk) may not call this
  'UNAUTHENTICATED', // nobody is signed in at the desk: sign in first
  'LOCKED', // the desk is locked (idle or by choice): the same operator unlocks it
  'DAMAGED_DATA', // a local file (settings, secrets, operators, outbox) does not parse: see app.info problems
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'AMPS_REJECTED', // the billing system refused the request (resultCode < 0)
  'UNREACHABLE', // the billing system could not be reached; nothing was sent
  'TIMEOUT',
  'UNKNOWN_OUTCOME', // a write may or may not have been applied: check before retrying
  'BAD_RESPONSE',
  'NOT_CONFIGURED', // no usable connection profile / secret missing
  'SECRET_UNREADABLE', // stored secret could not be decrypted: re-enter it
  'CANCELLED',
  'INTERNAL',
  // Write pipeline (issue 8): the outbox could not store the write (disk full); nothing was sent.
  'NOT_SAVED',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const fieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  fields?: FieldIssue[];
  /** The AMPS resultCode when the billing system refused the call. */
  resultCode?: number;
  /** With SECRET_UNREADABLE / NOT_CONFIGURED: the connection profile whose secrets to re-enter. */
  profile?: string;
  /** What `message` says, as a key and values the renderer words in the UI language (D105). */
  say?: Say;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
/** A failure; given a Say, its English is the message and the renderer words it (D105). */
export const fail = (code: IpcErrorCode, message: string | Say, extra: Omit<IpcError, 'code' | 'message'> = {}): Envelope<never> => ({
  ok: false,
  error: typeof message === 'string' ? { code, message, ...extra } : { code, message: sayInEnglish(message), say: message, ...extra },
});

/** Largest serialised input any channel accepts. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
