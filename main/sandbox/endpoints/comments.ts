// AcctCaptureComments and AcctRetrieveComments (004). A comment over 450 characters is
// stored as several, split by the shared rule (shared/amps/commentSplit.ts, decision D5).
import type { z } from 'zod';
import type { acctCaptureCommentsRequest, acctRetrieveCommentsRequest } from '../../../shared/amps/comments';
import { labelCommentParts, splitComment } from '../../../shared/amps/commentSplit';
import { formatAmpsDateTime, parseAmpsDateTime } from '../../../shared/amps/fields';
import { invalid, ok } from '../http/result';
import { resolveAccount } from '../store/accounts';
import { nextNo } from '../store/ids';
import { q } from '../store/statements';
import type { CommentRow } from '../store/rows';
import type { HandlerContext } from './context';

const DAY = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function instant(value: string | null | undefined, path: string): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const t = parseAmpsDateTime(value.trim());
  if (Number.isNaN(t)) throw invalid(path, `"${value}" is not a valid date-time`);
  return t;
}

export function captureComments(ctx: HandlerContext, req: z.infer<typeof acctCaptureCommentsRequest>) {
  const { db } = ctx;
  const c = req.acctCaptureCommentCriteria;
  const P = 'acctCaptureCommentCriteria';
  const a = resolveAccount(db, c, 'id-first', P);
  const at = instant(c.acctCommentDateTime, `${P}.acctCommentDateTime`) ?? ctx.now();
  const appAt = instant(c.acctApplicationDateTime, `${P}.acctApplicationDateTime`) ?? null;
  const parts = labelCommentParts(splitComment(c.acctCommentText));
  const insert = q(db, 'INSERT INTO comments (comment_no, account_no, author, comment_at, text, application_id, application_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const nos: number[] = [];
  for (const text of parts) {
    const no = nextNo(db, 'comment');
    insert.run(no, a.account_no, c.acctCommentAuthor.trim(), at, text, (c.acctApplicationID ?? '').trim() || null, appAt);
    nos.push(no);
  }
  return { resultInfo: ok(), acctCommentNos: nos };
}

export function retrieveComments(ctx: HandlerContext, req: z.infer<typeof acctRetrieveCommentsRequest>) {
  const { db } = ctx;
  const c = req.AcctRetrieveCommentsCriteria;
  const P = 'AcctRetrieveCommentsCriteria';
  const a = resolveAccount(db, c, 'id-first', P);
  const start = instant(c.dateRangeStart, `${P}.dateRangeStart`) ?? Number.MIN_SAFE_INTEGER;
  let end = instant(c.dateRangeEnd, `${P}.dateRangeEnd`) ?? Number.MAX_SAFE_INTEGER;
  // A bare end date includes that whole day; an end in the future means "up to now" (004).
  if (c.dateRangeEnd && isDateOnly(c.dateRangeEnd.trim())) end += DAY - 1;
  if (start > end) throw invalid(`${P}.dateRangeStart`, 'is after dateRangeEnd');
  if (c.dateRangeEnd && end > ctx.now()) end = ctx.now();
  const rows = q(db, 'SELECT * FROM comments WHERE account_no = ? AND comment_at BETWEEN ? AND ? ORDER BY comment_at, comment_no').all(
    a.account_no,
    start,
    end,
  ) as unknown as CommentRow[];
  return {
    resultInfo: ok(),
    acctRetrieveCommentsList: rows.map((r) => ({
      acctCommentAuthor: r.author,
      acctCommentDateTime: formatAmpsDateTime(r.comment_at),
      acctCommentText: r.text,
      acctApplicationID: r.application_id,
      acctApplicationDateTime: r.application_at === null ? null : formatAmpsDateTime(r.application_at),
      acctCommentNo: r.comment_no,
    })),
  };
}
