// A desk's team-store settings: <data folder>/team-store.json holds the URL and TLS choice
// (nothing secret); the password lives in the secret store under TEAM_PASSWORD_KEY. Absent
// file = the desk works alone (the embedded default). CSR_TEAM_STORE_URL (with
// CSR_TEAM_STORE_TLS, CSR_TEAM_STORE_CA, CSR_TEAM_STORE_READER_URL) overrides the file, for
// managed installs. readerUrl (optional) is the supervisor workspace's reader login.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SecretStore } from '../secrets/secretStore';
import { TeamStoreError, type TeamConnection, type TlsMode } from './store';

export const TEAM_PASSWORD_KEY = 'team-store:password';
/** The supervisor reader login's password (readerUrl's role), agreed with the supervisor workspace. */
export const TEAM_READER_PASSWORD_KEY = 'team-store:reader-password';
export const TEAM_SETTINGS_FILE = 'team-store.json';

export interface TeamStoreSettings {
  /** postgres://desk_role@host:5432/database — no password in it. */
  url: string;
  tls?: TlsMode;
  /** PEM file of the CA that signed the server's certificate (verify-full). */
  caFile?: string;
  /**
   * Optional: postgres://supervisor_role@host:5432/database (no password; the password is in
   * the secret store under TEAM_READER_PASSWORD_KEY). The login the supervisor workspace reads
   * the team store with (csr_team_supervisor); same TLS mode and CA as `url`.
   */
  readerUrl?: string;
}

const TLS: readonly TlsMode[] = ['disable', 'require', 'verify-full'];

export function validateTeamSettings(s: unknown): TeamStoreSettings {
  const o = (s ?? {}) as Record<string, unknown>;
  if (typeof o.url !== 'string' || !/^postgres(ql)?:\/\//.test(o.url)) throw new TeamStoreError('config', 'The team store URL must be postgres://user@host:port/database');
  let u: URL;
  try {
    u = new URL(o.url);
  } catch {
    throw new TeamStoreError('config', 'The team store URL is not a URL (postgres://user@host:5432/database)');
  }
  if (u.password) throw new TeamStoreError('config', 'The team store URL must not hold the password: it is kept in the secret store.');
  if (!u.username) throw new TeamStoreError('config', "The team store URL must name this desk's database user (postgres://user@host/database)");
  if (o.readerUrl !== undefined && o.readerUrl !== '') {
    if (typeof o.readerUrl !== 'string' || !/^postgres(ql)?:\/\//.test(o.readerUrl))
      throw new TeamStoreError('config', "The team store's reader URL must be postgres://user@host:port/database");
    let r: URL;
    try {
      r = new URL(o.readerUrl);
    } catch {
      throw new TeamStoreError('config', "The team store's reader URL is not a URL (postgres://user@host:5432/database)");
    }
    if (r.password) throw new TeamStoreError('config', "The team store's reader URL must not hold the password: it is kept in the secret store.");
    if (!r.username) throw new TeamStoreError('config', "The team store's reader URL must name the supervisor's database user (postgres://user@host/database)");
  }
  if (o.tls !== undefined && !TLS.includes(o.tls as TlsMode)) throw new TeamStoreError('config', `The team store's tls must be one of ${TLS.join(', ')}`);
  if (o.caFile !== undefined && typeof o.caFile !== 'string') throw new TeamStoreError('config', "The team store's caFile must be a file path");
  return {
    url: o.url,
    ...(o.tls ? { tls: o.tls as TlsMode } : {}),
    ...(o.caFile ? { caFile: o.caFile as string } : {}),
    ...(o.readerUrl ? { readerUrl: o.readerUrl as string } : {}),
  };
}

/** The desk's team-store settings, or null when it works alone. */
export function readTeamSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): TeamStoreSettings | null {
  if (env.CSR_TEAM_STORE_URL)
    return validateTeamSettings({
      url: env.CSR_TEAM_STORE_URL,
      ...(env.CSR_TEAM_STORE_TLS ? { tls: env.CSR_TEAM_STORE_TLS } : {}),
      ...(env.CSR_TEAM_STORE_CA ? { caFile: env.CSR_TEAM_STORE_CA } : {}),
      ...(env.CSR_TEAM_STORE_READER_URL ? { readerUrl: env.CSR_TEAM_STORE_READER_URL } : {}),
    });
  const file = join(dataDir, TEAM_SETTINGS_FILE);
  if (!existsSync(file)) return null;
  return validateTeamSettings(JSON.parse(readFileSync(file, 'utf8')));
}

export async function saveTeamSettings(dataDir: string, secrets: SecretStore, s: TeamStoreSettings, password?: string): Promise<void> {
  const v = validateTeamSettings(s);
  const file = join(dataDir, TEAM_SETTINGS_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(v, null, 2));
  renameSync(`${file}.tmp`, file);
  if (password !== undefined) await secrets.set(TEAM_PASSWORD_KEY, password);
}

/** Settings + the password from the secret store, ready for TeamStore.fromConnection. */
export async function teamConnection(s: TeamStoreSettings, secrets: SecretStore): Promise<TeamConnection> {
  const password = await secrets.get(TEAM_PASSWORD_KEY);
  if (password === undefined) throw new TeamStoreError('config', "The team store's password is not in this desk's secret store. Enter it in Settings.");
  return { url: s.url, password, ...(s.tls ? { tls: s.tls } : {}), ...(s.caFile ? { caFile: s.caFile } : {}) };
}

/**
 * The supervisor reader login (readerUrl + TEAM_READER_PASSWORD_KEY), or null when none is
 * configured. Same TLS mode and CA file as the desk's connection.
 */
export async function teamReaderConnection(s: TeamStoreSettings, secrets: SecretStore): Promise<TeamConnection | null> {
  if (!s.readerUrl) return null;
  const password = await secrets.get(TEAM_READER_PASSWORD_KEY);
  if (password === undefined) throw new TeamStoreError('config', "The team store reader's password is not in this desk's secret store. Enter it in Settings.");
  return { url: s.readerUrl, password, ...(s.tls ? { tls: s.tls } : {}), ...(s.caFile ? { caFile: s.caFile } : {}) };
}
