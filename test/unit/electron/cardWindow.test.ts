// The provider's card form window (D64): no preload, no IPC, sandboxed and context-isolated,
// an in-memory session partition of its own, navigation, redirects and new windows locked to
// the provider's origin (parsed origins, never prefixes), closed when done.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { CARD_PARTITION, cardWindowHost, cardWindowOptions } from '../../../main/electron/cardWindow';
import { installAppHardening } from '../../../main/electron/hardening';
import { webPreferenceViolations } from '../../../main/electron/windowOptions';
import { FakeSession, type ElectronStub, type FakeWebContents } from './electronStub';

vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
const stub = electron as unknown as ElectronStub;

const PROVIDER = 'http://127.0.0.1:48123';
const FORM = `${PROVIDER}/directpost/form?session=abc&returnUrl=${encodeURIComponent(`${PROVIDER}/directpost/done?lang=en`)}&lang=en`;

type Win = InstanceType<ElectronStub['BrowserWindow']>;
const lastWindow = () => stub.windows[stub.windows.length - 1]! as Win;

beforeAll(() => {
  // The app-wide hook, as main.ts installs it before any window exists.
  installAppHardening({ externalUrlAllowlist: ['support.example.com'], kiosk: false });
});

describe('card window options', () => {
  it('have no preload, are hardened, and use a session of their own', () => {
    const ses = new FakeSession();
    const o = cardWindowOptions({ ses: ses as never, devTools: false });
    const prefs = o.webPreferences!;
    expect(prefs).not.toHaveProperty('preload');
    expect(webPreferenceViolations(prefs)).toEqual([]);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.devTools).toBe(false);
    expect(prefs.session).toBe(ses);
    expect(prefs).not.toHaveProperty('partition');
    expect(CARD_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('the card window host', () => {
  const closed = vi.fn();
  let win: Win;
  let contents: FakeWebContents;
  const parent = { id: 'main window' };

  // Vitest clears mock calls before each test, so the window is opened in the first one
  // and the later tests (run in order) look at it.
  it('opens the form URL in a window made from the card options, in the card partition, with the desk as parent', () => {
    const host = cardWindowHost({ parent: () => parent as never, devTools: true, kiosk: false });
    host.open(FORM, PROVIDER, closed);
    win = lastWindow();
    contents = win.webContents;
    expect(stub.session.fromPartition).toHaveBeenCalledWith('csr-card-form');
    expect(win.loadURL).toHaveBeenCalledWith(FORM);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBeUndefined();
    expect(webPreferenceViolations(prefs)).toEqual([]);
    expect(win.options.parent).toBe(parent);
    expect(contents.session).not.toBe(stub.session.defaultSession);
    expect(win.removeMenu).toHaveBeenCalled();
  });

  it('its session refuses every permission', () => {
    const ses = contents.session!;
    let granted: boolean | undefined;
    ses.permissionRequestHandler!({}, 'clipboard-read', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(ses.permissionCheckHandler!(null, 'media', PROVIDER, {})).toBe(false);
  });

  it('navigates and redirects only within the provider origin (parsed, not by prefix)', () => {
    for (const url of [`${PROVIDER}/directpost/submit`, `${PROVIDER}/directpost/done?lang=en&error_code=0&ariaPaymentMethodNo=3`]) {
      expect(contents.navigate('will-navigate', url), url).toBe(false);
      expect(contents.navigate('will-redirect', url), url).toBe(false);
    }
    for (const url of [
      'app://csr/index.html', // not even the desk itself
      'http://127.0.0.1:48124/directpost/done',
      'http://127.0.0.1:48123.evil.example/',
      'https://127.0.0.1:48123/',
      'http://localhost:48123/',
      'https://support.example.com/help', // allowlisted for the desk, not from the card form
      'javascript:alert(1)',
      'about:blank',
      'file:///etc/passwd',
    ]) {
      expect(contents.navigate('will-navigate', url), url).toBe(true);
      expect(contents.navigate('will-redirect', url), url).toBe(true);
    }
    expect(stub.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens no new windows, not even on the provider origin', () => {
    expect(contents.windowOpenHandler!({ url: `${PROVIDER}/directpost/form` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://support.example.com/help' })).toEqual({ action: 'deny' });
    expect(stub.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('closes when done, tells the core, and clears its session', async () => {
    const ses = contents.session!;
    win.close();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(ses.clearStorageData).toHaveBeenCalled();
    expect(ses.clearCache).toHaveBeenCalled();
  });

  it('refuses a form URL that is not on the origin it is locked to', () => {
    const host = cardWindowHost({ parent: () => undefined, devTools: false, kiosk: true });
    const before = stub.windows.length;
    expect(() => host.open('http://127.0.0.1:9/directpost/form', PROVIDER, () => {})).toThrow(/provider origin/);
    expect(() => host.open('javascript:alert(1)', 'javascript:', () => {})).toThrow();
    expect(stub.windows.length).toBe(before);
  });

  it('shows one form at a time: a second session replaces the first window', () => {
    const first = vi.fn();
    const host = cardWindowHost({ parent: () => undefined, devTools: false, kiosk: false });
    host.open(FORM, PROVIDER, first);
    const a = lastWindow();
    host.open(FORM.replace('abc', 'def'), PROVIDER, () => {});
    const b = lastWindow();
    expect(b).not.toBe(a);
    expect(a.close).toHaveBeenCalled();
    expect(first).toHaveBeenCalledTimes(1);
    host.close();
    expect(b.close).toHaveBeenCalled();
  });
});

describe('the desk window is unaffected', () => {
  it('a window in the default session stays locked to the app origin', () => {
    const w = new stub.BrowserWindow({ webPreferences: { preload: '/x/preload.cjs' } });
    expect(w.webContents.navigate('will-navigate', 'app://csr/index.html')).toBe(false);
    expect(w.webContents.navigate('will-navigate', `${PROVIDER}/directpost/form`)).toBe(true);
  });
});
