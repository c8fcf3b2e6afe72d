// Tells main that someone is working (session.ping, leading and trailing, at most every
// quarter of the idle time and at least every 30 s of input), and asks main again once the
// idle time has passed without input, so the lock screen shows on time. main decides; this
// only keeps it informed.
import { useEffect } from 'react';
import { useSession } from '../../state/sessionStore';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export function useSessionActivity(active: boolean, idleLockSeconds: number): void {
  useEffect(() => {
    if (!active) return;
    const idleMs = idleLockSeconds * 1000;
    const every = Math.min(30_000, Math.max(250, idleMs / 4));
    let last = Date.now(); // signing in or unlocking just reset main's clock
    let trailing: ReturnType<typeof setTimeout> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      last = Date.now();
      void useSession.getState().ping();
    };
    let disposed = false;
    // Once the idle time is up, ask main; if a late ping kept it open, ask again a little later.
    const armIdle = (after = idleMs + 200) => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        void useSession
          .getState()
          .load()
          .then(() => {
            if (!disposed) armIdle(every);
          });
      }, after);
    };
    const onInput = () => {
      armIdle(idleMs + 200);
      const since = Date.now() - last;
      if (since >= every) send();
      else trailing ??= setTimeout(() => {
        trailing = undefined;
        send();
      }, every - since);
    };
    armIdle(idleMs + 200);
    for (const ev of EVENTS) window.addEventListener(ev, onInput, { passive: true, capture: true });
    return () => {
      disposed = true;
      clearTimeout(idle);
      clearTimeout(trailing);
      for (const ev of EVENTS) window.removeEventListener(ev, onInput, { capture: true });
    };
  }, [active, idleLockSeconds]);
}
