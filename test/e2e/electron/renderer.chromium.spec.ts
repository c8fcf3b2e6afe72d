// The Electron renderer set-up, run in Chromium where no Electron binary can be had: the
// built renderer served by the app protocol handler with the Electron CSP header, and a
// window.csr that calls the Electron transport's invoke handler (sender check included)
// over the real core and the embedded sandbox. It proves, here, that the renderer works
// under the Electron CSP and that start → search → open an account runs through the
// Electron transport; app.spec.ts does the same in real Electron where it exists.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createCore } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { appProtocolHandler } from '../../../main/electron/appProtocol';
import { ELECTRON_CSP } from '../../../main/electron/csp';
import { createInvokeHandler } from '../../../main/electron/ipcInvoke';
import { inProcessSandbox } from '../../../main/web-host/embeddedSandbox';
import { CHANNELS } from '../../../shared/ipc/contract';
import { ensureBuilt, root, searchAndOpen } from './electronApp';
import { DEMO_LOGIN, TEST_SCRYPT } from '../../helpers/operators';

let server: Server;
let origin: string;
let closeSandbox: () => Promise<void>;
let invoke: ReturnType<typeof createInvokeHandler>;

test.beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'csr-renderer-e2e-'));
  const sandbox = inProcessSandbox({ dbFile: join(dataDir, 'sandbox.sqlite'), accounts: 400, seed: 1 });
  closeSandbox = () => sandbox.close();
  const core = createCore({ dataDir, secrets: new MemorySecretStore(), transport: 'electron', version: 'e2e', sandbox, checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT });
  const serve = appProtocolHandler(join(root, 'dist', 'renderer'));
  server = createServer((req, res) => {
    void serve(new Request(`app://csr${req.url ?? '/'}`, { method: req.method ?? 'GET' })).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  invoke = createInvokeHandler(core.router, origin);
  // The desk's session is main's: sign the demo agent in through the transport itself.
  const signedIn = await invoke({ senderFrame: { url: `${origin}/index.html`, parent: null }, sender: {} } as never, 'session.signIn', DEMO_LOGIN.agent);
  expect(signedIn).toMatchObject({ ok: true, value: { failure: null, status: { state: 'signedIn' } } });
});

test.afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await closeSandbox?.();
});

/** What the preload does, for this page: window.csr over the transport's invoke handler. */
async function withPreload(page: Page) {
  await page.exposeBinding('__csrInvoke', (source, channel: unknown, input: unknown) => {
    const frame = source.frame;
    const isMain = frame.parentFrame() === null;
    return invoke({ senderFrame: { url: frame.url(), parent: isMain ? null : {} }, sender: {} } as never, channel, input);
  });
  await page.addInitScript((channels: string[]) => {
    const call = (window as unknown as { __csrInvoke(c: string, i: unknown): Promise<unknown> }).__csrInvoke;
    const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
    for (const ch of channels) {
      const [ns, m] = ch.split('.') as [string, string];
      (api[ns] ??= {})[m] = (input) => call(ch, input ?? {});
    }
    Object.defineProperty(window, 'csr', { value: Object.freeze(api) });
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  }, CHANNELS as string[]);
}

test('the renderer runs under the Electron CSP: start → search → open an account', async ({ page }) => {
  await withPreload(page);
  const res = await page.goto(`${origin}/index.html`);
  expect(res?.headers()['content-security-policy']).toBe(ELECTRON_CSP);
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  const ready = await page.evaluate(() => performance.getEntriesByName('csr:ready')[0]?.startTime ?? -1);
  test.info().annotations.push({ type: 'ready', description: `${Math.round(ready)} ms from navigation to search box focused (Chromium, Electron CSP)` });
  await searchAndOpen(page, 'Hansen');
  // The app itself never trips the CSP — except zod's feature probe for eval (`Function('')`
  // in a try/catch; blocked, so zod validates without its JIT). See docs/electron-requests.md 4.
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations.filter((v) => !v.startsWith('script-src eval '))).toEqual([]);
});

test('injected inline script is blocked by the Electron CSP', async ({ page }) => {
  await withPreload(page);
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.join())).toContain('script-src');
});

test('an iframe cannot use the transport even on the app origin', async ({ page }) => {
  await withPreload(page);
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  // Ask the transport as a subframe would (the CSP's frame-src 'none' keeps real iframes out).
  const res = await invoke({ senderFrame: { url: `${origin}/index.html`, parent: {} }, sender: {} } as never, 'app.info', {});
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        const f = document.createElement('iframe');
        f.src = location.href;
        document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
        document.body.append(f);
        setTimeout(() => done('none'), 3000);
      }),
  );
  expect(blocked).toMatch(/frame-src|default-src/);
});
