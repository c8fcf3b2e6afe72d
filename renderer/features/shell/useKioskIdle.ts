// Kiosk desks: after 3 minutes without input, back to an empty search screen (every tab
// closed, the search cleared) so the next person sees nothing of the last one.
import { useEffect } from 'react';
import { resetWorkspace } from '../../state/reset';
import { focusTarget } from './focusTargets';

export const KIOSK_IDLE_MS = 3 * 60 * 1000;
const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export function useKioskIdle(kiosk: boolean, idleMs = KIOSK_IDLE_MS): void {
  useEffect(() => {
    if (!kiosk) return;
    let timer: ReturnType<typeof setTimeout>;
    const fire = () => {
      resetWorkspace('kiosk');
      requestAnimationFrame(() => focusTarget('search'));
      arm();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    };
    arm();
    for (const ev of EVENTS) window.addEventListener(ev, arm, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const ev of EVENTS) window.removeEventListener(ev, arm, { capture: true });
    };
  }, [kiosk, idleMs]);
}
