// Who is signed in at the desk (session.*), and the admins' operator list (operators.*).
// main holds the session and enforces it; this slice mirrors it so the shell can show the
// sign-in, first-admin, lock or change-password screen. Any call that answers
// UNAUTHENTICATED or LOCKED (the desk locked while idle, an admin disabled us) makes the
// slice ask main again, so the right screen shows at once.
import { create } from 'zustand';
import type { AuthFailure, ChannelInput, Envelope, IpcError, OperatorRecord, SessionStatus } from '../../shared/ipc';
import { operatorName } from '../../shared/domain/operators';
import { invoke, onAppWideError } from './ipc';

export type SessionAnswer = { status: SessionStatus; failure: AuthFailure | null };

interface SessionState {
  status: SessionStatus | null;
  error: IpcError | null;
  operators: OperatorRecord[];
  operatorsError: IpcError | null;
  operatorsStatus: 'idle' | 'loading' | 'ready' | 'error';
  load(): Promise<void>;
  setupFirstAdmin(input: ChannelInput<'session.setupFirstAdmin'>): Promise<Envelope<SessionStatus>>;
  signIn(id: string, password: string): Promise<Envelope<SessionAnswer>>;
  signOut(): Promise<void>;
  lock(): Promise<void>;
  unlock(password: string): Promise<Envelope<SessionAnswer>>;
  changePassword(current: string, next: string): Promise<Envelope<SessionAnswer>>;
  /** User input seen (throttled by the caller): resets main's idle clock. */
  ping(): Promise<void>;
  loadOperators(): Promise<void>;
  addOperator(input: ChannelInput<'operators.add'>): Promise<Envelope<OperatorRecord>>;
  setDisabled(id: string, disabled: boolean): Promise<Envelope<OperatorRecord>>;
  resetPassword(id: string, password: string): Promise<Envelope<OperatorRecord>>;
}

/** Called whenever the operator changes (sign-in as someone else, sign-out): the shell resets. */
type OperatorChange = (from: string | null, to: string | null) => void;
const operatorListeners = new Set<OperatorChange>();
export function onOperatorChange(l: OperatorChange): () => void {
  operatorListeners.add(l);
  return () => operatorListeners.delete(l);
}

export const useSession = create<SessionState>()((set, get) => {
  const apply = (status: SessionStatus) => {
    const before = get().status?.operator?.id ?? null;
    const after = status.operator?.id ?? null;
    set({ status, error: null });
    document.documentElement.dataset.session = status.state;
    if (before !== after) for (const l of operatorListeners) l(before, after);
  };
  const replaceOperator = (rec: OperatorRecord) =>
    set((s) => ({ operators: s.operators.some((o) => o.id === rec.id) ? s.operators.map((o) => (o.id === rec.id ? rec : o)) : [...s.operators, rec] }));
  return {
    status: null,
    error: null,
    operators: [],
    operatorsError: null,
    operatorsStatus: 'idle',

    async load() {
      const res = await invoke((api) => api.session.status({}));
      if (res.ok) apply(res.value);
      else set({ error: res.error });
    },
    async setupFirstAdmin(input) {
      const res = await invoke((api) => api.session.setupFirstAdmin(input));
      if (res.ok) apply(res.value);
      return res;
    },
    async signIn(id, password) {
      const res = await invoke((api) => api.session.signIn({ id, password }));
      if (res.ok) apply(res.value.status);
      return res;
    },
    async signOut() {
      const res = await invoke((api) => api.session.signOut({}));
      if (res.ok) apply(res.value);
    },
    async lock() {
      const res = await invoke((api) => api.session.lock({}));
      if (res.ok) apply(res.value);
    },
    async unlock(password) {
      const res = await invoke((api) => api.session.unlock({ password }));
      if (res.ok) apply(res.value.status);
      return res;
    },
    async changePassword(current, next) {
      const res = await invoke((api) => api.session.changePassword({ current, next }));
      if (res.ok) apply(res.value.status);
      return res;
    },
    async ping() {
      const res = await invoke((api) => api.session.ping({}));
      if (res.ok && (res.value.state !== get().status?.state || res.value.operator?.id !== get().status?.operator?.id)) apply(res.value);
    },

    async loadOperators() {
      set((s) => ({ operatorsStatus: s.operators.length ? s.operatorsStatus : 'loading', operatorsError: null }));
      const res = await invoke((api) => api.operators.list({}));
      if (res.ok) set({ operators: res.value.operators, operatorsStatus: 'ready' });
      else set({ operatorsError: res.error, operatorsStatus: 'error' });
    },
    async addOperator(input) {
      const res = await invoke((api) => api.operators.add(input));
      if (res.ok) replaceOperator(res.value);
      return res;
    },
    async setDisabled(id, disabled) {
      const res = await invoke((api) => api.operators.setDisabled({ id, disabled }));
      if (res.ok) {
        replaceOperator(res.value);
        // Disabling oneself ends one's own session.
        if (disabled && id === get().status?.operator?.id) await get().load();
      }
      return res;
    },
    async resetPassword(id, password) {
      const res = await invoke((api) => api.operators.resetPassword({ id, password }));
      if (res.ok) replaceOperator(res.value);
      return res;
    },
  };
});

onAppWideError((error) => {
  if (error.code === 'UNAUTHENTICATED' || error.code === 'LOCKED') void useSession.getState().load();
});

export const selectOperator = (s: SessionState) => s.status?.operator ?? null;
/** The signed-in operator's name as a person reads it ('' when nobody is signed in). */
export const selectOperatorName = (s: SessionState) => (s.status?.operator ? operatorName(s.status.operator) : '');
export const selectIsAdmin = (s: SessionState) => s.status?.operator?.role === 'admin';
