// The loopback HTTP transport: serves the built renderer and POST /ipc/<channel> into
// the same router the Electron transport uses, and the same calls over a WebSocket at /ipc
// (socket.ts, D85), which the page prefers for reads. Only loopback, only with the per-launch
// token, only from its own origin (a page elsewhere cannot drive it, nor can a
// DNS-rebinding host name).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fail, say, MAX_PAYLOAD_BYTES } from '../../shared/ipc';
import type { Router } from '../core/router';
import { socketTransport } from './socket';

export interface WebHostOptions {
  router: Router;
  /** The built renderer (vite build output). */
  staticDir?: string;
  port?: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which is never sent to a server. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function tokensEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const host = opts.host ?? '127.0.0.1';
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: MAX_PAYLOAD_BYTES + 4096 });
  let allowedHosts = new Set<string>();

  /** One rule for HTTP requests and socket upgrades. */
  const checkHostAndOrigin = (headers: { host?: string | undefined; origin?: string | undefined }) => {
    // DNS rebinding: only our own host names may address us.
    if (!allowedHosts.has(String(headers.host ?? ''))) return { status: 421, envelope: fail('FORBIDDEN', say('unknownHost')) };
    // A browser sends Origin with every POST and every WebSocket upgrade: only our own.
    const origin = headers.origin;
    if (origin !== undefined && !(origin.startsWith('http://') && allowedHosts.has(origin.slice(7))))
      return { status: 403, envelope: fail('FORBIDDEN', say('otherOrigin')) };
    return null;
  };
  app.addHook('onRequest', async (req, reply) => {
    const refused = checkHostAndOrigin(req.headers);
    if (refused) return reply.code(refused.status).type('application/json').send(refused.envelope);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      return reply.code(413).send(fail('PAYLOAD_TOO_LARGE', say('tooLarge', { size: Number(req.headers['content-length'] ?? 0), max: MAX_PAYLOAD_BYTES })));
    if (err.statusCode === 400 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(400).send(fail('VALIDATION', say('bodyNotJson')));
    opts.log?.(`web-host error: ${err.code ?? 'unknown'}`);
    return reply.code(500).send(fail('INTERNAL', say('internal')));
  });

  app.post<{ Params: { channel: string } }>('/ipc/:channel', async (req, reply) => {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!given || !tokensEqual(token, given)) {
      return reply.code(401).send(fail('FORBIDDEN', say('tokenRefused')));
    }
    const envelope = await opts.router.call(req.params.channel, req.body ?? {}, {
      transport: 'web',
      sender: req.headers.origin ?? 'same-origin',
      trustedSender: true,
    });
    return reply.code(200).send(envelope);
  });

  if (opts.staticDir && existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain').send('The renderer is not built yet. Run `npm run build:renderer` (npm start does it for you).'),
    );
  }

  const socket = socketTransport({ router: opts.router, checkHostAndOrigin, tokenMatches: (given) => tokensEqual(token, given), log: opts.log });
  app.server.on('upgrade', socket.onUpgrade);
  // Open sockets would keep the server from closing.
  app.addHook('preClose', async () => socket.close());

  await app.listen({ port: opts.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const hostPart = host === '::1' ? '[::1]' : host;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`]);
  const url = `http://${hostPart}:${port}`;
  return { url, launchUrl: `${url}/#token=${token}`, token, port, close: () => app.close() };
}
