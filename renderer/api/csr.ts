// The renderer's only door to main: window.csr, typed from the IPC contract. In Electron
// the preload exposes it; in a browser on the web host it is built here over fetch with
// the per-launch token (which arrives in the URL fragment and never leaves this tab).
import { buildCsrApi, CHANNELS, fail, type Channel, type CsrApi, type Envelope } from '../../shared/ipc';

declare global {
  interface Window {
    csr?: CsrApi;
  }
}

const TOKEN_KEY = 'csr-desk.token';

/** Takes the token from "#token=…" (then removes it from the address bar) or from this tab's storage. */
export function readLaunchToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (m) {
    storage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', loc.pathname + loc.search);
    return m[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

export function webTransport(token: string | null, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  return async (channel: Channel, input: unknown): Promise<Envelope<unknown>> => {
    if (!token) return fail('FORBIDDEN', 'This page was opened without its session token. Open the link the app printed at start.');
    try {
      const res = await fetchImpl(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return fail('UNREACHABLE', 'The app’s background process is not answering. Check that it is still running, then try again.');
    }
  };
}

let api: CsrApi | undefined;

export function csr(): CsrApi {
  if (api) return api;
  api = window.csr ?? buildCsrApi(webTransport(readLaunchToken()), CHANNELS);
  return api;
}

/** For tests: replace the API with a fake. */
export function setCsrForTests(fake: CsrApi | undefined): void {
  api = fake;
}
