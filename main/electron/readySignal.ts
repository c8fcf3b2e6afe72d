// The app-emitted "ready" that tests and the performance check wait on (style.md: wait on
// events, never sleep). The renderer marks <html data-app-ready="true"> and dispatches
// window event "csr:ready" when the search box has focus; main watches for it from an
// isolated world (the page's CSP and globals cannot interfere) and then reports
// READY_LINE on stdout and 'csr-ready' on app.

export const READY_LINE = 'CSR_DESK_READY';
export const READY_EVENT = 'csr:ready';
/** A world of our own for main's scripts (the preload's contextIsolation world is 999). */
export const MAIN_WORLD_ID = 1001;

export const WAIT_FOR_READY_SCRIPT = `new Promise((resolve) => {
  const el = document.documentElement;
  const done = () => resolve(true);
  if (el.dataset.appReady === 'true') return done();
  window.addEventListener(${JSON.stringify(READY_EVENT)}, done, { once: true });
  new MutationObserver(() => { if (el.dataset.appReady === 'true') done(); })
    .observe(el, { attributes: true, attributeFilter: ['data-app-ready'] });
})`;

/** "CSR_DESK_READY 812ms kiosk=false": one line, parsed by tests and the shell-start benchmark. */
export function readyLine(msSinceStart: number, kiosk: boolean): string {
  return `${READY_LINE} ${Math.round(msSinceStart)}ms kiosk=${kiosk}`;
}
