// security.md: will-navigate blocks anything but the app's own origin (parsed origins:
// "provider.com.evil.com" fails); setWindowOpenHandler denies; shell.openExternal only for
// allowlisted https URLs; setPermissionRequestHandler denies everything on every session.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { hardenSession, hardenWebContents, installAppHardening } from '../../../main/electron/hardening';
import { FakeSession, FakeWebContents, type ElectronStub } from './electronStub';

vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
const stub = electron as unknown as ElectronStub;

const opts = { externalUrlAllowlist: ['support.example.com'], kiosk: false };

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'unknown'];

function expectDeniesEverything(ses: FakeSession) {
  for (const p of PERMISSIONS) {
    let granted: boolean | undefined;
    ses.permissionRequestHandler!({}, p, (g) => (granted = g));
    expect(granted, p).toBe(false);
    expect(ses.permissionCheckHandler!(null, p, 'app://csr', {}), p).toBe(false);
  }
  expect(ses.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://csr' })).toBe(false);
  let streams: unknown = 'unset';
  ses.displayMediaRequestHandler!({}, (s) => (streams = s));
  expect(streams).toBeNull();
  let prevented = false;
  ses.emit('will-download', { preventDefault: () => (prevented = true) });
  expect(prevented).toBe(true);
}

describe('downloads', () => {
  type Item = { getURL(): string; getFilename(): string; setSaveDialogOptions(o: unknown): void };
  const item = (url: string, name: string, seen: unknown[]): Item => ({ getURL: () => url, getFilename: () => name, setSaveDialogOptions: (o) => void seen.push(o) });
  const tryDownload = (url: string, name: string) => {
    const ses = new FakeSession();
    hardenSession(ses as never);
    let prevented = false;
    const dialogs: unknown[] = [];
    ses.emit('will-download', { preventDefault: () => (prevented = true) }, item(url, name, dialogs));
    return { prevented, dialogs };
  };

  it('lets only the audit CSV export through (a blob of the app itself), with a save dialog', () => {
    const ok = tryDownload('blob:app://csr/6a1f0b1e-8f7d-4c1e-9d55-0a1b2c3d4e5f', 'audit-2026-12-01-08-00-00.csv');
    expect(ok.prevented).toBe(false);
    expect(ok.dialogs).toEqual([{ title: 'Save the audit log export', defaultPath: 'audit-2026-12-01-08-00-00.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] }]);
    for (const [url, name] of [
      ['https://evil.example/x.csv', 'x.csv'],
      ['blob:https://evil.example/6a1f', 'audit.csv'],
      ['blob:app://csr.evil/6a1f', 'audit.csv'],
      ['blob:app://csr/6a1f', 'setup.exe'],
      ['blob:app://csr/6a1f', '../../.bashrc.csv'],
      ['data:text/csv,a', 'audit.csv'],
    ])
      expect(tryDownload(url!, name!).prevented, `${url} ${name}`).toBe(true);
  });
});

describe('installAppHardening', () => {
  beforeAll(async () => {
    installAppHardening(opts);
    stub.app.fireReady();
    await stub.app.whenReady();
  });

  it('denies every permission on the default session', () => {
    expectDeniesEverything(stub.session.defaultSession);
  });

  it('denies every permission on sessions created later', () => {
    const later = new FakeSession();
    stub.app.emit('session-created', later);
    expectDeniesEverything(later);
    const partition = new FakeSession();
    stub.app.emit('session-created', partition);
    expectDeniesEverything(partition);
  });

  it('locks every webContents the app creates', () => {
    const contents = new FakeWebContents();
    stub.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://csr/index.html#/x')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'app://csr/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('hardenWebContents', () => {
  it('will-navigate compares parsed origins: provider.com.evil.com is not provider.com', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, opts, 'https://provider.com');
    expect(contents.navigate('will-navigate', 'https://provider.com.evil.com/form')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://provider.com.evil.com')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://provider.com/form')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://provider.com/form')).toBe(false);
    expect(contents.navigate('will-redirect', 'https://provider.com.evil.com/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://provider.com/next')).toBe(false);
  });

  it('the app window stays on app://csr', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, opts);
    for (const u of ['https://example.com/', 'file:///etc/passwd', 'about:blank', 'app://evil/index.html', 'data:text/html,hi', 'javascript:alert(1)']) {
      expect(contents.navigate('will-navigate', u), u).toBe(true);
    }
    expect(contents.navigate('will-navigate', 'app://csr/index.html')).toBe(false);
  });

  it('setWindowOpenHandler denies, and only allowlisted https links go to the OS browser', () => {
    stub.shell.openExternal.mockClear();
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, opts);
    expect(contents.windowOpenHandler!({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://support.example.com/' })).toEqual({ action: 'deny' });
    expect(stub.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://support.example.com/kb/42' })).toEqual({ action: 'deny' });
    expect(stub.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://support.example.com/kb/42');
    // A clicked allowlisted link leaves via the OS browser, never in our window.
    expect(contents.navigate('will-navigate', 'https://support.example.com/kb/43')).toBe(true);
    expect(stub.shell.openExternal).toHaveBeenLastCalledWith('https://support.example.com/kb/43');
  });

  it('refuses <webview> and, in kiosk mode, closes devtools', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, { ...opts, kiosk: true });
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('hardens a session once even if told twice', () => {
    const ses = new FakeSession();
    hardenSession(ses as never);
    hardenSession(ses as never);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledOnce();
  });
});
