// The options of every window the app creates, as plain data (security.md: every
// webContents has contextIsolation, sandbox, no nodeIntegration, webSecurity, and none of
// allowRunningInsecureContent / experimentalFeatures / enableBlinkFeatures).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  kiosk: boolean;
  preloadPath: string;
  bounds?: Bounds;
  title?: string;
  /** Development runs may open DevTools; kiosks and packaged builds may too, unless kiosk. */
  devTools?: boolean;
}

/** The hardened webPreferences; preload only where a window is ours. */
export function secureWebPreferences(opts: { preloadPath?: string; devTools: boolean }): WebPreferences {
  return {
    ...(opts.preloadPath ? { preload: opts.preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from a CDN on Windows and Linux.
    spellcheck: false,
    // Middle-click would otherwise try to open a new window (denied anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
    devTools: opts.devTools,
  };
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const devTools = input.kiosk ? false : (input.devTools ?? true);
  const bounds = input.bounds ?? { width: 1280, height: 820 };
  return {
    title: input.title ?? 'CSR Desk',
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show: first paint waits for nothing but the renderer itself.
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: input.kiosk,
    ...(input.kiosk ? { kiosk: true, fullscreen: true, fullscreenable: true, minimizable: false } : {}),
    webPreferences: secureWebPreferences({ preloadPath: input.preloadPath, devTools }),
  };
}

/** Keys that must never appear in any webPreferences we build (checked by tests and at runtime). */
export const FORBIDDEN_WEB_PREFERENCES = ['allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures'] as const;

/** Which of the required secure settings a set of webPreferences violates (empty = hardened). */
export function webPreferenceViolations(prefs: WebPreferences | undefined): string[] {
  const p = prefs ?? {};
  const problems: string[] = [];
  if (p.contextIsolation !== true) problems.push('contextIsolation must be true');
  if (p.sandbox !== true) problems.push('sandbox must be true');
  if (p.nodeIntegration !== false) problems.push('nodeIntegration must be false');
  if (p.nodeIntegrationInSubFrames === true) problems.push('nodeIntegrationInSubFrames must be false');
  if (p.nodeIntegrationInWorker === true) problems.push('nodeIntegrationInWorker must be false');
  if (p.webSecurity !== true) problems.push('webSecurity must be true');
  if (p.allowRunningInsecureContent === true) problems.push('allowRunningInsecureContent must be off');
  if (p.experimentalFeatures === true) problems.push('experimentalFeatures must be off');
  if (p.enableBlinkFeatures) problems.push('enableBlinkFeatures must be unset');
  if (p.webviewTag === true) problems.push('webviewTag must be off');
  return problems;
}
