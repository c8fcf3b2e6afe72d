// Serves the built renderer (dist/renderer) on app://csr/… with the CSP as a header.
// The handler is built from plain values (a directory and a file reader) so it runs in
// plain Node tests; main.ts hands it to protocol.handle.
import { readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep, isAbsolute } from 'node:path';
import { APP_HOST, APP_SCHEME } from './policy';
import { SECURITY_HEADERS } from './csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file an app:// URL names inside rootDir, or null when the URL is for another host
 * or would escape rootDir ("..", encoded separators, absolute paths).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

export type FileReader = (file: string) => Promise<Uint8Array>;

/** protocol.handle(APP_SCHEME, appProtocolHandler(dir)). GET/HEAD only; 404 for anything else. */
export function appProtocolHandler(rootDir: string, read: FileReader = (f) => readFile(f)) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await read(file);
      return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  };
}
