import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../main/web-host/server';
import type { Router } from '../../../main/core/router';
import { createRouter, type Handlers } from '../../../main/core/router';
import { CHANNELS } from '../../../shared/ipc';

let host: WebHost;
const calls: Array<{ channel: string; transport: string }> = [];

beforeAll(async () => {
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async () => { throw new Error('not used'); }])) as unknown as Handlers;
  handlers['comments.list'] = async () => ({ comments: [] });
  const inner = createRouter(handlers);
  const router: Router = {
    call: (channel, input, ctx) => {
      calls.push({ channel, transport: ctx.transport });
      return inner.call(channel, input, ctx);
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'webhost-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ router, staticDir: dir, token: 'test-token-123' });
});
afterAll(() => host.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const auth = { authorization: 'Bearer test-token-123' };

/** Raw request with a chosen Host header (fetch will not let us forge it). */
function rawGet(hostHeader: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  it('listens on loopback only and prints a launch URL whose token is in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.launchUrl).toBe(`${host.url}/#token=test-token-123`);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('routes a call with the token into the router', async () => {
    const res = await post('/ipc/comments.list', { accountNo: 7 }, auth);
    expect(await res.json()).toEqual({ ok: true, value: { comments: [] } });
    expect(calls.at(-1)).toEqual({ channel: 'comments.list', transport: 'web' });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'test-token-123' }] as Array<Record<string, string>>) {
      const res = await post('/ipc/comments.list', { accountNo: 7 }, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses other origins and other host names (DNS rebinding)', async () => {
    const res = await post('/ipc/comments.list', { accountNo: 7 }, { ...auth, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(await rawGet('evil.example')).toBe(421);
    expect(await rawGet(`evil.example:${host.port}`)).toBe(421);
    expect(await rawGet(`localhost:${host.port}`)).toBe(200);
  });

  it('refuses unknown channels, bad JSON and oversized bodies clearly, and keeps serving', async () => {
    expect(await (await post('/ipc/nope', {}, auth)).json()).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await post('/ipc/comments.list', '{"accountNo": 7,', auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const big = await post('/ipc/comments.add', { accountNo: 7, text: 'x'.repeat(2 * 1024 * 1024) }, auth);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await (await post('/ipc/comments.list', { accountNo: 7 }, auth)).json()).toMatchObject({ ok: true });
  });
});
