// The audit log's SQLite file: tables, and how a row becomes an entry. Shared by the log
// (main/core/audit/log.ts) and the verifier (./verify.ts), which reads rows straight from
// the file so that what it checks is exactly what `list` shows.
import type { DatabaseSync } from 'node:sqlite';
import type { AuditEntry, AuditKind, WriteOutcome } from './types';
import type { Role } from '../../../shared/ipc';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS audit_entries (
  seq INTEGER PRIMARY KEY,
  desk_id TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  operator_id TEXT,
  operator_name TEXT,
  operator_role TEXT,
  action TEXT NOT NULL,
  account_no INTEGER,
  request_id TEXT,
  profile TEXT,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  outcome TEXT,
  reason TEXT,
  detail_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- Not hashed: a folded copy of the entry's words for the text filter.
  search_text TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_entries_at ON audit_entries(at);
CREATE INDEX IF NOT EXISTS audit_entries_operator ON audit_entries(operator_id);
CREATE INDEX IF NOT EXISTS audit_entries_account ON audit_entries(account_no);
CREATE INDEX IF NOT EXISTS audit_entries_request ON audit_entries(request_id);
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  seq INTEGER PRIMARY KEY,
  desk_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
-- Append-only by API: the app's own code cannot change or remove history by mistake.
-- (Anyone with the file can drop these; the hash chain and signatures catch that.)
CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

export const ENTRY_COLUMNS =
  'seq, desk_id, at, kind, operator_id, operator_name, operator_role, action, account_no, request_id, profile, before_json, after_json, outcome, reason, detail_json, prev_hash, hash';

export interface EntryRow {
  seq: number;
  desk_id: string;
  at: string;
  kind: string;
  operator_id: string | null;
  operator_name: string | null;
  operator_role: string | null;
  action: string;
  account_no: number | null;
  request_id: string | null;
  profile: string | null;
  before_json: string;
  after_json: string;
  outcome: string | null;
  reason: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

export interface CheckpointRow {
  seq: number;
  desk_id: string;
  hash: string;
  at: string;
  signature: string;
}

/** The entry a row stands for; throws when a JSON column no longer parses. */
export function rowToEntry(r: EntryRow): AuditEntry {
  return {
    seq: r.seq,
    deskId: r.desk_id,
    at: r.at,
    kind: r.kind as AuditKind,
    operator:
      r.operator_id === null && r.operator_name === null && r.operator_role === null
        ? null
        : { id: r.operator_id ?? '', displayName: r.operator_name ?? '', role: (r.operator_role ?? '') as Role },
    action: r.action,
    accountNo: r.account_no,
    requestId: r.request_id,
    profile: r.profile,
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
    outcome: r.outcome as WriteOutcome | null,
    reason: r.reason,
    detail: JSON.parse(r.detail_json) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function readMeta(db: DatabaseSync, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM audit_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Meta keys. */
export const META = {
  deskId: 'deskId',
  /** The desk's Ed25519 public key, SPKI DER, base64. */
  publicKey: 'publicKey',
  /** JSON {seq, hash, signature}: the last entry, signed on every append. */
  head: 'head',
  version: 'schemaVersion',
} as const;
