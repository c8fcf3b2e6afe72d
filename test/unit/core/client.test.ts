import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AmpsClient } from '../../../main/core/amps/client';
import { AmpsError } from '../../../main/core/amps/errors';
import { signaturesEqual, signerFor } from '../../../main/core/amps/signer';

type Reply = { status?: number; body?: unknown; raw?: string; delayMs?: number };
interface Seen {
  endpoint: string;
  body: Record<string, unknown>;
  signatureOk: boolean;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

/** A fake AMPS that verifies each request's signature like the sandbox does. */
async function fakeAmps(reply: (seen: Seen, n: number) => Reply) {
  const seen: Seen[] = [];
  server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as Record<string, unknown>;
    const endpoint = req.url!.split('/').pop()!;
    const auth = body.msgAuthDetails as { signatureVersion: string; signatureValue: string; clientNo: number; requestDateTime: string };
    const expected = signerFor(auth.signatureVersion)!.sign({ endpoint, fields: auth, body }, 'the-secret');
    const s = { endpoint, body, signatureOk: signaturesEqual(expected, auth.signatureValue) };
    seen.push(s);
    const r = reply(s, seen.length);
    if (r.delayMs) await new Promise((d) => setTimeout(d, r.delayMs));
    if (res.destroyed) return;
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
    res.end(r.raw ?? JSON.stringify(r.body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { url, seen };
}

const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof AmpsClient>[0]> = {}) =>
  new AmpsClient({ baseUrl, clientNo: 42, authKey: 'the-auth-key', signingSecret: 'the-secret', signatureVersion: '2.0', userID: 'agent7', ...extra });

const OK = { resultInfo: { resultCode: 0, resultText: 'OK' } };

describe('AmpsClient', () => {
  it('signs every request so the server can verify it, with both signer versions', async () => {
    const { url, seen } = await fakeAmps(() => ({ body: { ...OK, acctRetrieveCommentsList: [] } }));
    for (const v of ['1.0', '2.0'] as const) {
      await client(url, { signatureVersion: v }).call(
        'AcctRetrieveComments',
        { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1001 } },
        { account: { ariaAccountNo: 1001 } },
      );
    }
    expect(seen.map((s) => s.signatureOk)).toEqual([true, true]);
    const auth = seen[1]!.body.msgAuthDetails as Record<string, unknown>;
    expect(auth).toMatchObject({ clientNo: 42, signatureVersion: '2.0', ariaAccountNo: 1001, userID: 'agent7' });
    expect(auth.requestDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
  });

  it('never signs two identical requests alike, even within the same millisecond (no replay refusals)', async () => {
    const { url, seen } = await fakeAmps(() => ({ body: { ...OK, acctRetrieveCommentsList: [] } }));
    const c = client(url, { now: () => Date.UTC(2026, 10, 23, 12, 0, 0) }); // a frozen clock
    for (let i = 0; i < 3; i++) await c.call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1 } });
    const auths = seen.map((s) => s.body.msgAuthDetails as { requestDateTime: string; signatureValue: string });
    expect(auths.map((a) => a.requestDateTime)).toEqual(['2026-11-23T12:00:00.000', '2026-11-23T12:00:00.001', '2026-11-23T12:00:00.002']);
    expect(new Set(auths.map((a) => a.signatureValue)).size).toBe(3);
  });

  it('leaves authKey out for comments and permanent address, and sends it elsewhere', async () => {
    const { url, seen } = await fakeAmps((s) =>
      s.endpoint === 'AcctCaptureComments'
        ? { body: OK }
        : { body: { ...OK, acctSearchAccountResponseDetails: { accountResultSet: [] } } },
    );
    const c = client(url);
    await c.call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: 1, acctCommentAuthor: 'a', acctCommentText: 'hi' } });
    await c.call('AcctSearchAccount', { acctSearchAccountCriteria: { emailAddress: 'a@b.no' } });
    expect(seen[0]!.body.msgAuthDetails).not.toHaveProperty('authKey');
    expect(seen[1]!.body.msgAuthDetails).toHaveProperty('authKey', 'the-auth-key');
  });

  it('treats resultCode 1 (MORE) as success and < 0 as a typed refusal naming the field', async () => {
    const { url } = await fakeAmps((_s, n) =>
      n === 1
        ? { body: { resultInfo: { resultCode: 1, resultText: 'MORE' }, acctSearchAccountResponseDetails: { accountResultSet: [] } } }
        : { body: { resultInfo: { resultCode: -2, resultText: 'emailAddress is not valid', errorFields: [{ path: 'x.emailAddress', message: 'invalid' }] } } },
    );
    const c = client(url);
    const more = await c.call('AcctSearchAccount', { acctSearchAccountCriteria: { phoneNumber: '+4721212121' } });
    expect(more.resultInfo.resultCode).toBe(1);
    const err = await c.call('AcctSearchAccount', { acctSearchAccountCriteria: { phoneNumber: '1' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AmpsError);
    expect(err).toMatchObject({ code: 'REJECTED', resultCode: -2, fields: [{ path: 'x.emailAddress', message: 'invalid' }] });
  });

  it('refuses an invalid request without sending it, naming the field', async () => {
    const { url, seen } = await fakeAmps(() => ({ body: OK }));
    const err = await client(url)
      .call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: 1, acctCommentAuthor: 'a', acctCommentText: '   ' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_REQUEST', fields: [{ path: 'acctCaptureCommentCriteria.acctCommentText' }] });
    expect(seen).toHaveLength(0);
  });

  it('retries a read after a server error, re-signing each attempt', async () => {
    const { url, seen } = await fakeAmps((_s, n) => (n < 3 ? { status: 502, raw: 'bad gateway' } : { body: { ...OK, acctRetrieveCommentsList: [] } }));
    await client(url).call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1 } });
    expect(seen).toHaveLength(3);
    expect(seen.every((s) => s.signatureOk)).toBe(true);
  });

  it('never retries a write: a timeout after sending is an unknown outcome, sent exactly once', async () => {
    const { url, seen } = await fakeAmps(() => ({ body: OK, delayMs: 400 }));
    const err = await client(url, { timeoutMs: 100 })
      .call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: 1, acctCommentAuthor: 'a', acctCommentText: 'hi' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNKNOWN_OUTCOME' });
    await new Promise((r) => setTimeout(r, 450));
    expect(seen).toHaveLength(1);
  });

  it('reports a read that keeps timing out as TIMEOUT after its retries', async () => {
    const { url, seen } = await fakeAmps(() => ({ body: OK, delayMs: 300 }));
    const err = await client(url, { timeoutMs: 80, readRetries: 1 })
      .call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1 } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    await new Promise((r) => setTimeout(r, 350));
    expect(seen).toHaveLength(2);
  });

  it('says UNREACHABLE when nothing listens (the request was never sent)', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r())); // now nothing listens there
    const err = await client(`http://127.0.0.1:${port}`, { readRetries: 0 })
      .call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: 1, acctCommentAuthor: 'a', acctCommentText: 'x' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNREACHABLE', retryable: true });
  });

  it('says BAD_RESPONSE for an answer it cannot read', async () => {
    const { url } = await fakeAmps(() => ({ raw: '<html>proxy error</html>' }));
    const err = await client(url, { readRetries: 0 })
      .call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: 1 } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  // Issue 8's review: a write whose request was read may have been applied; never a failure.
  const capture = (url: string) =>
    client(url)
      .call('AcctCaptureComments', { acctCaptureCommentCriteria: { ariaAccountNo: 1, acctCommentAuthor: 'a', acctCommentText: 'hi' } })
      .catch((e: unknown) => e);

  it('says UNKNOWN_OUTCOME (not BAD_RESPONSE) for a write answered HTTP 200 with an unreadable body', async () => {
    const { url, seen } = await fakeAmps(() => ({ raw: '{"resultInfo": {"resultCo' }));
    expect(await capture(url)).toMatchObject({ code: 'UNKNOWN_OUTCOME', endpoint: 'AcctCaptureComments' });
    expect(seen).toHaveLength(1);
  });

  it('says UNKNOWN_OUTCOME (not HTTP_ERROR) for a write answered 5xx after the request was read', async () => {
    for (const status of [500, 502, 503]) {
      const { url, seen } = await fakeAmps(() => ({ status, raw: 'upstream error' }));
      expect(await capture(url)).toMatchObject({ code: 'UNKNOWN_OUTCOME' });
      expect(seen).toHaveLength(1); // never re-sent
      await new Promise<void>((r) => server!.close(() => r()));
      server = undefined;
    }
  });

  it('says UNKNOWN_OUTCOME for a write accepted in a shape it cannot read', async () => {
    const { url } = await fakeAmps(() => ({ body: { resultInfo: { resultCode: 0, resultText: 'OK' }, acctCommentNos: 'seven' } }));
    expect(await capture(url)).toMatchObject({ code: 'UNKNOWN_OUTCOME' });
  });

  it('keeps a 4xx without a JSON body a plain HTTP error for a write (the request was refused)', async () => {
    const { url } = await fakeAmps(() => ({ status: 404, raw: 'not here' }));
    expect(await capture(url)).toMatchObject({ code: 'HTTP_ERROR' });
  });
});
