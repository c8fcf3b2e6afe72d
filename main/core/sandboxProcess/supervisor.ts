// The app's side of the embedded sandbox in its own OS process, whatever starts that
// process: an Electron utilityProcess (main/electron/sandboxProcess.ts) or a Node child
// process (main/web-host/sandboxChild.ts). Implements EmbeddedSandbox: the first start()
// forks the process, hands it the database path and the API client, and resolves with its
// loopback URL. A crashed process is restarted on the same port, so clients keep their URL.
// Its own process means a slow seed or a crash never blocks the app, and the app's memory
// and the sandbox's are separate (docs/performance.md, "The web host's memory").
import type { EmbeddedSandbox } from '../services/connection';
import { isFromSandboxHost, type SandboxClient, type ToSandboxHost } from './messages';

/**
 * V8's young generation capped at 1 MB a semi-space, as `npm run sandbox` runs (package.json):
 * about 28 MB less resident at 1M accounts and no slower (docs/sandbox.md, "RSS").
 */
export const SANDBOX_NODE_FLAGS = ['--max-semi-space-size=1'];

/** What the supervisor needs of a started process. */
export interface SandboxChild {
  readonly pid: number | undefined;
  postMessage(m: ToSandboxHost): void;
  onMessage(listener: (m: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface SandboxSupervisorOptions {
  dbFile: string;
  accounts: number;
  seed: number;
  startTimeoutMs?: number;
  /** Restarts allowed after crashes before giving up (until the app restarts). */
  maxRestarts?: number;
  log?: (line: string) => void;
}

export interface SandboxProcess extends EmbeddedSandbox {
  close(): Promise<void>;
  readonly pid: number | undefined;
}

export function superviseSandbox(opts: SandboxSupervisorOptions, fork: () => SandboxChild): SandboxProcess {
  const log = opts.log ?? (() => {});
  let child: SandboxChild | undefined;
  let started: Promise<{ url: string; port: number }> | undefined;
  let client: SandboxClient | undefined;
  let lastPort = 0;
  let restarts = 0;
  let closing = false;

  function launch(c: SandboxClient): Promise<{ url: string; port: number }> {
    const proc = fork();
    child = proc;
    return new Promise((resolvePromise, rejectPromise) => {
      const timeoutMs = opts.startTimeoutMs ?? 120_000;
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        rejectPromise(e);
      };
      const timer = setTimeout(() => {
        fail(new Error(`The embedded sandbox did not start within ${Math.round(timeoutMs / 1000)} s`));
        proc.kill();
      }, timeoutMs);
      proc.onMessage((m) => {
        if (!isFromSandboxHost(m)) return;
        if (m.type === 'log') log(`sandbox: ${m.line}`);
        else if (m.type === 'failed') fail(new Error(`The embedded sandbox did not start: ${m.message}`));
        else if (!settled) {
          settled = true;
          clearTimeout(timer);
          lastPort = m.port;
          resolvePromise({ url: m.url, port: m.port });
        }
      });
      proc.onExit((code) => {
        if (child === proc) child = undefined;
        if (!settled) return fail(new Error(`The embedded sandbox stopped while starting (exit code ${code})`));
        if (closing) return;
        log(`sandbox: exited with code ${code}`);
        started = undefined;
        if (restarts < (opts.maxRestarts ?? 3)) {
          restarts += 1;
          started = launch(c);
          started.catch((e: unknown) => log(`sandbox: restart failed: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
      const msg: ToSandboxHost = { type: 'start', port: lastPort, dbFile: opts.dbFile, accounts: opts.accounts, seed: opts.seed, clients: [c] };
      proc.postMessage(msg);
    });
  }

  return {
    get pid() {
      return child?.pid;
    },
    async start(c) {
      if (client && (client.clientNo !== c.clientNo || client.authKey !== c.authKey || client.signingSecret !== c.signingSecret)) {
        // Another profile's credentials: the running sandbox knows only the first client.
        throw new Error('The embedded sandbox is already running with other credentials; restart the app.');
      }
      client = c;
      if (!started) {
        started = launch(c);
        started.catch(() => {
          started = undefined; // the next call tries again
        });
      }
      const s = await started;
      return { url: s.url };
    },
    async close() {
      closing = true;
      const proc = child;
      if (!proc) return; // none started, or it has exited (onExit clears it)
      await new Promise<void>((done) => {
        const t = setTimeout(done, 3000);
        proc.onExit(() => {
          clearTimeout(t);
          done();
        });
        proc.kill();
      });
    },
  };
}
