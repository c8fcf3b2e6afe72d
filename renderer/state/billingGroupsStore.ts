// Billing groups of the open accounts (AcctRetrieveBillingGroup) and their changes
// (AcctManageBillingGroup ADD / MODIFY / REMOVE). After a write the list and the account
// overview are read again from the API; nothing is patched locally.
import { create } from 'zustand';
import type { BillingGroupAdd, BillingGroupModify, BillingGroupRemove } from '../../shared/amps';
import type { ChannelOutput, Envelope } from '../../shared/ipc';
import { invoke } from './ipc';
import { loadPerAccount, withReason, withoutAccount, type PerAccount } from './perAccount';
import { useWorkspace } from './workspaceStore';

export type BillingGroupList = ChannelOutput<'billingGroups.list'>;
export type WriteOutcome = Envelope<{ reasonRecorded?: boolean | undefined }>;

export type BillingGroupsEntry = PerAccount<BillingGroupList>;

interface BillingGroupsState {
  byAccount: Record<number, BillingGroupsEntry>;
  load(accountNo: number): Promise<void>;
  add(accountNo: number, group: BillingGroupAdd, reason?: string): Promise<WriteOutcome>;
  modify(accountNo: number, group: BillingGroupModify, reason?: string): Promise<WriteOutcome>;
  remove(accountNo: number, group: BillingGroupRemove, reason?: string): Promise<WriteOutcome>;
  forget(accountNo: number): void;
  reset(): void;
}

export const useBillingGroups = create<BillingGroupsState>()((set, get) => {
  async function afterWrite<T extends { reasonRecorded?: boolean | undefined }>(accountNo: number, res: Envelope<T>): Promise<WriteOutcome> {
    if (res.ok) await Promise.all([get().load(accountNo), useWorkspace.getState().load(accountNo)]);
    return res;
  }
  return {
    byAccount: {},

    load(accountNo) {
      const filter = useWorkspace.getState().accounts[accountNo]?.titleFilter ?? [];
      return loadPerAccount(get, set, accountNo, () =>
        invoke((api) => api.billingGroups.list({ accountNo, ...(filter.length ? { titleFilter: filter } : {}) })),
      );
    },

    async add(accountNo, group, reason) {
      return afterWrite(accountNo, await invoke((api) => api.billingGroups.add({ accountNo, group, ...withReason(reason) })));
    },
    async modify(accountNo, group, reason) {
      return afterWrite(accountNo, await invoke((api) => api.billingGroups.modify({ accountNo, group, ...withReason(reason) })));
    },
    async remove(accountNo, group, reason) {
      return afterWrite(accountNo, await invoke((api) => api.billingGroups.remove({ accountNo, group, ...withReason(reason) })));
    },

    forget: (accountNo) => set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) })),
    reset: () => set({ byAccount: {} }),
  };
});
