// The messages between the app and the embedded sandbox in its own process (an Electron
// utilityProcess in the desktop app, a Node child process under the web host), and the
// sandbox side's logic as a pure function of its dependencies (so plain Node tests run it).

export interface SandboxClient {
  clientNo: number;
  authKey: string;
  signingSecret: string;
}

export type ToSandboxHost = {
  type: 'start';
  /** 0 for a free port; after a crash, the port it had, so clients keep their URL. */
  port: number;
  dbFile: string;
  accounts: number;
  seed: number;
  clients: SandboxClient[];
};

export type FromSandboxHost = { type: 'started'; url: string; port: number } | { type: 'failed'; message: string } | { type: 'log'; line: string };

export function isToSandboxHost(v: unknown): v is ToSandboxHost {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  return (
    m.type === 'start' &&
    typeof m.port === 'number' &&
    Number.isInteger(m.port) &&
    m.port >= 0 &&
    m.port <= 65535 &&
    typeof m.dbFile === 'string' &&
    typeof m.accounts === 'number' &&
    typeof m.seed === 'number' &&
    Array.isArray(m.clients) &&
    m.clients.every((c: unknown) => {
      const x = c as Record<string, unknown> | null;
      return !!x && typeof x.clientNo === 'number' && typeof x.authKey === 'string' && typeof x.signingSecret === 'string';
    })
  );
}

export function isFromSandboxHost(v: unknown): v is FromSandboxHost {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  return (
    (m.type === 'started' && typeof m.url === 'string' && typeof m.port === 'number') ||
    (m.type === 'failed' && typeof m.message === 'string') ||
    (m.type === 'log' && typeof m.line === 'string')
  );
}

export interface StartSandboxFn {
  (opts: {
    port: number;
    dbFile: string;
    accounts: number;
    seed: number;
    clients: SandboxClient[];
    log: (line: string) => void;
  }): Promise<{ url: string; port: number; close(): Promise<void> | void }>;
}

/**
 * The utilityProcess side: the first valid "start" starts the sandbox on a free loopback
 * port; later ones answer with the same URL. Anything else is ignored.
 */
export function sandboxHost(startSandbox: StartSandboxFn, post: (m: FromSandboxHost) => void) {
  let running: Promise<{ url: string; port: number; close(): Promise<void> | void }> | undefined;
  return {
    async onMessage(data: unknown): Promise<void> {
      if (!isToSandboxHost(data)) return;
      running ??= startSandbox({
        port: data.port,
        dbFile: data.dbFile,
        accounts: data.accounts,
        seed: data.seed,
        clients: data.clients,
        log: (line) => post({ type: 'log', line }),
      });
      try {
        const s = await running;
        post({ type: 'started', url: s.url, port: s.port });
      } catch (e) {
        running = undefined;
        post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    async close(): Promise<void> {
      if (running) await (await running.catch(() => ({ close: () => undefined }))).close();
    },
  };
}
