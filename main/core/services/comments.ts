// Comments: the timeline (AcctRetrieveComments) and capture (AcctCaptureComments; the
// API splits long text into 450-character parts, see shared/amps/commentSplit).
import { splitComment } from '../../../shared/amps';
import type { Handlers } from '../router';
import type { ServiceContext } from './context';
import { runWrite, type Writes } from '../outbox/answer';

export function commentHandlers(ctx: ServiceContext, writes: Writes): Pick<Handlers, 'comments.list' | 'comments.add'> {
  return {
    async 'comments.list'(input) {
      const client = await ctx.client();
      const res = await client.call(
        'AcctRetrieveComments',
        {
          AcctRetrieveCommentsCriteria: {
            ariaAccountNo: input.accountNo,
            dateRangeStart: input.from ? `${input.from} 00:00:00` : null,
            dateRangeEnd: input.to ? `${input.to} 23:59:59` : null,
          },
        },
        { account: { ariaAccountNo: input.accountNo } },
      );
      const names = (await ctx.operatorNames?.()) ?? new Map<string, string>();
      return {
        comments: (res.acctRetrieveCommentsList ?? []).map((c) => {
          // A name of only spaces (the team store allows one) is no name: the login name shows.
          const authorName = names.get(c.acctCommentAuthor)?.trim();
          return authorName ? { ...c, authorName } : c;
        }),
      };
    },
    async 'comments.add'(input) {
      // The author is the operator who made it (set by the pipeline), never typed.
      const parts = splitComment(input.text).length;
      return runWrite(
        writes,
        { type: 'comment.add', accountNo: input.accountNo, text: input.text },
        (r) => ({ parts, commentNos: (r as { commentNos?: number[] } | null)?.commentNos ?? [] }),
        { parts, commentNos: [] },
      );
    },
  };
}
