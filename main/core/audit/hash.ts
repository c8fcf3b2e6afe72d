// The audit entry's hash and the signed messages of checkpoints and the head, exactly as
// docs/audit.md defines them, so that anyone (the verify command, the team store) can
// recompute them from an entry alone.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/amps/signature';
import type { AuditEntry } from './types';

export { canonicalJson };

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * hash = sha256 hex of canonicalJson(the entry without its `hash` field).
 * An entry that still carries a `hash` has it left out; every other field is hashed.
 */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...rest } = entry as AuditEntry;
  return sha256Hex(canonicalJson(rest));
}

/** What a checkpoint's Ed25519 signature is over (UTF-8 bytes of this string). */
export function checkpointMessage(c: { deskId: string; seq: number; hash: string; at: string }): string {
  return canonicalJson({ type: 'csr-desk-audit-checkpoint', v: 1, deskId: c.deskId, seq: c.seq, hash: c.hash, at: c.at });
}

/** What the head's signature is over: the last entry of the log, re-signed on every append. */
export function headMessage(h: { deskId: string; seq: number; hash: string }): string {
  return canonicalJson({ type: 'csr-desk-audit-head', v: 1, deskId: h.deskId, seq: h.seq, hash: h.hash });
}
