import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLaunchToken, webTransport, type SocketLike } from '../../../renderer/api/csr';
import { buildCsrApi, CHANNELS } from '../../../shared/ipc';

afterEach(() => sessionStorage.clear());

describe('renderer API client (web transport)', () => {
  it('takes the token from the fragment, keeps it for this tab and removes it from the address bar', () => {
    history.replaceState(null, '', '/index.html#token=abc_DEF-123');
    expect(readLaunchToken()).toBe('abc_DEF-123');
    expect(location.hash).toBe('');
    expect(readLaunchToken()).toBe('abc_DEF-123'); // from sessionStorage after a reload
  });

  it('posts each channel to /ipc/<channel> with the bearer token and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { comments: [] } })));
    const api = buildCsrApi(webTransport('tok', fetchImpl as unknown as typeof fetch, { socket: null }), CHANNELS);
    expect(await api.comments.list({ accountNo: 5 })).toEqual({ ok: true, value: { comments: [] } });
    expect(fetchImpl).toHaveBeenCalledWith('/ipc/comments.list', expect.objectContaining({ method: 'POST', body: '{"accountNo":5}' }));
    const headers = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
  });

  it('exposes exactly the contract’s channels', () => {
    const api = buildCsrApi(async () => ({ ok: true, value: null }), CHANNELS) as unknown as Record<string, Record<string, unknown>>;
    const names = Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    expect(names.sort()).toEqual([...CHANNELS].sort());
  });

  it('turns a dead background process or a missing token into envelopes, not exceptions', async () => {
    const down = webTransport('tok', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, { socket: null });
    expect(await down('comments.list', { accountNo: 1 })).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(await webTransport(null, fetch, { socket: null })('comments.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** A WebSocket as the transport sees it, driven by the test. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; channel: string; input: unknown }> = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  answer(id: number, envelope: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, envelope }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function rig() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ ms: number; fn: () => void }> = [];
  const posted: string[] = [];
  const fetchImpl = vi.fn(async (url: string) => {
    posted.push(url);
    return new Response(JSON.stringify({ ok: true, value: { via: 'http', url } }));
  });
  const call = webTransport('tok', fetchImpl as unknown as typeof fetch, {
    socket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    socketUrl: 'ws://127.0.0.1:4000/ipc',
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  const fire = () => timers.shift()!.fn();
  return { sockets, timers, posted, call, fire };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('renderer API client over the web host socket (D85, D86)', () => {
  it('opens one socket with the token as a protocol value; reads go over it once it is open, by id', async () => {
    const r = rig();
    // Before the socket is open: HTTP.
    expect(await r.call('comments.list', { accountNo: 1 })).toEqual({ ok: true, value: { via: 'http', url: '/ipc/comments.list' } });
    expect(r.sockets).toHaveLength(1);
    const s = r.sockets[0]!;
    expect(s.url).toBe('ws://127.0.0.1:4000/ipc');
    expect(s.protocols).toEqual(['csr-desk.ipc.v1', 'csr-desk.token.tok']);
    s.open();
    const a = r.call('accounts.search', { contact: { lastName: 'Hansen' } });
    const b = r.call('comments.list', { accountNo: 2 });
    expect(s.sent).toEqual([
      { id: 1, channel: 'accounts.search', input: { contact: { lastName: 'Hansen' } } },
      { id: 2, channel: 'comments.list', input: { accountNo: 2 } },
    ]);
    // Answered out of order: each call gets its own.
    s.answer(2, { ok: true, value: { comments: [] } });
    s.answer(1, { ok: true, value: { rows: [], more: false } });
    expect(await b).toEqual({ ok: true, value: { comments: [] } });
    expect(await a).toEqual({ ok: true, value: { rows: [], more: false } });
    expect(r.posted).toEqual(['/ipc/comments.list']);
    expect(r.sockets).toHaveLength(1);
  });

  it('writes stay on HTTP POST even while the socket is open', async () => {
    const r = rig();
    await r.call('app.info', {});
    r.sockets[0]!.open();
    expect(await r.call('comments.add', { accountNo: 1, text: 'Hei' })).toMatchObject({ value: { via: 'http', url: '/ipc/comments.add' } });
    expect(await r.call('session.signIn', { id: 'a', password: 'b' })).toMatchObject({ value: { via: 'http' } });
    expect(r.sockets[0]!.sent).toEqual([]);
  });

  it('a read in flight when the socket drops is sent again over HTTP, never reported as failed', async () => {
    const r = rig();
    await r.call('app.info', {});
    const s = r.sockets[0]!;
    s.open();
    const inFlight = r.call('accounts.search', { contact: { lastName: 'Hansen' } });
    expect(s.sent).toHaveLength(1);
    s.drop();
    expect(await inFlight).toEqual({ ok: true, value: { via: 'http', url: '/ipc/accounts.search' } });
    // A late answer on the dead socket changes nothing.
    s.answer(1, { ok: false, error: { code: 'INTERNAL', message: 'late' } });
    // Until the socket is back, calls go over HTTP.
    expect(await r.call('comments.list', { accountNo: 3 })).toMatchObject({ value: { via: 'http' } });
  });

  it('reconnects with back-off (250 ms doubling to 30 s) and resets it once a socket opens', async () => {
    const r = rig();
    await r.call('app.info', {});
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      r.sockets.at(-1)!.onerror?.({}); // refused, never opened
      delays.push(r.timers[0]!.ms);
      r.fire();
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(r.sockets).toHaveLength(10);
    r.sockets.at(-1)!.open();
    r.sockets.at(-1)!.drop();
    expect(r.timers[0]!.ms).toBe(250);
    // Calls meanwhile are answered over HTTP and open no extra sockets.
    await r.call('comments.list', { accountNo: 1 });
    expect(r.sockets).toHaveLength(10);
    r.fire();
    expect(r.sockets).toHaveLength(11);
  });

  it('a socket that cannot open leaves every call to HTTP, which says why (a wrong token)', async () => {
    const fetchImpl = async () => new Response(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong session token.' } }), { status: 401 });
    const call = webTransport('bad', fetchImpl as unknown as typeof fetch, {
      socket: () => {
        throw new Error('SecurityError');
      },
      setTimer: () => undefined,
    });
    expect(await call('comments.list', { accountNo: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an HTTP write that got no answer is UNKNOWN_OUTCOME (it may have reached main); a read is UNREACHABLE', async () => {
    const down = webTransport('tok', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, { socket: null });
    expect(await down('comments.add', { accountNo: 1, text: 'Hei' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OUTCOME' } });
    expect(await down('billingGroups.modify', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OUTCOME' } });
    expect(await down('accounts.search', {})).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    // Desk-local writes (a draft, signing in) change nothing in the billing system: UNREACHABLE as before.
    expect(await down('drafts.put', { accountNo: 1, text: '' })).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(await down('session.signIn', {})).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    await flush();
  });
});
