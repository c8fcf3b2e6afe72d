// Connection secrets sealed by the OS keychain through Electron safeStorage (async API,
// Electron ≥ 39), kept as base64 blobs in one JSON file in userData. A blob that no longer
// decrypts (keychain reset, folder copied to another machine) throws SecretUnreadableError,
// which the router answers as SECRET_UNREADABLE: the renderer shows a re-entry screen.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import { CoreError } from '../core/errors';
import { DamagedFileError } from '../core/localState/damaged';
import { SecretUnreadableError, type SecretStore } from '../core/secrets/secretStore';
import { chooseSafeStorageBackend, unavailableDecision, type BackendDecision } from './secretBackend';
import { say } from '../../shared/ipc/say';

/** The part of Electron's safeStorage this store uses (tests pass a fake). */
export type SafeStorageApi = Pick<
  SafeStorage,
  'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'
>;

export interface SafeStorageSecretStoreOptions {
  file: string;
  safeStorage: SafeStorageApi;
  platform?: NodeJS.Platform;
  /** The operator accepted Linux's basic_text backend. */
  allowBasicText?: boolean;
  log?: (line: string) => void;
}

type Blobs = Record<string, string>;

export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safe-storage';
  private decision: Promise<BackendDecision> | undefined;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly opts: SafeStorageSecretStoreOptions) {
    this.platform = opts.platform ?? process.platform;
  }

  /** Decided once, on first use (safeStorage is usable only after app 'ready'). */
  private usable(): Promise<BackendDecision> {
    this.decision ??= (async (): Promise<BackendDecision> => {
      const backend = this.platform === 'linux' ? this.opts.safeStorage.getSelectedStorageBackend() : undefined;
      const choice = chooseSafeStorageBackend(this.platform, backend, this.opts.allowBasicText === true);
      if (!choice.ok) return choice;
      if (choice.usePlainText) {
        this.opts.log?.('secrets: basic_text backend accepted by operator opt-in');
        this.opts.safeStorage.setUsePlainTextEncryption(true);
      }
      const available = await this.opts.safeStorage.isAsyncEncryptionAvailable().catch(() => false);
      return available ? choice : unavailableDecision();
    })();
    return this.decision;
  }

  private async ensureUsable(): Promise<void> {
    const d = await this.usable();
    if (!d.ok) throw Object.assign(new CoreError('NOT_CONFIGURED', say('secretStoreUnavailable')), { message: d.message });
  }

  /** For the startup log and diagnostics: why secrets are refused, or null when usable. */
  async refusal(): Promise<string | null> {
    const d = await this.usable();
    return d.ok ? null : d.message;
  }

  /** At start: a file that does not parse is reported (D50) instead of reading as "every secret unreadable". */
  check(): void {
    if (this.readAll().damaged) throw new DamagedFileError('secrets', this.opts.file, 'The secrets file is not valid JSON.', 'secrets');
  }

  /** The stored blobs; `damaged` when the file exists but cannot be parsed. */
  private readAll(): { blobs: Blobs; damaged: boolean } {
    if (!existsSync(this.opts.file)) return { blobs: Object.create(null) as Blobs, damaged: false };
    try {
      const v = JSON.parse(readFileSync(this.opts.file, 'utf8')) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        // Null prototype: a key can never reach Object.prototype.
        const blobs: Blobs = Object.create(null) as Blobs;
        for (const [k, b] of Object.entries(v)) if (typeof b === 'string') blobs[k] = b;
        return { blobs, damaged: false };
      }
    } catch {
      // A damaged file reads as "every secret unreadable", never as a crash.
    }
    return { blobs: Object.create(null) as Blobs, damaged: true };
  }

  private writeAll(blobs: Blobs): void {
    mkdirSync(dirname(this.opts.file), { recursive: true });
    const tmp = `${this.opts.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(blobs), { mode: 0o600 });
    renameSync(tmp, this.opts.file); // atomic: a crash leaves the old file or the new one
    try {
      chmodSync(this.opts.file, 0o600);
    } catch {
      /* not supported on every file system */
    }
  }

  async get(key: string): Promise<string | undefined> {
    const { blobs, damaged } = this.readAll();
    if (damaged) throw new SecretUnreadableError(key);
    if (!Object.hasOwn(blobs, key)) return undefined;
    const blob = blobs[key]!;
    await this.ensureUsable();
    let opened: { result: string; shouldReEncrypt: boolean };
    try {
      opened = await this.opts.safeStorage.decryptStringAsync(Buffer.from(blob, 'base64'));
    } catch {
      throw new SecretUnreadableError(key);
    }
    const { result, shouldReEncrypt } = opened;
    if (shouldReEncrypt) {
      // The OS rotated the key: store the value under the new one (best effort).
      await this.set(key, result).catch(() => this.opts.log?.('secrets: re-encryption after key rotation failed'));
    }
    return result;
  }

  async set(key: string, value: string): Promise<void> {
    await this.ensureUsable();
    const sealed = await this.opts.safeStorage.encryptStringAsync(value);
    const { blobs } = this.readAll(); // a damaged file is replaced: its secrets were unreadable anyway
    blobs[key] = Buffer.from(sealed).toString('base64');
    this.writeAll(blobs);
  }

  async delete(key: string): Promise<void> {
    const { blobs } = this.readAll();
    if (!Object.hasOwn(blobs, key)) return;
    delete blobs[key];
    this.writeAll(blobs);
  }

  async has(key: string): Promise<boolean> {
    return Object.hasOwn(this.readAll().blobs, key);
  }
}
