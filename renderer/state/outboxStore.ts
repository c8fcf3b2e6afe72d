// The outbox as the renderer sees it: online / offline (by itself or by choice), how many
// changes wait, and the pending and parked items with a person's decisions on them (retry,
// edit, discard). Polled while the app is open (main has no push over the web host), and
// refreshed after every write so a queued change shows as pending at once.
import { create } from 'zustand';
import type { Command, OutboxItemView, OutboxStatus } from '../../shared/commands';
import type { Envelope, IpcError } from '../../shared/ipc';
import { useBillingGroups } from './billingGroupsStore';
import { useComments } from './commentsStore';
import { invoke } from './ipc';
import { usePermAddress } from './permAddressStore';
import { useWorkspace } from './workspaceStore';

export { uiLanguage } from './uiLanguage';

interface OutboxState {
  status: OutboxStatus | null;
  items: OutboxItemView[];
  error: IpcError | null;
  listOpen: boolean;
  refresh(): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  retry(id: string): Promise<Envelope<OutboxItemView>>;
  discard(id: string): Promise<Envelope<{ discarded: boolean }>>;
  edit(id: string, command: Command): Promise<Envelope<OutboxItemView>>;
  setListOpen(open: boolean): void;
  reset(): void;
}

/**
 * A change of this account left the outbox (sent, or discarded): what is on screen is read
 * again. Resolves once the comments are read: a pending comment leaves the timeline only
 * after its stored copy is in it (no gap, and no row twice: features/comments/pendingComments).
 */
function reloadAccount(accountNo: number): Promise<void> {
  if (useWorkspace.getState().accounts[accountNo]) void useWorkspace.getState().load(accountNo);
  if (useBillingGroups.getState().byAccount[accountNo]) void useBillingGroups.getState().load(accountNo);
  if (usePermAddress.getState().byAccount[accountNo]) void usePermAddress.getState().load(accountNo);
  return useComments.getState().byAccount[accountNo] ? useComments.getState().load(accountNo) : Promise.resolve();
}

let refreshing: Promise<void> | null = null;

export const useOutbox = create<OutboxState>()((set, get) => ({
  status: null,
  items: [],
  error: null,
  listOpen: false,

  refresh() {
    // One refresh at a time; a caller during one gets that one.
    refreshing ??= (async () => {
      const [status, list] = await Promise.all([invoke((api) => api.outbox.status({})), invoke((api) => api.outbox.list({}))]);
      if (list.ok) {
        const still = new Set(list.value.items.map((i) => i.id));
        const left = new Set(get().items.filter((i) => !still.has(i.id)).map((i) => i.accountNo));
        await Promise.all([...left].map((no) => reloadAccount(no)));
      }
      set({
        ...(status.ok ? { status: status.value } : {}),
        ...(list.ok ? { items: list.value.items } : {}),
        error: !status.ok ? status.error : !list.ok ? list.error : null,
      });
    })().finally(() => (refreshing = null));
    return refreshing;
  },

  async setOffline(offline) {
    const res = await invoke((api) => api.outbox.setOffline({ offline }));
    if (res.ok) set({ status: res.value, error: null });
    else set({ error: res.error });
    await get().refresh();
  },

  async retry(id) {
    const res = await invoke((api) => api.outbox.retry({ id }));
    await get().refresh();
    return res;
  },
  async discard(id) {
    const res = await invoke((api) => api.outbox.discard({ id }));
    await get().refresh();
    return res;
  },
  async edit(id, command) {
    const res = await invoke((api) => api.outbox.edit({ id, command }));
    await get().refresh();
    return res;
  },

  setListOpen: (open) => set({ listOpen: open }),
  reset: () => set({ items: [], status: null, error: null }),
}));

export const selectAccountItems = (accountNo: number) => (s: OutboxState) => s.items.filter((i) => i.accountNo === accountNo);
export const selectWaiting = (s: OutboxState) => (s.status ? s.status.pending + s.status.unknown + s.status.parked : 0);
