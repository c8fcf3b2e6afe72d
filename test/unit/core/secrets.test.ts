import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, keyFromPassphrase, loadOrCreateKeyFile } from '../../../main/core/secrets/encryptedFileStore';
import { MemorySecretStore, SecretUnreadableError } from '../../../main/core/secrets/secretStore';
import { ProfileStore, SANDBOX_PROFILE } from '../../../main/core/settings/profiles';

const dir = () => mkdtempSync(join(tmpdir(), 'secrets-'));

describe('encrypted file secret store', () => {
  it('round-trips values and never writes them in the clear', async () => {
    const d = dir();
    const store = new EncryptedFileSecretStore(join(d, 's.json'), loadOrCreateKeyFile(join(d, 'k')));
    await store.set('profile:x:signingSecret', 'CANARY-s3cr3t-value');
    expect(await store.get('profile:x:signingSecret')).toBe('CANARY-s3cr3t-value');
    expect(readFileSync(join(d, 's.json'), 'utf8')).not.toContain('CANARY');
    expect(statSync(join(d, 'k')).mode & 0o077).toBe(0); // key file readable by its owner only
    await store.delete('profile:x:signingSecret');
    expect(await store.get('profile:x:signingSecret')).toBeUndefined();
  });

  it('says "unreadable" (not a crash) when the key changed or the file was tampered with', async () => {
    const d = dir();
    const file = join(d, 's.json');
    await new EncryptedFileSecretStore(file, keyFromPassphrase('one', 'salt')).set('a', 'value');
    await expect(new EncryptedFileSecretStore(file, keyFromPassphrase('two', 'salt')).get('a')).rejects.toBeInstanceOf(SecretUnreadableError);
    const sealed = JSON.parse(readFileSync(file, 'utf8'));
    sealed.b = sealed.a; // moved to another key: bound by AAD, so it fails
    writeFileSync(file, JSON.stringify(sealed));
    await expect(new EncryptedFileSecretStore(file, keyFromPassphrase('one', 'salt')).get('b')).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
  });
});

describe('connection profiles', () => {
  it('always has the embedded sandbox profile, active by default, with generated credentials', async () => {
    const store = new ProfileStore(join(dir(), 'settings.json'), new MemorySecretStore());
    expect(store.activeName).toBe(SANDBOX_PROFILE);
    const a = await store.credentials(SANDBOX_PROFILE);
    expect(a.signingSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.credentials(SANDBOX_PROFILE)).toEqual(a); // generated once
    await expect(store.delete(SANDBOX_PROFILE)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps secrets write-only: views say whether one is set, never what it is', async () => {
    const secrets = new MemorySecretStore();
    const file = join(dir(), 'settings.json');
    const store = new ProfileStore(file, secrets);
    await expect(
      store.save({ name: 'Prod', baseUrl: 'https://amps.example.no', clientNo: 1, userID: 'u', signatureVersion: '1.0' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'authKey' }, { path: 'signingSecret' }] });
    const saved = await store.save({
      name: 'Prod', baseUrl: 'https://amps.example.no', clientNo: 1, userID: 'u', signatureVersion: '1.0', authKey: 'CANARY-AK', signingSecret: 'CANARY-SS',
    });
    const view = await store.view(saved);
    expect(view).toMatchObject({ hasAuthKey: true, hasSigningSecret: true, secretsReadable: true });
    expect(JSON.stringify(view)).not.toContain('CANARY');
    expect(readFileSync(file, 'utf8')).not.toContain('CANARY');
    // Saving again without secrets keeps them.
    await store.save({ name: 'Prod', baseUrl: 'https://amps2.example.no', clientNo: 1, userID: 'u', signatureVersion: '2.0' });
    expect(await store.credentials('Prod')).toEqual({ authKey: 'CANARY-AK', signingSecret: 'CANARY-SS' });
  });
});

describe('embedded profile secrets that no longer decrypt', () => {
  it('are regenerated (nobody could re-enter them), while a remote profile asks for re-entry', async () => {
    const d = dir();
    const file = join(d, 'settings.json');
    const secretsFile = join(d, 's.json');
    const before = new ProfileStore(file, new EncryptedFileSecretStore(secretsFile, keyFromPassphrase('old', 'salt')));
    const old = await before.credentials(SANDBOX_PROFILE);
    await before.save({ name: 'Prod', baseUrl: 'https://amps.example.no', clientNo: 1, userID: 'u', signatureVersion: '1.0', authKey: 'a', signingSecret: 's' });

    const after = new ProfileStore(file, new EncryptedFileSecretStore(secretsFile, keyFromPassphrase('new', 'salt')));
    const fresh = await after.credentials(SANDBOX_PROFILE);
    expect(fresh.signingSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh.signingSecret).not.toBe(old.signingSecret);
    await expect(after.credentials('Prod')).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
    expect((await after.view(after.get('Prod'))).secretsReadable).toBe(false);
  });
});

describe('profile errors name the profile', () => {
  it('an unreadable secret and a missing one say which profile to fix', async () => {
    const d = dir();
    const file = join(d, 'settings.json');
    const secretsFile = join(d, 's.json');
    const before = new ProfileStore(file, new EncryptedFileSecretStore(secretsFile, keyFromPassphrase('old', 'salt')));
    await before.save({ name: 'Prod', baseUrl: 'https://amps.example.no', clientNo: 1, userID: 'u', signatureVersion: '1.0', authKey: 'a', signingSecret: 's' });
    const after = new ProfileStore(file, new EncryptedFileSecretStore(secretsFile, keyFromPassphrase('new', 'salt')));
    await expect(after.credentials('Prod')).rejects.toMatchObject({ code: 'SECRET_UNREADABLE', profile: 'Prod' });
  });

  it('the sandbox profile saves without a URL or client number; a remote one needs both', async () => {
    const store = new ProfileStore(join(dir(), 'settings.json'), new MemorySecretStore());
    expect(await store.save({ name: SANDBOX_PROFILE, userID: 'kari', signatureVersion: '1.0' })).toMatchObject({ kind: 'sandbox', userID: 'kari' });
    await expect(store.save({ name: 'Prod', userID: 'u', signatureVersion: '1.0', authKey: 'a', signingSecret: 's' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'baseUrl' }, { path: 'clientNo' }],
    });
  });
});
