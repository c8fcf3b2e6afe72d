// Connection profiles: non-secret fields in settings.json, secrets in the SecretStore.
// The embedded sandbox profile always exists; its credentials are generated on first run.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ProfileView } from '../../../shared/ipc';
import { BASE_URL_NOT_SECURE, isSecureBaseUrl } from '../../../shared/amps/baseUrl';
import { CoreError } from '../errors';
import { DamagedFileError } from '../localState/damaged';
import { SecretUnreadableError, type SecretStore } from '../secrets/secretStore';
import { say } from '../../../shared/ipc/say';

export const SANDBOX_PROFILE = 'Sandbox (embedded)';

export interface StoredProfile {
  name: string;
  kind: 'sandbox' | 'remote';
  /** For the sandbox profile, resolved when the embedded sandbox is up. */
  baseUrl: string;
  clientNo: number;
  userID: string;
  signatureVersion: '1.0' | '2.0';
}

export interface Credentials {
  authKey: string;
  signingSecret: string;
}

interface SettingsFile {
  active: string | null;
  profiles: StoredProfile[];
}

/** A remote profile whose base URL would send the authKey and signatures in clear text. */
export function insecureBaseUrl(profile: string): CoreError {
  return new CoreError(
    'VALIDATION',
    say('profileInsecure', { profile }),
    [{ path: 'baseUrl', message: BASE_URL_NOT_SECURE }],
    profile,
  );
}

/** What settings.json must hold; anything else is a damaged file (D50), never a crash. */
const settingsSchema = z.object({
  active: z.string().nullable(),
  profiles: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['sandbox', 'remote']),
      baseUrl: z.string(),
      clientNo: z.number(),
      userID: z.string(),
      signatureVersion: z.enum(['1.0', '2.0']),
    }),
  ),
});

function readSettings(file: string): SettingsFile {
  if (!existsSync(file)) return { active: null, profiles: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DamagedFileError('settings', file, 'settings.json is not valid JSON.', 'settings');
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.join('.') || '(top level)';
    throw new DamagedFileError('settings', file, `settings.json does not hold connection profiles (at ${at}).`, 'settings');
  }
  return parsed.data;
}

const secretKey = (profile: string, which: keyof Credentials) => `profile:${profile}:${which}`;

export class ProfileStore {
  private settings: SettingsFile;

  constructor(
    private readonly file: string,
    private readonly secrets: SecretStore,
    defaultUserID = 'csr-agent',
  ) {
    this.settings = readSettings(file);
    if (!this.settings.profiles.some((p) => p.kind === 'sandbox')) {
      this.settings.profiles.unshift({
        name: SANDBOX_PROFILE,
        kind: 'sandbox',
        baseUrl: 'embedded',
        clientNo: 90000001,
        userID: defaultUserID,
        signatureVersion: '2.0',
      });
    }
    this.settings.active ??= SANDBOX_PROFILE;
    this.persist();
  }

  private persist() {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.settings, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }

  list(): StoredProfile[] {
    return this.settings.profiles.map((p) => ({ ...p }));
  }

  get(name: string): StoredProfile {
    const p = this.settings.profiles.find((x) => x.name === name);
    if (!p) throw new CoreError('NOT_FOUND', say('noSuchProfile', { profile: name }), [{ path: 'name', message: 'unknown profile' }]);
    return { ...p };
  }

  get activeName(): string | null {
    return this.settings.active;
  }

  active(): StoredProfile | null {
    return this.settings.active ? this.get(this.settings.active) : null;
  }

  async save(
    p: Omit<StoredProfile, 'kind' | 'baseUrl' | 'clientNo'> & { baseUrl?: string; clientNo?: number } & Partial<Credentials>,
  ): Promise<StoredProfile> {
    const existing = this.settings.profiles.find((x) => x.name === p.name);
    if (existing?.kind === 'sandbox') {
      // The embedded profile's URL and credentials are managed by the app.
      existing.userID = p.userID;
      existing.signatureVersion = p.signatureVersion;
      this.persist();
      return { ...existing };
    }
    if (p.baseUrl === undefined || p.clientNo === undefined)
      throw new CoreError('VALIDATION', say('profileNeedsAddress'), [
        ...(p.baseUrl === undefined ? [{ path: 'baseUrl', message: 'required' }] : []),
        ...(p.clientNo === undefined ? [{ path: 'clientNo', message: 'required' }] : []),
      ]);
    // Also checked by the contract; here again for any caller that is not the router (D23).
    if (!isSecureBaseUrl(p.baseUrl)) throw insecureBaseUrl(p.name);
    if (!existing && (!p.authKey || !p.signingSecret))
      throw new CoreError('VALIDATION', say('profileNeedsSecrets'), [
        ...(!p.authKey ? [{ path: 'authKey', message: 'required for a new profile' }] : []),
        ...(!p.signingSecret ? [{ path: 'signingSecret', message: 'required for a new profile' }] : []),
      ]);
    const stored: StoredProfile = {
      name: p.name,
      kind: 'remote',
      baseUrl: p.baseUrl,
      clientNo: p.clientNo,
      userID: p.userID,
      signatureVersion: p.signatureVersion,
    };
    if (p.authKey) await this.secrets.set(secretKey(p.name, 'authKey'), p.authKey);
    if (p.signingSecret) await this.secrets.set(secretKey(p.name, 'signingSecret'), p.signingSecret);
    if (existing) Object.assign(existing, stored);
    else this.settings.profiles.push(stored);
    this.persist();
    return stored;
  }

  async delete(name: string): Promise<boolean> {
    const p = this.get(name);
    if (p.kind === 'sandbox') throw new CoreError('VALIDATION', say('sandboxProfileKept'), [{ path: 'name', message: 'built in' }]);
    this.settings.profiles = this.settings.profiles.filter((x) => x.name !== name);
    if (this.settings.active === name) this.settings.active = SANDBOX_PROFILE;
    await this.secrets.delete(secretKey(name, 'authKey'));
    await this.secrets.delete(secretKey(name, 'signingSecret'));
    this.persist();
    return true;
  }

  activate(name: string): StoredProfile {
    const p = this.get(name);
    this.settings.active = name;
    this.persist();
    return p;
  }

  /** One stored secret of a remote profile, or undefined when none is stored ("Test connection" with typed values). */
  async storedSecret(name: string, which: keyof Credentials): Promise<string | undefined> {
    return this.secrets.get(secretKey(name, which));
  }

  /** The profile's secrets; for the sandbox profile they are generated on first use. */
  async credentials(name: string): Promise<Credentials> {
    const p = this.get(name);
    // The sandbox profile's secrets are the app's own: if they no longer decrypt (keychain
    // reset, new key file) nobody could re-enter them, so make new ones instead.
    const readOrForget = async (which: keyof Credentials) => {
      try {
        return await this.secrets.get(secretKey(name, which));
      } catch (e) {
        if (p.kind === 'sandbox' && e instanceof SecretUnreadableError) return undefined;
        throw e;
      }
    };
    let authKey = await readOrForget('authKey');
    let signingSecret = await readOrForget('signingSecret');
    if (p.kind === 'sandbox' && (!authKey || !signingSecret)) {
      authKey = randomBytes(16).toString('hex');
      signingSecret = randomBytes(32).toString('hex');
      await this.secrets.set(secretKey(name, 'authKey'), authKey);
      await this.secrets.set(secretKey(name, 'signingSecret'), signingSecret);
    }
    if (!authKey || !signingSecret)
      throw new CoreError('NOT_CONFIGURED', say(!authKey ? 'profileLacksAuthKey' : 'profileLacksSecret', { profile: name }), [], name);
    return { authKey, signingSecret };
  }

  async view(p: StoredProfile, baseUrl = p.baseUrl): Promise<ProfileView> {
    let secretsReadable = true;
    const has = async (which: keyof Credentials) => {
      try {
        return (await this.secrets.get(secretKey(p.name, which))) !== undefined;
      } catch (e) {
        if (e instanceof SecretUnreadableError) {
          secretsReadable = p.kind === 'sandbox'; // regenerated on next use, see credentials()
          return true;
        }
        throw e;
      }
    };
    const hasAuthKey = await has('authKey');
    const hasSigningSecret = await has('signingSecret');
    return { ...p, baseUrl, hasAuthKey: hasAuthKey || p.kind === 'sandbox', hasSigningSecret: hasSigningSecret || p.kind === 'sandbox', secretsReadable };
  }
}
