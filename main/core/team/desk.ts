// The team store as one desk uses it: when <data folder>/team-store.json (or
// CSR_TEAM_STORE_URL) configures one, the desk's audit log is shipped there in the
// background. Nothing here is awaited by the desk's work: a missing password, a store that
// cannot be reached or refuses are reported in status() and the log, and entries wait.
import { join } from 'node:path';
import type { AuditLog } from '../audit/types';
import type { SecretStore } from '../secrets/secretStore';
import { readTeamSettings, teamConnection, type TeamStoreSettings } from './config';
import { TeamShipper, type ShipStatus } from './shipper';
import { classify, TeamStore } from './store';

export const SHIP_CURSOR_FILE = 'team-ship.sqlite';

export interface TeamDeskStatus {
  configured: boolean;
  /** postgres://user@host/db (no password), when configured. */
  url: string | null;
  /** The shipper's state; null before it could start (see problem). */
  shipping: ShipStatus | null;
  /** Why shipping could not start (no password, bad settings), in words. */
  problem: string | null;
}

export interface TeamDesk {
  /** A team store is configured (and so close() has work to wait for). */
  readonly enabled: boolean;
  status(): TeamDeskStatus;
  /** Entries were appended: ship soon. */
  notify(): void;
  close(): Promise<void>;
}

export interface TeamDeskOptions {
  dataDir: string;
  secrets: SecretStore;
  audit: Pick<AuditLog, 'since'>;
  log?: (line: string) => void;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  /** Shipper tuning (tests). */
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Starts shipping when a team store is configured; a desk that works alone gets a no-op. */
export function startTeamDesk(o: TeamDeskOptions): TeamDesk {
  const log = o.log ?? (() => {});
  let settings: TeamStoreSettings | null = null;
  let problem: string | null = null;
  try {
    settings = readTeamSettings(o.dataDir, o.env);
  } catch (e) {
    problem = classify(e).message;
  }
  if (!settings)
    return {
      enabled: false,
      status: () => ({ configured: problem !== null, url: null, shipping: null, problem }),
      notify: () => {},
      close: async () => {},
    };
  const url = settings.url;
  let store: TeamStore | null = null;
  let shipper: TeamShipper | null = null;
  let closed = false;
  const started = (async () => {
    try {
      const c = await teamConnection(settings, o.secrets);
      if (closed) return;
      store = TeamStore.fromConnection(c, { log });
      shipper = new TeamShipper({
        log: o.audit,
        store,
        file: join(o.dataDir, SHIP_CURSOR_FILE),
        onLog: log,
        ...(o.now ? { now: o.now } : {}),
        ...(o.pollMs ? { pollMs: o.pollMs } : {}),
        ...(o.minBackoffMs ? { minBackoffMs: o.minBackoffMs } : {}),
        ...(o.maxBackoffMs ? { maxBackoffMs: o.maxBackoffMs } : {}),
      });
      shipper.start();
      log(`team store: shipping the audit log to ${url}`);
    } catch (e) {
      problem = classify(e).message;
      log(`team store: not shipping: ${problem}`);
    }
  })();
  return {
    enabled: true,
    status: () => ({ configured: true, url, shipping: shipper?.status() ?? null, problem }),
    notify: () => shipper?.notify(),
    async close() {
      closed = true;
      await started;
      if (shipper) {
        await shipper.stop();
        shipper.close();
      }
      await store?.close();
    },
  };
}
