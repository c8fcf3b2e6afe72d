// security.md: secrets at rest via safeStorage; on Linux the basic_text backend is refused
// unless the operator opts in; undecryptable secrets lead to a re-entry screen (the
// SECRET_UNREADABLE error code reaches the renderer), never a crash.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../main/core/errors';
import { SecretUnreadableError } from '../../../main/core/secrets/secretStore';
import { SafeStorageSecretStore } from '../../../main/electron/safeStorageSecretStore';
import { fakeSafeStorage } from './fakeSafeStorage';
import { chooseSafeStorageBackend } from '../../../main/electron/secretBackend';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'csr-secrets-')), 'secrets.json');

describe('SafeStorageSecretStore', () => {
  it('round-trips secrets and stores only sealed blobs', async () => {
    const file = tmpFile();
    const s = new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await s.set('profile:Prod:authKey', 'CANARY-auth-123');
    expect(await s.get('profile:Prod:authKey')).toBe('CANARY-auth-123');
    expect(await s.has('profile:Prod:authKey')).toBe(true);
    expect(await s.get('profile:Prod:signingSecret')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('CANARY');
    await s.delete('profile:Prod:authKey');
    expect(await s.has('profile:Prod:authKey')).toBe(false);
  });

  it('uses the async safeStorage API (Electron ≥ 39)', async () => {
    const ss = fakeSafeStorage();
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: ss, platform: 'darwin' });
    await s.set('k', 'v');
    await s.get('k');
    expect(ss.encryptStringAsync).toHaveBeenCalledOnce();
    expect(ss.decryptStringAsync).toHaveBeenCalledOnce();
    expect(ss.isAsyncEncryptionAvailable).toHaveBeenCalled();
    // Not Linux: the backend question does not arise.
    expect(ss.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('refuses Linux basic_text without the operator’s opt-in, and says how to opt in', async () => {
    const ss = fakeSafeStorage({ backend: 'basic_text' });
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: ss, platform: 'linux' });
    const err = await s.set('profile:Prod:authKey', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('NOT_CONFIGURED');
    expect((err as CoreError).message).toMatch(/keyring/);
    expect((err as CoreError).message).toContain('CSR_ALLOW_BASIC_TEXT_SECRETS=1');
    expect(ss.encryptStringAsync).not.toHaveBeenCalled();
    expect(await s.refusal()).toMatch(/keyring/);
  });

  it('accepts basic_text when the operator opted in', async () => {
    const ss = fakeSafeStorage({ backend: 'basic_text' });
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: ss, platform: 'linux', allowBasicText: true });
    await s.set('k', 'v');
    expect(await s.get('k')).toBe('v');
    expect(ss.setUsePlainTextEncryption).toHaveBeenCalledWith(true);
    expect(await s.refusal()).toBeNull();
  });

  it('basic_text is a Linux question only', () => {
    expect(chooseSafeStorageBackend('win32', 'basic_text', false)).toEqual({ ok: true, usePlainText: false });
    expect(chooseSafeStorageBackend('linux', 'gnome_libsecret', false)).toEqual({ ok: true, usePlainText: false });
    expect(chooseSafeStorageBackend('linux', 'kwallet6', false)).toEqual({ ok: true, usePlainText: false });
    expect(chooseSafeStorageBackend('linux', 'basic_text', false).ok).toBe(false);
  });

  it('an unavailable keychain is NOT_CONFIGURED, not a crash', async () => {
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: fakeSafeStorage({ available: false }), platform: 'win32' });
    await expect(s.set('k', 'v')).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });

  it('a secret sealed on another machine is SecretUnreadableError (SECRET_UNREADABLE)', async () => {
    const file = tmpFile();
    await new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage({ machine: 1 }), platform: 'linux' }).set('profile:Prod:authKey', 'x');
    const other = new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage({ machine: 2 }), platform: 'linux' });
    const err = await other.get('profile:Prod:authKey').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretUnreadableError);
    expect((err as SecretUnreadableError).code).toBe('SECRET_UNREADABLE');
    expect((err as Error).message).toContain('authKey');
    // Re-entering the secret fixes it.
    await other.set('profile:Prod:authKey', 'y');
    expect(await other.get('profile:Prod:authKey')).toBe('y');
  });

  it('a damaged secrets file reads as unreadable secrets, and a new value replaces it', async () => {
    const file = tmpFile();
    writeFileSync(file, '{"profile:Prod:authKey": "AAAA", trunc');
    const s = new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await expect(s.get('profile:Prod:authKey')).rejects.toBeInstanceOf(SecretUnreadableError);
    await s.set('profile:Prod:authKey', 'fresh');
    expect(await s.get('profile:Prod:authKey')).toBe('fresh');
  });

  it('garbage in a blob is unreadable, not a crash', async () => {
    const file = tmpFile();
    writeFileSync(file, JSON.stringify({ k: '!!!not base64!!!', n: 5 }));
    const s = new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await expect(s.get('k')).rejects.toBeInstanceOf(SecretUnreadableError);
    expect(await s.get('n')).toBeUndefined(); // non-string entries are ignored
  });

  it('re-seals a value when the OS rotated its key', async () => {
    const ss = fakeSafeStorage({ rotate: true });
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: ss, platform: 'darwin' });
    await s.set('k', 'v');
    expect(await s.get('k')).toBe('v');
    expect(ss.encryptStringAsync).toHaveBeenCalledTimes(2);
  });

  it('"__proto__" as a key cannot reach Object.prototype', async () => {
    const s = new SafeStorageSecretStore({ file: tmpFile(), safeStorage: fakeSafeStorage(), platform: 'linux' });
    await s.set('__proto__', 'v');
    expect(await s.get('__proto__')).toBe('v');
    expect(({} as Record<string, unknown>).v).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
