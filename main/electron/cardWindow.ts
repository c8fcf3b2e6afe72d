// The provider's hosted card form in a window of its own (issue 10 item 4, D64): no
// preload (so no window.csr and no IPC), sandboxed, context-isolated, an in-memory session
// partition of its own, and navigation, redirects and new windows locked to the provider's
// origin. The card is typed there and posted straight to the provider; main only ever
// learns the payment method number (cards.status, D63). Closed when the update is done.
import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import type { CardFormHost } from '../core/services/cards';
import { registerCardSession } from './cardSessions';
import { hardenSession, hardenWebContents } from './hardening';
import { originOf } from './policy';
import { secureWebPreferences } from './windowOptions';

/** No "persist:" prefix: Chromium keeps this partition in memory, so nothing of the form reaches the disk. */
export const CARD_PARTITION = 'csr-card-form';

export function cardWindowOptions(o: { ses: Session; parent?: BrowserWindow | undefined; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'CSR Desk – payment card',
    width: 520,
    height: 720,
    minWidth: 380,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    ...(o.parent ? { parent: o.parent } : {}),
    webPreferences: {
      // Never a preload here: the provider's page gets no bridge to the desk at all.
      ...secureWebPreferences({ devTools: o.devTools }),
      session: o.ses,
      // Repeated at the construction site on purpose, as in mainWindow.ts.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  };
}

export interface CardWindowHostOptions {
  /** The desk's main window, the card window's parent (closed with it). */
  parent(): BrowserWindow | undefined;
  devTools: boolean;
  kiosk: boolean;
  log?: (line: string) => void;
}

/** Opens at most one card form window at a time; a second open shows the new session in it. */
export function cardWindowHost(opts: CardWindowHostOptions): CardFormHost {
  const log = opts.log ?? (() => {});
  let win: BrowserWindow | undefined;
  let onClosed: (() => void) | undefined;

  return {
    open(url, origin, closed) {
      const allowed = originOf(origin);
      // Only an http(s) origin the URL itself is on: anything else never opens.
      if (!allowed || originOf(url) !== allowed) throw new Error('the card form address is not on the provider origin');
      if (win && !win.isDestroyed()) {
        const previous = onClosed;
        onClosed = undefined;
        win.close();
        previous?.();
      }
      const ses = session.fromPartition(CARD_PARTITION);
      registerCardSession(ses, allowed);
      hardenSession(ses, log);
      const options = cardWindowOptions({ ses, parent: opts.parent(), devTools: opts.devTools && !opts.kiosk });
      const w = new BrowserWindow({
        ...options,
        // Spelled out at the construction site too, for review and for Electronegativity
        // (it cannot follow cardWindowOptions()). No preload: no bridge, no IPC.
        webPreferences: {
          ...options.webPreferences,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      // The app-wide hook (hardening.ts) already locked this webContents to the card session's
      // origin; locking it here again says so where the window is made.
      hardenWebContents(w.webContents, { externalUrlAllowlist: [], kiosk: opts.kiosk, log }, allowed);
      w.removeMenu();
      w.once('ready-to-show', () => w.show());
      w.on('closed', () => {
        if (win === w) win = undefined;
        // Nothing of the form outlives its window (the partition is in memory anyway).
        void ses.clearStorageData().catch(() => undefined);
        void ses.clearCache().catch(() => undefined);
        const cb = onClosed;
        onClosed = undefined;
        cb?.();
      });
      win = w;
      onClosed = closed;
      void w.loadURL(url).catch(() => log('card form: the provider page did not load'));
    },
    close() {
      if (win && !win.isDestroyed()) win.close();
    },
  };
}
