// session.* and operators.* over IPC. The policy (who may call what) is the contract's and
// the router enforces it before a handler runs; these handlers add the rules that depend
// on the data (first admin only on an empty directory, never disable the last admin).
import type { Handlers } from '../router';
import { CoreError } from '../errors';
import type { OperatorDirectory } from '../operators/directory';
import type { DeskSession } from './deskSession';
import { say } from '../../../shared/ipc/say';

type SessionChannel = Extract<keyof Handlers, `session.${string}` | `operators.${string}`>;

export interface OperatorEvent {
  action: 'operators.add' | 'operators.disable' | 'operators.enable' | 'operators.resetPassword';
  targetId: string;
  detail?: Record<string, unknown>;
}

export function sessionHandlers(
  session: DeskSession,
  directory: OperatorDirectory,
  opts: { ready: Promise<void>; onEvent?: (e: OperatorEvent) => void },
): Pick<Handlers, SessionChannel> {
  const emit = (e: OperatorEvent) => {
    try {
      opts.onEvent?.(e);
    } catch {
      /* reported by the audit hook itself */
    }
  };
  return {
    async 'session.status'() {
      await opts.ready;
      return session.status();
    },
    async 'session.setupFirstAdmin'(input) {
      await opts.ready;
      return session.setupFirstAdmin(input);
    },
    async 'session.signIn'(input) {
      await opts.ready;
      return session.signIn(input.id, input.password);
    },
    async 'session.signOut'() {
      return session.signOut();
    },
    async 'session.lock'() {
      return session.lock();
    },
    async 'session.unlock'(input) {
      return session.unlock(input.password);
    },
    async 'session.ping'() {
      await opts.ready;
      return session.ping();
    },
    async 'session.changePassword'(input) {
      if (input.current === input.next)
        throw new CoreError('VALIDATION', say('samePassword'), [{ path: 'next', message: 'same as the current password' }]);
      return session.changePassword(input.current, input.next);
    },

    async 'operators.list'() {
      return { operators: await directory.list() };
    },
    async 'operators.add'(input) {
      // Someone else chooses the first password: the operator sets their own at first sign-in.
      const rec = await directory.add({ ...input, mustChangePassword: true });
      emit({ action: 'operators.add', targetId: rec.id, detail: { role: rec.role } });
      return rec;
    },
    async 'operators.setDisabled'(input) {
      const target = await directory.get(input.id);
      if (!target) throw new CoreError('NOT_FOUND', say('noSuchOperator', { id: input.id }), [{ path: 'id', message: 'unknown operator' }]);
      if (input.disabled && target.role === 'admin' && !target.disabled) {
        const admins = (await directory.list()).filter((o) => o.role === 'admin' && !o.disabled);
        if (admins.length <= 1)
          throw new CoreError('VALIDATION', say('lastAdmin'), [{ path: 'id', message: 'last admin' }]);
      }
      const rec = await directory.setDisabled(input.id, input.disabled);
      if (input.disabled) await session.endIfSignedIn(rec.id);
      emit({ action: input.disabled ? 'operators.disable' : 'operators.enable', targetId: rec.id });
      return rec;
    },
    async 'operators.resetPassword'(input) {
      const rec = await directory.resetPassword(input.id, input.password);
      emit({ action: 'operators.resetPassword', targetId: rec.id });
      return rec;
    },
  };
}
