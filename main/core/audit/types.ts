// The audit log's entry: one line per thing that happened to a write (its intent, its
// outcome) and per security event (sign-in, role refusal, review). Entries are
// hash-chained per desk, so editing, removing, inserting or reordering any entry breaks the
// chain. The same shape is shipped to the team store (supervisors issue), keyed by `hash`.
// No secret, signature or card data is ever put in an entry.
//
// THE HASH (docs/audit.md; `auditEntryHash` in ./hash.ts):
//   hash = lowercase hex SHA-256 of the UTF-8 bytes of canonicalJson(entry without `hash`)
//   canonicalJson = decision D2's rule (shared/amps/signature.ts): object keys sorted by
//   UTF-16 code unit, no whitespace, members whose value is undefined left out, strings and
//   numbers as JSON.stringify writes them. Every field is present (null, never undefined),
//   so the hashed object has exactly the 15 keys seq … prevHash below.
//   prevHash = the previous entry's hash, '' for seq 1.
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
  /** ISO date-time (or date = midnight UTC), inclusive. */
  from?: string;
  /** ISO date-time (or date = midnight UTC), exclusive. */
  to?: string;
  operatorId?: string;
  accountNo?: number;
  /** Matched as plain text (no wildcards). */
  text?: string;
  kind?: AuditKind;
  limit?: number;
  offset?: number;
  /** Only entries up to this seq: keeps paging stable while new entries arrive. */
  maxSeq?: number;
  /** 'asc' (oldest first, the default) or 'desc' (newest first). */
  order?: 'asc' | 'desc';
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** The first entry found edited, removed, inserted or reordered, in words. */
  problem?: {
    seq: number;
    what: 'edited' | 'removed' | 'inserted' | 'reordered' | 'checkpoint';
    message: string;
    /** With a range of entries (removed 5–9): the last one. */
    last?: number;
    /** With what = 'checkpoint': which signature check failed. */
    cause?: AuditSignatureCause;
  };
  /** Signed checkpoints found and checked. */
  checkpoints?: number;
  /** The highest entry covered by a valid signature (checkpoint or signed head); 0 = none. */
  signedThrough?: number;
  /** Where the public key came from: the desk's secret store, given by the caller, or the log file itself (not independent). */
  keySource?: 'secret-store' | 'pinned' | 'log' | 'none';
  /** Remarks that are not tampering (e.g. the key could not be read, so signatures were not checked). */
  notes?: string[];
}

export type AuditSignatureCause =
  /** A checkpoint's or the head's signature does not verify. */
  | 'bad-signature'
  /** A checkpoint names a hash the entry at its seq no longer has. */
  | 'mismatch'
  /** The signed head record is missing although entries exist. */
  | 'head-missing'
  /** The log's public key is not the desk's key. */
  | 'key-replaced';

/** The desk's audit log. Appends are durable (fsynced) before they return. */
export interface AuditLog {
  append(input: AuditInput): AuditEntry;
  list(filter?: AuditFilter): AuditEntry[];
  /** Entries after `seq`, in order (for shipping to the team store). */
  since(seq: number, limit: number): AuditEntry[];
  verify(): AuditVerdict;
  close(): void;
}

/**
 * An 'event' entry (sign-in, refusal, review, export …): who, what, which account if any,
 * and its detail; the write fields (request, profile, before/after, outcome, reason) are
 * empty, as they are on every event.
 */
export function eventEntry(operator: AuditInput['operator'], action: string, accountNo: number | null, detail: unknown): AuditInput {
  return { kind: 'event', operator, action, accountNo, requestId: null, profile: null, before: null, after: null, outcome: null, reason: null, detail };
}
