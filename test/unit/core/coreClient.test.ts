// The core API client (D70) against a fake /v1/core over a real socket: what it sends
// (rest_call, the profile's client_no and auth_key, never overridable), and that a write whose
// answer is lost is UNKNOWN_OUTCOME — never a failure — while a read is retried.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../main/core/amps/coreClient';
import { AmpsError } from '../../../main/core/amps/errors';
import { CORE_MESSAGES } from '../../../shared/amps/core';

type Reply = { status?: number; body?: unknown; raw?: string; delayMs?: number; destroy?: boolean };

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? (server.closeAllConnections(), server.close(() => r())) : r())));

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

async function fakeCore(reply: (body: Record<string, unknown>, n: number) => Reply) {
  const seen: { path: string; body: Record<string, unknown> }[] = [];
  server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as Record<string, unknown>;
    seen.push({ path: req.url!, body });
    const r = reply(body, seen.length);
    if (r.delayMs) await new Promise((d) => setTimeout(d, r.delayMs));
    if (r.destroy) return req.socket.destroy();
    if (res.destroyed) return;
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
    res.end(r.raw ?? JSON.stringify(r.body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const client = (baseUrl: string, timeoutMs = 2000) =>
  new CoreClient({ baseUrl, clientNo: 42, authKey: 'the-auth-key', messages: CORE_MESSAGES, timeoutMs, readRetries: 2 });

const REPLACE = { acct_no: 1001, plan_instance_no: 5, new_plan_no: 7, plan_units: 1, assignment_directive: 4, do_write: 'true' };
const OK_REPLACE = { error_code: 0, error_msg: 'OK', invoice_no: 900, total_credit: 10, total_charges_after_tax: 20, proration_result_amount: 10 };

async function failure(p: Promise<unknown>): Promise<AmpsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AmpsError);
    return e as AmpsError;
  }
  throw new Error('expected the call to fail');
}

describe('CoreClient', () => {
  it('posts rest_call with the profile’s client_no and auth_key to /v1/core; a payload cannot replace them', async () => {
    const { url, seen } = await fakeCore(() => ({ body: { error_code: 0, error_msg: 'OK', acct_no: 1001, all_acct_plans_m: [] } }));
    const res = await client(url).call('get_acct_plans_all_m', { acct_no: 1001, auth_key: 'stolen', client_no: 1 } as never, { write: false, callerId: 'kari.agent' });
    expect(res.all_acct_plans_m).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/v1/core');
    expect(seen[0]!.body).toMatchObject({ rest_call: 'get_acct_plans_all_m', client_no: 42, auth_key: 'the-auth-key', acct_no: 1001 });
    // The operator as alt_caller_id only where the method has the field (replace_acct_plan_m).
    expect(seen[0]!.body).not.toHaveProperty('alt_caller_id');
  });

  it('sends the operator as alt_caller_id with replace_acct_plan_m', async () => {
    const { url, seen } = await fakeCore(() => ({ body: OK_REPLACE }));
    await client(url).call('replace_acct_plan_m', REPLACE, { write: true, callerId: 'kari.agent' });
    expect(seen[0]!.body).toMatchObject({ rest_call: 'replace_acct_plan_m', alt_caller_id: 'kari.agent', plan_instance_no: 5 });
  });

  it('an error_code is a refusal with its code and the field it names', async () => {
    const { url } = await fakeCore(() => ({ body: { error_code: 25002, error_msg: 'assignment_directive 6 is not permitted when assigning a supplemental plan', error_field: 'assignment_directive' } }));
    const e = await failure(client(url).call('replace_acct_plan_m', REPLACE, { write: true }));
    expect(e.code).toBe('REJECTED');
    expect(e.resultCode).toBe(25002);
    expect(e.fields).toEqual([{ path: 'assignment_directive', message: 'assignment_directive 6 is not permitted when assigning a supplemental plan' }]);
  });

  it('refuses a request its own schema refuses, before sending anything', async () => {
    const { url, seen } = await fakeCore(() => ({ body: OK_REPLACE }));
    const e = await failure(client(url).call('replace_acct_plan_m', { acct_no: 1001, new_plan_no: 7 }, { write: true }));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.fields.map((f) => f.path)).toContain('plan_instance_no');
    expect(seen).toHaveLength(0);
  });

  describe('a write whose answer is lost is UNKNOWN_OUTCOME, sent once', () => {
    const cases: [string, Reply][] = [
      ['a timeout after sending', { delayMs: 800, body: OK_REPLACE }],
      ['a reset after the request was read', { destroy: true }],
      ['HTTP 500 with an error body', { status: 500, body: { error_code: 1001, error_msg: 'unexpected' } }],
      ['HTTP 502 without JSON', { status: 502, raw: 'bad gateway' }],
      ['200 with half a body', { raw: '{"error_code":0,"invoice_no":9' }],
      ['200 in a shape that does not parse', { body: { error_code: 0, error_msg: 'OK', invoice_no: 'nine' } }],
    ];
    for (const [what, reply] of cases) {
      it(what, async () => {
        const { url, seen } = await fakeCore(() => reply);
        const e = await failure(client(url, 300).call('replace_acct_plan_m', REPLACE, { write: true }));
        expect(e.code).toBe('UNKNOWN_OUTCOME');
        expect(seen).toHaveLength(1);
      });
    }
  });

  it('a read (the do_write=false preview) is retried after a lost answer, and a timeout is TIMEOUT', async () => {
    const { url, seen } = await fakeCore((_b, n) => (n < 3 ? { destroy: true } : { body: { ...OK_REPLACE, invoice_no: null } }));
    const res = await client(url).call('replace_acct_plan_m', { ...REPLACE, do_write: 'false' }, { write: false });
    expect(res.invoice_no).toBeNull();
    expect(seen).toHaveLength(3);
    const slow = await fakeCore(() => ({ delayMs: 800, body: OK_REPLACE }));
    const e = await failure(client(slow.url, 200).call('replace_acct_plan_m', { ...REPLACE, do_write: 'false' }, { write: false }));
    expect(e.code).toBe('TIMEOUT');
  });

  it('an HTTP 4xx is a refusal, even for a write (the request was turned away)', async () => {
    const { url } = await fakeCore(() => ({ status: 404, body: { resultInfo: { resultCode: -7, resultText: 'No POST /v1/core' } } }));
    const e = await failure(client(url).call('replace_acct_plan_m', REPLACE, { write: true }));
    expect(e.code).toBe('REJECTED');
  });

  it('a closed port is UNREACHABLE even for a write (nothing was sent)', async () => {
    const { url } = await fakeCore(() => ({ body: OK_REPLACE }));
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const e = await failure(client(url).call('replace_acct_plan_m', REPLACE, { write: true }));
    expect(e.code).toBe('UNREACHABLE');
  });
});
