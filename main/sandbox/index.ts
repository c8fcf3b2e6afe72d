// The AMPS sandbox: a local, faithful implementation of the Account Management JSON API
// (004) on node:sqlite. Used as the app's embedded back end, the test bed and a training
// environment. See docs/sandbox.md.
import type { AddressInfo } from 'node:net';
import { openSandboxDatabase } from './db/open';
import { Authenticator, type SandboxClient } from './http/auth';
import { buildServer } from './http/server';
import { SqliteReplayWindow } from './http/replayWindow';

export type { SandboxClient };

export interface StartSandboxOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /** The database file (built and seeded when new, reused when it exists), or ':memory:'. */
  dbFile: string;
  /** Demo accounts to seed when the file is new (default 5000; 0 = reference data only). */
  accounts?: number;
  seed?: number;
  /** Registered at start, in memory only (never written to the database). */
  clients?: SandboxClient[];
  /**
   * Also accept the public training credentials (DEMO_CLIENT). Only the standalone
   * `npm run sandbox` without credentials of its own turns this on; the desk's embedded
   * sandbox accepts nothing but the desk's own generated credentials (D22).
   */
  trainingCredentials?: boolean;
  /** Allowed distance of requestDateTime from now (default ±5 minutes). */
  timeWindowMs?: number;
  now?: () => number;
  log?: (line: string) => void;
  onSeedProgress?: (done: number, total: number) => void;
  /** Where seed/searchWorker.ts can be loaded from, to build a large new file's search index in parallel. */
  searchWorkerScript?: URL;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Training credentials of the standalone sandbox (docs/sandbox.md). Public, not a secret. */
export const DEMO_CLIENT: SandboxClient = {
  clientNo: 90000259,
  authKey: 'sandbox-demo-auth-key',
  signingSecret: 'sandbox-demo-signing-secret',
};

export const DEFAULT_ACCOUNTS = 5000;
export const DEFAULT_SEED = 1;

export async function startSandbox(opts: StartSandboxOptions): Promise<RunningSandbox> {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now;
  const host = opts.host ?? '127.0.0.1';
  const clients = [...(opts.trainingCredentials ? [DEMO_CLIENT] : []), ...(opts.clients ?? [])];
  if (!clients.length) throw new Error('The sandbox needs at least one client: pass clients, or trainingCredentials for the public training credentials');
  const { db } = openSandboxDatabase({
    file: opts.dbFile,
    accounts: opts.accounts ?? DEFAULT_ACCOUNTS,
    seed: opts.seed ?? DEFAULT_SEED,
    ...(opts.onSeedProgress ? { onSeedProgress: opts.onSeedProgress } : {}),
    ...(opts.searchWorkerScript ? { searchWorkerScript: opts.searchWorkerScript } : {}),
    log,
  });
  const windowMs = opts.timeWindowMs ?? 5 * 60_000;
  const auth = new Authenticator(clients, windowMs, now, new SqliteReplayWindow(db, windowMs));
  let baseUrl = '';
  const app = buildServer({ db, auth, now, log, baseUrl: () => baseUrl });
  try {
    await app.listen({ port: opts.port ?? 0, host });
  } catch (e) {
    db.close();
    throw e;
  }
  const port = (app.server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`sandbox: listening on ${baseUrl} (database ${opts.dbFile})`);
  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    close: () =>
      (closed ??= (async () => {
        await app.close();
        if (db.isOpen) db.close();
      })()),
  };
}
