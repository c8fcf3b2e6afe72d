// The comment timeline (AcctRetrieveComments, filtered by date range in the API and by
// author here) and comment capture (AcctCaptureComments; the API splits long text).
import { create } from 'zustand';
import type { ListedComment } from '../../shared/ipc';
import type { ChannelOutput, Envelope, IpcError } from '../../shared/ipc';
import { onAccountWritten } from './accountWrites';
import { invoke } from './ipc';
import { withoutAccount } from './perAccount';
import { mark } from './marks';

export interface CommentsEntry {
  status: 'loading' | 'ready' | 'error';
  comments: ListedComment[];
  error: IpcError | null;
  /** YYYY-MM-DD or '' (open). */
  from: string;
  to: string;
  /** '' = every author. */
  author: string;
  seq: number;
}

interface CommentsState {
  byAccount: Record<number, CommentsEntry>;
  load(accountNo: number): Promise<void>;
  setRange(accountNo: number, from: string, to: string): void;
  setAuthor(accountNo: number, author: string): void;
  add(accountNo: number, text: string): Promise<Envelope<ChannelOutput<'comments.add'>>>;
  forget(accountNo: number): void;
  reset(): void;
}

const empty = (): CommentsEntry => ({ status: 'loading', comments: [], error: null, from: '', to: '', author: '', seq: 0 });

/** Newest first; parts of one split comment stay in their stored order. */
export function sortComments(list: ListedComment[]): ListedComment[] {
  return [...list].sort((a, b) => (a.acctCommentDateTime < b.acctCommentDateTime ? 1 : a.acctCommentDateTime > b.acctCommentDateTime ? -1 : a.acctCommentNo - b.acctCommentNo));
}

export const useComments = create<CommentsState>()((set, get) => ({
  byAccount: {},

  async load(accountNo) {
    const prev = get().byAccount[accountNo] ?? empty();
    const seq = prev.seq + 1;
    set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: { ...prev, seq, status: prev.comments.length ? prev.status : 'loading', error: null } } }));
    const res = await invoke((api) =>
      api.comments.list({ accountNo, ...(prev.from ? { from: prev.from } : {}), ...(prev.to ? { to: prev.to } : {}) }),
    );
    const now = get().byAccount[accountNo];
    if (!now || now.seq !== seq) return;
    mark('csr:comments-answer');
    set((s) => ({
      byAccount: {
        ...s.byAccount,
        [accountNo]: res.ok ? { ...now, status: 'ready', comments: sortComments(res.value.comments), error: null } : { ...now, status: 'error', error: res.error },
      },
    }));
  },

  setRange(accountNo, from, to) {
    const prev = get().byAccount[accountNo] ?? empty();
    set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: { ...prev, from, to } } }));
    // A range that ends before it starts is shown as an error on the fields, not sent.
    if (!(from && to && from > to)) void get().load(accountNo);
  },

  setAuthor(accountNo, author) {
    const prev = get().byAccount[accountNo] ?? empty();
    set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: { ...prev, author } } }));
  },

  async add(accountNo, text) {
    const res = await invoke((api) => api.comments.add({ accountNo, text }));
    if (res.ok) await get().load(accountNo);
    return res;
  },

  forget: (accountNo) => set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) })),
  reset: () => set({ byAccount: {} }),
}));

// Every write may leave a comment (its reason, D17): a timeline on screen is read again.
// comments.add reloads by itself (add() waits for it).
onAccountWritten((accountNo, channel) => {
  if (channel !== 'comments.add' && useComments.getState().byAccount[accountNo]) void useComments.getState().load(accountNo);
});

export const selectVisibleComments = (e: CommentsEntry | undefined): ListedComment[] =>
  !e ? [] : e.author ? e.comments.filter((c) => c.acctCommentAuthor === e.author) : e.comments;
