// The signed-in operator's feedback (supervision.feedback / .acknowledge): what supervisors
// said about their own work. Main answers for whoever is signed in; this only shows it.
import { create } from 'zustand';
import type { FeedbackItem, IpcError } from '../../../shared/ipc';
import { invoke } from '../../state/ipc';

interface FeedbackState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: FeedbackItem[];
  teamError: string | null;
  error: IpcError | null;
  /** Reviews being acknowledged (by review hash). */
  acking: Record<string, boolean>;
  ackError: IpcError | null;
  load(): Promise<void>;
  acknowledge(item: FeedbackItem): Promise<boolean>;
  reset(): void;
}

export const unacknowledged = (items: readonly FeedbackItem[]) => items.filter((i) => !i.review.acknowledged).length;

let generation = 0;
export const useFeedback = create<FeedbackState>()((set, get) => ({
  status: 'idle',
  items: [],
  teamError: null,
  error: null,
  acking: {},
  ackError: null,
  async load() {
    const gen = ++generation;
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    const res = await invoke((api) => api.supervision.feedback({}));
    if (gen !== generation) return;
    if (!res.ok) set({ status: 'error', error: res.error });
    else set({ status: 'ready', items: res.value.items, teamError: res.value.teamError });
  },
  async acknowledge(item) {
    const h = item.review.ref.hash;
    set((s) => ({ acking: { ...s.acking, [h]: true }, ackError: null }));
    const res = await invoke((api) => api.supervision.acknowledge({ review: item.review.ref }));
    set((s) => ({ acking: { ...s.acking, [h]: false } }));
    if (!res.ok) {
      set({ ackError: res.error });
      return false;
    }
    set((s) => ({
      items: s.items.map((i) => (i.review.ref.hash === h ? { ...i, review: { ...i.review, acknowledged: { by: null, at: res.value.acknowledged.at } } } : i)),
    }));
    void get().load();
    return true;
  },
  reset() {
    generation++;
    set({ status: 'idle', items: [], teamError: null, error: null, acking: {}, ackError: null });
  },
}));
