// Secrets and settings (issue 11 item 10): the sealed-file store decrypts only with a full
// 16-byte GCM tag; a remote profile may not send its authKey and signatures over http://
// to another computer — refused in the contract, in ProfileStore and where the client is made.
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../../main/core/secrets/encryptedFileStore';
import { MemorySecretStore, SecretUnreadableError } from '../../../main/core/secrets/secretStore';
import { ProfileStore } from '../../../main/core/settings/profiles';
import { Connection } from '../../../main/core/services/connection';
import { contract } from '../../../shared/ipc';
import { isSecureBaseUrl } from '../../../shared/amps/baseUrl';

const dir = () => mkdtempSync(join(tmpdir(), 'secrets-h-'));

describe('the sealed-file secret store', () => {
  it('refuses a value whose GCM tag was cut short, though GCM itself would accept it', async () => {
    const d = dir();
    const file = join(d, 's.json');
    const key = loadOrCreateKeyFile(join(d, 'k'));
    // A value sealed with a 4-byte tag, as a forger would write it (2^32 tries to guess one).
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from('profile:x:authKey', 'utf8'));
    const data = Buffer.concat([cipher.update('forged', 'utf8'), cipher.final()]);
    writeFileSync(file, JSON.stringify({ 'profile:x:authKey': { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') } }));
    await expect(new EncryptedFileSecretStore(file, key).get('profile:x:authKey')).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('refuses a stored tag truncated to fewer bytes, and reads the intact one', async () => {
    const d = dir();
    const file = join(d, 's.json');
    const store = new EncryptedFileSecretStore(file, loadOrCreateKeyFile(join(d, 'k')));
    await store.set('a', 'value');
    const sealed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { iv: string; tag: string; data: string }>;
    expect(Buffer.from(sealed.a!.tag, 'base64')).toHaveLength(16);
    expect(await store.get('a')).toBe('value');
    for (const bytes of [15, 12, 8, 4, 0]) {
      const cut = { ...sealed.a!, tag: Buffer.from(sealed.a!.tag, 'base64').subarray(0, bytes).toString('base64') };
      writeFileSync(file, JSON.stringify({ a: cut }));
      await expect(store.get('a'), `${bytes} bytes`).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
    }
  });
});

describe('base URLs of connection profiles', () => {
  it('allow https anywhere and http only to this computer', () => {
    for (const ok of ['https://billing.example.no', 'https://10.0.0.5:8443/x', 'http://127.0.0.1:8480', 'http://127.1.2.3', 'http://127.1', 'http://localhost:3000', 'http://LOCALHOST', 'http://[::1]:9000/'])
      expect(isSecureBaseUrl(ok), ok).toBe(true);
    for (const bad of ['http://billing.example.no', 'http://10.0.0.1', 'http://128.0.0.1', 'http://192.168.1.10:8480', 'http://localhost.example.no', 'http://127.0.0.1.nip.io', 'http://127.0.0.1@example.no/', 'http://[::ffff:7f00:1]', 'http://0.0.0.0', 'ftp://127.0.0.1', 'not a url'])
      expect(isSecureBaseUrl(bad), bad).toBe(false);
  });

  it('the contract refuses an http:// remote address naming baseUrl, in words', () => {
    const input = { name: 'Prod', baseUrl: 'http://billing.example.no', clientNo: 1, userID: 'u', signatureVersion: '2.0' };
    const r = contract['profiles.save'].input.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['baseUrl'], message: expect.stringMatching(/^baseUrl must start with https:\/\//) })]);
    expect(contract['profiles.save'].input.safeParse({ ...input, baseUrl: 'https://billing.example.no' }).success).toBe(true);
    expect(contract['profiles.save'].input.safeParse({ ...input, baseUrl: 'http://127.0.0.1:8480' }).success).toBe(true);
  });

  it('ProfileStore refuses to save one', async () => {
    const store = new ProfileStore(join(dir(), 'settings.json'), new MemorySecretStore());
    await expect(store.save({ name: 'Prod', baseUrl: 'http://billing.example.no', clientNo: 1, userID: 'u', signatureVersion: '2.0', authKey: 'a', signingSecret: 's' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'baseUrl' }],
    });
    expect(store.list().map((p) => p.name)).not.toContain('Prod');
  });

  it('one already in settings.json is refused where the client is made, before anything is sent', async () => {
    const d = dir();
    const settings = join(d, 'settings.json');
    const secrets = new MemorySecretStore();
    const store = new ProfileStore(settings, secrets);
    await store.save({ name: 'Old', baseUrl: 'https://billing.example.no', clientNo: 1, userID: 'u', signatureVersion: '2.0', authKey: 'ak', signingSecret: 'ss' });
    // As a profile saved before the rule, or settings.json edited by hand.
    const file = JSON.parse(readFileSync(settings, 'utf8')) as { active: string; profiles: { name: string; baseUrl: string }[] };
    file.profiles.find((p) => p.name === 'Old')!.baseUrl = 'http://billing.example.no';
    file.active = 'Old';
    writeFileSync(settings, JSON.stringify(file));
    const sent: string[] = [];
    const fetchSpy = (async (url: string) => {
      sent.push(url);
      return new Response('{}');
    }) as unknown as typeof fetch;
    const connection = new Connection(new ProfileStore(settings, secrets), { fetch: fetchSpy });
    await expect(connection.client()).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'baseUrl' }], profile: 'Old' });
    const tested = await connection.test(new ProfileStore(settings, secrets).get('Old'));
    expect(tested).toMatchObject({ ok: false, message: expect.stringMatching(/http:\/\/ to another computer.*Use https:\/\//) });
    expect(sent).toEqual([]);
  });
});
