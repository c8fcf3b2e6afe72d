// Hostile input, black-box (raw HTTP to a running sandbox; issue 11 item 9): each case is a
// clear resultCode < 0 naming the field or the place — or is handled as data — and never
// affects the request after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_PATH_PREFIX, RESULT, formatAmpsDateTime } from '../../../shared/amps';
import { HANDLERS } from '../../../main/sandbox/endpoints';
import { q } from '../../../main/sandbox/store/statements';
import { FTS_SQL } from '../../../main/sandbox/search/plan';
import { TEST_CLIENT, post, signedBody, startTestSandbox, type SignOptions, type TestSandbox } from './helpers';
import type { EndpointName } from '../../../shared/amps';

// Every request signs differently: requestDateTime with milliseconds, never the same twice.
let tick = 0;
const fresh = () => new Date((tick = Math.max(Date.now(), tick + 1))).toISOString().slice(0, 23);
const signed = (endpoint: EndpointName, payload: Record<string, unknown>, o: SignOptions = {}) => signedBody(endpoint, payload, { requestDateTime: fresh(), ...o });

let sb: TestSandbox;
let accountNo: number;
beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 40 });
  const found = await post(sb.url, 'AcctSearchAccount', signed('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' } }));
  accountNo = (found.json.acctSearchAccountResponseDetails as { accountResultSet: { ariaAccountNo: number }[] }).accountResultSet[0]!.ariaAccountNo;
});
afterAll(() => sb.close());

const search = (criteria: Record<string, unknown>) =>
  post(sb.url, 'AcctSearchAccount', signed('AcctSearchAccount', { ...criteria, acctSearchAccountSpecDetails: { returnLimitRows: 5 } }));

/** A search that works: what the next caller does after a hostile request. */
async function nextCallerSearches() {
  const r = await search({ acctSearchAccountContactCriteria: { lastName: 'sen' } });
  expect(r.json.resultInfo.resultCode, JSON.stringify(r.json.resultInfo)).toBeGreaterThanOrEqual(0);
  const rows = (r.json.acctSearchAccountResponseDetails as { accountResultSet: unknown[] }).accountResultSet;
  expect(rows.length).toBeGreaterThan(0);
}

async function postBytes(endpoint: string, bytes: Buffer<ArrayBuffer>) {
  const res = await fetch(`${sb.url}${ENDPOINT_PATH_PREFIX}${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
  return { status: res.status, json: (await res.json()) as { resultInfo: { resultCode: number; resultText: string; errorFields?: { path: string }[] } } };
}

/** msgAuthDetails anyone can write (a registered clientNo, the time now, any signature): no secret. */
const unsignedAuth = () =>
  JSON.stringify({ clientNo: TEST_CLIENT.clientNo, requestDateTime: formatAmpsDateTime(Date.now()), signatureVersion: '2.0', signatureValue: 'a'.repeat(64) });

describe('a NUL character in a search term', () => {
  const TEXT_TERMS: [string, string][] = [
    ['acctSearchAccountContactCriteria', 'lastName'],
    ['acctSearchAccountContactCriteria', 'firstName'],
    ['acctSearchAccountContactCriteria', 'fullName'],
    ['acctSearchAccountContactCriteria', 'addressLine1'],
    ['acctSearchAccountContactCriteria', 'postalCity'],
    ['acctSearchAccountContactCriteria', 'streetName'],
    ['acctSearchAccountContactCriteria', 'postalCode'],
    ['acctSearchAccountContactCriteria', 'cellPhone'],
    ['acctSearchAccountCriteria', 'emailAddress'],
    ['acctSearchAccountCriteria', 'phoneNumber'],
    ['acctSearchAccountCriteria', 'ariaAccountID'],
    ['acctSearchAccountAddressCriteria', 'searchLastName'],
    ['acctSearchAccountAddressCriteria', 'searchCity'],
  ];

  it.each(TEXT_TERMS)('is refused with -2 naming %s.%s, and the next caller\'s search still works', async (group, field) => {
    const r = await search({ [group]: { [field]: 'Han\u0000sen' } });
    expect(r.status).toBe(200);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    expect(r.json.resultInfo.errorFields).toEqual([{ path: `${group}.${field}`, message: expect.stringMatching(/NUL character \(U\+0000\) at position 4/) }]);
    expect(r.json.resultInfo.resultText).toContain(`${group}.${field}`);
    await nextCallerSearches();
  });

  it('in a comment or a key is refused too, and nothing is stored', async () => {
    const comment = (text: string) => ({ acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'hostile', acctCommentText: text } });
    const r = await post(sb.url, 'AcctCaptureComments', signed('AcctCaptureComments', comment('before\u0000after')));
    expect(r.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctCaptureCommentCriteria.acctCommentText' }] });
    const key = await search({ acctSearchAccountContactCriteria: { 'last\u0000Name': 'Hansen' } });
    expect(key.json.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    expect(key.json.resultInfo.errorFields![0]!.path).toBe('acctSearchAccountContactCriteria["last\\u0000Name"]');
    const list = await post(sb.url, 'AcctRetrieveComments', signed('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } }));
    expect((list.json.acctRetrieveCommentsList as { acctCommentAuthor: string }[]).filter((c) => c.acctCommentAuthor === 'hostile')).toEqual([]);
  });

  it('other control characters are refused; tab and line breaks are text', async () => {
    const bell = await search({ acctSearchAccountContactCriteria: { lastName: 'Han\u0007sen' } });
    expect(bell.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctSearchAccountContactCriteria.lastName' }] });
    expect(bell.json.resultInfo.resultText).toMatch(/control character \(U\+0007\)/);
    const ok = await post(sb.url, 'AcctCaptureComments', signed('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'tabs', acctCommentText: 'a\tb\r\nc' } }));
    expect(ok.json.resultInfo.resultCode).toBe(RESULT.OK);
  });

  it('a statement that failed inside SQLite never fails the next request (the cached statement is not reused)', async () => {
    // The cause of "the next caller's search fails too": node:sqlite does not reset a
    // statement whose step failed, and the cached statement handed the next caller the same
    // error. Make a cached statement fail inside SQLite, as the NUL did before it was refused.
    const original = HANDLERS.AcctSearchAccount;
    HANDLERS.AcctSearchAccount = (ctx) => {
      for (const _ of q(ctx.db, FTS_SQL).iterate('last : "ha\u0000n"')) void _;
      return {};
    };
    try {
      const r = await search({ acctSearchAccountContactCriteria: { lastName: 'Hansen' } });
      expect(r.json.resultInfo.resultCode).toBe(RESULT.INTERNAL);
    } finally {
      HANDLERS.AcctSearchAccount = original;
    }
    await nextCallerSearches();
  });
});

describe('deep nesting', () => {
  const deepObject = (levels: number) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it.each(['AcctCaptureComments', 'AcctRetrieveComments', 'AcctChangePermAddress'])(
    '2,300+ levels on %s (no authKey needed) answer -1 naming where, not -99',
    async (endpoint) => {
      for (const [name, deep] of [['object', deepObject(2400)], ['array', deepArray(2400)]] as const) {
        const body = `{"msgAuthDetails":${unsignedAuth()},"acctCaptureCommentCriteria":{"ariaAccountNo":${accountNo},"extra":${deep}}}`;
        const r = await post(sb.url, endpoint, body);
        expect(r.status, name).toBe(200);
        expect(r.json.resultInfo.resultCode, name).toBe(RESULT.MALFORMED);
        expect(r.json.resultInfo.resultText).toMatch(/nests objects and arrays deeper than 32 levels \(at acctCaptureCommentCriteria\.extra/);
        expect(r.json.resultInfo.errorFields![0]!.path).toMatch(/^acctCaptureCommentCriteria\.extra/);
      }
      await nextCallerSearches();
    },
  );

  it('is refused before authentication: deep msgAuthDetails too', async () => {
    const r = await post(sb.url, 'AcctRetrieveComments', `{"msgAuthDetails":${deepObject(3000)}}`);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.MALFORMED);
    expect(r.json.resultInfo.errorFields![0]!.path).toMatch(/^msgAuthDetails\.x\.x/);
  });

  it('an ordinary request nests well within the limit', async () => {
    const ok = await post(sb.url, 'AcctRetrieveComments', signed('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo }, note: deepObject(20) === '' ? null : JSON.parse(deepObject(20)) as unknown }));
    expect(ok.json.resultInfo.resultCode).toBe(RESULT.OK);
  });

  it('3,500 unclosed brackets answer -1 with where, not an overflow of the error locator', async () => {
    for (const text of ['['.repeat(3500), `{"acctSearchAccountCriteria":${'['.repeat(3500)}`, `${'{"a":'.repeat(3500)}`]) {
      const r = await post(sb.url, 'AcctSearchAccount', text);
      expect(r.json.resultInfo.resultCode).toBe(RESULT.MALFORMED);
      expect(r.json.resultInfo.resultText).toMatch(/^Malformed JSON at line 1, column \d+: objects and arrays nested deeper than 32 levels/);
    }
    await nextCallerSearches();
  });
});

describe('lone surrogates', () => {
  it('as a JSON escape are refused with -2 naming the field, not stored as U+FFFD', async () => {
    const body = JSON.stringify(signed('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: accountNo, acctCommentAuthor: 'surrogate', acctCommentText: 'PLACEHOLDER' } }));
    const r = await post(sb.url, 'AcctCaptureComments', body.replace('PLACEHOLDER', 'abc\\ud800def'));
    expect(r.json.resultInfo.resultCode).toBe(RESULT.INVALID_FIELD);
    expect(r.json.resultInfo.errorFields).toEqual([{ path: 'acctCaptureCommentCriteria.acctCommentText', message: expect.stringMatching(/unpaired surrogate \(U\+D800\) at position 4/) }]);
    const low = await search({ acctSearchAccountContactCriteria: { lastName: 'x\udc00y' } }); // JSON.stringify writes "\udc00"
    expect(low.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctSearchAccountContactCriteria.lastName' }] });
    const list = await post(sb.url, 'AcctRetrieveComments', signed('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } }));
    expect((list.json.acctRetrieveCommentsList as { acctCommentAuthor: string }[]).filter((c) => c.acctCommentAuthor === 'surrogate')).toEqual([]);
  });

  it('as raw bytes (a surrogate encoded on its own, or any invalid UTF-8) answer -1 with where', async () => {
    const text = JSON.stringify(signed('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'HanXsen' } }));
    const [head, tail] = text.split('X') as [string, string];
    for (const bad of [[0xed, 0xa0, 0x80], [0xff], [0xc3]]) {
      const r = await postBytes('AcctSearchAccount', Buffer.concat([Buffer.from(head), Buffer.from(bad), Buffer.from(tail)]));
      expect(r.json.resultInfo.resultCode).toBe(RESULT.MALFORMED);
      expect(r.json.resultInfo.resultText).toContain(`not valid UTF-8 at byte ${Buffer.byteLength(head) + 1} (line 1, column ${head.length + 1}, after "`);
    }
    // Real non-ASCII text is fine, in bytes as in escapes.
    const ok = await search({ acctSearchAccountContactCriteria: { lastName: 'Bjørnstad 😀' } });
    expect(ok.json.resultInfo.resultCode).toBeGreaterThanOrEqual(0);
  });
});

describe('signatureVersion', () => {
  it.each([
    [1.04, '1.04'], [2.01, '2.01'], [1.5, '1.5'], [3, '3.0'], ['1.04', '1.04'], ['1', '1'],
  ] as const)('%s is refused naming msgAuthDetails.signatureVersion, never read as "1.0"', async (version, shown) => {
    const body = signed('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: accountNo } }, { version: '1.0' });
    (body.msgAuthDetails as Record<string, unknown>).signatureVersion = version;
    const r = await post(sb.url, 'AcctSearchAccount', body);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.BAD_SIGNATURE);
    expect(r.json.resultInfo.errorFields).toEqual([{ path: 'msgAuthDetails.signatureVersion', message: `"${shown}" is not supported; use "1.0" or "2.0"` }]);
  });

  it('the numbers 1.0 and 2.0 (JSON 1 and 2) still are "1.0" and "2.0"', async () => {
    for (const [version, num] of [['1.0', 1], ['2.0', 2]] as const) {
      const body = signed('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: accountNo } }, { version });
      (body.msgAuthDetails as Record<string, unknown>).signatureVersion = num;
      expect((await post(sb.url, 'AcctSearchAccount', body)).json.resultInfo.resultCode).toBe(RESULT.OK);
    }
  });
});

describe('an account status code the spec does not list', () => {
  it('is data: the search answers every row, the unknown one with its raw code, and the client accepts it (long stored contacts too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-'));
    const dbFile = join(dir, 'sandbox.sqlite');
    try {
      const first = await startTestSandbox({ dbFile, accounts: 30 });
      await first.close();
      const { DatabaseSync } = await import('node:sqlite');
      const db = new DatabaseSync(dbFile);
      const rows = db.prepare("SELECT a.account_no FROM accounts a JOIN contacts c ON c.contact_no = a.contact_no WHERE c.last_name LIKE '%sen%' ORDER BY a.account_no LIMIT 3").all() as { account_no: number }[];
      expect(rows.length).toBe(3);
      db.prepare('UPDATE accounts SET status = 7 WHERE account_no = ?').run(rows[1]!.account_no);
      // And a contact longer than what we send (a real AMPS may store more): data too.
      db.prepare("UPDATE contacts SET country_code = 'NOR', full_name = ? WHERE contact_no = (SELECT contact_no FROM accounts WHERE account_no = ?)").run(`${'Langnavn '.repeat(30)}Hansen`, rows[2]!.account_no);
      db.close();

      const again = await startTestSandbox({ dbFile });
      try {
        const raw = await post(again.url, 'AcctSearchAccount', signed('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' }, acctSearchAccountSpecDetails: { returnLimitRows: 3 } }));
        expect(raw.json.resultInfo.resultCode).toBeGreaterThanOrEqual(0);
        const set = (raw.json.acctSearchAccountResponseDetails as { accountResultSet: { ariaAccountNo: number; acctStatusCode: number }[] }).accountResultSet;
        expect(set.map((r) => r.ariaAccountNo)).toEqual(rows.map((r) => r.account_no));
        expect(set[1]!.acctStatusCode).toBe(7);
        // The client's response schema (shared/amps) takes the row as it is.
        const viaClient = await again.client().call('AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'sen' }, acctSearchAccountSpecDetails: { returnLimitRows: 3 } });
        const clientRows = viaClient.acctSearchAccountResponseDetails!.accountResultSet;
        expect(clientRows.map((r) => r.ariaAccountNo)).toEqual(rows.map((r) => r.account_no));
        expect(clientRows[1]!.acctStatusCode).toBe(7);
        expect(clientRows[2]!.contactDetails).toMatchObject({ countryCode: 'NOR', fullName: expect.stringMatching(/^(Langnavn ){30}Hansen$/) });
        const account = await again.client().call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: rows[1]!.account_no } });
        expect(account.acctRetrieveAccountResponseDetails!.acctRetrieveAccountDetails).toMatchObject({ ariaStatusCode: 7, ariaStatusCodeText: 'UNKNOWN' });
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the own black-box pass: similar classes', () => {
  /** Signs the parsed payload and sends the text exactly as written (duplicates, 1e400, -0 survive). */
  const rawText = (endpoint: EndpointName, payloadText: string) => {
    const body = signed(endpoint, JSON.parse(payloadText) as Record<string, unknown>);
    return post(sb.url, endpoint, `{"msgAuthDetails":${JSON.stringify(body.msgAuthDetails)},${payloadText.slice(1)}`);
  };

  it('a key sent twice in one object is refused naming it, not read as the last one', async () => {
    const r = await rawText('AcctRetrieveAccount', `{"acctRetrieveAccountCriteria":{"ariaAccountNo":1,"ariaAccountNo":${accountNo}}}`);
    expect(r.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctRetrieveAccountCriteria.ariaAccountNo', message: 'appears twice; send each field once' }] });
    // The same key in two different objects is fine, and so is a key inside a string.
    const ok = await rawText('AcctSearchAccount', '{"acctSearchAccountCriteria":{"ariaAccountNo":1},"acctSearchAccountSpecDetails":{"ariaAccountNo":1,"note":"\\"ariaAccountNo\\":2"}}');
    expect(ok.json.resultInfo.resultCode).toBe(RESULT.OK);
  });

  it('numbers too large for JSON, fractions and unsafe integers are -2 in words; -0 is 0', async () => {
    const cases: [string, RegExp][] = [
      ['1e400', /must be a number \(got a number too large for JSON\)/],
      ['42000001.5', /must be a whole number \(got 42000001.5\)/],
      ['12345678901234567890', /must be at most 9007199254740991/],
    ];
    for (const [n, message] of cases) {
      const r = await rawText('AcctRetrieveAccount', `{"acctRetrieveAccountCriteria":{"ariaAccountNo":${n}}}`);
      expect(r.json.resultInfo.resultCode, n).toBe(RESULT.INVALID_FIELD);
      expect(r.json.resultInfo.errorFields![0]).toMatchObject({ path: 'acctRetrieveAccountCriteria.ariaAccountNo', message: expect.stringMatching(message) });
    }
    const zero = await rawText('AcctSearchAccount', '{"acctSearchAccountCriteria":{"ariaAccountNo":-0}}');
    expect(zero.json.resultInfo).toMatchObject({ resultCode: RESULT.INVALID_FIELD, errorFields: [{ path: 'acctSearchAccountCriteria' }] }); // 0 = not used: no criterion
  });

  it('an array or a text where an object is expected, and an object where an array is, name the field', async () => {
    for (const [endpoint, text, path, message] of [
      ['AcctRetrieveAccount', '{"acctRetrieveAccountCriteria":[{"ariaAccountNo":1}]}', 'acctRetrieveAccountCriteria', 'must be an object (got an array)'],
      ['AcctRetrieveAccount', '{"acctRetrieveAccountCriteria":"42000001"}', 'acctRetrieveAccountCriteria', 'must be an object (got "42000001")'],
      ['AcctManageAccount', '{"acctManageAccountDetails":{"actionDirective":"CANCEL"}}', 'acctManageAccountDetails', 'must be an array (got object)'],
    ] as const) {
      const r = await rawText(endpoint, text);
      expect(r.json.resultInfo.errorFields, text).toEqual([{ path, message }]);
    }
  });

  it('a text in decomposed form (NFD) searches like the precomposed text the data holds', async () => {
    const big = await startTestSandbox({ accounts: 300 });
    try {
      const count = async (city: string) => {
        const r = await post(big.url, 'AcctSearchAccount', signed('AcctSearchAccount', { acctSearchAccountContactCriteria: { postalCity: city }, acctSearchAccountSpecDetails: { returnLimitRows: 1000 } }));
        return (r.json.acctSearchAccountResponseDetails as { accountResultSet: unknown[] } | undefined)?.accountResultSet.length ?? -1;
      };
      const nfd = 'Ålesund'.normalize('NFD'); // A + U+030A, as macOS and some web forms send it
      expect(nfd).toHaveLength(8);
      const precomposed = await count('Ålesund');
      expect(precomposed).toBeGreaterThan(0);
      expect(await count(nfd)).toBe(precomposed);
    } finally {
      await big.close();
    }
  });
});
