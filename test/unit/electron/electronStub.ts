// A stand-in for the `electron` module, for unit tests of main/electron in plain Node
// (the Electron binary cannot be downloaded on every machine). Use it as:
//   vi.mock('electron', async () => (await import('./electronStub')).createElectronStub());
// then `import * as electron from 'electron'` gives the same stub to assert on.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public routingId = Math.floor(Math.random() * 1e6),
  ) {}
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheckHandler: ((...a: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...a: unknown[]) => boolean) | null = null;
  displayMediaRequestHandler: ((req: unknown, cb: (s: unknown) => void) => void) | null = null;
  setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequestHandler']) => void (this.permissionRequestHandler = h));
  setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheckHandler']) => void (this.permissionCheckHandler = h));
  setDevicePermissionHandler = vi.fn((h: FakeSession['devicePermissionHandler']) => void (this.devicePermissionHandler = h));
  setDisplayMediaRequestHandler = vi.fn((h: FakeSession['displayMediaRequestHandler']) => void (this.displayMediaRequestHandler = h));
  clearStorageData = vi.fn(async () => undefined);
  clearCache = vi.fn(async () => undefined);
}

export class FakeWebContents extends EventEmitter {
  /** The session the window was made with (webPreferences.session), else the default one. */
  session: FakeSession | undefined;
  mainFrame = new FakeFrame('app://csr/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((h: FakeWebContents['windowOpenHandler']) => void (this.windowOpenHandler = h));
  executeJavaScriptInIsolatedWorld = vi.fn(async (_world: number, _scripts: { code: string }[]) => true);
  closeDevTools = vi.fn();
  /** Emits a navigation-style event the way Electron does; returns whether it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export function createElectronStub() {
  const userData = { path: '/nonexistent/csr-desk-test' };
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const app = Object.assign(new EventEmitter(), {
    setName: vi.fn(),
    setPath: vi.fn((name: string, p: string) => {
      if (name === 'userData') userData.path = p;
    }),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData.path : `/nonexistent/${name}`)),
    getVersion: vi.fn(() => '0.0.0-test'),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => ready),
    isPackaged: false,
    /** Test helper: fire 'ready'. */
    fireReady: () => resolveReady(),
  });

  const defaultSession = new FakeSession();
  const session = { defaultSession, fromPartition: vi.fn(() => new FakeSession()) };

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    minimize = vi.fn();
    isMinimized = vi.fn(() => false);
    isMaximized = vi.fn(() => false);
    isDestroyed = vi.fn(() => false);
    getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1100, height: 700 }));
    removeMenu = vi.fn();
    destroyed = false;
    /** As in Electron: 'closed' once, then the window is destroyed. */
    close = vi.fn(() => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(public options: Record<string, unknown>) {
      super();
      this.isDestroyed.mockImplementation(() => this.destroyed);
      const prefs = options.webPreferences as { session?: FakeSession } | undefined;
      this.webContents.session = prefs?.session ?? defaultSession;
      windows.push(this);
      // As in Electron: every new webContents is announced app-wide.
      app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    static getAllWindows = () => windows;
  }

  const ipcMain = { handlers: new Map<string, (...a: unknown[]) => unknown>(), handle: vi.fn(), removeHandler: vi.fn() };
  ipcMain.handle.mockImplementation((ch: string, fn: (...a: unknown[]) => unknown) => void ipcMain.handlers.set(ch, fn));

  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
  const shell = { openExternal: vi.fn(async () => undefined) };
  const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) };

  const safeStorage = {
    backend: 'gnome_libsecret' as string,
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
    setUsePlainTextEncryption: vi.fn(),
    encryptStringAsync: vi.fn(async (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`)),
    decryptStringAsync: vi.fn(async (b: Buffer) => {
      const t = b.toString();
      if (!t.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(t.slice(7), 'hex').toString(), shouldReEncrypt: false };
    }),
  };

  const forked: FakeUtilityProcess[] = [];
  class FakeUtilityProcess extends EventEmitter {
    pid = 4242;
    sent: unknown[] = [];
    postMessage = vi.fn((m: unknown) => void this.sent.push(m));
    kill = vi.fn(() => {
      setImmediate(() => this.emit('exit', 0));
      return true;
    });
    constructor(
      public modulePath: string,
      public options: unknown,
    ) {
      super();
    }
  }
  const utilityProcess = {
    forked,
    fork: vi.fn((modulePath: string, _args: string[], options: unknown) => {
      const p = new FakeUtilityProcess(modulePath, options);
      forked.push(p);
      return p;
    }),
  };

  const contextBridge = { exposeInMainWorld: vi.fn() };
  const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })) };

  return {
    app,
    session,
    BrowserWindow: FakeBrowserWindow,
    windows,
    ipcMain,
    protocol,
    Menu,
    shell,
    screen,
    safeStorage,
    utilityProcess,
    contextBridge,
    ipcRenderer,
  };
}

export type ElectronStub = ReturnType<typeof createElectronStub>;
