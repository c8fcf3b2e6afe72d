// A whole desk for the per-channel write tests: the real core (router, access policy,
// services, write pipeline, durable outbox, the desk's audit log) on a temporary data
// folder, signed in as the demo agent, whose embedded sandbox is a real sandbox on a file
// behind the fault proxy (./helpers.ts). Tests read what was stored straight from the
// sandbox's database file (and the desk's audit.sqlite) with SQL of their own, never through
// the app's read functions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AmpsClient } from '../../../main/core/amps/client';
import { createCore, type Core } from '../../../main/core/app';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import type { EmbeddedSandbox } from '../../../main/core/services/connection';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { DEMO_LOGIN, TEST_SCRYPT } from '../../helpers/operators';
import { startProxy, type FaultProxy } from './helpers';

/** A second API client the sandbox accepts: the tests' own, for setting up accounts. */
const SETUP = { clientNo: 8383, authKey: 'desk-setup-auth-key', signingSecret: 'desk-setup-signing-secret' };
const ctx: CallContext = { transport: 'test', trustedSender: true };

export type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string; fields?: { path: string; message: string }[] } };

export interface Desk {
  dir: string;
  core: Core;
  proxy: FaultProxy;
  sandboxUrl: string;
  /** Signed with the tests' own credentials, straight to the sandbox (set-up only). */
  setup: AmpsClient;
  /** Read-only SQL on the sandbox's database file. */
  sandboxDb: DatabaseSync;
  call(channel: string, input: unknown): Promise<Envelope>;
  /** Closes the core and opens a new one on the same data folder (a restart of the app). */
  restart(): Promise<void>;
  /** Outcomes recorded in the desk's audit log for one request id, in order (SQL on audit.sqlite). */
  auditOutcomes(requestId: string): { kind: string; outcome: string | null; detail: unknown }[];
  /** How many requests of this AMPS endpoint for this account reached the proxy (and so the sandbox). */
  sent(endpoint: string, accountNo: number): number;
  close(): Promise<void>;
}

export async function startDesk(): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-writes-'));
  const dbFile = join(dir, 'sandbox.sqlite');
  let sandbox: RunningSandbox | undefined;
  let proxy: FaultProxy | undefined;
  const embedded: EmbeddedSandbox = {
    async start(client) {
      sandbox ??= await startSandbox({ dbFile, accounts: 0, clients: [client, SETUP] });
      proxy ??= await startProxy(() => sandbox!.url);
      return { url: proxy.url };
    },
  };
  const secrets = new MemorySecretStore();
  const open = async () => {
    const core = createCore({
      dataDir: join(dir, 'desk'),
      secrets,
      transport: 'web',
      version: 'test',
      sandbox: embedded,
      // Shorter than the proxy's 1.5 s delay, so a delayed answer is a timeout after sending.
      timeoutMs: 800,
      checkOutputs: true,
      demoOperators: true,
      scrypt: TEST_SCRYPT,
      outbox: { backoff: { baseMs: 50, maxMs: 400 }, answerWaitMs: 8000 },
    });
    await core.ready();
    const signIn = (await core.router.call('session.signIn', DEMO_LOGIN.agent, ctx)) as Envelope;
    if (!signIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signIn)}`);
    await core.connection.client(); // starts the embedded sandbox (and the proxy in front of it)
    return core;
  };
  let core = await open();
  const setup = new AmpsClient({ baseUrl: sandbox!.url, ...SETUP, signatureVersion: '2.0', userID: 'desk-setup', timeoutMs: 5000 });
  const sandboxDb = new DatabaseSync(dbFile, { readOnly: true });
  const desk: Desk = {
    dir,
    get core() {
      return core;
    },
    proxy: proxy!,
    sandboxUrl: sandbox!.url,
    setup,
    sandboxDb,
    call: async (channel, input) => (await core.router.call(channel, input, ctx)) as Envelope,
    async restart() {
      core.close();
      core = await open();
    },
    auditOutcomes(requestId) {
      const db = new DatabaseSync(join(dir, 'desk', 'audit.sqlite'), { readOnly: true });
      try {
        const rows = db.prepare('SELECT kind, outcome, detail_json FROM audit_entries WHERE request_id = ? ORDER BY seq').all(requestId) as {
          kind: string;
          outcome: string | null;
          detail_json: string;
        }[];
        return rows.map((r) => ({ kind: r.kind, outcome: r.outcome, detail: JSON.parse(r.detail_json) as unknown }));
      } finally {
        db.close();
      }
    },
    sent(endpoint, accountNo) {
      return proxy!.seen.filter((s) => s.endpoint === endpoint && JSON.stringify(s.body).includes(`"ariaAccountNo":${accountNo}`)).length;
    },
    async close() {
      core.close();
      sandboxDb.close();
      await proxy?.close();
      await sandbox?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return desk;
}
