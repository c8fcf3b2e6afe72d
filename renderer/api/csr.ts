// The renderer's only door to main: window.csr, typed from the IPC contract. In Electron
// the preload exposes it; in a browser on the web host it is built here with the per-launch
// token (which arrives in the URL fragment and never leaves this tab): reads over the web
// host's WebSocket when it is open, everything else — and every read while the socket is
// not open — over POST /ipc/<channel> (D85, D86).
import {
  buildCsrApi,
  CHANNELS,
  contract,
  fail,
  say,
  LOCAL_CHANNELS,
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  TOKEN_PROTOCOL_PREFIX,
  type Channel,
  type CsrApi,
  type Envelope,
} from '../../shared/ipc';

declare global {
  interface Window {
    csr?: CsrApi;
  }
}

const TOKEN_KEY = 'csr-desk.token';

/** Takes the token from "#token=…" (then removes it from the address bar) or from this tab's storage. */
export function readLaunchToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (m) {
    storage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', loc.pathname + loc.search);
    return m[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

/** What the transport needs of a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

const OPEN = 1;
/** Reconnect back-off: 250 ms doubling to 30 s; a socket that opens resets it. */
export const RECONNECT_MS = { first: 250, max: 30_000 };

export interface WebTransportOptions {
  /** null: HTTP only. Default: the browser's WebSocket to this page's host. */
  socket?: SocketFactory | null;
  /** Where the socket connects, e.g. ws://127.0.0.1:4000/ipc. Default: this page's host. */
  socketUrl?: string;
  setTimer?: (fn: () => void, ms: number) => unknown;
}


/**
 * Which calls may go over the socket: reads only. A read repeats harmlessly, so one in flight
 * when the socket drops is sent again over HTTP and its caller never sees the drop. Writes stay
 * on HTTP POST, where a request is answered on its own connection (D86).
 */
export const viaSocket = (channel: Channel): boolean => contract[channel].kind === 'read';

/**
 * A write to the billing system whose request may have reached main but whose answer never
 * came: it may have been queued or applied, so it is UNKNOWN_OUTCOME ("check before trying
 * again"), never UNREACHABLE ("nothing was sent").
 */
const mayHaveReachedMain = (channel: Channel): boolean => contract[channel].kind === 'write' && !LOCAL_CHANNELS.has(channel);

function defaultSocket(): SocketFactory | null {
  return typeof WebSocket === 'function' ? (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike : null;
}

export function webTransport(token: string | null, fetchImpl: typeof fetch = (...a) => fetch(...a), options: WebTransportOptions = {}) {
  const makeSocket = options.socket === undefined ? defaultSocket() : options.socket;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));

  async function http(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
    try {
      const res = await fetchImpl(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Envelope<unknown>;
    } catch {
      if (mayHaveReachedMain(channel))
        return fail('UNKNOWN_OUTCOME', say('backgroundStoppedDuringWrite'));
      return fail('UNREACHABLE', say('backgroundSilent'));
    }
  }

  // ── The socket: one per tab, opened at the first call, reopened with back-off after a drop.
  interface Pending {
    channel: Channel;
    input: unknown;
    resolve: (e: Envelope<unknown>) => void;
  }
  let ws: SocketLike | null = null;
  let wsOpen = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let delay = RECONNECT_MS.first;
  let retryAt: 'now' | 'scheduled' = 'now';

  function socketUrl(): string {
    if (options.socketUrl) return options.socketUrl;
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`;
  }

  function connect(): void {
    if (!makeSocket || !token || ws || retryAt === 'scheduled') return;
    let s: SocketLike;
    try {
      s = makeSocket(socketUrl(), [SOCKET_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
    } catch {
      scheduleReconnect();
      return;
    }
    ws = s;
    s.onopen = () => {
      if (ws !== s) return;
      wsOpen = true;
      delay = RECONNECT_MS.first;
    };
    s.onmessage = (ev) => {
      if (ws !== s || typeof ev.data !== 'string') return;
      let msg: { id?: unknown; envelope?: Envelope<unknown> };
      try {
        msg = JSON.parse(ev.data) as typeof msg;
      } catch {
        return;
      }
      const p = typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
      if (!p || !msg.envelope) return;
      pending.delete(msg.id as number);
      p.resolve(msg.envelope);
    };
    s.onclose = () => dropped(s);
    s.onerror = () => dropped(s);
  }

  /** The socket closed or failed (or never opened): what was in flight goes over HTTP; reconnect later. */
  function dropped(s: SocketLike): void {
    if (ws !== s) return;
    ws = null;
    wsOpen = false;
    try {
      s.close();
    } catch {
      /* already closed */
    }
    const inFlight = [...pending.values()];
    pending.clear();
    // Reads only (viaSocket): sending one again cannot change anything in main.
    for (const p of inFlight) void http(p.channel, p.input).then(p.resolve);
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    retryAt = 'scheduled';
    const wait = delay;
    delay = Math.min(delay * 2, RECONNECT_MS.max);
    setTimer(() => {
      retryAt = 'now';
      connect();
    }, wait);
  }

  return async (channel: Channel, input: unknown): Promise<Envelope<unknown>> => {
    if (!token) return fail('FORBIDDEN', say('tokenRefused'));
    connect();
    if (!wsOpen || !ws || ws.readyState !== OPEN || !viaSocket(channel)) return http(channel, input);
    const s = ws;
    const id = nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, { channel, input, resolve });
      try {
        s.send(JSON.stringify({ id, channel, input: input ?? {} }));
      } catch {
        dropped(s);
      }
    });
  };
}

let api: CsrApi | undefined;

export function csr(): CsrApi {
  if (api) return api;
  api = window.csr ?? buildCsrApi(webTransport(readLaunchToken()), CHANNELS);
  return api;
}

/** For tests: replace the API with a fake. */
export function setCsrForTests(fake: CsrApi | undefined): void {
  api = fake;
}
