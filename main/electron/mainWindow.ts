// The main window: hardened options, bounds restored and saved, shown on ready-to-show
// (first paint waits for nothing else), the app loaded from app://csr, and the renderer's
// "ready" turned into an app event.
import { BrowserWindow, screen } from 'electron';
import { windowOptions } from './windowOptions';
import { loadWindowState, restoreBounds, saveWindowState } from './windowState';
import { APP_ENTRY_URL } from './policy';
import { MAIN_WORLD_ID, WAIT_FOR_READY_SCRIPT } from './readySignal';

export interface MainWindowOptions {
  kiosk: boolean;
  preloadPath: string;
  stateFile: string;
  devTools: boolean;
  /** Called each time the renderer reports ready (after every load). */
  onReady(window: BrowserWindow): void;
  log?: (line: string) => void;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const log = opts.log ?? (() => {});
  const saved = opts.kiosk ? null : loadWindowState(opts.stateFile);
  const bounds = opts.kiosk ? undefined : restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const options = windowOptions({ kiosk: opts.kiosk, preloadPath: opts.preloadPath, devTools: opts.devTools, ...(bounds ? { bounds } : {}) });
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // Repeated at the construction site on purpose: readable in review, and what
      // Electronegativity checks (it cannot follow windowOptions()).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (saved?.maximized) win.maximize();

  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => {
    win.webContents
      .executeJavaScriptInIsolatedWorld(MAIN_WORLD_ID, [{ code: WAIT_FOR_READY_SCRIPT }])
      .then(() => {
        if (!win.isDestroyed()) opts.onReady(win);
      })
      .catch(() => log('ready signal: the page went away before it was ready'));
  });
  let reloads = 0;
  win.webContents.on('render-process-gone', (_e, details) => {
    log(`renderer gone: ${details.reason}`);
    // A crashed page comes back (a few times; then it stays down rather than loop).
    if (details.reason !== 'clean-exit' && !win.isDestroyed() && reloads++ < 3) void win.loadURL(APP_ENTRY_URL);
  });

  if (!opts.kiosk) {
    win.on('close', () => {
      saveWindowState(opts.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    });
  }
  void win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log(`load failed: ${e instanceof Error ? e.message : String(e)}`));
  return win;
}

/** A second launch focuses the running window instead of opening another app. */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
