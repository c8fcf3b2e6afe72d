// Pure parts of the supervisor workspace: the state of an entry derived from review entries
// (latest wins; an acknowledgement counts only by the target's operator, for the latest
// review), and the AMPS comment timeline matched to audited writes by comment number.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../main/core/audit';
import { timeline } from '../../../../main/core/supervision/handlers';
import { deriveReviews } from '../../../../main/core/supervision/reviews';

const H = (c: string) => c.repeat(64);
let seq = 0;
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: ++seq,
  deskId: 'desk-1',
  at: '2026-12-01T08:00:00.000Z',
  kind: 'event',
  operator: { id: 'sup', displayName: 'Sup Ervisor', role: 'supervisor' },
  action: 'review.flagged',
  accountNo: 1,
  requestId: null,
  profile: null,
  before: null,
  after: null,
  outcome: null,
  reason: null,
  detail: null,
  prevHash: '',
  hash: H(String(seq % 10)),
  ...over,
});
const target = { deskId: 'desk-2', seq: 7, hash: H('a'), operatorId: 'kari', action: 'comment.add' };

describe('deriveReviews', () => {
  it('takes the latest review; an acknowledgement by the operator of the entry, for that review', () => {
    const flag = entry({ at: '2026-12-01T08:00:00.000Z', hash: H('1'), detail: { target, note: 'Hvorfor?' } });
    const ack = entry({ at: '2026-12-01T09:00:00.000Z', hash: H('2'), action: 'review.acknowledged', operator: { id: 'kari', displayName: 'Kari', role: 'agent' }, detail: { review: { deskId: 'desk-1', seq: flag.seq, hash: H('1') }, target } });
    const byOther = entry({ at: '2026-12-01T09:30:00.000Z', hash: H('3'), action: 'review.acknowledged', operator: { id: 'ola', displayName: 'Ola', role: 'agent' }, detail: { review: { deskId: 'desk-1', seq: flag.seq, hash: H('1') }, target } });
    let m = deriveReviews([byOther, flag, flag]);
    expect(m.get(H('a'))).toMatchObject({ state: 'flagged', note: 'Hvorfor?', by: { id: 'sup' }, acknowledged: null });
    m = deriveReviews([flag, ack, byOther]);
    expect(m.get(H('a'))!.acknowledged).toEqual({ by: { id: 'kari', displayName: 'Kari' }, at: '2026-12-01T09:00:00.000Z' });
    const ok = entry({ at: '2026-12-01T10:00:00.000Z', hash: H('4'), action: 'review.reviewed', detail: { target, note: '' } });
    m = deriveReviews([ok, ack, flag]);
    expect(m.get(H('a'))).toMatchObject({ state: 'reviewed', note: '', acknowledged: null, ref: { hash: H('4') } });
    // Malformed detail is no review.
    expect(deriveReviews([entry({ hash: H('5'), detail: { note: 'x' } })]).size).toBe(0);
  });
});

describe('timeline', () => {
  it('marks the comments an APPLIED comment write answered with, and the rest as from outside', () => {
    const intent = entry({ kind: 'intent', action: 'comment.add', requestId: 'r1', hash: H('6'), operator: { id: 'kari', displayName: 'Kari', role: 'agent' } });
    const outcome = entry({ kind: 'outcome', action: 'comment.add', requestId: 'r1', outcome: 'APPLIED', after: { commentNos: [501, 502] }, hash: H('7') });
    const refused = entry({ kind: 'outcome', action: 'comment.add', requestId: 'r2', outcome: 'REJECTED', after: { commentNos: [503] }, hash: H('8') });
    const c = (no: number, at: string) => ({ acctCommentNo: no, acctCommentAuthor: 'kari', acctCommentDateTime: at, acctCommentText: `t${no}`, acctApplicationID: 'CSR-DESK' });
    const out = timeline([c(503, '2026-12-01 08:00:00'), c(501, '2026-12-01 09:00:00'), c(502, '2026-12-01 09:00:00')], [intent, outcome, refused]);
    expect(out.map((x) => [x.commentNo, x.origin, x.entryHash])).toEqual([
      [502, 'desk', H('6')],
      [501, 'desk', H('6')],
      [503, 'outside', null],
    ]);
  });

  it('keeps the name comments.list gave an author who is one of the desk’s operators, and none for anyone else', () => {
    const out = timeline(
      [
        { acctCommentNo: 601, acctCommentAuthor: 'kari.n', authorName: 'Kari Nordmann', acctCommentDateTime: '2026-12-01 10:00:00', acctCommentText: 'Ringte om faktura' },
        { acctCommentNo: 602, acctCommentAuthor: 'nightly-import', acctCommentDateTime: '2026-12-01 09:00:00', acctCommentText: 'Adresse oppdatert' },
      ],
      [],
    );
    expect(out.map((x) => [x.author, x.authorName])).toEqual([
      ['kari.n', 'Kari Nordmann'],
      ['nightly-import', null],
    ]);
  });
});
