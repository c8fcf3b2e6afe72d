// security.md: strict CSP (script-src 'self'), sent as a header with every app:// document.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler, contentTypeFor, resolveAppPath } from '../../../main/electron/appProtocol';
import { ELECTRON_CSP, ELECTRON_CSP_DIRECTIVES } from '../../../main/electron/csp';

const root = mkdtempSync(join(tmpdir(), 'csr-app-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'outside-secret.txt'), 'nope');

describe('CSP', () => {
  it('allows scripts only from the app itself', () => {
    expect(ELECTRON_CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
    expect(ELECTRON_CSP_DIRECTIVES['script-src']).not.toContain('unsafe-inline');
    expect(ELECTRON_CSP_DIRECTIVES['default-src']).toBe("'none'");
    expect(ELECTRON_CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(ELECTRON_CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
    expect(ELECTRON_CSP_DIRECTIVES['base-uri']).toBe("'none'");
  });
});

describe('resolveAppPath', () => {
  it('maps app://csr/ to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://csr/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://csr/index.html?x=1#/a')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://csr/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });
  it('never leaves the folder and serves no other host', () => {
    for (const u of [
      'app://csr/../outside-secret.txt',
      'app://csr/%2e%2e/outside-secret.txt',
      'app://csr/assets/%2e%2e/%2e%2e/outside-secret.txt',
      'app://csr/..%2foutside-secret.txt',
      'app://csr/..%5coutside-secret.txt',
      'app://csr/a%00.html',
      'app://other/index.html',
      'https://csr/index.html',
      'app://csr/%E0%A4%A',
    ]) {
      const r = resolveAppPath(root, u);
      // Either refused, or normalised to a path inside the folder (URL parsing folds "/../").
      expect(r === null || r.startsWith(root + '/'), u).toBe(true);
      expect(r).not.toBe(join(root, '..', 'outside-secret.txt'));
    }
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
  });
});

describe('appProtocolHandler', () => {
  const handle = appProtocolHandler(root);
  it('serves the page with the CSP header and a content type', async () => {
    const res = await handle(new Request('app://csr/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<script type="module"');
    const js = await handle(new Request('app://csr/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
  it('answers 404 (with the CSP) for missing or escaping paths, 405 for writes', async () => {
    for (const u of ['app://csr/missing.js', 'app://csr/%2e%2e/outside-secret.txt', 'app://evil/index.html']) {
      const res = await handle(new Request(u));
      expect(res.status, u).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    }
    expect((await handle(new Request('app://csr/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
  it('knows the usual content types', () => {
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
