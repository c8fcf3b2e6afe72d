// The composition root of main: builds the stores, the operator directory and the desk
// session, the connection and the services, and hands one router to whichever transport
// hosts the app (Electron or web host). If a local file cannot be read, it starts in
// recovery mode instead of failing (D50): the router then answers app.info (listing the
// problems) and localState.moveAside, and every other channel with DAMAGED_DATA.
import { join } from 'node:path';
import { CHANNELS, type LocalStateProblem } from '../../shared/ipc';
import { createRouter, type Handlers, type Router } from './router';
import { CoreError } from './errors';
import { ProfileStore } from './settings/profiles';
import type { SecretStore } from './secrets/secretStore';
import { Connection, type EmbeddedSandbox } from './services/connection';
import type { Operator, ServiceContext } from './services/context';
import { accountHandlers } from './services/accounts';
import { deliveryMatchHandlers } from './services/deliveryMatches';
import { accountCreateHandlers } from './services/accountCreate';
import { billingGroupHandlers } from './services/billingGroups';
import { commentHandlers } from './services/comments';
import { addressHandlers } from './services/address';
import { cardHandlers, type CardFormHost } from './services/cards';
import { planHandlers } from './services/plans';
import { settingsHandlers } from './services/settings';
import { DraftStore } from './drafts/draftStore';
import { draftHandlers } from './services/drafts';
import { UiPrefsStore } from './prefs/uiPrefs';
// Audit log (docs/audit.md)
import { AUDIT_FILE, openAuditLog, type DeskAuditLog } from './audit/log';
import { auditHandlers } from './audit/handlers';
// Supervisor workspace (issue 9; docs/supervision.md): the audit across desks, reviews, feedback
import { supervisionHandlers } from './supervision/handlers';
import { SupervisionSources } from './supervision/sources';
// Team store (docs/team-store.md): ships the audit log to the team's PostgreSQL when configured
import { startTeamDesk, type TeamDesk } from './team/desk';
import { DeskDirectory } from './team/deskDirectory';
import { teamStoreHandlers } from './team/handlers';
// Write pipeline (issue 8): every write goes through one outbox (docs/writes.md).
import { OutboxStore } from './outbox/store';
import { WritePipeline, type PipelineOptions } from './outbox/pipeline';
import { outboxHandlers } from './outbox/handlers';
import { DamagedFileError, guardFile } from './localState/damaged';
import { moveAside } from './localState/moveAside';
import type { OperatorDirectory } from './operators/directory';
import { SqliteOperatorDirectory } from './operators/sqliteDirectory';
import { seedDemoOperators } from './operators/demo';
import type { ScryptParams } from './operators/passwords';
import { DeskSession } from './session/deskSession';
import { accessCheck } from './session/access';
import { bindOperator } from './session/boundClient';
import { sessionHandlers } from './session/handlers';
import { idleLockMs, type IdleLockSettings } from './session/idle';
import { toAuditInput, type SecurityEvent } from './session/securityEvents';
import { say } from '../../shared/ipc/say';

export interface CoreOptions extends IdleLockSettings {
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
  /**
   * Seed the demo operators (tests and training only, D49). Hosts set it only behind
   * CSR_DEMO_OPERATORS=1; a packaged desktop build never does.
   */
  demoOperators?: boolean;
  /** Cheaper password hashing, for tests that create many operators. */
  scrypt?: ScryptParams;
  /**
   * Sign-in, sign-out, failures, lockouts, operator changes and FORBIDDEN refusals: each is
   * appended to the audit log as an 'event' entry, and also given here (tests, diagnostics).
   */
  onSecurityEvent?: (e: SecurityEvent) => void;
  /** The desktop shell's window for the provider's card form (D64); the web host has none. */
  cardFormHost?: CardFormHost;
}

/** What runs when every local file could be read. */
interface Services {
  router: Router;
  profiles: ProfileStore;
  connection: Connection;
  session: DeskSession;
  directory: OperatorDirectory;
  audit: DeskAuditLog;
  team: TeamDesk;
  supervision: SupervisionSources;
  outbox: WritePipeline;
  outboxStore: OutboxStore;
  /** Resolves once the demo operators (if any) are seeded. */
  ready: Promise<void>;
}

export interface Core {
  router: Router;
  /** Local files that could not be read; empty when the app runs normally. */
  problems(): LocalStateProblem[];
  /** These throw DAMAGED_DATA while the app is in recovery mode. */
  readonly profiles: ProfileStore;
  readonly connection: Connection;
  readonly session: DeskSession;
  readonly directory: OperatorDirectory;
  /** The desk's audit log (also in the services context); closed by close(). */
  readonly audit: DeskAuditLog;
  /** Shipping to the team store (a no-op when the desk works alone). */
  readonly team: TeamDesk;
  /** The write pipeline and its outbox. */
  readonly outbox: WritePipeline;
  /** Resolves once the demo operators (if asked for) are seeded. */
  ready(): Promise<void>;
  /** Closes what the core opened (stops replay, closes the outbox, writes the audit log's closing checkpoint). */
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const log = opts.log ?? (() => {});
  let services: Services | null = null;
  let damaged: DamagedFileError[] = [];

  const moveAsideHandler: Handlers['localState.moveAside'] = async (input) => {
    const target = damaged.find((d) => d.file === input.file);
    if (!target) throw new CoreError('NOT_FOUND', say('nothingDamaged'), [{ path: 'file', message: 'not damaged' }]);
    const movedTo = moveAside(target.path, (opts.now ?? Date.now)());
    log(`local state: ${target.file} moved aside to ${movedTo}`);
    build();
    return { movedTo, problems: problems() };
  };

  const build = () => {
    const built = buildServices(opts, log, moveAsideHandler);
    if (Array.isArray(built)) {
      damaged = built;
      services = null;
      for (const d of built) log(`local state: ${d.file} cannot be read (${d.message})`);
    } else {
      damaged = [];
      services = built;
    }
  };
  build();

  const problems = (): LocalStateProblem[] =>
    damaged.map((d) => ({ file: d.file, path: d.path.startsWith(opts.dataDir) ? d.path.slice(opts.dataDir.length + 1) : d.path, message: d.message, consequence: d.consequence }));

  const recovery = createRouter(recoveryHandlers(opts, problems, moveAsideHandler), { log, ...(opts.checkOutputs ? { checkOutputs: true } : {}) });

  const need = (): Services => {
    if (!services) throw new CoreError('DAMAGED_DATA', say('recoveryMode'));
    return services;
  };
  return {
    router: { call: (channel, input, ctx) => (services ? services.router : recovery).call(channel, input, ctx) },
    problems,
    get profiles() {
      return need().profiles;
    },
    get connection() {
      return need().connection;
    },
    get session() {
      return need().session;
    },
    get directory() {
      return need().directory;
    },
    get audit() {
      return need().audit;
    },
    get team() {
      return need().team;
    },
    get outbox() {
      return need().outbox;
    },
    ready: () => services?.ready ?? Promise.resolve(),
    close: () => {
      if (!services) return;
      const { audit, team, directory, outbox, outboxStore, supervision } = services;
      void supervision.close().catch(() => {});
      outbox.close();
      outboxStore.close();
      // With a team store, the shipper stops after its batch in flight and the log closes after it.
      if (team.enabled) void team.close().finally(() => audit.close());
      else audit.close();
      directory.close();
    },
  };
}

/** Opens every local store; returns what could not be read instead, if anything. */
function buildServices(opts: CoreOptions, log: (line: string) => void, moveAsideHandler: Handlers['localState.moveAside']): Services | DamagedFileError[] {
  const problems: DamagedFileError[] = [];
  const open = <T,>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DamagedFileError) problems.push(e);
      else throw e;
      return undefined;
    }
  };
  const settingsFile = join(opts.dataDir, 'settings.json');
  const profiles = open(() => guardFile('settings', settingsFile, 'settings', () => new ProfileStore(settingsFile, opts.secrets)));
  open(() => opts.secrets.check?.());
  const operatorsFile = join(opts.dataDir, 'operators.sqlite');
  const localDirectory = open(
    () => new SqliteOperatorDirectory({ file: operatorsFile, ...(opts.now ? { now: opts.now } : {}), ...(opts.scrypt ? { scrypt: opts.scrypt } : {}) }),
  );
  // The desk's own directory, or the team's in front of it when the team store says so (D78).
  const directory = localDirectory && new DeskDirectory(localDirectory);
  // --- Audit log: one per data folder, hash-chained, key in the secret store. ---
  const auditFile = join(opts.dataDir, AUDIT_FILE);
  // Not while the secrets file is damaged: the log would write its signing key over it.
  const audit = problems.some((p) => p.file === 'secrets')
    ? undefined
    : open(() =>
        guardFile('audit', auditFile, 'history', () => openAuditLog({ dataDir: opts.dataDir, secrets: opts.secrets, ...(opts.now ? { now: opts.now } : {}), log })),
      );
  // --- Write pipeline's durable outbox (docs/writes.md); a damaged one is a recovery choice too. ---
  const outboxFile = join(opts.dataDir, 'outbox.sqlite');
  const outboxStore = open(() => guardFile('outbox', outboxFile, 'queued', () => new OutboxStore(outboxFile)));
  if (problems.length || !profiles || !directory || !audit || !outboxStore) {
    directory?.close();
    audit?.close();
    outboxStore?.close();
    return problems;
  }

  // --- Team store: the audit log shipped in the background; never awaited by a write. ---
  const team = startTeamDesk({
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    audit,
    directory,
    log,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
  });
  // ---

  // Security events go to the audit log as 'event' entries (and to the host's hook).
  const emit = (e: SecurityEvent) => {
    try {
      audit.append(toAuditInput(e));
    } catch {
      log('audit log: a security event could not be recorded');
    }
    try {
      opts.onSecurityEvent?.(e);
    } catch {
      log('security event hook failed');
    }
  };
  const kiosk = opts.kiosk ?? false;
  const session = new DeskSession({
    directory,
    idleLockMs: idleLockMs(kiosk, opts),
    demoOperators: opts.demoOperators === true,
    ...(opts.now ? { now: opts.now } : {}),
    onEvent: (e) => emit({ type: 'session', ...e }),
  });
  // Demo operators go into the desk's own directory, never the team's.
  const ready = opts.demoOperators ? seedDemoOperators(directory.local) : Promise.resolve();
  ready.catch(() => log('demo operators could not be seeded'));

  const connection = new Connection(profiles, {
    log,
    ...(opts.sandbox ? { sandbox: opts.sandbox } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  // The signed-in operator: the author of every comment and the userID of every signed request.
  const operator = (): Operator => session.requireOperator();
  const ctx: ServiceContext = {
    client: async () => bindOperator(await connection.client(), () => operator().id),
    operator,
    now: opts.now ?? Date.now,
    applicationId: 'CSR-DESK',
    audit,
    operatorNames: operatorNamesOf(directory),
  };
  // ── Write pipeline: the durable outbox in the data folder, sent with each item's own profile.
  const outbox = new WritePipeline({
    store: outboxStore,
    audit,
    clientFor: (name) => connection.clientFor(profiles.get(name)),
    coreClientFor: (name) => connection.coreClientFor(profiles.get(name)),
    profileExists: (name) => profiles.list().some((p) => p.name === name),
    activeProfile: () => profiles.activeName,
    operator,
    now: ctx.now,
    applicationId: ctx.applicationId,
    log,
    ...opts.outbox,
  });
  outbox.start();
  // --- Supervisor workspace: the desk's log, or the team store through a reader login. ---
  const supervision = new SupervisionSources({ dataDir: opts.dataDir, auditFile: audit.file, deskId: audit.deskId, secrets: opts.secrets, log, ...(opts.now ? { now: opts.now } : {}) });
  const commentsOf = commentHandlers(ctx, outbox)['comments.list'];
  // ---
  const handlers: Handlers = {
    async 'app.info'() {
      const p = profiles.active();
      return {
        version: opts.version,
        transport: opts.transport,
        kiosk,
        profile: p ? await profiles.view(p, connection.displayUrl(p)) : null,
        operator: session.current()?.operator.id ?? '',
        problems: [],
      };
    },
    ...accountHandlers(ctx, outbox),
    ...deliveryMatchHandlers(ctx),
    ...accountCreateHandlers(ctx, outbox),
    ...billingGroupHandlers(ctx, outbox),
    ...commentHandlers(ctx, outbox),
    ...addressHandlers(ctx, outbox),
    ...cardHandlers(ctx, outbox, { ...(opts.cardFormHost ? { formHost: opts.cardFormHost } : {}), ...(opts.fetch ? { fetch: opts.fetch } : {}) }),
    ...planHandlers(ctx, () => connection.coreClient(), outbox),
    ...outboxHandlers(outbox),
    ...settingsHandlers(profiles, connection),
    ...draftHandlers(new DraftStore(join(opts.dataDir, 'drafts.json'), { log }), new UiPrefsStore(join(opts.dataDir, 'ui-prefs.json')), ctx),
    ...auditHandlers(audit, () => session.current()?.operator ?? null, opts.now),
    ...supervisionHandlers({
      sources: supervision,
      audit,
      operator,
      comments: async (accountNo) => (await commentsOf({ accountNo }, { transport: 'test', trustedSender: true })).comments,
      appended: () => team.notify(),
      waitShipped: (seq) => waitShipped(team, seq),
      ...(opts.now ? { now: opts.now } : {}),
    }),
    // Team store settings (docs/team-store.md): admins, not on a kiosk.
    ...teamStoreHandlers({ dataDir: opts.dataDir, secrets: opts.secrets, team }),
    ...sessionHandlers(session, directory, { ready, onEvent: (e) => emit({ type: 'operators', by: session.current()?.operator ?? null, ...e }) }),
    // Nothing is damaged while the services run: it answers NOT_FOUND.
    'localState.moveAside': moveAsideHandler,
  };
  const router = createRouter(
    handlers,
    {
      log,
      authorize: accessCheck({ session, kiosk, onRefused: (r) => emit({ type: 'refused', ...r }) }),
      ...(opts.checkOutputs ? { checkOutputs: true } : {}),
    },
  );
  return { router, profiles, connection, session, directory, audit, team, supervision, outbox, outboxStore, ready };
}

/** Up to 2 s for the shipper to confirm `seq`, only while it is healthy (a review shows in the team store at once). */
async function waitShipped(team: TeamDesk, seq: number): Promise<void> {
  const healthy = () => {
    const s = team.status().shipping;
    return !!s && !s.lastError;
  };
  if (!team.enabled || !healthy()) return;
  const end = Date.now() + 2_000;
  while (Date.now() < end && healthy() && (team.status().shipping?.shippedSeq ?? 0) < seq) await new Promise((r) => setTimeout(r, 50));
}

/** Recovery mode: what the app can still do while a local file cannot be read. */
function recoveryHandlers(opts: CoreOptions, problems: () => LocalStateProblem[], moveAsideHandler: Handlers['localState.moveAside']): Handlers {
  const refuse = async () => {
    throw new CoreError('DAMAGED_DATA', say('damagedFirst'));
  };
  const all = Object.fromEntries(CHANNELS.map((c) => [c, refuse])) as unknown as Handlers;
  return {
    ...all,
    async 'app.info'() {
      return { version: opts.version, transport: opts.transport, kiosk: opts.kiosk ?? false, profile: null, operator: '', problems: problems() };
    },
    'localState.moveAside': moveAsideHandler,
  };
}

/**
 * The operators' names by login name, read from the directory at most once a minute (a
 * team directory is a database away); a directory that cannot be read gives the last names
 * known, or none: comments then show their authors' login names.
 */
function operatorNamesOf(directory: OperatorDirectory): () => Promise<ReadonlyMap<string, string>> {
  let names: ReadonlyMap<string, string> = new Map();
  let readAt = -Infinity;
  return async () => {
    if (performance.now() - readAt < 60_000) return names;
    try {
      names = new Map((await directory.list()).map((o) => [o.id, o.displayName]));
      readAt = performance.now();
    } catch {
      // Offline team directory: keep what was known.
    }
    return names;
  };
}
