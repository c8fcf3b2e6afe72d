// The audit log's entry: one line per thing that happened to a write (its intent, its
// outcome) and per security event (sign-in, role refusal, review). Entries are
// hash-chained per desk: `hash` = sha256 over the canonical JSON of every other field,
// including `prevHash`, so editing, removing, inserting or reordering any entry breaks the
// chain. The same shape is shipped to the team store (supervisors issue), keyed by `hash`.
// No secret, signature or card data is ever put in an entry.
import type { Role } from '../../../shared/ipc';

export type AuditKind =
  /** A write the operator asked for, before it is queued or sent. */
  | 'intent'
  /** What became of a write: APPLIED, REJECTED, QUEUED, UNKNOWN, PARKED, DISCARDED. */
  | 'outcome'
  /** Sign-in, sign-out, lockout, refusals, operator changes, reviews, checkpoints. */
  | 'event';

export type WriteOutcome = 'APPLIED' | 'REJECTED' | 'QUEUED' | 'UNKNOWN' | 'PARKED' | 'DISCARDED';

export interface AuditEntry {
  /** 1, 2, 3 … per desk, no gaps. */
  seq: number;
  /** Which desk wrote it (a random id made once per data folder). */
  deskId: string;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  kind: AuditKind;
  operator: { id: string; displayName: string; role: Role } | null;
  /** The command type (e.g. 'comment.add', 'billingGroup.modify') or event name (e.g. 'session.signIn'). */
  action: string;
  accountNo: number | null;
  /** Ties the intent and outcome entries of one write together (the outbox item id). */
  requestId: string | null;
  /** Connection profile the write belongs to. */
  profile: string | null;
  /** What the operator saw before and asked for, as plain JSON (no secrets, no card numbers). */
  before: unknown;
  after: unknown;
  outcome: WriteOutcome | null;
  /** The reason the operator gave, if any. */
  reason: string | null;
  /** Free detail: rejection text, field errors, event details. */
  detail: unknown;
  /** sha256 hex of the previous entry of this desk ('' for the first). */
  prevHash: string;
  /** sha256 hex over the canonical JSON of every field above. */
  hash: string;
}

export type AuditInput = Omit<AuditEntry, 'seq' | 'deskId' | 'at' | 'prevHash' | 'hash'> & { at?: string };

export interface AuditFilter {
  from?: string;
  to?: string;
  operatorId?: string;
  accountNo?: number;
  /** Matched as plain text (no wildcards). */
  text?: string;
  kind?: AuditKind;
  limit?: number;
  offset?: number;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** The first entry found edited, removed, inserted or reordered, in words. */
  problem?: { seq: number; what: 'edited' | 'removed' | 'inserted' | 'reordered' | 'checkpoint'; message: string };
}

/** The desk's audit log. Appends are durable (fsynced) before they return. */
export interface AuditLog {
  append(input: AuditInput): AuditEntry;
  list(filter?: AuditFilter): AuditEntry[];
  /** Entries after `seq`, in order (for shipping to the team store). */
  since(seq: number, limit: number): AuditEntry[];
  verify(): AuditVerdict;
  close(): void;
}
