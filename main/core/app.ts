// The composition root of main: builds the stores, the connection and the services,
// and hands one router to whichever transport hosts the app (Electron or web host).
import { join } from 'node:path';
import { createRouter, type Handlers, type Router } from './router';
import { ProfileStore } from './settings/profiles';
import type { SecretStore } from './secrets/secretStore';
import { Connection, type EmbeddedSandbox } from './services/connection';
import type { Operator, ServiceContext } from './services/context';
import { accountHandlers } from './services/accounts';
import { billingGroupHandlers } from './services/billingGroups';
import { commentHandlers } from './services/comments';
import { addressHandlers } from './services/address';
import { cardHandlers } from './services/cards';
import { settingsHandlers } from './services/settings';
import { DraftStore } from './drafts/draftStore';
import { draftHandlers } from './services/drafts';
import { UiPrefsStore } from './prefs/uiPrefs';
// Audit log (docs/audit.md)
import { openAuditLog, type DeskAuditLog } from './audit/log';
import { auditHandlers } from './audit/handlers';
// Team store (docs/team-store.md): ships the audit log to the team's PostgreSQL when configured
import { startTeamDesk, type TeamDesk } from './team/desk';
// Write pipeline (issue 8): every write goes through one outbox (docs/writes.md).
import { OutboxStore } from './outbox/store';
import { WritePipeline, type PipelineOptions } from './outbox/pipeline';
import { outboxHandlers } from './outbox/handlers';

export interface CoreOptions {
  dataDir: string;
  secrets: SecretStore;
  transport: 'electron' | 'web';
  version: string;
  kiosk?: boolean;
  sandbox?: EmbeddedSandbox;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  checkOutputs?: boolean;
  log?: (line: string) => void;
  /** Outbox tuning (tests, fault runs, benchmarks). */
  outbox?: Pick<PipelineOptions, 'backoff' | 'answerWaitMs' | 'concurrency' | 'fault'>;
}

export interface Core {
  router: Router;
  profiles: ProfileStore;
  connection: Connection;
  /** The desk's audit log (also in the services context); closed by close(). */
  audit: DeskAuditLog;
  /** Shipping to the team store (a no-op when the desk works alone). */
  team: TeamDesk;
  /** The write pipeline and its outbox. */
  outbox: WritePipeline;
  /** Closes what the core opened (stops replay, closes the outbox, writes the audit log's closing checkpoint). */
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const log = opts.log ?? (() => {});
  const profiles = new ProfileStore(join(opts.dataDir, 'settings.json'), opts.secrets);
  const connection = new Connection(profiles, {
    log,
    ...(opts.sandbox ? { sandbox: opts.sandbox } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  // Until operators sign in (trusted-writes issue), the profile's userID stands for them.
  const operator = (): Operator => {
    const id = profiles.active()?.userID ?? 'csr-agent';
    return { id, displayName: id, role: 'admin' };
  };
  // --- Audit log: one per data folder, hash-chained, key in the secret store. ---
  const audit = openAuditLog({ dataDir: opts.dataDir, secrets: opts.secrets, ...(opts.now ? { now: opts.now } : {}), log });
  // ---
  // --- Team store: the audit log shipped in the background; never awaited by a write. ---
  const team = startTeamDesk({ dataDir: opts.dataDir, secrets: opts.secrets, audit, log, ...(opts.now ? { now: opts.now } : {}) });
  // ---
  const ctx: ServiceContext = {
    client: () => connection.client(),
    operator,
    now: opts.now ?? Date.now,
    applicationId: 'CSR-DESK',
    audit,
  };
  // ── Write pipeline: the durable outbox in the data folder, sent with each item's own profile.
  const outboxStore = new OutboxStore(join(opts.dataDir, 'outbox.sqlite'));
  const outbox = new WritePipeline({
    store: outboxStore,
    audit,
    clientFor: (name) => connection.clientFor(profiles.get(name)),
    profileExists: (name) => profiles.list().some((p) => p.name === name),
    activeProfile: () => profiles.activeName,
    operator,
    now: ctx.now,
    applicationId: ctx.applicationId,
    log,
    ...opts.outbox,
  });
  outbox.start();
  const handlers: Handlers = {
    async 'app.info'() {
      const p = profiles.active();
      return {
        version: opts.version,
        transport: opts.transport,
        kiosk: opts.kiosk ?? false,
        profile: p ? await profiles.view(p, connection.displayUrl(p)) : null,
        operator: operator().displayName,
      };
    },
    ...accountHandlers(ctx, outbox),
    ...billingGroupHandlers(ctx, outbox),
    ...commentHandlers(ctx, outbox),
    ...addressHandlers(ctx, outbox),
    ...cardHandlers(ctx, outbox),
    ...outboxHandlers(outbox),
    ...settingsHandlers(profiles, connection),
    ...draftHandlers(new DraftStore(join(opts.dataDir, 'drafts.json'), { log }), new UiPrefsStore(join(opts.dataDir, 'ui-prefs.json')), ctx),
    ...auditHandlers(audit, operator, opts.now),
  };
  const router = createRouter(handlers, { log, ...(opts.checkOutputs ? { checkOutputs: true } : {}) });
  return {
    router,
    profiles,
    connection,
    audit,
    team,
    outbox,
    close: () => {
      outbox.close();
      outboxStore.close();
      // With a team store, the shipper stops after its batch in flight and the log closes after it.
      if (team.enabled) void team.close().finally(() => audit.close());
      else audit.close();
    },
  };
}
