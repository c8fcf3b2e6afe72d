// Where connection secrets (authKey, signing secret) live. Only main ever holds them;
// no IPC channel returns one. Implementations: in memory (tests), an encrypted file
// (plain Node / web host) and Electron safeStorage (main/electron).
import { CoreError } from '../errors';

export interface SecretStore {
  readonly kind: string;
  /** undefined when absent; throws SecretUnreadableError when present but undecryptable. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

export class SecretUnreadableError extends CoreError {
  constructor(key: string) {
    super('SECRET_UNREADABLE', `A stored secret (${key.split(':').pop()}) can no longer be read on this machine. Enter it again in Settings.`);
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
