// A desk's team-store settings: <data folder>/team-store.json holds the URL and TLS choice
// (nothing secret); the password lives in the secret store under TEAM_PASSWORD_KEY. Absent
// file = the desk works alone (the embedded default). CSR_TEAM_STORE_URL (with
// CSR_TEAM_STORE_TLS, CSR_TEAM_STORE_CA, CSR_TEAM_STORE_READER_URL) overrides the file, for
// managed installs. readerUrl (optional) is the supervisor workspace's reader login.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SecretStore } from '../secrets/secretStore';
import { TeamStoreError, type TeamConnection, type TlsMode } from './store';

export const TEAM_PASSWORD_KEY = 'team-store:password';
/** The supervisor reader login's password (readerUrl's role), agreed with the supervisor workspace. */
export const TEAM_READER_PASSWORD_KEY = 'team-store:reader-password';
/** The directory maintainer login's password (directoryUrl's role). */
export const TEAM_DIRECTORY_PASSWORD_KEY = 'team-store:directory-password';
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
  /**
   * Sign-in uses the team's operator directory (team.operators, cached on this desk for
   * offline sign-in) instead of this desk's own (D78).
   */
  directory?: boolean;
  /**
   * Optional: the directory maintainer's login (a csr_team_directory role), password under
   * TEAM_DIRECTORY_PASSWORD_KEY. Only on the desks where admins add, disable and reset
   * operators of the team directory (D78); other desks only read it with the desk role.
   */
  directoryUrl?: string;
}

const TLS: readonly TlsMode[] = ['disable', 'require', 'verify-full'];

/** A settings problem, naming the field (url, readerUrl, directoryUrl, tls, caFile). */
export class TeamSettingsError extends TeamStoreError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('config', message);
  }
}

const URL_NAMES: Record<string, string> = { url: 'The team store URL', readerUrl: "The team store's reader URL", directoryUrl: "The team store's directory login URL" };
const WHOSE: Record<string, string> = { url: "this desk's database user", readerUrl: "the supervisor's database user", directoryUrl: "the directory maintainer's database user" };

/** A postgres:// URL naming a user and holding no password. */
function checkUrl(field: 'url' | 'readerUrl' | 'directoryUrl', v: unknown): string {
  const name = URL_NAMES[field]!;
  if (typeof v !== 'string' || !/^postgres(ql)?:\/\//.test(v)) throw new TeamSettingsError(field, `${name} must be postgres://user@host:port/database`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new TeamSettingsError(field, `${name} is not a URL (postgres://user@host:5432/database)`);
  }
  if (u.password) throw new TeamSettingsError(field, `${name} must not hold the password: it is kept in the secret store.`);
  if (!u.username) throw new TeamSettingsError(field, `${name} must name ${WHOSE[field]} (postgres://user@host/database)`);
  return v;
}

export function validateTeamSettings(s: unknown): TeamStoreSettings {
  const o = (s ?? {}) as Record<string, unknown>;
  const url = checkUrl('url', o.url);
  const readerUrl = o.readerUrl === undefined || o.readerUrl === '' ? undefined : checkUrl('readerUrl', o.readerUrl);
  const directoryUrl = o.directoryUrl === undefined || o.directoryUrl === '' ? undefined : checkUrl('directoryUrl', o.directoryUrl);
  if (o.tls !== undefined && !TLS.includes(o.tls as TlsMode)) throw new TeamSettingsError('tls', `The team store's tls must be one of ${TLS.join(', ')}`);
  if (o.caFile !== undefined && typeof o.caFile !== 'string') throw new TeamSettingsError('caFile', "The team store's caFile must be a file path");
  if (o.directory !== undefined && typeof o.directory !== 'boolean') throw new TeamSettingsError('directory', "The team store's directory must be true or false");
  return {
    url,
    ...(o.tls ? { tls: o.tls as TlsMode } : {}),
    ...(o.caFile ? { caFile: o.caFile as string } : {}),
    ...(readerUrl ? { readerUrl } : {}),
    ...(o.directory ? { directory: true } : {}),
    ...(directoryUrl ? { directoryUrl } : {}),
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

/**
 * Which store a URL names, for the ship cursor: host, port and database (and libpq's
 * parameters, such as a socket folder), not the user. The same store under another login
 * keeps its cursor; another server or database starts from entry 1.
 */
export function teamStoreKey(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.hostname = u.hostname.toLowerCase();
  if (!u.port) u.port = '5432';
  return u.toString();
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

/** The directory maintainer's login (directoryUrl + TEAM_DIRECTORY_PASSWORD_KEY), or null when this desk has none. */
export async function teamDirectoryConnection(s: TeamStoreSettings, secrets: SecretStore): Promise<TeamConnection | null> {
  if (!s.directoryUrl) return null;
  const password = await secrets.get(TEAM_DIRECTORY_PASSWORD_KEY);
  if (password === undefined) throw new TeamStoreError('config', "The team directory login's password is not in this desk's secret store. Enter it in Settings.");
  return { url: s.directoryUrl, password, ...(s.tls ? { tls: s.tls } : {}), ...(s.caFile ? { caFile: s.caFile } : {}) };
}

/** Removes the settings file (the desk works alone again) and the passwords. */
export async function removeTeamSettings(dataDir: string, secrets: SecretStore): Promise<void> {
  rmSync(join(dataDir, TEAM_SETTINGS_FILE), { force: true });
  for (const k of [TEAM_PASSWORD_KEY, TEAM_READER_PASSWORD_KEY, TEAM_DIRECTORY_PASSWORD_KEY]) await secrets.delete(k);
}
