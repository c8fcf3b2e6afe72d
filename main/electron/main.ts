// The Electron main process: the composition root of the desktop app. It hardens every
// session and webContents, serves the renderer from app://csr with a CSP header, plugs
// the IPC transport into main/core's router, keeps secrets in safeStorage, runs the
// embedded sandbox in a utilityProcess, and opens one window (single instance).
import { join } from 'node:path';
import { app, Menu, protocol, safeStorage, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/app';
import { startFailureRouter } from '../core/startFailure';
import { appProtocolHandler } from './appProtocol';
import { cardWindowHost } from './cardWindow';
import { installAppHardening } from './hardening';
import { registerIpcTransport } from './ipcTransport';
import { readConfigFile, resolveLaunchConfig } from './launchConfig';
import { createMainWindow, focusWindow } from './mainWindow';
import { APP_ORIGIN, APP_SCHEME } from './policy';
import { MAIN_WORLD_ID, readyLine } from './readySignal';
import { SafeStorageSecretStore } from './safeStorageSecretStore';
import { sandboxProcess } from './sandboxProcess';
import { dispatchShortcutScript, menuTemplate } from './shortcuts';

declare const __CSR_VERSION__: string | undefined;

const PRODUCT_NAME = 'CSR Desk';
const env = process.env;
const verbose = env.CSR_VERBOSE === '1';
const log = (line: string) => {
  if (verbose) console.log(`[main] ${line}`);
};

// Paths inside the build (out/main/main.cjs) and the package (app.asar/out/main/main.cjs).
const paths = {
  renderer: join(__dirname, '..', '..', 'dist', 'renderer'),
  preload: join(__dirname, '..', 'preload', 'preload.cjs'),
  sandboxHost: join(__dirname, '..', 'sandbox-host', 'sandboxHost.cjs'),
};

// Before 'ready': name and data folder (tests point CSR_USER_DATA_DIR at a temp folder).
// Set explicitly: setName alone does not move userData, and an unpackaged launch
// (`electron out/main/main.cjs`) would otherwise be named "Electron".
app.setName(PRODUCT_NAME);
app.setPath('userData', env.CSR_USER_DATA_DIR || join(app.getPath('appData'), PRODUCT_NAME));
const userData = app.getPath('userData');
const launch = resolveLaunchConfig(process.argv, env, readConfigFile(join(userData, 'config.json')));
for (const w of launch.warnings) console.warn(`CSR Desk: ${w}`);

if (process.versions.electron) {
  // A stray exception is logged (without its data) instead of Electron's crash dialog.
  process.on('uncaughtException', (e) => console.error(`CSR Desk main: uncaught ${e.name}: ${e.message}`));
  process.on('unhandledRejection', (e) => console.error(`CSR Desk main: unhandled rejection ${e instanceof Error ? e.name : typeof e}`));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | undefined;
  let core: Core | undefined;
  let announced = false;

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  installAppHardening({ externalUrlAllowlist: launch.externalUrlAllowlist, kiosk: launch.kiosk, log });

  const secrets = new SafeStorageSecretStore({
    file: join(userData, 'secrets.json'),
    safeStorage,
    allowBasicText: launch.allowBasicTextSecrets,
    log,
  });
  const sandbox = sandboxProcess({
    entry: paths.sandboxHost,
    dbFile: join(userData, 'sandbox.sqlite'),
    accounts: launch.sandboxAccounts,
    seed: launch.sandboxSeed,
    log,
  });

  app.on('second-instance', () => focusWindow(win));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close(); // stops outbox replay (its rows are durable already), the audit log's closing checkpoint
    void sandbox.close();
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, appProtocolHandler(paths.renderer));
    const version = typeof __CSR_VERSION__ === 'string' ? __CSR_VERSION__ : app.getVersion();
    // Demo operators only in a development build (D49): a packaged app ignores the switch.
    const demoOperators = launch.demoOperators && !app.isPackaged;
    if (launch.demoOperators && app.isPackaged) console.warn('CSR Desk: CSR_DEMO_OPERATORS is ignored in a packaged build');
    // createCore does not throw for a local file it cannot read (D50): it starts in recovery
    // mode and the window explains. Anything else still gets a window that says so.
    try {
      core = createCore({
        dataDir: userData,
        secrets,
        transport: 'electron',
        version,
        kiosk: launch.kiosk,
        sandbox,
        log,
        demoOperators,
        idleLockSeconds: launch.idleLockSeconds,
        kioskIdleLockSeconds: launch.kioskIdleLockSeconds,
        // The provider's card form opens in a window of its own (D64).
        cardFormHost: cardWindowHost({ parent: () => win, devTools: !launch.kiosk && !app.isPackaged, kiosk: launch.kiosk, log }),
      });
      for (const p of core.problems()) console.warn(`CSR Desk: ${p.path}: ${p.message}`);
      registerIpcTransport(core.router, APP_ORIGIN, log);
    } catch (e) {
      console.error(`CSR Desk: the app could not start its services: ${e instanceof Error ? e.message : String(e)}`);
      registerIpcTransport(startFailureRouter(e), APP_ORIGIN, log);
    }

    Menu.setApplicationMenu(
      launch.kiosk
        ? null
        : Menu.buildFromTemplate(
            menuTemplate({
              platform: process.platform,
              appName: PRODUCT_NAME,
              developer: !app.isPackaged,
              onShortcut: (s) => void win?.webContents.executeJavaScriptInIsolatedWorld(MAIN_WORLD_ID, [{ code: dispatchShortcutScript(s, process.platform) }]),
            }),
          ),
    );

    win = createMainWindow({
      kiosk: launch.kiosk,
      preloadPath: paths.preload,
      stateFile: join(userData, 'window-state.json'),
      devTools: !launch.kiosk,
      log,
      onReady: () => {
        app.emit('csr-ready');
        if (!announced) {
          announced = true;
          console.log(readyLine(process.uptime() * 1000, launch.kiosk));
        }
      },
    });
    win.on('closed', () => (win = undefined));
    // The sandbox warms up once the window is on screen: first paint never waits for it.
    win.once('ready-to-show', () => {
      if (core) void warmUp(core, secrets);
    });
  });
}

/** Starts the embedded sandbox in the background, after checking secrets can be used at all. */
async function warmUp(core: Core, secrets: SafeStorageSecretStore): Promise<void> {
  const refusal = await secrets.refusal();
  if (refusal) {
    console.warn(`CSR Desk: ${refusal}`);
    return;
  }
  if (core.problems().length || core.profiles.active()?.kind !== 'sandbox') return;
  const started = performance.now();
  try {
    const client = await core.connection.client();
    log(`sandbox ready at ${client.baseUrl} in ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    console.warn(`CSR Desk: the embedded sandbox did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}
