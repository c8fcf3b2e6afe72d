// The embedded sandbox in the caller's own process, started on first use: for tests, which
// want one process and a quick start. The web host runs it in a child process
// (sandboxChild.ts) and the desktop app in an Electron utilityProcess (main/electron).
import type { EmbeddedSandbox } from '../core/services/connection';

export interface InProcessSandboxOptions {
  dbFile: string;
  accounts: number;
  seed?: number;
  log?: (line: string) => void;
}

export function inProcessSandbox(opts: InProcessSandboxOptions): EmbeddedSandbox & { close(): Promise<void> } {
  let started: Promise<{ url: string; close(): Promise<void> }> | undefined;
  const registered = new Set<string>();
  return {
    async start(client) {
      const key = `${client.clientNo}:${client.authKey}:${client.signingSecret}`;
      if (!started) {
        registered.add(key);
        const { startSandbox } = await import('../sandbox/index');
        started = startSandbox({
          dbFile: opts.dbFile,
          accounts: opts.accounts,
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          clients: [client],
          ...(opts.log ? { log: opts.log } : {}),
        });
      } else if (!registered.has(key)) {
        // Another profile's credentials: restart with both registered (rare: training setups).
        throw new Error('The embedded sandbox is already running with other credentials; restart the app.');
      }
      const s = await started;
      return { url: s.url };
    },
    async close() {
      if (started) await (await started).close();
    },
  };
}
