// The "app is ready" signal tests and benchmarks wait on (never a sleep): once the shell
// has painted and the search box has the focus.
let signalled = false;

export function signalReady(): void {
  if (signalled) return;
  signalled = true;
  // Two frames: the first commits, the second runs after that frame was painted.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      document.documentElement.dataset.appReady = 'true';
      performance.mark('csr:ready');
      window.dispatchEvent(new Event('csr:ready'));
    }),
  );
}

/** For component tests that mount the app more than once. */
export function resetReadySignalForTests(): void {
  signalled = false;
  delete document.documentElement.dataset.appReady;
}
