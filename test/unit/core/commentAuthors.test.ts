// comments.list names the authors the desk knows; any other author keeps the login name AMPS has.
import { describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { Writes } from '../../../main/core/outbox/answer';
import type { ServiceContext } from '../../../main/core/services/context';
import { commentHandlers } from '../../../main/core/services/comments';

const stored = [
  { acctCommentAuthor: 'kari.n', acctCommentDateTime: '2026-12-01 10:00:00', acctCommentText: 'Ringte om faktura', acctCommentNo: 1 },
  { acctCommentAuthor: 'nightly-import', acctCommentDateTime: '2026-12-01 11:00:00', acctCommentText: 'Adresse oppdatert', acctCommentNo: 2 },
];
const client = { call: async () => ({ resultInfo: { resultCode: 0, resultText: 'OK' }, acctRetrieveCommentsList: stored }) } as unknown as AmpsClient;

function list(ctx: Partial<ServiceContext>) {
  const handlers = commentHandlers({ client: async () => client, ...ctx } as ServiceContext, {} as Writes);
  return handlers['comments.list']({ accountNo: 42 }, { transport: 'test', trustedSender: true });
}

describe('comments.list: the authors by name', () => {
  it('adds the name of an author who is one of the desk’s operators, and nothing for anyone else', async () => {
    const { comments } = await list({ operatorNames: async () => new Map([['kari.n', 'Kari Nordmann']]) });
    expect(comments.map((c) => [c.acctCommentAuthor, c.authorName])).toEqual([
      ['kari.n', 'Kari Nordmann'],
      ['nightly-import', undefined],
    ]);
  });

  it('a name of only spaces is no name: the comment keeps the login name', async () => {
    const { comments } = await list({ operatorNames: async () => new Map([['kari.n', '   ']]) });
    expect(comments[0]).toEqual(stored[0]);
  });

  it('without a directory the comments are as AMPS sent them', async () => {
    const { comments } = await list({});
    expect(comments).toEqual(stored);
  });
});
