// The composition root, run against a stubbed electron: what the real main process does
// at start, in order, with the real options (security.md: "a test asserts these from the
// real window options"; kiosk flags; single instance; first paint never waits for the sandbox).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webPreferenceViolations } from '../../../main/electron/windowOptions';
import { READY_LINE, WAIT_FOR_READY_SCRIPT } from '../../../main/electron/readySignal';
import { createElectronStub, FakeFrame, type ElectronStub } from './electronStub';

// Each launch gets a fresh stub: the mock forwards to whichever is current.
const holder = vi.hoisted(() => ({ stub: undefined as unknown as Record<string | symbol, unknown> }));
vi.mock('electron', async () => {
  const keys = Object.keys((await import('./electronStub')).createElectronStub());
  const forward = {};
  for (const k of keys) Object.defineProperty(forward, k, { enumerable: true, get: () => holder.stub[k] });
  return forward;
});

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Loads main.ts afresh with a fresh electron stub and userData folder. */
async function launch(env: Record<string, string> = {}, before?: (stub: ElectronStub, userData: string) => void) {
  vi.resetModules();
  const userData = mkdtempSync(join(tmpdir(), 'csr-main-'));
  vi.stubEnv('CSR_USER_DATA_DIR', userData);
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const stub = createElectronStub();
  holder.stub = stub as unknown as Record<string | symbol, unknown>;
  before?.(stub, userData);
  await import('../../../main/electron/main');
  return { stub, userData };
}

async function ready(stub: ElectronStub) {
  stub.app.fireReady();
  await tick();
  await tick();
}

const invoke = (stub: ElectronStub, channel: string, input: unknown = {}, frameUrl = 'app://csr/index.html') => {
  const main = new FakeFrame(frameUrl);
  return stub.ipcMain.handlers.get('csr:invoke')!({ senderFrame: main, sender: { mainFrame: main } }, channel, input) as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string } }>;
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('main process start', () => {
  it('before ready: single-instance lock, global sandbox, privileged app scheme, no window yet', async () => {
    const { stub, userData } = await launch();
    expect(stub.app.setName).toHaveBeenCalledWith('CSR Desk');
    expect(stub.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(stub.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(stub.app.enableSandbox).toHaveBeenCalled();
    expect(stub.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(stub.app.listenerCount('session-created')).toBe(1);
    expect(stub.app.listenerCount('web-contents-created')).toBe(1);
    expect(stub.windows).toHaveLength(0);
  });

  it('keeps its data in "<appData>/CSR Desk" unless told otherwise, even when launched unpackaged', async () => {
    const { stub } = await launch({ CSR_USER_DATA_DIR: '' });
    expect(stub.app.setPath).toHaveBeenCalledWith('userData', join('/nonexistent/appData', 'CSR Desk'));
  });

  it('on ready: serves app://, registers the IPC transport, opens one hardened window on app://csr', async () => {
    const { stub } = await launch();
    await ready(stub);
    expect(stub.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(stub.ipcMain.handle).toHaveBeenCalledWith('csr:invoke', expect.any(Function));
    expect(stub.windows).toHaveLength(1);
    const win = stub.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(webPreferenceViolations(prefs)).toEqual([]);
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://csr/index.html');
    // Permissions denied on the default session; the window's webContents locked.
    let granted: boolean | undefined;
    stub.session.defaultSession.permissionRequestHandler!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(win.webContents.navigate('will-navigate', 'https://provider.com.evil.com/')).toBe(true);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    // The menu carries the shortcuts.
    const menu = stub.Menu.setApplicationMenu.mock.calls[0]![0] as { template: { label?: string }[] };
    expect(menu.template.map((m) => m.label)).toContain('Account');
  });

  it('the IPC transport answers the app window and refuses other frames', async () => {
    const { stub } = await launch();
    await ready(stub);
    expect(await invoke(stub, 'app.info')).toMatchObject({ ok: true, value: { transport: 'electron', kiosk: false } });
    expect(await invoke(stub, 'app.info', {}, 'about:blank')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('first paint never waits for the sandbox: it is forked only once the window is on screen', async () => {
    const { stub } = await launch();
    await ready(stub);
    const win = stub.windows[0]!;
    expect(stub.utilityProcess.fork).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
    await vi.waitFor(() => expect(stub.utilityProcess.fork).toHaveBeenCalled());
    const child = stub.utilityProcess.forked[0]!;
    expect(child.modulePath).toMatch(/sandbox-host[/\\]sandboxHost\.cjs$/);
    expect(child.sent[0]).toMatchObject({ type: 'start', dbFile: expect.stringMatching(/sandbox\.sqlite$/), accounts: 5000 });
  });

  it('reports ready once the renderer says so', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { stub } = await launch();
    await ready(stub);
    const win = stub.windows[0]!;
    const onReady = vi.fn();
    stub.app.on('csr-ready', onReady);
    win.webContents.emit('did-finish-load');
    await tick();
    expect(win.webContents.executeJavaScriptInIsolatedWorld).toHaveBeenCalledWith(expect.any(Number), [{ code: WAIT_FOR_READY_SCRIPT }]);
    expect(onReady).toHaveBeenCalledOnce();
    expect(log.mock.calls.some(([l]) => String(l).startsWith(`${READY_LINE} `))).toBe(true);
  });

  it('restores and saves window bounds in userData', async () => {
    const { stub, userData } = await launch({}, (_s, dir) =>
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ bounds: { x: 40, y: 30, width: 1100, height: 700 }, maximized: false })),
    );
    await ready(stub);
    const win = stub.windows[0]!;
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700 });
    win.emit('close');
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 10, y: 20, width: 1100, height: 700 }, maximized: false });
  });

  it('a second launch focuses the first window', async () => {
    const { stub } = await launch();
    await ready(stub);
    stub.app.emit('second-instance', {}, [], '/');
    expect(stub.windows[0]!.focus).toHaveBeenCalled();
  });

  it('a second instance quits at once and opens nothing', async () => {
    const { stub } = await launch({}, (s) => s.app.requestSingleInstanceLock.mockReturnValue(false));
    expect(stub.app.quit).toHaveBeenCalled();
    await ready(stub);
    expect(stub.windows).toHaveLength(0);
    expect(stub.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('kiosk mode', () => {
  for (const [how, env, config] of [
    ['CSR_KIOSK=1', { CSR_KIOSK: '1' }, undefined],
    ['config.json', {}, { kiosk: true }],
  ] as const) {
    it(`${how}: full screen, no devtools, no menu, app.info says kiosk`, async () => {
      const { stub } = await launch(env, (_s, dir) => {
        if (config) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
      });
      await ready(stub);
      const win = stub.windows[0]!;
      expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
      expect((win.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
      expect(stub.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
      expect(win.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true);
      expect(await invoke(stub, 'app.info')).toMatchObject({ ok: true, value: { kiosk: true } });
    });
  }
});

// Issue 8, item 8: a local file that does not parse never leaves the desktop app without a
// window; the window learns what is wrong and can move the file aside.
describe('damaged local files', () => {
  const cases = [
    ['settings.json', 'settings', '{"active": "Sandbox (embedded)", "profiles": [ {"name": '],
    ['secrets.json', 'secrets', 'not json at all'],
    ['operators.sqlite', 'operators', 'SQLite format 3\u0000 but then garbage'.repeat(200)],
    ['audit.sqlite', 'audit', 'not a database, truncated by a full disk'.repeat(100)],
  ] as const;
  for (const [name, file, content] of cases) {
    it(`a damaged ${name}: the window opens, app.info names it, moving it aside starts the app fresh`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { stub, userData } = await launch({}, (_s, dir) => writeFileSync(join(dir, name), content));
      await ready(stub);
      expect(stub.windows).toHaveLength(1);
      expect(stub.windows[0]!.loadURL).toHaveBeenCalledWith('app://csr/index.html');
      const info = await invoke(stub, 'app.info');
      expect(info).toMatchObject({ ok: true, value: { problems: [{ file, path: name }] } });
      // Nothing else works until it is dealt with, and that is said, not crashed.
      expect(await invoke(stub, 'session.status')).toMatchObject({ ok: false, error: { code: 'DAMAGED_DATA' } });
      const moved = (await invoke(stub, 'localState.moveAside', { file })) as { ok: boolean; value?: { movedTo: string; problems: unknown[] } };
      expect(moved).toMatchObject({ ok: true, value: { problems: [] } });
      expect(moved.value!.movedTo).toMatch(new RegExp(`^${name.replace('.', '\\.')}\\.broken-\\d{8}T\\d{6}Z$`));
      // The broken file is kept for support, byte for byte.
      expect(readFileSync(join(userData, moved.value!.movedTo), 'utf8')).toBe(content);
      expect(await invoke(stub, 'app.info')).toMatchObject({ ok: true, value: { problems: [] } });
      expect(await invoke(stub, 'session.status')).toMatchObject({ ok: true, value: { state: 'setup' } });
    });
  }

  it('demo operators only in an unpackaged build', async () => {
    const dev = await launch({ CSR_DEMO_OPERATORS: '1' });
    await ready(dev.stub);
    expect(await invoke(dev.stub, 'session.status')).toMatchObject({ ok: true, value: { state: 'signedOut', demoOperators: true } });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const packaged = await launch({ CSR_DEMO_OPERATORS: '1' }, (s) => (s.app.isPackaged = true));
    await ready(packaged.stub);
    expect(await invoke(packaged.stub, 'session.status')).toMatchObject({ ok: true, value: { state: 'setup', demoOperators: false } });
  });
});
