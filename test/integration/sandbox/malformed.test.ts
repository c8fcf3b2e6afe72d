// Bad input answers resultCode < 0 with a message naming where or what (security.md):
// malformed JSON, wrong types, over-length fields, unknown directives, unknown endpoints,
// oversized bodies. HTTP 200 for AMPS-level results; 404 (still JSON, -7) for unknown paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_PATH_PREFIX, RESULT } from '../../../shared/amps';
import { post, signedBody, startTestSandbox, type TestSandbox } from './helpers';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ accounts: 5 });
});
afterAll(() => sb.close());

describe('malformed requests', () => {
  it('says on which line and column the JSON broke', async () => {
    const text = '{\n  "msgAuthDetails": {\n    "clientNo": 4242\n    "authKey": "k"\n  }\n}';
    const r = await post(sb.url, 'AcctSearchAccount', text);
    expect(r.status).toBe(200);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.MALFORMED);
    expect(r.json.resultInfo.resultText).toMatch(/^Malformed JSON at line 4, column 5: missing ',' between properties/);
    for (const [body, where] of [
      ['{"a": [1, 2,]}', /line 1, column 13: trailing comma before '\]'/],
      ['{"a": 1,}', /line 1, column 9: trailing comma before '\}'/],
      ['{"a": -,}', /no number after minus sign/],
      ['{"a": 1', /line 1, column 8: expected ',' or '\}'/],
      ['{\u00a0"a": 1}', /non-breaking space/],
      ['', /body is empty/],
      ['[1, 2]', /must be a JSON object/],
    ] as const) {
      const res = await post(sb.url, 'AcctSearchAccount', body);
      expect(res.json.resultInfo.resultCode, body).toBe(RESULT.MALFORMED);
      expect(res.json.resultInfo.resultText).toMatch(where);
    }
  });

  it('names the field of a wrong type, an over-length value or an unknown directive', async () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: '42000001' } }, 'acctRetrieveAccountCriteria.ariaAccountNo', /must be a number/],
      ['AcctSearchAccount', { acctSearchAccountContactCriteria: { lastName: 'x'.repeat(101) } }, 'acctSearchAccountContactCriteria.lastName', /at most 100 characters/],
      ['AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'DELETE', acctManageAccountDetailsDELETE: {} }] }, 'acctManageAccountDetails[0].actionDirective', /"DELETE" is not a known value; expected one of ASSIGN, MODIFY, CANCEL, STATUS/],
      ['AcctManageAccount', { acctManageAccountDetails: [] }, 'acctManageAccountDetails', /at least 1 entry/],
      ['AcctCreateAccount', { acctCreateAccountRequestDetails: { currencyCode: 'NOK', accountContact: { fullName: '', emailAddress: 'no-at-sign' } } }, 'acctCreateAccountRequestDetails.accountContact.fullName', /must be present/],
      ['AcctSearchAccount', { acctSearchAccountSpecDetails: { returnLimitRows: 0 }, acctSearchAccountCriteria: { ariaAccountNo: 1 } }, 'acctSearchAccountSpecDetails.returnLimitRows', /at least 1/],
    ];
    for (const [endpoint, payload, path, message] of cases) {
      const r = await post(sb.url, endpoint, signedBody(endpoint as never, payload));
      expect(r.json.resultInfo.resultCode, endpoint).toBe(RESULT.INVALID_FIELD);
      const field = r.json.resultInfo.errorFields!.find((f) => f.path === path);
      expect(field, JSON.stringify(r.json.resultInfo)).toBeDefined();
      expect(field!.message).toMatch(message);
      expect(r.json.resultInfo.resultText).toContain(path);
    }
  });

  it('answers unknown endpoints and paths with JSON resultCode -7', async () => {
    const unknown = await post(sb.url, 'AcctDeleteEverything', signedBody('AcctSearchAccount', {}));
    expect(unknown.status).toBe(404);
    expect(unknown.json.resultInfo).toMatchObject({ resultCode: RESULT.UNKNOWN_ENDPOINT });
    expect(unknown.json.resultInfo.resultText).toContain('AcctSearchAccount');
    const get = await fetch(`${sb.url}${ENDPOINT_PATH_PREFIX}AcctSearchAccount`);
    expect(get.status).toBe(404);
    expect(((await get.json()) as { resultInfo: { resultCode: number } }).resultInfo.resultCode).toBe(RESULT.UNKNOWN_ENDPOINT);
  });

  it('refuses a body over 1 MB with resultCode -1', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(1_100_000) });
    const r = await post(sb.url, 'AcctSearchAccount', big);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.MALFORMED);
    expect(r.json.resultInfo.resultText).toMatch(/larger than .*1 MB/);
  });

  it('ignores prototype-polluting keys and keeps answering', async () => {
    const body = signedBody('AcctSearchAccount', JSON.parse('{"acctSearchAccountCriteria": {"__proto__": {"polluted": true}, "ariaAccountNo": 42000001}}') as Record<string, unknown>);
    const r = await post(sb.url, 'AcctSearchAccount', body);
    expect(r.json.resultInfo.resultCode).toBe(RESULT.OK);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
