// Secrets in one file, each value sealed with AES-256-GCM. The key comes from a key
// file readable only by this user (created 0600 on first use) or from a passphrase.
// This protects against casual disclosure (backups, screenshots of the folder); the
// desktop app uses the OS keychain through Electron safeStorage instead.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DamagedFileError } from '../localState/damaged';
import { SecretUnreadableError, type SecretStore } from './secretStore';

type Sealed = { iv: string; tag: string; data: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The key file ${path} is not a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}

export function keyFromPassphrase(passphrase: string, salt: string): Buffer {
  return scryptSync(passphrase, salt, 32);
}

export class EncryptedFileSecretStore implements SecretStore {
  readonly kind = 'encrypted-file';
  constructor(
    private readonly file: string,
    private readonly key: Buffer,
  ) {}

  check(): void {
    if (!existsSync(this.file)) return;
    let v: unknown;
    try {
      v = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      throw new DamagedFileError('secrets', this.file, 'The secrets file is not valid JSON.', 'secrets');
    }
    const sealed = (x: unknown) => !!x && typeof x === 'object' && ['iv', 'tag', 'data'].every((k) => typeof (x as Record<string, unknown>)[k] === 'string');
    if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every(sealed))
      throw new DamagedFileError('secrets', this.file, 'The secrets file does not hold sealed secrets.', 'secrets');
  }

  private readAll(): Record<string, Sealed> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Sealed>;
  }

  private writeAll(all: Record<string, Sealed>) {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, this.file); // atomic: a crash leaves the old file or the new one
    try {
      chmodSync(this.file, 0o600);
    } catch {
      /* not supported on every file system */
    }
  }

  async get(key: string) {
    const all = this.readAll();
    const sealed = Object.hasOwn(all, key) ? all[key] : undefined;
    if (!sealed) return undefined;
    try {
      // Only a full 16-byte tag: GCM would otherwise accept a tag cut to 4 bytes, and a
      // forger needs only 2^32 tries for that (D24). The IV is the 12 bytes set() writes.
      const iv = Buffer.from(String(sealed.iv), 'base64');
      const tag = Buffer.from(String(sealed.tag), 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('bad IV or tag length');
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(key, 'utf8')); // a value moved to another key fails too
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadableError(key);
    }
  }

  async set(key: string, value: string) {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(key, 'utf8'));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const all = this.readAll();
    all[key] = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    this.writeAll(all);
  }

  async delete(key: string) {
    const all = this.readAll();
    delete all[key];
    this.writeAll(all);
  }

  async has(key: string) {
    return Object.hasOwn(this.readAll(), key);
  }
}
