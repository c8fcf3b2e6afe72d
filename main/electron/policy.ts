// Who may be navigated to, opened, or trusted as an IPC caller. Pure functions over
// plain values (no electron import) so plain Node tests reach every rule. Origins are
// compared after parsing, never by prefix: "https://provider.com.evil.com" is not
// "https://provider.com" (security.md, will-navigate).

/** The renderer is served from a privileged standard scheme, so its origin is comparable. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'csr';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it, or null when it has none that could match
 * (about:blank, data:, file:, blob:, javascript:, garbage). Node's URL gives non-special
 * schemes the opaque origin "null", so the app scheme is handled here explicitly.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  if (u.protocol === `${APP_SCHEME}:` && u.host !== '') return `${APP_SCHEME}://${u.host.toLowerCase()}`;
  return null;
}

export function sameOrigin(url: string, origin: string): boolean {
  const a = originOf(url);
  return a !== null && a === originOf(origin);
}

/** will-navigate / will-redirect: only within the app's own origin. */
export function isAllowedNavigation(url: string, allowedOrigin: string): boolean {
  return sameOrigin(url, allowedOrigin);
}

export interface SenderFrame {
  /** The frame's URL at the time of the call. */
  url: string;
  /** True only for the top-level frame of the window (never an iframe). */
  isMainFrame: boolean;
}

/**
 * An IPC caller is trusted only if it is the main frame of our window showing the app's
 * origin. The card form view, an iframe, about:blank or a destroyed frame are refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return sameOrigin(frame.url, appOrigin);
}

/**
 * shell.openExternal: https only, host exactly in the allowlist (or a subdomain of an
 * entry written as "*.example.com"), no credentials in the URL.
 */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  return allowlist.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e.startsWith('*.')) return host.endsWith(e.slice(1)) && host.length > e.length - 1;
    return host === e;
  });
}

/**
 * The only downloads the app makes: a file the renderer built itself (a blob: URL of the
 * app's own origin) with a plain .csv name — the audit log's CSV export. Everything else
 * (a page trying to download from the network, other file types) is refused.
 */
export function allowedDownload(url: string, fileName: string): boolean {
  if (!url.startsWith('blob:')) return false;
  if (originOf(url.slice('blob:'.length)) !== APP_ORIGIN) return false;
  return /^[\w.-]{1,120}\.csv$/i.test(fileName) && !fileName.startsWith('.');
}
