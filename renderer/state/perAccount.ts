// What several feature stores keep per open account: a value loaded through one channel,
// with a sequence number so an older answer never overwrites a newer request, and the last
// good data kept on screen while a reload fails.
import type { Envelope, IpcError } from '../../shared/ipc';

export interface PerAccount<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: IpcError | null;
  seq: number;
}

type WithByAccount<E> = { byAccount: Record<number, E> };
type SetState<S> = (update: (s: S) => Partial<S>) => void;

export async function loadPerAccount<T, S extends WithByAccount<PerAccount<T>>>(
  get: () => S,
  set: SetState<S>,
  accountNo: number,
  fetch: () => Promise<Envelope<T>>,
): Promise<void> {
  const prev = get().byAccount[accountNo];
  const seq = (prev?.seq ?? 0) + 1;
  const put = (entry: PerAccount<T>) => set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: entry } }) as Partial<S>);
  put({ status: prev?.data ? prev.status : 'loading', data: prev?.data ?? null, error: null, seq });
  const res = await fetch();
  if (get().byAccount[accountNo]?.seq !== seq) return; // a newer load is under way
  put(res.ok ? { status: 'ready', data: res.value, error: null, seq } : { status: 'error', data: prev?.data ?? null, error: res.error, seq });
}

/** The optional reason of a write, as a channel expects it: trimmed, or left out. */
export const withReason = (reason?: string) => (reason?.trim() ? { reason: reason.trim() } : {});

/** The map without one account (its tab was closed). */
export function withoutAccount<E>(byAccount: Record<number, E>, accountNo: number): Record<number, E> {
  const rest = { ...byAccount };
  delete rest[accountNo];
  return rest;
}
