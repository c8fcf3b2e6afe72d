// Comments that wait in the outbox, for the timeline (issue 8 item 4: an account view shows a
// queued change as pending, never as done). They come from the outbox's items of the
// account (a typed comment and a reason comment alike). A pending comment whose stored copy
// is already in the timeline is not shown a second time: the outbox reads a sent comment's
// account again before it lets the item go (state/outboxStore.ts), so for a moment both can
// be on hand, and the stored one wins. It is the same comment when its first stored part has
// the comment's text and its time is the second the comment was made (the desk stamps each
// comment with the time it was queued, shared/amps/fields formatAmpsDateTime).
import type { OutboxItemView } from '../../../shared/commands';
import { labelCommentParts, parseAmpsDateTime, splitComment, type RetrievedComment } from '../../../shared/amps';

export interface PendingComment {
  /** The outbox item's id. */
  id: string;
  item: OutboxItemView;
  text: string;
  /** The operator who made it (their name). */
  author: string;
  /** ISO time it was made. */
  createdAt: string;
}

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** The account's comments in the outbox that the retrieved list does not hold yet, newest first. */
export function pendingComments(items: readonly OutboxItemView[], accountNo: number, stored: readonly RetrievedComment[]): PendingComment[] {
  const out: PendingComment[] = [];
  for (const item of items) {
    if (item.accountNo !== accountNo || item.command.type !== 'comment.add') continue;
    const text = item.command.text;
    const made = second(Date.parse(item.createdAt));
    const first = labelCommentParts(splitComment(text))[0];
    const landed = stored.some((c) => c.acctCommentText === first && parseAmpsDateTime(c.acctCommentDateTime) === made);
    if (!landed) out.push({ id: item.id, item, text, author: item.operator, createdAt: item.createdAt });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Whether a pending comment passes the timeline's filters (author filters name stored authors: a pending one is hidden then). */
export function passesFilters(p: PendingComment, f: { from: string; to: string; author: string }): boolean {
  if (f.author) return false;
  const day = p.createdAt.slice(0, 10);
  return (!f.from || day >= f.from) && (!f.to || day <= f.to);
}
