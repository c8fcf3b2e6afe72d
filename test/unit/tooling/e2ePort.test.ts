// The end-to-end web host's port (test/e2e/web/env.ts): the preferred port when it is free,
// another free one when a second run on the machine holds it.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pickLoopbackPort } from '../../e2e/web/env';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });

let held: Server | undefined;
afterEach(() => new Promise<void>((r) => (held ? held.close(() => r()) : r())));

describe('the end-to-end port', () => {
  it('is the preferred port when nothing listens on it', async () => {
    const probe = await listen(0);
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    expect(pickLoopbackPort(port)).toBe(port);
  });

  it('moves to another free port when another run holds the preferred one', async () => {
    held = await listen(0);
    const busy = (held.address() as { port: number }).port;
    const picked = pickLoopbackPort(busy);
    expect(picked).not.toBe(busy);
    // The picked port is free: this process can listen on it.
    const s = await listen(picked);
    await new Promise<void>((r) => s.close(() => r()));
  });
});
