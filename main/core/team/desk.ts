// The team store as one desk uses it: when <data folder>/team-store.json (or
// CSR_TEAM_STORE_URL) configures one, the desk's audit log is shipped there in the
// background, and with `directory: true` the desk signs in with the team's operator
// directory (cached on the desk for offline sign-in). Nothing here is awaited by the desk's
// work: a missing password, a store that cannot be reached or refuses are reported in
// status() and the log, and entries wait. reload() applies saved settings without a restart.
import { join } from 'node:path';
import type { AuditLog } from '../audit/types';
import type { OperatorDirectory } from '../operators/directory';
import type { LockoutPolicy } from '../operators/lockout';
import type { ScryptParams } from '../operators/passwords';
import type { SecretStore } from '../secrets/secretStore';
import { readTeamSettings, teamConnection, teamDirectoryConnection, teamStoreKey, type TeamStoreSettings } from './config';
import { TeamOperatorDirectory } from './operators';
import { TeamShipper, type ShipStatus } from './shipper';
import { classify, poolConfig, TeamStore, type TeamFault } from './store';
import pg from 'pg';

export const SHIP_CURSOR_FILE = 'team-ship.sqlite';
export const TEAM_OPERATORS_FILE = 'team-operators.sqlite';

export interface TeamDirectoryStatus {
  /** When this desk's copy of the team directory last matched the store (ISO), null if never. */
  refreshedAt: string | null;
  operators: number;
  /** This desk has a directory login (may add, disable and reset operators). */
  canChange: boolean;
}

export interface TeamDeskStatus {
  configured: boolean;
  /** postgres://user@host/db (no password), when configured. */
  url: string | null;
  /** The shipper's state; null before it could start (see problem). */
  shipping: ShipStatus | null;
  /** Entries on this desk the team store has not confirmed yet; null when unknown. */
  queued: number | null;
  /** Why shipping could not start (no password, bad settings), in words. */
  problem: string | null;
  /** Its kind ('config': settings or password; 'schema', 'other'). */
  problemFault: TeamFault | null;
  /** The team operator directory, when this desk signs in with it. */
  directory: TeamDirectoryStatus | null;
}

export interface TeamDesk {
  /** A team store is configured (and so close() has work to wait for). */
  readonly enabled: boolean;
  status(): TeamDeskStatus;
  /** Entries were appended: ship soon. */
  notify(): void;
  /** Re-reads the settings (after a save) and restarts shipping and the directory with them. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Where the desk's sign-in directory is swapped (DeskDirectory). */
export interface DirectorySlot {
  useTeam(d: OperatorDirectory | null): void;
}

export interface TeamDeskOptions {
  dataDir: string;
  secrets: SecretStore;
  audit: Pick<AuditLog, 'since'> & { lastSeq?(): number };
  /** With it, `directory: true` in the settings puts the team's directory in this slot. */
  directory?: DirectorySlot;
  log?: (line: string) => void;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  /** Shipper tuning (tests). */
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Team directory tuning: refresh period (default 5 min), password hashing and lockout (tests). */
  directoryRefreshMs?: number;
  scrypt?: ScryptParams;
  lockout?: LockoutPolicy;
}

interface Running {
  settings: TeamStoreSettings;
  store: TeamStore | null;
  shipper: TeamShipper | null;
  dir: TeamOperatorDirectory | null;
  admin: pg.Pool | null;
  timer: ReturnType<typeof setInterval> | null;
  problem: string | null;
  problemFault: TeamFault | null;
  stopped: boolean;
  started: Promise<void>;
}

/** Starts shipping when a team store is configured; a desk that works alone gets a no-op. */
export function startTeamDesk(o: TeamDeskOptions): TeamDesk {
  const log = o.log ?? (() => {});
  let run: Running | null = null;
  let settingsProblem: string | null = null;
  let settingsFault: TeamFault | null = null;
  let chain: Promise<void> = Promise.resolve();

  const begin = () => {
    settingsProblem = null;
    settingsFault = null;
    let settings: TeamStoreSettings | null = null;
    try {
      settings = readTeamSettings(o.dataDir, o.env);
    } catch (e) {
      settingsProblem = classify(e).message;
      settingsFault = 'config';
      log(`team store: settings not used: ${settingsProblem}`);
    }
    if (!settings) {
      o.directory?.useTeam(null);
      run = null;
      return;
    }
    const r: Running = { settings, store: null, shipper: null, dir: null, admin: null, timer: null, problem: null, problemFault: null, stopped: false, started: Promise.resolve() };
    run = r;
    let storeReady: (s: TeamStore | null) => void = () => {};
    const storeP = new Promise<TeamStore | null>((res) => (storeReady = res));
    if (settings.directory && o.directory) {
      // In place at once (sign-in works from the cache while the connection is being made).
      r.dir = new TeamOperatorDirectory({
        // The directory reads with the desk's own role, through the store's pool.
        db: {
          query: (async (...args: Parameters<pg.Pool['query']>) => {
            const s = await storeP;
            if (!s) throw new Error(r.problem ?? 'team store not connected');
            return (s.pool.query as (...a: unknown[]) => unknown)(...args);
          }) as unknown as pg.Pool['query'],
        },
        cacheFile: join(o.dataDir, TEAM_OPERATORS_FILE),
        admin: async () => {
          if (r.stopped) return null;
          if (r.admin) return r.admin;
          const c = await teamDirectoryConnection(settings, o.secrets);
          if (!c) return null;
          r.admin = new pg.Pool({ ...poolConfig(c), max: 1, application_name: 'csr-desk-directory' });
          r.admin.on('error', () => {});
          return r.admin;
        },
        ...(o.now ? { now: o.now } : {}),
        ...(o.scrypt ? { scrypt: o.scrypt } : {}),
        ...(o.lockout ? { lockout: o.lockout } : {}),
      });
      o.directory.useTeam(r.dir);
      const dir = r.dir;
      r.timer = setInterval(() => void dir.tryRefresh(), o.directoryRefreshMs ?? 5 * 60_000);
      r.timer.unref?.();
    } else o.directory?.useTeam(null);
    r.started = (async () => {
      try {
        const c = await teamConnection(settings, o.secrets);
        if (r.stopped) return storeReady(null);
        r.store = TeamStore.fromConnection(c, { log });
        storeReady(r.store);
        r.shipper = new TeamShipper({
          log: o.audit,
          store: r.store,
          file: join(o.dataDir, SHIP_CURSOR_FILE),
          storeKey: teamStoreKey(settings.url),
          onLog: log,
          ...(o.now ? { now: o.now } : {}),
          ...(o.pollMs ? { pollMs: o.pollMs } : {}),
          ...(o.minBackoffMs ? { minBackoffMs: o.minBackoffMs } : {}),
          ...(o.maxBackoffMs ? { maxBackoffMs: o.maxBackoffMs } : {}),
        });
        r.shipper.start();
        log(`team store: shipping the audit log to ${settings.url}`);
        if (r.dir && !(await r.dir.tryRefresh())) log('team store: the team directory could not be read now; signing in from this desk’s copy');
      } catch (e) {
        const c = classify(e);
        r.problem = c.message;
        r.problemFault = c.fault;
        storeReady(null);
        log(`team store: not shipping: ${r.problem}`);
      }
    })();
  };

  const end = async () => {
    const r = run;
    if (!r) return;
    r.stopped = true;
    await r.started;
    if (r.timer) clearInterval(r.timer);
    if (r.shipper) {
      await r.shipper.stop();
      r.shipper.close();
    }
    await r.store?.close();
    await r.admin?.end().catch(() => {});
    run = null;
  };

  begin();

  const status = (): TeamDeskStatus => {
    const r = run;
    if (!r) return { configured: settingsProblem !== null, url: null, shipping: null, queued: null, problem: settingsProblem, problemFault: settingsFault, directory: null };
    const shipping = r.shipper?.status() ?? null;
    const last = o.audit.lastSeq?.();
    return {
      configured: true,
      url: r.settings.url,
      shipping,
      queued: shipping && last !== undefined ? Math.max(0, last - shipping.shippedSeq) : null,
      problem: r.problem,
      problemFault: r.problemFault,
      directory: r.dir ? { refreshedAt: r.dir.refreshedAt(), operators: r.dir.countCached(), canChange: !!r.settings.directoryUrl } : null,
    };
  };

  return {
    get enabled() {
      return run !== null;
    },
    status,
    notify: () => run?.shipper?.notify(),
    reload() {
      chain = chain.then(async () => {
        await end();
        begin();
        await run?.started;
      });
      return chain;
    },
    async close() {
      await chain;
      await end();
      // The directory behind the slot is closed by its owner (DeskDirectory.close).
    },
  };
}
