// The web host's WebSocket transport (D85): the same router calls as POST /ipc/<channel>,
// over one socket per tab, with request ids so calls run side by side and are answered in
// the order they finish. Chromium's fetch costs about 3 ms a call that a socket message
// does not (docs/performance.md), and the quick search makes one to three calls a keystroke.
//
// As strict as the HTTP path, checked before the upgrade is accepted:
//   - the path is /ipc (nothing else upgrades);
//   - the Host header is one of our own names (DNS rebinding) and an Origin, when sent (a
//     browser always sends one), is our own; a foreign or "null" origin is refused;
//   - the per-launch token travels as a Sec-WebSocket-Protocol value next to the protocol
//     name ("csr-desk.ipc.v1", "csr-desk.token.<token>"), never in the URL; the server
//     answers with the protocol name only, so the token is never echoed;
//   - frames larger than the HTTP body limit close the socket (1009), binary frames too
//     (1003), bytes that are not UTF-8 too (1007, by ws); text that is not JSON, or a message
//     without a whole-number id or a channel, is answered with a VALIDATION envelope
//     (id null when the id is what is missing) and the socket keeps serving.
// Protocol: the page sends {"id": n, "channel": "accounts.search", "input": {...}}; the host
// answers {"id": n, "ms": <the host's time>, "envelope": {ok, value} | {ok: false, error}} —
// the router's envelope, exactly as the HTTP path sends it.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import sjson from 'secure-json-parse';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail, say, MAX_PAYLOAD_BYTES, SOCKET_PATH, SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX, type Envelope } from '../../shared/ipc';
import type { Router } from '../core/router';


export interface SocketMessageIn {
  id: number;
  channel: string;
  input?: unknown;
}
export interface SocketMessageOut {
  id: number | null;
  /** The host's own time for the call, ms (frame read → answer serialised; as Server-Timing would say). */
  ms?: number;
  envelope: Envelope<unknown>;
}

export interface SocketTransportOptions {
  router: Router;
  /** Host/Origin check shared with the HTTP path: null = allowed, else the status and envelope to refuse with. */
  checkHostAndOrigin: (headers: IncomingMessage['headers']) => { status: number; envelope: Envelope<never> } | null;
  tokenMatches: (given: string) => boolean;
  log?: ((line: string) => void) | undefined;
}

export interface SocketTransport {
  /** The http server's 'upgrade' listener. */
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every open socket (the host is closing). */
  close(): void;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' };

function refuse(socket: Duplex, status: number, envelope: Envelope<never>): void {
  const body = JSON.stringify(envelope);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\n\r\n${body}`,
  );
}

/** The token from the offered protocols, if the page offered ours. */
function offeredToken(header: string | undefined): { token: string; ours: boolean } {
  const offered = (header ?? '').split(',').map((s) => s.trim());
  const t = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return { token: t ? t.slice(TOKEN_PROTOCOL_PREFIX.length) : '', ours: offered.includes(SOCKET_PROTOCOL) };
}

const isId = (id: unknown): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;

export function socketTransport(opts: SocketTransportOptions): SocketTransport {
  const wss = new WebSocketServer({
    noServer: true,
    // The HTTP path's body limit: a bigger frame closes the socket with 1009 before it is read.
    maxPayload: MAX_PAYLOAD_BYTES + 4096,
    perMessageDeflate: false,
    // Only ever our protocol name back, never the token.
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });

  function serve(ws: WebSocket, sender: string): void {
    const send = (out: SocketMessageOut, started?: number) => {
      if (ws.readyState !== ws.OPEN) return;
      if (started === undefined) return ws.send(JSON.stringify(out));
      // The id first (the bench reads it from the frame's start), then the host's time.
      const envelope = JSON.stringify(out.envelope);
      ws.send(`{"id":${out.id},"ms":${(performance.now() - started).toFixed(2)},"envelope":${envelope}}`);
    };
    ws.on('message', (data, isBinary) => {
      const started = performance.now();
      if (isBinary) {
        ws.close(1003, 'Text frames only');
        return;
      }
      let msg: unknown;
      try {
        // As Fastify parses the HTTP bodies: __proto__ and constructor.prototype keys are refused.
        msg = sjson.parse(String(data), undefined, { protoAction: 'error', constructorAction: 'error' });
      } catch {
        send({ id: null, envelope: fail('VALIDATION', 'The message must be JSON', { say: say('bodyNotJson') }) });
        return;
      }
      const m = (msg !== null && typeof msg === 'object' && !Array.isArray(msg) ? msg : {}) as Partial<SocketMessageIn>;
      if (!isId(m.id)) {
        send({ id: null, envelope: fail('VALIDATION', 'Each message needs an "id" (a whole number) and a "channel"', { say: say('bodyNotJson') }) });
        return;
      }
      const id = m.id;
      if (typeof m.channel !== 'string') {
        send({ id, envelope: fail('VALIDATION', 'The message names no "channel"', { say: say('unknownChannel') }) });
        return;
      }
      opts.router
        .call(m.channel, m.input ?? {}, { transport: 'web', sender, trustedSender: true })
        .then(
          (envelope) => send({ id, envelope }, started),
          () => send({ id, envelope: fail('INTERNAL', say('internal')) }, started),
        );
    });
    ws.on('error', (e) => opts.log?.(`web-host socket error: ${(e as { code?: string }).code ?? 'unknown'}`));
  }

  return {
    onUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const path = (req.url ?? '').split('?')[0];
      if (path !== SOCKET_PATH) return refuse(socket, 404, fail('NOT_FOUND', 'Nothing to upgrade here'));
      const refused = opts.checkHostAndOrigin(req.headers);
      if (refused) return refuse(socket, refused.status, refused.envelope);
      const { token, ours } = offeredToken(req.headers['sec-websocket-protocol']);
      if (!ours) return refuse(socket, 400, fail('VALIDATION', `Offer the "${SOCKET_PROTOCOL}" protocol`));
      if (!token || !opts.tokenMatches(token))
        return refuse(socket, 401, fail('FORBIDDEN', say('tokenRefused')));
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req.headers.origin ?? 'same-origin'));
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
