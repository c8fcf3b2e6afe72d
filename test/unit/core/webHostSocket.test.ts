// The web host's WebSocket transport (D85), with a real ws client in Node: the same router
// calls as POST /ipc/<channel>, concurrent and answered out of order, and as strict as the
// HTTP path (token, Host allow-list, Origin, payload limit, hostile input).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRouter, type Handlers, type Router } from '../../../main/core/router';
import { startWebHost, type WebHost } from '../../../main/web-host/server';
import { CHANNELS } from '../../../shared/ipc';

let host: WebHost;
const calls: Array<{ channel: string; transport: string; input: unknown }> = [];
const TOKEN = 'socket-test-token-456';

beforeAll(async () => {
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async () => ({})])) as unknown as Handlers;
  // Account 1 answers after 150 ms, every other account at once: out-of-order answers.
  handlers['comments.list'] = async (input) => {
    if (input.accountNo === 1) await new Promise((r) => setTimeout(r, 150));
    return { comments: [{ commentNo: input.accountNo }] } as never;
  };
  const inner = createRouter(handlers);
  const router: Router = {
    call: (channel, input, ctx) => {
      calls.push({ channel, transport: ctx.transport, input });
      return inner.call(channel, input, ctx);
    },
  };
  host = await startWebHost({ router, token: TOKEN });
});
afterAll(() => host.close());

const wsUrl = () => `ws://127.0.0.1:${host.port}/ipc`;
const PROTOCOLS = ['csr-desk.ipc.v1', `csr-desk.token.${TOKEN}`];

interface Opened {
  ws: WebSocket;
  /** Every message the host sent, parsed. */
  received: Array<{ id: number | null; envelope: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
  next(): Promise<Opened['received'][number]>;
  closed: Promise<{ code: number; reason: string }>;
}

function open(opts: { url?: string; protocols?: string[]; headers?: Record<string, string>; origin?: string } = {}): Promise<Opened> {
  const ws = new WebSocket(opts.url ?? wsUrl(), opts.protocols ?? PROTOCOLS, {
    headers: opts.headers ?? {},
    ...(opts.origin ? { origin: opts.origin } : {}),
  });
  const received: Opened['received'] = [];
  const waiters: Array<(m: Opened['received'][number]) => void> = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as Opened['received'][number];
    const w = waiters.shift();
    if (w) w(m);
    else received.push(m);
  });
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: String(reason) })));
  return new Promise((resolve, reject) => {
    ws.on('open', () =>
      resolve({ ws, received, closed, next: () => (received.length ? Promise.resolve(received.shift()!) : new Promise((r) => waiters.push(r))) }),
    );
    ws.on('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
    ws.on('error', reject);
  });
}

/** The HTTP status an upgrade is refused with (the socket never opens). */
async function refusedWith(opts: Parameters<typeof open>[0]): Promise<number> {
  try {
    const o = await open(opts);
    o.ws.close();
    return 101;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}

/** One call; the host's own time (ms) is checked and left out. */
const call = async (o: Opened, id: number, channel: string, input: unknown) => {
  o.ws.send(JSON.stringify({ id, channel, input }));
  const { ms, ...rest } = (await o.next()) as Opened['received'][number] & { ms?: number };
  expect(ms).toBeGreaterThanOrEqual(0);
  return rest;
};

/** After anything hostile: a new socket and the HTTP path still answer. */
async function stillServing(): Promise<void> {
  const o = await open();
  expect(await call(o, 1, 'comments.list', { accountNo: 2 })).toEqual({ id: 1, envelope: { ok: true, value: { comments: [{ commentNo: 2 }] } } });
  o.ws.close();
  const res = await fetch(`${host.url}/ipc/comments.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: '{"accountNo":3}',
  });
  expect(await res.json()).toEqual({ ok: true, value: { comments: [{ commentNo: 3 }] } });
}

describe('web host socket: calls', () => {
  it('routes a call into the router as the web transport and answers with its id and the envelope', async () => {
    const o = await open({ origin: host.url });
    expect(o.ws.protocol).toBe('csr-desk.ipc.v1'); // the token is never echoed
    expect(await call(o, 41, 'comments.list', { accountNo: 7 })).toEqual({ id: 41, envelope: { ok: true, value: { comments: [{ commentNo: 7 }] } } });
    expect(calls.at(-1)).toEqual({ channel: 'comments.list', transport: 'web', input: { accountNo: 7 } });
    o.ws.close();
  });

  it('runs calls side by side and answers each as it finishes, matched by id', async () => {
    const o = await open();
    o.ws.send(JSON.stringify({ id: 1, channel: 'comments.list', input: { accountNo: 1 } })); // slow
    o.ws.send(JSON.stringify({ id: 2, channel: 'comments.list', input: { accountNo: 2 } }));
    o.ws.send(JSON.stringify({ id: 3, channel: 'comments.list', input: { accountNo: 3 } }));
    const answers = [await o.next(), await o.next(), await o.next()];
    expect(answers.map((a) => a.id)).toEqual([2, 3, 1]);
    expect(answers.map((a) => (a.envelope.value as { comments: Array<{ commentNo: number }> }).comments[0]!.commentNo)).toEqual([2, 3, 1]);
    o.ws.close();
  });

  it('an unknown channel, a missing id or a missing channel is a clean error, and the socket keeps serving', async () => {
    const o = await open();
    expect(await call(o, 5, 'nope.nothing', {})).toMatchObject({ id: 5, envelope: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    o.ws.send(JSON.stringify({ channel: 'comments.list', input: { accountNo: 7 } }));
    expect(await o.next()).toMatchObject({ id: null, envelope: { ok: false, error: { code: 'VALIDATION', message: 'Each message needs an "id" (a whole number) and a "channel"' } } });
    for (const id of ['7', -1, 1.5, null]) {
      o.ws.send(JSON.stringify({ id, channel: 'comments.list', input: { accountNo: 7 } }));
      expect(await o.next(), `id ${JSON.stringify(id)}`).toMatchObject({ id: null, envelope: { error: { code: 'VALIDATION' } } });
    }
    o.ws.send(JSON.stringify({ id: 9, input: {} }));
    expect(await o.next()).toMatchObject({ id: 9, envelope: { ok: false, error: { code: 'VALIDATION', message: 'The message names no "channel"' } } });
    expect(await call(o, 10, 'comments.list', { accountNo: 7 })).toMatchObject({ id: 10, envelope: { ok: true } });
    o.ws.close();
  });
});

describe('web host socket: who may open it', () => {
  it('refuses an upgrade without the token, with a wrong one, or with the token anywhere but the protocol', async () => {
    expect(await refusedWith({ protocols: ['csr-desk.ipc.v1'] })).toBe(401);
    expect(await refusedWith({ protocols: ['csr-desk.ipc.v1', 'csr-desk.token.nope'] })).toBe(401);
    expect(await refusedWith({ protocols: ['csr-desk.ipc.v1', `csr-desk.token.${TOKEN}x`] })).toBe(401);
    expect(await refusedWith({ url: `${wsUrl()}?token=${TOKEN}`, protocols: ['csr-desk.ipc.v1'] })).toBe(401);
    expect(await refusedWith({ protocols: ['csr-desk.ipc.v1'], headers: { authorization: `Bearer ${TOKEN}` } })).toBe(401);
    // Our token without our protocol name.
    expect(await refusedWith({ protocols: [`csr-desk.token.${TOKEN}`] })).toBe(400);
    expect(await refusedWith({})).toBe(101);
  });

  it('refuses pages elsewhere (a foreign or "null" Origin) and other host names (DNS rebinding)', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${host.port}`, 'null', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`])
      expect(await refusedWith({ origin }), origin).toBe(403);
    for (const h of ['evil.example', `evil.example:${host.port}`, `127.0.0.1.nip.io:${host.port}`])
      expect(await refusedWith({ headers: { host: h } }), h).toBe(421);
    expect(await refusedWith({ origin: host.url })).toBe(101);
    expect(await refusedWith({ origin: `http://localhost:${host.port}`, headers: { host: `localhost:${host.port}` } })).toBe(101);
  });

  it('upgrades nothing but /ipc', async () => {
    expect(await refusedWith({ url: `ws://127.0.0.1:${host.port}/` })).toBe(404);
    expect(await refusedWith({ url: `ws://127.0.0.1:${host.port}/ipc/comments.list` })).toBe(404);
  });
});

describe('web host socket: hostile input', () => {
  it('text that is not JSON, a NUL, or a __proto__ key is answered VALIDATION', async () => {
    const o = await open();
    for (const text of ['{"id": 1, "channel":', 'hello', '\u0000', '{"id":1,"channel":"comments.list","input":{"accountNo":7}}\u0000', '{"id":1,"channel":"comments.list","input":{"__proto__":{"x":1}}}']) {
      o.ws.send(text);
      expect(await o.next(), JSON.stringify(text)).toMatchObject({ id: null, envelope: { ok: false, error: { code: 'VALIDATION', message: 'The message must be JSON' } } });
    }
    // A NUL inside a string is data: the channel's schema answers it.
    expect(await call(o, 2, 'comments.list', { accountNo: '7\u0000' })).toMatchObject({ id: 2, envelope: { ok: false, error: { code: 'VALIDATION' } } });
    o.ws.close();
    await stillServing();
  });

  it('input nested thousands deep is VALIDATION naming the depth, not a crash', async () => {
    const o = await open();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    o.ws.send(`{"id":3,"channel":"comments.list","input":${deep}}`);
    const a = await o.next();
    expect(a).toMatchObject({ id: 3, envelope: { ok: false, error: { code: 'VALIDATION' } } });
    expect(a.envelope.error!.message).toContain('deeper than 32 levels');
    // Unclosed brackets: not JSON.
    o.ws.send(`{"id":4,"channel":"comments.list","input":${'['.repeat(100_000)}`);
    expect(await o.next()).toMatchObject({ id: null, envelope: { error: { code: 'VALIDATION' } } });
    o.ws.close();
    await stillServing();
  });

  it('a message over the payload limit is PAYLOAD_TOO_LARGE; a frame far over it closes the socket (1009)', async () => {
    const o = await open();
    expect(await call(o, 6, 'comments.add', { accountNo: 7, text: 'x'.repeat(263_000) })).toMatchObject({ id: 6, envelope: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    o.ws.send(JSON.stringify({ id: 7, channel: 'comments.add', input: { accountNo: 7, text: 'x'.repeat(2 * 1024 * 1024) } }));
    expect((await o.closed).code).toBe(1009);
    await stillServing();
  });

  it('a binary frame closes the socket (1003); bytes that are not UTF-8 close it too (1007)', async () => {
    const bin = await open();
    bin.ws.send(Buffer.from(JSON.stringify({ id: 1, channel: 'comments.list', input: { accountNo: 7 } })), { binary: true });
    expect((await bin.closed).code).toBe(1003);
    const utf = await open();
    utf.ws.send(Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]), { binary: false });
    expect((await utf.closed).code).toBe(1007);
    await stillServing();
  });

  it('closing the host ends open sockets instead of waiting for them', async () => {
    const own = await startWebHost({ router: createRouter(Object.fromEntries(CHANNELS.map((c) => [c, async () => ({})])) as unknown as Handlers), token: TOKEN });
    const ws = new WebSocket(`ws://127.0.0.1:${own.port}/ipc`, PROTOCOLS);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise((r) => ws.on('close', r));
    const started = performance.now();
    await own.close();
    await closed;
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
