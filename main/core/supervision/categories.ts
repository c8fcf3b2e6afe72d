// What counts as what, for both sources (docs/supervision.md, "What counts as what"):
//   a comment   an 'intent' entry whose action is comment.* or reason.add (the reason an
//               operator gave for a change is stored as its own comment, D24)
//   a change    any other 'intent' entry (a write to an account the operator asked for)
//   without a reason  a change whose reason is null or blank
//   a review    an 'event' entry review.reviewed / review.flagged naming its target entry;
//               review.acknowledged is the target's operator acknowledging a review (D74)
import type { SupervisionCategory } from '../../../shared/ipc/supervision';

export const REVIEW_ACTIONS = ['review.reviewed', 'review.flagged'] as const;
export const ACK_ACTION = 'review.acknowledged';
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const isCommentAction = (action: string) => action.startsWith('comment.') || action === 'reason.add';

/** SQL (SQLite and PostgreSQL alike) for the categories, over the columns kind, action, reason. */
export const SQL = {
  intent: "kind = 'intent'",
  comment: "kind = 'intent' AND (action LIKE 'comment.%' OR action = 'reason.add')",
  change: "kind = 'intent' AND action NOT LIKE 'comment.%' AND action <> 'reason.add'",
  noReason: "(reason IS NULL OR trim(reason) = '')",
  review: "kind = 'event' AND action IN ('review.reviewed', 'review.flagged')",
} as const;

/**
 * The WHERE clauses of a view's category, for both sources: each dialect gives what is
 * written differently in it (the no-reason test, as its partial index is written, and the
 * follow-up queue: entries whose latest review is a flag).
 */
export function categoryClauses(category: SupervisionCategory | undefined, dialect: { noReason: string; flagged: string }): string[] {
  switch (category ?? 'activity') {
    case 'activity':
      return [SQL.intent];
    case 'comments':
      return [SQL.comment];
    case 'changes':
      return [SQL.change];
    case 'withoutReason':
      return [SQL.change, dialect.noReason];
    case 'flagged':
      return [SQL.intent, dialect.flagged];
    case 'all':
      return [];
  }
}
