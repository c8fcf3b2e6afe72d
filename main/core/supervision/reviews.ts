// The state of an entry is derived from the review and acknowledgement entries that name it
// (decision D74): nothing is ever updated, so a review is as tamper-evident as any write.
//   the latest review (review.reviewed / review.flagged, by time, then desk and seq) is the
//   entry's state; an acknowledgement counts when it is by the target's own operator and
//   names that latest review (a newer review needs its own acknowledgement).
import type { AuditEntry } from '../audit/types';
import type { EntryRef, ReviewView } from '../../../shared/ipc/supervision';
import { ACK_ACTION, REVIEW_ACTIONS } from './categories';

export interface ReviewDetail {
  target: EntryRef & { operatorId: string | null; action: string };
  note: string;
}
export interface AckDetail {
  review: EntryRef;
  target: EntryRef;
}

const isRef = (v: unknown): v is EntryRef => {
  const r = v as EntryRef | null;
  return !!r && typeof r === 'object' && typeof r.deskId === 'string' && typeof r.seq === 'number' && typeof r.hash === 'string';
};

export function reviewDetail(e: AuditEntry): ReviewDetail | null {
  if (e.kind !== 'event' || !(REVIEW_ACTIONS as readonly string[]).includes(e.action)) return null;
  const d = e.detail as Partial<ReviewDetail> | null;
  return d && isRef(d.target) && typeof d.note === 'string' ? (d as ReviewDetail) : null;
}

export function ackDetail(e: AuditEntry): AckDetail | null {
  if (e.kind !== 'event' || e.action !== ACK_ACTION) return null;
  const d = e.detail as Partial<AckDetail> | null;
  return d && isRef(d.review) && isRef(d.target) ? (d as AckDetail) : null;
}

const later = (a: AuditEntry, b: AuditEntry) => (a.at !== b.at ? a.at > b.at : a.deskId !== b.deskId ? a.deskId > b.deskId : a.seq > b.seq);
export const refOf = (e: AuditEntry): EntryRef => ({ deskId: e.deskId, seq: e.seq, hash: e.hash });
const who = (e: AuditEntry) => (e.operator ? { id: e.operator.id, displayName: e.operator.displayName } : null);

/** Target hash → its latest review (with its acknowledgement), from any mix of entries. */
export function deriveReviews(events: Iterable<AuditEntry>): Map<string, ReviewView> {
  const latest = new Map<string, { e: AuditEntry; d: ReviewDetail }>();
  const acks: { e: AuditEntry; d: AckDetail }[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.hash)) continue; // the same entry from the desk's log and the team store
    seen.add(e.hash);
    const r = reviewDetail(e);
    if (r) {
      const held = latest.get(r.target.hash);
      if (!held || later(e, held.e)) latest.set(r.target.hash, { e, d: r });
      continue;
    }
    const a = ackDetail(e);
    if (a) acks.push({ e, d: a });
  }
  const out = new Map<string, ReviewView>();
  for (const [target, { e, d }] of latest) {
    const ack = acks
      .filter((a) => a.d.review.hash === e.hash && a.d.target.hash === target && a.e.operator?.id === d.target.operatorId)
      .sort((a, b) => (later(a.e, b.e) ? 1 : -1))[0];
    out.set(target, {
      state: e.action === 'review.flagged' ? 'flagged' : 'reviewed',
      note: d.note,
      by: who(e),
      at: e.at,
      ref: refOf(e),
      acknowledged: ack ? { by: who(ack.e), at: ack.e.at } : null,
    });
  }
  return out;
}
