// Unsaved changes that closing something would lose: an open form with edits (billing
// group, permanent address, connection profile) or a comment draft main could not store.
// Closing a tab or leaving Settings asks first (the question is shown by the shell's
// DiscardChangesDialog); saying "discard" closes, "keep editing" leaves everything as it was.
import { useEffect } from 'react';
import { create } from 'zustand';

/** An account's tab, or the Settings screen. */
export type UnsavedScope = number | 'settings';
export type UnsavedWhat = 'billingGroup' | 'permAddress' | 'comment' | 'settings' | 'contact' | 'manageAccount' | 'newAccount';

interface Question {
  what: UnsavedWhat[];
  answer(discard: boolean): void;
}

interface UnsavedState {
  marks: Record<string, { scope: UnsavedScope; what: UnsavedWhat }>;
  question: Question | null;
  mark(key: string, scope: UnsavedScope, what: UnsavedWhat, dirty: boolean): void;
  /** What would be lost by closing the scope. */
  pending(scope: UnsavedScope): UnsavedWhat[];
  /** Asks when something would be lost; true = go ahead (nothing to lose, or "discard"). */
  confirmDiscard(what: UnsavedWhat[]): Promise<boolean>;
  confirmLeave(scope: UnsavedScope): Promise<boolean>;
}

export const useUnsaved = create<UnsavedState>()((set, get) => ({
  marks: {},
  question: null,

  mark(key, scope, what, dirty) {
    const has = key in get().marks;
    if (dirty === has) return;
    set((s) => {
      const marks = { ...s.marks };
      if (dirty) marks[key] = { scope, what };
      else delete marks[key];
      return { marks };
    });
  },

  pending: (scope) => [...new Set(Object.values(get().marks).filter((m) => m.scope === scope).map((m) => m.what))],

  confirmDiscard(what) {
    if (!what.length) return Promise.resolve(true);
    get().question?.answer(false); // one question at a time
    return new Promise<boolean>((resolve) =>
      set({
        question: {
          what,
          answer: (discard) => {
            set({ question: null });
            resolve(discard);
          },
        },
      }),
    );
  },

  confirmLeave(scope) {
    return get().confirmDiscard(get().pending(scope));
  },
}));

/** Marks the component's unsaved changes while `dirty`; the mark goes when it unmounts. */
export function useUnsavedMark(key: string, scope: UnsavedScope, what: UnsavedWhat, dirty: boolean): void {
  useEffect(() => {
    useUnsaved.getState().mark(key, scope, what, dirty);
  }, [key, scope, what, dirty]);
  useEffect(() => () => useUnsaved.getState().mark(key, scope, what, false), [key, scope, what]);
}
