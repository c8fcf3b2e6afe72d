// security.md: every IPC handler checks the sender frame (the card form view, an iframe,
// about:blank are refused); payloads are validated by schema (wrong types, extra keys,
// "__proto__", 10 MB strings refused with a clear error, main keeps running); no channel
// returns authKey or the signing secret. Runs the real core behind the Electron transport.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { createCore } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { createInvokeHandler, INVOKE_CHANNEL, registerIpcTransport, senderFrameOf } from '../../../main/electron/ipcTransport';
import { APP_ORIGIN } from '../../../main/electron/policy';
import { SafeStorageSecretStore } from '../../../main/electron/safeStorageSecretStore';
import type { Envelope } from '../../../shared/ipc';
import { FakeFrame, type ElectronStub } from './electronStub';
import { fakeSafeStorage } from './fakeSafeStorage';
import { signInAs, TEST_SCRYPT } from '../../helpers/operators';

vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
const stub = electron as unknown as ElectronStub;

/** An invoke event as Electron builds it: the sending frame and its webContents' main frame. */
function eventFrom(frameUrl: string, opts: { subframe?: boolean; gone?: boolean } = {}) {
  const main = new FakeFrame(opts.subframe ? 'app://csr/index.html' : frameUrl);
  let frame: FakeFrame = main;
  if (opts.subframe) {
    frame = new FakeFrame(frameUrl);
    frame.parent = main;
  }
  return {
    get senderFrame() {
      if (opts.gone) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      return frame;
    },
    sender: { mainFrame: main },
  } as never;
}

function setup(secrets = new MemorySecretStore()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'csr-ipc-'));
  const core = createCore({ dataDir, secrets, transport: 'electron', version: '9.9.9', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT });
  const handler = createInvokeHandler(core.router, APP_ORIGIN);
  const app = (channel: string, input: unknown = {}) => handler(eventFrom('app://csr/index.html'), channel, input);
  return { core, handler, app, dataDir };
}

/** A core as the desktop app builds it, with an admin signed in over the Electron transport. */
async function adminCore(dataDir: string, secrets: SafeStorageSecretStore, extra: { checkOutputs?: boolean } = {}) {
  const core = createCore({ dataDir, secrets, transport: 'electron', version: '1', demoOperators: true, scrypt: TEST_SCRYPT, ...extra });
  const handler = createInvokeHandler(core.router, APP_ORIGIN);
  const call = (c: string, i: unknown = {}) => handler(eventFrom('app://csr/index.html'), c, i);
  await signInAs(call, 'admin');
  return { core, handler, call };
}

describe('registerIpcTransport', () => {
  beforeEach(() => stub.ipcMain.handlers.clear());
  it('registers one handler, csr:invoke, that answers the app', async () => {
    const { core } = setup();
    const remove = registerIpcTransport(core.router, APP_ORIGIN);
    expect(stub.ipcMain.handle).toHaveBeenCalledWith(INVOKE_CHANNEL, expect.any(Function));
    const fn = stub.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const res = (await fn(eventFrom('app://csr/index.html'), 'app.info', {})) as Envelope<{ transport: string; version: string }>;
    expect(res).toMatchObject({ ok: true, value: { transport: 'electron', version: '9.9.9', kiosk: false } });
    remove();
    expect(stub.ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
  });
});

describe('sender checks', () => {
  it('refuses unknown frames with a FORBIDDEN envelope', async () => {
    const { handler } = setup();
    const cases = [
      eventFrom('http://127.0.0.1:41234/directpost/form?session=abc'), // the card form view
      eventFrom('https://secure.provider.com/hosted-form'),
      eventFrom('https://csr.evil.com/', { subframe: true }), // an iframe
      eventFrom('app://csr/index.html', { subframe: true }), // even our own page in an iframe
      eventFrom('about:blank'),
      eventFrom('about:blank', { subframe: true }),
      eventFrom('file:///work/dist/renderer/index.html'),
      eventFrom('app://csr/index.html', { gone: true }), // a frame destroyed mid-call
      { senderFrame: null, sender: {} } as never,
    ];
    for (const ev of cases) {
      const res = await handler(ev, 'profiles.list', {});
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('describes the frame: main frame or not', () => {
    expect(senderFrameOf(eventFrom('app://csr/index.html'))).toEqual({ url: 'app://csr/index.html', isMainFrame: true });
    expect(senderFrameOf(eventFrom('about:blank', { subframe: true }))).toEqual({ url: 'about:blank', isMainFrame: false });
    expect(senderFrameOf(eventFrom('app://csr/', { gone: true }))).toBeNull();
  });
});

describe('payload validation over the Electron transport', () => {
  it('refuses wrong types, extra keys, __proto__, huge strings and unknown channels; main keeps serving', async () => {
    const { app } = setup();
    await signInAs(app, 'admin');
    const expectCode = async (channel: string, input: unknown, code: string) => {
      const res = await app(channel, input);
      expect(res.ok, `${channel} ${code}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe(code);
        expect(res.error.message.length).toBeGreaterThan(5);
      }
      return res;
    };
    const wrongType = await expectCode('accounts.get', { accountNo: 'twelve' }, 'VALIDATION');
    if (!wrongType.ok) expect(wrongType.error.fields?.[0]?.path).toBe('accountNo');
    await expectCode('accounts.get', { accountNo: 5, extra: true }, 'VALIDATION');
    await expectCode('accounts.get', JSON.parse('{"accountNo": 5, "__proto__": {"polluted": true}}'), 'VALIDATION');
    await expectCode('profiles.delete', { name: 'x'.repeat(10 * 1024 * 1024) }, 'PAYLOAD_TOO_LARGE');
    await expectCode('nope.nothing', {}, 'UNKNOWN_CHANNEL');
    await expectCode('__proto__', {}, 'UNKNOWN_CHANNEL');
    await expectCode(42 as never, {}, 'UNKNOWN_CHANNEL');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await app('app.info')).toMatchObject({ ok: true });
  });

  it('never throws across IPC, even when the router does', async () => {
    const handler = createInvokeHandler({ call: async () => { throw new Error('boom'); } }, APP_ORIGIN);
    const res = await handler(eventFrom('app://csr/index.html'), 'app.info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('credentials over the Electron transport', () => {
  const profile = (authKey?: string, signingSecret?: string) => ({
    name: 'Production',
    baseUrl: 'https://127.0.0.1:9/amps',
    clientNo: 1234,
    userID: 'agent1',
    signatureVersion: '2.0',
    ...(authKey ? { authKey } : {}),
    ...(signingSecret ? { signingSecret } : {}),
  });

  it('secrets are write-only: no response or stored file carries them', async () => {
    const CANARY_AUTH = 'CANARYauthKEY0001';
    const CANARY_SIGN = 'CANARYsigningSECRET0001';
    const dataDir = mkdtempSync(join(tmpdir(), 'csr-canary-'));
    const secrets = new SafeStorageSecretStore({ file: join(dataDir, 'secrets.json'), safeStorage: fakeSafeStorage(), platform: 'linux' });
    const { call } = await adminCore(dataDir, secrets, { checkOutputs: true });
    const responses = [
      await call('profiles.save', profile(CANARY_AUTH, CANARY_SIGN)),
      await call('profiles.activate', { name: 'Production' }),
      await call('profiles.list'),
      await call('app.info'),
      await call('profiles.test', { name: 'Production' }),
    ];
    expect(responses[0]).toMatchObject({ ok: true, value: { hasAuthKey: true, hasSigningSecret: true, secretsReadable: true } });
    for (const r of responses) expect(JSON.stringify(r)).not.toMatch(/CANARY/);
    for (const f of readdirSync(dataDir)) expect(readFileSync(join(dataDir, f), 'utf8'), f).not.toMatch(/CANARY/);
  });

  it('an undecryptable secret reaches the renderer as SECRET_UNREADABLE, and main keeps running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'csr-unreadable-'));
    const file = join(dataDir, 'secrets.json');
    // Saved on "machine 1"…
    const before = await adminCore(dataDir, new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage({ machine: 1 }), platform: 'linux' }));
    expect(await before.call('profiles.save', profile('auth-1', 'sign-1'))).toMatchObject({ ok: true });
    expect(await before.call('profiles.activate', { name: 'Production' })).toMatchObject({ ok: true });
    before.core.close();
    // …read after the keychain changed.
    const { call } = await adminCore(dataDir, new SafeStorageSecretStore({ file, safeStorage: fakeSafeStorage({ machine: 2 }), platform: 'linux' }), { checkOutputs: true });

    const search = await call('accounts.search', { contact: { lastName: 'Hansen' } });
    expect(search).toMatchObject({ ok: false, error: { code: 'SECRET_UNREADABLE' } });
    if (!search.ok) expect(search.error.message).toMatch(/Enter it again in Settings/);
    // The app still starts and tells the renderer which profile needs its secrets again.
    expect(await call('app.info')).toMatchObject({ ok: true, value: { profile: { name: 'Production', secretsReadable: false } } });
    // Re-entering the secrets fixes it (the call then fails only because 127.0.0.1:9 is not AMPS).
    expect(await call('profiles.save', profile('auth-2', 'sign-2'))).toMatchObject({ ok: true, value: { secretsReadable: true } });
    const again = await call('accounts.search', { contact: { lastName: 'Hansen' } });
    expect(again.ok ? 'ok' : again.error.code).not.toBe('SECRET_UNREADABLE');
  });

  it('Linux basic_text without opt-in: saving a profile is refused with NOT_CONFIGURED and a way out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'csr-basic-'));
    const secrets = new SafeStorageSecretStore({ file: join(dataDir, 'secrets.json'), safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux' });
    const { call } = await adminCore(dataDir, secrets);
    const res = await call('profiles.save', profile('a', 'b'));
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    if (!res.ok) expect(res.error.message).toContain('allowBasicTextSecrets');
  });
});
