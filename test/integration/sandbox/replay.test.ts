// The replay window survives restarts (issue 8 item 7; docs/decisions.md D21): accepted
// signatures are kept in the sandbox's database, so a signed comment replayed after a real
// restart of a file-backed sandbox is refused (-6) and stored once; rows are pruned by age.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT } from '../../../shared/amps';
import { post, signedBody, startTestSandbox } from './helpers';

let dir: string;
let dbFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replay-'));
  dbFile = join(dir, 'sandbox.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 23);
const countRows = () => {
  const db = new DatabaseSync(dbFile, { readOnly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM replay_window').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the replay window', () => {
  it('refuses a signed comment replayed after a restart, and the comment is stored once', async () => {
    const first = await startTestSandbox({ dbFile, accounts: 10 });
    let accountNo: number;
    let body: Record<string, unknown>;
    try {
      const found = await first.client().call('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' } });
      accountNo = found.acctSearchAccountResponseDetails!.accountResultSet[0]!.ariaAccountNo;
      body = signedBody('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'replay', acctCommentText: 'sent once, replayed later' } }, { withAuthKey: false, requestDateTime: iso(Date.now()) });
      expect((await post(first.url, 'AcctCaptureComments', body)).json.resultInfo.resultCode).toBe(RESULT.OK);
      expect((await post(first.url, 'AcctCaptureComments', body)).json.resultInfo.resultCode).toBe(RESULT.REPLAYED);
    } finally {
      await first.close();
    }

    const second = await startTestSandbox({ dbFile });
    try {
      const replayed = await post(second.url, 'AcctCaptureComments', body);
      expect(replayed.json.resultInfo).toMatchObject({ resultCode: RESULT.REPLAYED, errorFields: [{ path: 'msgAuthDetails.signatureValue' }] });
      const list = await second.client().call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } });
      expect((list.acctRetrieveCommentsList ?? []).filter((c) => c.acctCommentText === 'sent once, replayed later')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('keeps no signature itself, only its SHA-256', async () => {
    const db = new DatabaseSync(dbFile, { readOnly: true });
    try {
      const rows = db.prepare('SELECT signature_sha256 AS h FROM replay_window').all() as { h: Uint8Array }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.h.byteLength).toBe(32);
    } finally {
      db.close();
    }
  });

  it('forgets signatures whose requestDateTime has left the window', async () => {
    let clock = Date.now();
    const sb = await startTestSandbox({ dbFile, timeWindowMs: 60_000, now: () => clock });
    try {
      const before = countRows();
      const search = () =>
        post(sb.url, 'AcctSearchAccount', signedBody('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: 42000001 } }, { requestDateTime: iso((clock += 1)) }));
      for (let i = 0; i < 5; i++) expect((await search()).json.resultInfo.resultCode).toBeGreaterThanOrEqual(0);
      expect(countRows()).toBe(before + 5);
      clock += 10 * 60_000; // every row is now older than the window
      expect((await search()).json.resultInfo.resultCode).toBeGreaterThanOrEqual(0);
      expect(countRows()).toBe(1); // only the request just accepted
    } finally {
      await sb.close();
    }
  });
});
