// "Test connection" tests what is in the form, not the saved profile: unsaved URL, client
// number, userID and signature version are used as typed; secrets are the typed ones, else
// the stored ones; nothing typed comes back. Against a real sandbox over signed HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import type { CallContext } from '../../main/core/router';
import { startSandbox } from '../../main/sandbox/index';

const AUTH = 'form-test-authkey-5d1c';
const SECRET = 'form-test-signing-secret-a4e0f7';
const ctx: CallContext = { transport: 'test', trustedSender: true };
let core: Core;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const call = (channel: string, input: unknown) => core.router.call(channel, input, ctx);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-test-'));
  sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), accounts: 10, seed: 3, clients: [{ clientNo: 555, authKey: AUTH, signingSecret: SECRET }] });
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  core = createCore({ dataDir: dir, secrets, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT });
  await signInAs(call, 'admin'); // connection profiles are admins'
  // Saved with a wrong client number: only the form's value can make the test pass.
  const saved = await call('profiles.save', { name: 'Remote', baseUrl: sandbox.url, clientNo: 554, userID: 'agent1', signatureVersion: '2.0', authKey: AUTH, signingSecret: SECRET });
  expect(saved.ok).toBe(true);
}, 60_000);
afterAll(() => sandbox?.close());

describe('profiles.test with the form’s values', () => {
  it('the saved profile fails, the corrected form passes without retyping the secrets', async () => {
    // What failed is said as words the renderer translates: the keys were not accepted.
    expect(await call('profiles.test', { name: 'Remote' })).toMatchObject({ ok: true, value: { ok: false, say: { key: 'testKeysRefused' } } });
    const res = await call('profiles.test', { name: 'Remote', form: { baseUrl: sandbox.url, clientNo: 555, userID: 'agent1', signatureVersion: '2.0' } });
    expect(res).toMatchObject({ ok: true, value: { ok: true, say: { key: 'testConnected', params: { url: sandbox.url } } } });
    // The saved profile is unchanged: testing is not saving.
    expect(await call('profiles.test', { name: 'Remote' })).toMatchObject({ ok: true, value: { ok: false } });
  });

  it('a typed secret is used instead of the stored one, and never echoed', async () => {
    const wrong = await call('profiles.test', { name: 'Remote', form: { clientNo: 555, signingSecret: 'typed-but-wrong-secret-0001' } });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, say: { key: 'testKeysRefused' } } });
    expect(JSON.stringify(wrong)).not.toContain('typed-but-wrong-secret-0001');
    const wrongKey = await call('profiles.test', { name: 'Remote', form: { clientNo: 555, authKey: 'typed-wrong-authkey-77' } });
    expect(wrongKey).toMatchObject({ ok: true, value: { ok: false } });
    expect(JSON.stringify(wrongKey)).not.toContain('typed-wrong-authkey-77');
    expect(JSON.stringify(wrongKey)).not.toContain(AUTH);
  });

  it('a profile that is not saved yet can be tested with everything typed', async () => {
    const res = await call('profiles.test', {
      name: 'Not saved',
      form: { baseUrl: sandbox.url, clientNo: 555, userID: 'agent2', signatureVersion: '1.0', authKey: AUTH, signingSecret: SECRET },
    });
    expect(res).toMatchObject({ ok: true, value: { ok: true } });
    expect(JSON.stringify(res)).not.toContain(AUTH);
    expect(JSON.stringify(res)).not.toContain(SECRET);
    const list = (await call('profiles.list', {})) as { ok: true; value: { profiles: Array<{ name: string }> } };
    expect(list.value.profiles.map((p) => p.name)).not.toContain('Not saved');
  });

  it('says which fields are missing for an unsaved profile', async () => {
    const res = await call('profiles.test', { name: 'Half', form: { baseUrl: sandbox.url, clientNo: 555, userID: 'x', authKey: AUTH } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'form.signingSecret' }] } });
  });

  it('the embedded sandbox is tested with the form’s signature version', async () => {
    const res = await call('profiles.test', { name: 'Sandbox (embedded)', form: { userID: 'agent3', signatureVersion: '1.0' } });
    // No embedded sandbox in this core: the answer says so in words rather than testing the saved profile.
    expect(res).toMatchObject({ ok: true, value: { ok: false, say: { key: 'sandboxMissing' }, message: expect.stringContaining('embedded sandbox') } });
  });
});
