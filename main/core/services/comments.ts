// Comments: the timeline (AcctRetrieveComments) and capture (AcctCaptureComments; the
// API splits long text into 450-character parts, see shared/amps/commentSplit).
import { formatAmpsDateTime, splitComment } from '../../../shared/amps';
import type { Handlers } from '../router';
import type { ServiceContext } from './context';

export function commentHandlers(ctx: ServiceContext): Pick<Handlers, 'comments.list' | 'comments.add'> {
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
      return { comments: res.acctRetrieveCommentsList ?? [] };
    },
    async 'comments.add'(input) {
      const client = await ctx.client();
      const now = formatAmpsDateTime(ctx.now());
      const res = await client.call(
        'AcctCaptureComments',
        {
          acctCaptureCommentCriteria: {
            ariaAccountNo: input.accountNo,
            acctCommentAuthor: ctx.operator().id,
            acctCommentDateTime: now,
            acctCommentText: input.text,
            acctApplicationID: ctx.applicationId,
            acctApplicationDateTime: now,
          },
        },
        { account: { ariaAccountNo: input.accountNo } },
      );
      return { parts: splitComment(input.text).length, commentNos: res.acctCommentNos ?? [] };
    },
  };
}
