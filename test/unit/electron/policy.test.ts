// security.md: will-navigate compares parsed origins (never startsWith); setWindowOpenHandler
// denies; shell.openExternal only for allowlisted https URLs; every IPC sender frame is checked.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedExternalUrl, isAllowedNavigation, isTrustedSender, originOf } from '../../../main/electron/policy';
import { navigationDecision, windowOpenDecision } from '../../../main/electron/navigationGuards';

describe('originOf', () => {
  it('parses http(s) and the app scheme, and gives null for origin-less URLs', () => {
    expect(originOf('https://provider.com/path?q=1')).toBe('https://provider.com');
    expect(originOf('HTTPS://Provider.COM:443/')).toBe('https://provider.com');
    expect(originOf('app://csr/index.html')).toBe('app://csr');
    expect(originOf('app://CSR/x')).toBe('app://csr');
    for (const u of ['about:blank', 'about:srcdoc', 'data:text/html,<b>x</b>', 'javascript:alert(1)', 'file:///etc/passwd', 'blob:app://csr/1', 'not a url', '']) {
      expect(originOf(u)).toBeNull();
    }
  });
});

describe('isAllowedNavigation', () => {
  it('compares parsed origins: look-alike hosts fail', () => {
    const allowed = 'https://provider.com';
    expect(isAllowedNavigation('https://provider.com/form', allowed)).toBe(true);
    for (const u of [
      'https://provider.com.evil.com/',
      'https://provider.com.evil.com',
      'https://evilprovider.com/',
      'https://provider.com@evil.com/',
      'http://provider.com/',
      'https://provider.com:8443/',
      'https://sub.provider.com/',
      'about:blank',
      'javascript:location="https://provider.com"',
    ]) {
      expect(isAllowedNavigation(u, allowed), u).toBe(false);
    }
  });

  it('keeps the app window on app://csr', () => {
    expect(isAllowedNavigation('app://csr/index.html#/account/5', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://csr.evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('app://csrx/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('https://csr/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('file:///work/dist/renderer/index.html', APP_ORIGIN)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the main frame on the app origin', () => {
    expect(isTrustedSender({ url: 'app://csr/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(true);
  });
  it('refuses the card form view, an iframe, about:blank and a vanished frame', () => {
    expect(isTrustedSender({ url: 'http://127.0.0.1:43123/directpost/form?session=1', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://secure.provider.com/hosted/form', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'app://csr/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'about:srcdoc', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  const allow = ['support.example.com', '*.provider.com'];
  it('opens only allowlisted https hosts', () => {
    expect(isAllowedExternalUrl('https://support.example.com/kb/1', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://docs.provider.com/x', allow)).toBe(true);
    expect(isAllowedExternalUrl('http://support.example.com/kb/1', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://support.example.com.evil.com/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://evilprovider.com/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://provider.com/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@support.example.com/', allow)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', allow)).toBe(false);
    expect(isAllowedExternalUrl('smb://support.example.com/share', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://support.example.com/', [])).toBe(false);
  });
});

describe('navigation and window-open decisions', () => {
  it('blocks off-origin navigation and hands allowlisted links to the OS browser', () => {
    expect(navigationDecision('app://csr/index.html', APP_ORIGIN, [])).toEqual({ allow: true, openExternally: false });
    expect(navigationDecision('https://support.example.com/', APP_ORIGIN, ['support.example.com'])).toEqual({ allow: false, openExternally: true });
    expect(navigationDecision('https://evil.com/', APP_ORIGIN, ['support.example.com'])).toEqual({ allow: false, openExternally: false });
  });
  it('never opens an Electron window', () => {
    expect(windowOpenDecision('app://csr/index.html', [])).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('https://support.example.com/', ['support.example.com'])).toEqual({ action: 'deny', openExternally: true });
  });
});
