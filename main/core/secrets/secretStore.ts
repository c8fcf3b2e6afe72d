// Where connection secrets (authKey, signing secret) live. Only main ever holds them;
// no IPC channel returns one. Implementations: in memory (tests), an encrypted file
// (plain Node / web host) and Electron safeStorage (main/electron).
import { CoreError } from '../errors';
import { say } from '../../../shared/ipc/say';

export interface SecretStore {
  readonly kind: string;
  /** undefined when absent; throws SecretUnreadableError when present but undecryptable. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /**
   * At start: throws DamagedFileError when the store's file exists but does not parse, so
   * the app can say so and offer to start fresh (D50). Stores without a file leave it out.
   */
  check?(): void;
}

export class SecretUnreadableError extends CoreError {
  constructor(key: string) {
    // Keys are "profile:<name>:<which>"; the name tells the UI whose secrets to ask for.
    const m = /^profile:(.*):([^:]+)$/.exec(key);
    const which = m?.[2] ?? key;
    super(
      'SECRET_UNREADABLE',
      m ? say('secretUnreadable', { profile: m[1]! }) : say('secretUnreadableGeneral'),
      [],
      m?.[1],
    );
    this.message = `A stored secret (${which}${m ? ` of the profile "${m[1]}"` : ''}) can no longer be read on this machine. Enter it again in Settings.`;
  }
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  private readonly map = new Map<string, string>();
  async get(key: string) {
    return this.map.get(key);
  }
  async set(key: string, value: string) {
    this.map.set(key, value);
  }
  async delete(key: string) {
    this.map.delete(key);
  }
  async has(key: string) {
    return this.map.has(key);
  }
}
