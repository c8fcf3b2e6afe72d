// Where a connection profile may send signed requests (docs/decisions.md D23). Every request
// carries the authKey and a signature; over http:// anyone on the network reads both. So a
// profile's base URL is https://, or http:// to this computer only: localhost, 127.0.0.0/8
// or [::1] (the embedded sandbox, a local tunnel). Used by the IPC contract (the Settings
// form and the router) and again in main where the AMPS client is made.

// The WHATWG URL parser is in every runtime this runs in (browsers, Node); shared/ is
// compiled without DOM or Node types, so the little of it used here is declared.
declare const URL: new (input: string) => { readonly protocol: string; readonly hostname: string };

/** The one message, so the UI can show it in its own language (renderer/i18n/fieldMessages.ts). */
export const BASE_URL_NOT_SECURE = 'baseUrl must start with https:// (http:// only for this computer: localhost, 127.0.0.1 or [::1])';

/** True for a hostname (as URL parses it) that names this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  // URL has already normalised IPv4 forms such as 127.1 or 0x7f.0.0.1 to dotted decimal.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m[1] === '127' && m.slice(2).every((p) => Number(p) <= 255);
}

/** True when signed requests may be sent to this URL: https, or http to loopback. */
export function isSecureBaseUrl(url: string): boolean {
  let u: { readonly protocol: string; readonly hostname: string };
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}
