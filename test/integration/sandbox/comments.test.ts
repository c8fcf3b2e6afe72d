// AcctCaptureComments and AcctRetrieveComments: the shared splitting rule for comments over
// 450 characters, and retrieval by date range (null = open; an end in the future = up to now).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import { RESULT, labelCommentParts, splitComment, formatAmpsDateTime } from '../../../shared/amps';
import { post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
let client: AmpsClient;
let accountNo: number;
let accountId: string;

beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 10 });
  client = sb.client();
  const d = (await client.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'COMMENTS', currencyCode: 'NOK', accountContact: { fullName: 'Kommentar Kari' } } })).acctCreateAccountResponseDetails!;
  accountNo = d.ariaAccountNo;
  accountId = d.ariaAccountID!;
});
afterAll(() => sb.close());

const capture = (text: string, at?: string) =>
  client.call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountID: accountId, acctCommentAuthor: 'Agent Smith', acctCommentText: text, acctApplicationID: 'CSR-DESK', ...(at ? { acctCommentDateTime: at, acctApplicationDateTime: at } : {}) } });
const list = async (dateRangeStart?: string | null, dateRangeEnd?: string | null) =>
  (await client.call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo, dateRangeStart, dateRangeEnd } })).acctRetrieveCommentsList!;

describe('comments', () => {
  it('stores a short comment as one and reads it back', async () => {
    const r = await capture('Kunden ringte om levering.', '2019-05-01 18:00:00');
    expect(r.acctCommentNos).toHaveLength(1);
    expect(await list()).toEqual([
      { acctCommentAuthor: 'Agent Smith', acctCommentDateTime: '2019-05-01T18:00:00', acctCommentText: 'Kunden ringte om levering.', acctApplicationID: 'CSR-DESK', acctApplicationDateTime: '2019-05-01T18:00:00', acctCommentNo: r.acctCommentNos![0] },
    ]);
  });

  it('splits a long comment by the shared rule into "(n/m): " parts, in order', async () => {
    const words = Array.from({ length: 260 }, (_, i) => `ord${i}æøå`);
    const text = words.join(' ');
    const r = await capture(text, '2021-03-04T10:00:00');
    const expected = labelCommentParts(splitComment(text));
    expect(expected.length).toBeGreaterThan(2);
    expect(r.acctCommentNos).toHaveLength(expected.length);
    const stored = (await list('2021-03-04', '2021-03-04')).map((c) => c.acctCommentText);
    expect(stored).toEqual(expected);
    expect(stored[0]).toMatch(/^\(1\/\d\): ord0æøå/);
    expect(stored.map((s) => s.replace(/^\(\d+\/\d+\): /, '')).join(' ')).toBe(text);
  });

  it('filters by date range; a bare end date includes its day; a future end means up to now', async () => {
    await capture('2023 comment', '2023-06-15T08:30:00');
    await capture('future comment', formatAmpsDateTime(Date.now() + 86_400_000));
    const texts = async (s?: string | null, e?: string | null) => (await list(s, e)).map((c) => c.acctCommentText.slice(0, 12));
    expect(await texts('2023-06-15', '2023-06-15')).toEqual(['2023 comment']);
    expect(await texts('2023-06-15 08:30:01', null)).toEqual(['future comme']);
    expect(await texts('2023-01-01', '2099-01-01')).toEqual(['2023 comment']);
    expect(await texts(null, '2019-12-31')).toEqual(['Kunden ringt']);
    expect(await texts('2019-05-01T18:00:01', '2019-05-02')).toEqual([]);
  });

  it('refuses an over-length text naming the field, and an unknown account', async () => {
    const body = signedBody('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'x', acctCommentText: 'y'.repeat(20_001) } }, { withAuthKey: false });
    const r = await post(sb.url, 'AcctCaptureComments', body);
    expect(r.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctCaptureCommentCriteria.acctCommentText', message: 'may be at most 20000 characters (got 20001)' }] });
    expect(r.json.resultInfo.resultText).toContain('acctCaptureCommentCriteria.acctCommentText');
    const unknown = await client.call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1 } }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ resultCode: RESULT.NOT_FOUND });
  });

  it('accepts the samples\' other spellings of the criteria key', async () => {
    const body = signedBody('AcctRetrieveComments', { acctRetrieveCommentsCriteria: { ariaAccountNo: accountNo, dateRangeStart: '2023-06-15', dateRangeEnd: '2023-06-15' } }, { withAuthKey: false });
    const r = await post(sb.url, 'AcctRetrieveComments', body);
    expect((r.json.acctRetrieveCommentsList as { acctCommentText: string }[]).map((c) => c.acctCommentText)).toEqual(['2023 comment']);
    const cap = signedBody('AcctCaptureComments', { AcctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'x', acctCommentText: 'other key' } }, { withAuthKey: false });
    expect((await post(sb.url, 'AcctCaptureComments', cap)).json.resultInfo.resultCode).toBe(0);
  });
});
