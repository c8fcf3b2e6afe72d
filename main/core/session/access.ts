// The router's access check (decision D48), from the contract's policy of each channel:
//   kiosk mode and a channel kiosks do not have → FORBIDDEN (removed, not just hidden)
//   'public' channels (app.info, session.*)   → always through
//   nobody signed in                           → UNAUTHENTICATED
//   desk locked                                → LOCKED
//   password must be changed first             → FORBIDDEN
//   role not in the channel's roles            → FORBIDDEN
// The same check runs for both transports because it lives in the router, not in either.
import { contract, say, sayInEnglish, type Channel, type IpcError, type Say } from '../../../shared/ipc';
import type { CallContext } from '../router';
import type { Operator } from '../services/context';
import type { DeskSession } from './deskSession';

/** A refusal as the router answers it: the Say for the renderer, its English for the log (D105). */
const refusal = (code: IpcError['code'], said: Say): IpcError => ({ code, message: sayInEnglish(said), say: said });

/** A refusal the audit log records (FORBIDDEN only: UNAUTHENTICATED/LOCKED are the normal state of a signed-out desk). */
export interface Refusal {
  channel: Channel;
  operator: Operator | null;
  why: 'kiosk' | 'role' | 'mustChangePassword';
}

export interface AccessOptions {
  session: DeskSession;
  kiosk: boolean;
  onRefused?: (r: Refusal) => void;
}

/** Session channels a signed-in operator who must change their password may still use. */
const WHILE_MUST_CHANGE = new Set<Channel>(['session.changePassword']);

export function accessCheck(opts: AccessOptions): (channel: Channel, ctx: CallContext) => IpcError | null {
  return (channel) => {
    const policy = contract[channel];
    const refuse = (why: Refusal['why'], operator: Operator | null, said: Say): IpcError => {
      opts.onRefused?.({ channel, operator, why });
      return refusal('FORBIDDEN', said);
    };
    if (opts.kiosk && !policy.kiosk) return refuse('kiosk', opts.session.current()?.operator ?? null, say('kioskRefused'));
    if (policy.roles === 'public') return null;
    const s = opts.session.current();
    if (!s) return refusal('UNAUTHENTICATED', say('notSignedIn'));
    if (s.locked) return refusal('LOCKED', say('deskLocked'));
    if (s.mustChangePassword && !WHILE_MUST_CHANGE.has(channel)) return refuse('mustChangePassword', s.operator, say('changePasswordFirst'));
    if (!policy.roles.includes(s.operator.role)) return refuse('role', s.operator, say('roleRefused', { role: s.operator.role }));
    return null;
  };
}
