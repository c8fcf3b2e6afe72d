// Locks applied to every session and every webContents the app ever creates
// (security.md): permissions denied, navigation kept on the app's origin (parsed
// origins, never prefixes), new windows denied, webviews refused, downloads refused.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { navigationDecision, windowOpenDecision } from './navigationGuards';
import { allowedDownload, APP_ORIGIN } from './policy';
import { cardSessionOrigin } from './cardSessions';

export interface HardeningOptions {
  externalUrlAllowlist: readonly string[];
  kiosk: boolean;
  log?: (line: string) => void;
}

const hardenedSessions = new WeakSet<Session>();

/** Every permission request and check is refused; so are devices, screen capture and downloads. */
export function hardenSession(ses: Session, log: (line: string) => void = () => {}): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`permission refused: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Downloads are refused, except the audit log's CSV export, which asks where to save it.
  ses.on('will-download', (event, item) => {
    if (item && allowedDownload(item.getURL(), item.getFilename())) {
      item.setSaveDialogOptions({ title: 'Save the audit log export', defaultPath: item.getFilename(), filters: [{ name: 'CSV', extensions: ['csv'] }] });
      return;
    }
    event.preventDefault();
    log('download refused');
  });
}

function openExternal(url: string, log: (line: string) => void) {
  shell.openExternal(url).catch(() => log('openExternal failed'));
}

/** Navigation and window-open locks for one webContents. */
export function hardenWebContents(contents: WebContents, opts: HardeningOptions, allowedOrigin: string = APP_ORIGIN): void {
  const log = opts.log ?? (() => {});
  const guard = (event: { url: string; preventDefault(): void }) => {
    const d = navigationDecision(event.url, allowedOrigin, opts.externalUrlAllowlist);
    if (d.allow) return;
    event.preventDefault();
    log('navigation blocked');
    if (d.openExternally) openExternal(event.url, log);
  };
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url, opts.externalUrlAllowlist);
    if (d.openExternally) openExternal(url, log);
    return { action: d.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (opts.kiosk) contents.on('devtools-opened', () => contents.closeDevTools());
}

/**
 * App-wide: every session (the default one and any created later) and every webContents
 * (windows, and anything else Chromium creates) gets the locks above. Call before 'ready'.
 */
export function installAppHardening(opts: HardeningOptions): void {
  const log = opts.log ?? (() => {});
  app.on('session-created', (ses) => hardenSession(ses, log));
  app.on('web-contents-created', (_event, contents) => {
    // A provider card form window (cardWindow.ts, D64) is locked to the provider's origin,
    // with no links handed to the OS browser; everything else to the app's own origin.
    const cardOrigin = cardSessionOrigin(contents.session);
    hardenWebContents(contents, cardOrigin ? { ...opts, externalUrlAllowlist: [] } : opts, cardOrigin ?? APP_ORIGIN);
  });
  void app.whenReady().then(() => hardenSession(session.defaultSession, log));
}
