// Which source the workspace reads (decision D73): with no team store configured, the
// desk's own log; with one and a reader login (readerUrl, its password in the secret store
// under team-store:reader-password), the team store — unless it cannot be read right now,
// when the workspace falls back to the desk's own log and says why, never waiting long: a
// failure is remembered for RETRY_MS so every click does not wait out a connect timeout.
// Feedback for an agent is read with the desk's own role (team-store:password).
import type { SecretStore } from '../secrets/secretStore';
import type { SupervisionSourceView } from '../../../shared/ipc/supervision';
import { readTeamSettings, teamConnection, teamReaderConnection } from '../team/config';
import { classify, TeamStore, TeamStoreError, type TeamConnection } from '../team/store';
import { LocalAuditSource } from './local';
import type { AuditSource } from './source';
import { TeamAuditSource } from './team';

export const RETRY_MS = 30_000;
type Fallback = NonNullable<SupervisionSourceView['fallback']>;

const fallbackOf = (e: TeamStoreError): Fallback =>
  e.fault === 'auth' ? 'auth' : e.fault === 'unreachable' || e.fault === 'dropped' ? 'unreachable' : e.fault === 'schema' ? 'schema' : e.fault === 'config' ? 'config' : 'other';

export interface Picked {
  source: AuditSource;
  view: SupervisionSourceView;
}

export interface SupervisionSourcesOptions {
  dataDir: string;
  auditFile: string;
  deskId: string;
  secrets: SecretStore;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  log?: (line: string) => void;
  /** Connect timeout for the team store (default 3 s: a supervisor is not kept waiting). */
  connectTimeoutMs?: number;
}

export class SupervisionSources {
  readonly local: LocalAuditSource;
  private team: TeamAuditSource | null = null;
  private teamKey = '';
  private desk: TeamStore | null = null;
  private deskKey = '';
  /** The last failure of the reader login whose key it names; other settings are tried at once. */
  private failure: { at: number; error: TeamStoreError; key: string } | null = null;
  private readonly now: () => number;

  constructor(private readonly o: SupervisionSourcesOptions) {
    this.local = new LocalAuditSource(o.auditFile);
    this.now = o.now ?? Date.now;
  }

  private view(source: 'desk' | 'team', fallback: Fallback | null, detail: string | null, desks: SupervisionSourceView['desks'] = []): SupervisionSourceView {
    return { source, deskId: this.o.deskId, fallback, fallbackDetail: detail, desks };
  }

  private settings() {
    try {
      return { settings: readTeamSettings(this.o.dataDir, this.o.env) };
    } catch (e) {
      return { error: classify(e) };
    }
  }

  /** A team query failed: fall back (for RETRY_MS) and tell the caller. */
  failed(e: unknown, key = this.teamKey): TeamStoreError {
    const err = classify(e);
    this.failure = { at: this.now(), error: err, key };
    this.o.log?.(`supervision: the team store cannot be read (${err.fault}); showing this desk's own log`);
    return err;
  }

  /** The source to read now, with what the screen should say about it. */
  async pick(): Promise<Picked> {
    const s = this.settings();
    if ('error' in s && s.error) return { source: this.local, view: this.view('desk', 'config', s.error.message) };
    const settings = s.settings;
    if (!settings) return { source: this.local, view: this.view('desk', null, null) };
    if (!settings.readerUrl) return { source: this.local, view: this.view('desk', 'noReader', 'No reader login (readerUrl) is configured for the team store.') };
    let c: TeamConnection;
    try {
      const rc = await teamReaderConnection(settings, this.o.secrets);
      if (!rc) throw new TeamStoreError('config', 'No reader login is configured.');
      c = rc;
    } catch (e) {
      const err = classify(e);
      return { source: this.local, view: this.view('desk', fallbackOf(err), err.message) };
    }
    // A failure is remembered for the login it happened with: settings saved since (a corrected
    // password, another server) are tried at once.
    const key = JSON.stringify([c.url, c.tls, c.caFile, c.password]);
    if (this.failure && this.failure.key === key && this.now() - this.failure.at < RETRY_MS)
      return { source: this.local, view: this.view('desk', fallbackOf(this.failure.error), this.failure.error.message) };
    try {
      if (!this.team || key !== this.teamKey) {
        await this.team?.close();
        this.team = new TeamAuditSource(
          TeamStore.fromConnection({ ...c, connectTimeoutMs: this.o.connectTimeoutMs ?? 3_000, statementTimeoutMs: 20_000, max: 3, applicationName: 'csr-desk-supervisor' }, { ...(this.o.log ? { log: this.o.log } : {}) }),
        );
        this.teamKey = key;
      }
      await this.team.check();
      const desks = await this.team.freshness();
      this.failure = null;
      return { source: this.team, view: this.view('team', null, null, desks) };
    } catch (e) {
      const err = this.failed(e, key);
      return { source: this.local, view: this.view('desk', fallbackOf(err), err.message) };
    }
  }

  /** The desk's own team-store connection (for the feedback read path), or null when the desk works alone. */
  async deskStore(): Promise<TeamStore | null> {
    const s = this.settings();
    if ('error' in s || !s.settings) return null;
    const c = await teamConnection(s.settings, this.o.secrets);
    const key = JSON.stringify([c.url, c.tls, c.caFile, c.password]);
    if (!this.desk || key !== this.deskKey) {
      await this.desk?.close();
      this.desk = TeamStore.fromConnection({ ...c, connectTimeoutMs: this.o.connectTimeoutMs ?? 3_000, statementTimeoutMs: 20_000, max: 1, applicationName: 'csr-desk-feedback' });
      this.deskKey = key;
    }
    return this.desk;
  }

  async close(): Promise<void> {
    await this.team?.close();
    await this.desk?.close();
    await this.local.close();
  }
}
