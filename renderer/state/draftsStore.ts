// Comment drafts, kept by main (drafts.get / put / delete, D30) so that closing the tab,
// a reload or a restart loses nothing typed. Saving follows the typing (debounced), one
// request at a time per account, the newest text last; closing the composer flushes.
import { create } from 'zustand';
import { containsCardNumber } from '../../shared/domain/input/cardNumber';
import type { IpcError } from '../../shared/ipc';
import { invoke } from './ipc';
import { withoutAccount } from './perAccount';

/** 'withheld': the text holds a card number, so it is not sent to main to be kept (D95). */
export type DraftState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'withheld';

export interface DraftEntry {
  state: DraftState;
  /** When main last stored it (ISO), for "draft saved" / "draft from …". */
  savedAt: string | null;
  error: IpcError | null;
}

interface DraftsState {
  byAccount: Record<number, DraftEntry>;
  /** The stored draft's text and time, or null. */
  load(accountNo: number): Promise<{ text: string; updatedAt: string } | null>;
  /** The text changed: saved shortly, unless more typing follows. */
  edit(accountNo: number, text: string): void;
  /** Save what is waiting now (the composer closes). */
  flush(accountNo: number): Promise<void>;
  /** The comment was saved: the draft goes. */
  discard(accountNo: number): Promise<void>;
  reset(): void;
}

export const DRAFT_DEBOUNCE_MS = 300;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const waiting = new Map<number, string>();
const chains = new Map<number, Promise<void>>();

const stopTimer = (accountNo: number) => {
  clearTimeout(timers.get(accountNo));
  timers.delete(accountNo);
};

export const useDrafts = create<DraftsState>()((set) => {
  const put = (accountNo: number, patch: Partial<DraftEntry>) =>
    set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: { state: 'idle', savedAt: null, error: null, ...s.byAccount[accountNo], ...patch } } }));

  async function saveNow(accountNo: number) {
    const text = waiting.get(accountNo);
    if (text === undefined) return;
    waiting.delete(accountNo);
    put(accountNo, { state: 'saving' });
    // An empty text deletes the draft in main.
    const res = await invoke((api) => api.drafts.put({ accountNo, text }));
    if (waiting.has(accountNo)) return; // newer text is queued; its save reports
    if (res.ok) {
      put(accountNo, { state: res.value.draft ? 'saved' : 'idle', savedAt: res.value.draft?.updatedAt ?? null, error: null });
    } else {
      waiting.set(accountNo, text); // kept for the next try (the next keystroke or flush)
      put(accountNo, { state: 'error', error: res.error });
    }
  }
  const queue = (accountNo: number, job: () => Promise<void>) => {
    const next = (chains.get(accountNo) ?? Promise.resolve()).then(job);
    chains.set(accountNo, next);
    return next;
  };

  return {
    byAccount: {},

    async load(accountNo) {
      const res = await invoke((api) => api.drafts.get({ accountNo }));
      if (!res.ok) {
        put(accountNo, { error: res.error });
        return null;
      }
      if (res.value.draft) put(accountNo, { state: 'saved', savedAt: res.value.draft.updatedAt });
      return res.value.draft;
    },

    edit(accountNo, text) {
      if (containsCardNumber(text)) {
        // Never to main nor its disk: the stored draft stays the last text without it.
        stopTimer(accountNo);
        waiting.delete(accountNo);
        put(accountNo, { state: 'withheld' });
        return;
      }
      waiting.set(accountNo, text);
      put(accountNo, { state: 'pending' });
      stopTimer(accountNo);
      timers.set(
        accountNo,
        setTimeout(() => {
          timers.delete(accountNo);
          void queue(accountNo, () => saveNow(accountNo));
        }, DRAFT_DEBOUNCE_MS),
      );
    },

    flush(accountNo) {
      stopTimer(accountNo);
      return queue(accountNo, () => saveNow(accountNo));
    },

    discard(accountNo) {
      stopTimer(accountNo);
      waiting.delete(accountNo);
      set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) }));
      return queue(accountNo, async () => {
        await invoke((api) => api.drafts.delete({ accountNo }));
      });
    },

    reset() {
      // Pending saves still run (their text is the operator's); only what is shown is cleared.
      set({ byAccount: {} });
    },
  };
});
