// Whether something modal is open: a dialog, a menu or popover, a date picker, or the lock
// screen. MUI puts each of them in a portal directly under <body>, so watching <body>'s
// children (not the whole page) sees every one open and close, at no cost while typing.
import { useSyncExternalStore } from 'react';

const OPEN_MODAL = '.MuiModal-root:not(.MuiModal-hidden), [role="dialog"], [role="alertdialog"]';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { childList: true });
  return () => observer.disconnect();
}

const modalOpen = () => document.querySelector(OPEN_MODAL) !== null;

export function useModalOpen(): boolean {
  return useSyncExternalStore(subscribe, modalOpen, () => false);
}
