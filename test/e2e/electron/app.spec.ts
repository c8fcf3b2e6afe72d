// The desktop app end to end in real Electron: start → search → open an account, and the
// security.md Electron lines checked on the live app (window options, CSP, navigation,
// window.open, permissions, the preload's surface), plus kiosk mode.
import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../../shared/ipc/contract';
import { binary, ensureBuilt, launchApp, searchAndOpen, SKIP_REASON, type LaunchedApp } from './electronApp';

test.skip(!binary, SKIP_REASON);

test.describe('desktop app', () => {
  let launched: LaunchedApp;

  test.beforeAll(async () => {
    ensureBuilt();
    launched = await launchApp();
  });
  test.afterAll(async () => {
    await launched?.app.close();
  });

  test('start → search → open an account', async () => {
    const { page, readyMs } = launched;
    expect(readyMs).toBeGreaterThan(0);
    test.info().annotations.push({ type: 'ready', description: `${readyMs} ms from process start to search box focused` });
    await expect(page.getByTestId('quick-search')).toBeFocused();
    const no = await searchAndOpen(page, 'Hansen');
    expect(no).toBeGreaterThan(0);
  });

  test('every window has the hardened webPreferences (read back from Electron)', async () => {
    // getLastWebPreferences() is Electron's own (undocumented, used by its security warnings).
    type Prefs = Record<string, unknown> | null;
    const prefs = await launched.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => (w.webContents as unknown as { getLastWebPreferences(): Prefs }).getLastWebPreferences()),
    );
    expect(prefs.length).toBeGreaterThan(0);
    for (const p of prefs) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(p?.allowRunningInsecureContent ?? false).toBe(false);
      expect(p?.experimentalFeatures ?? false).toBe(false);
      expect(p?.enableBlinkFeatures ?? '').toBe('');
    }
  });

  test('the page sees window.csr with exactly the contract, and no Node or ipcRenderer', async () => {
    const surface = await launched.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const csr = w.csr as Record<string, Record<string, unknown>>;
      return {
        methods: Object.entries(csr).flatMap(([ns, fns]) => Object.keys(fns).map((m) => `${ns}.${m}`)),
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
      };
    });
    expect(surface.methods.sort()).toEqual([...CHANNELS].sort());
    expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
  });

  test('strict CSP: the header is sent and injected inline script does not run', async () => {
    const { page } = launched;
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  test('navigation away and window.open are refused', async () => {
    const { page, app } = launched;
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'https://provider.com.evil.com/';
    });
    await page.waitForTimeout(300); // a navigation would have started by now; there is no event for "did not happen"
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('permission requests are denied', async () => {
    const result = await launched.page.evaluate(async () => ({
      notification: await Notification.requestPermission(),
      media: await navigator.mediaDevices?.getUserMedia({ audio: true }).then(
        () => 'granted',
        () => 'denied',
      ),
      geolocation: await new Promise((r) => navigator.geolocation.getCurrentPosition(() => r('granted'), () => r('denied'))),
    }));
    expect(result).toEqual({ notification: 'denied', media: 'denied', geolocation: 'denied' });
  });
});

test.describe('kiosk mode', () => {
  test('--kiosk: kiosk + full screen, devtools cannot open, app.info says kiosk', async () => {
    ensureBuilt();
    const { app, page } = await launchApp({ args: ['--kiosk'] });
    try {
      const state = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        w.webContents.openDevTools();
        return { kiosk: w.isKiosk(), fullScreen: w.isFullScreen(), devtools: w.webContents.isDevToolsOpened() };
      });
      expect(state).toEqual({ kiosk: true, fullScreen: true, devtools: false });
      const info = await page.evaluate(async () => (window as unknown as { csr: { app: { info(i: object): Promise<{ ok: boolean; value: { kiosk: boolean } }> } } }).csr.app.info({}));
      expect(info).toMatchObject({ ok: true, value: { kiosk: true, transport: 'electron' } });
    } finally {
      await app.close();
    }
  });
});
