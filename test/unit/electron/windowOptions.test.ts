// security.md: contextIsolation on, sandbox on, nodeIntegration off, webSecurity on, no
// allowRunningInsecureContent / experimentalFeatures / enableBlinkFeatures. Kiosk: full
// screen, no devtools.
import { describe, expect, it } from 'vitest';
import { secureWebPreferences, webPreferenceViolations, windowOptions } from '../../../main/electron/windowOptions';

describe('windowOptions', () => {
  it('hardens the main window', () => {
    const o = windowOptions({ kiosk: false, preloadPath: '/app/out/preload/preload.cjs' });
    const p = o.webPreferences!;
    expect(p).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(p.allowRunningInsecureContent).not.toBe(true);
    expect(p.experimentalFeatures).not.toBe(true);
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferenceViolations(p)).toEqual([]);
    expect(o.show).toBe(false); // shown on ready-to-show
    expect(o.kiosk).toBeUndefined();
  });

  it('kiosk: full screen, kiosk flag, no devtools', () => {
    const o = windowOptions({ kiosk: true, preloadPath: '/p.cjs', devTools: true });
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(o.webPreferences!.devTools).toBe(false);
    expect(webPreferenceViolations(o.webPreferences)).toEqual([]);
  });

  it('restores given bounds', () => {
    const o = windowOptions({ kiosk: false, preloadPath: '/p.cjs', bounds: { x: 5, y: 6, width: 1000, height: 700 } });
    expect(o).toMatchObject({ x: 5, y: 6, width: 1000, height: 700 });
  });

  it('a window without our preload is just as locked down', () => {
    const p = secureWebPreferences({ devTools: false });
    expect(p.preload).toBeUndefined();
    expect(webPreferenceViolations(p)).toEqual([]);
  });

  it('names every weakened setting', () => {
    expect(
      webPreferenceViolations({
        contextIsolation: false,
        sandbox: false,
        nodeIntegration: true,
        webSecurity: false,
        allowRunningInsecureContent: true,
        experimentalFeatures: true,
        enableBlinkFeatures: 'CSSPaintAPI',
        webviewTag: true,
      }),
    ).toHaveLength(8);
    expect(webPreferenceViolations(undefined).length).toBeGreaterThan(0);
  });
});
