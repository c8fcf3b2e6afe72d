// Billing groups of the open accounts (AcctRetrieveBillingGroup) and their changes
// (AcctManageBillingGroup ADD / MODIFY / REMOVE). After a write the list and the account
// overview are read again from the API; nothing is patched locally.
import { create } from 'zustand';
import type { BillingGroupAdd, BillingGroupModify, BillingGroupRemove } from '../../shared/amps';
import type { ReasonAnswer, ShownChange } from '../../shared/commands';
import { flattenFields, type Scalar } from '../../shared/domain/fieldDiff';
import type { ChannelOutput, Envelope } from '../../shared/ipc';
import { invoke } from './ipc';
import { uiLanguage } from './uiLanguage';
import { loadPerAccount, withReason, withoutAccount, type PerAccount } from './perAccount';
import { useWorkspace } from './workspaceStore';

export type BillingGroupList = ChannelOutput<'billingGroups.list'>;
/** A write's honest answer (APPLIED / QUEUED / UNKNOWN; REJECTED is the error envelope). */
export type WriteOutcome = Envelope<{ outcome: 'APPLIED' | 'QUEUED' | 'UNKNOWN'; reason?: ReasonAnswer | undefined }>;
/** What the confirmation showed: before → after, for the reason comment. */
export type Shown = { changes?: ShownChange[]; label?: string };

export type BillingGroupsEntry = PerAccount<BillingGroupList>;

interface BillingGroupsState {
  byAccount: Record<number, BillingGroupsEntry>;
  load(accountNo: number): Promise<void>;
  add(accountNo: number, group: BillingGroupAdd, reason?: string, shown?: Shown): Promise<WriteOutcome>;
  modify(accountNo: number, group: BillingGroupModify, reason?: string, shown?: Shown): Promise<WriteOutcome>;
  remove(accountNo: number, group: BillingGroupRemove, reason?: string, shown?: Shown): Promise<WriteOutcome>;
  forget(accountNo: number): void;
  reset(): void;
}

export const useBillingGroups = create<BillingGroupsState>()((set, get) => {
  async function afterWrite<T extends { outcome: 'APPLIED' | 'QUEUED' | 'UNKNOWN'; reason?: ReasonAnswer | undefined }>(accountNo: number, res: Envelope<T>): Promise<WriteOutcome> {
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

    // Each write says what the agent saw: main settles an unknown outcome against it (D23)
    // and writes the reason comment in the agent's language (D24).
    async add(accountNo, group, reason, shown = {}) {
      const groupNos = (get().byAccount[accountNo]?.data?.acctRetrieveBillingGroupList ?? []).map((g) => g.ariaBillingGroupNo);
      return afterWrite(
        accountNo,
        await invoke((api) => api.billingGroups.add({ accountNo, group, ...withReason(reason), ...context(shown), before: { groupNos } })),
      );
    },
    async modify(accountNo, group, reason, shown = {}) {
      const current = (get().byAccount[accountNo]?.data?.acctRetrieveBillingGroupList ?? []).find((g) => g.ariaBillingGroupNo === group.ariaBillingGroupNo);
      const before = current ? scalars(current) : undefined;
      return afterWrite(
        accountNo,
        await invoke((api) => api.billingGroups.modify({ accountNo, group, ...withReason(reason), ...context(shown), ...(before ? { before } : {}) })),
      );
    },
    async remove(accountNo, group, reason, shown = {}) {
      return afterWrite(
        accountNo,
        await invoke((api) => api.billingGroups.remove({ accountNo, group, ...withReason(reason), ...context(shown), ...(shown.label ? { label: shown.label } : {}) })),
      );
    },

    forget: (accountNo) => set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) })),
    reset: () => set({ byAccount: {} }),
  };
});

const context = (shown: Shown) => ({ lang: uiLanguage(), ...(shown.changes?.length ? { changes: shown.changes.slice(0, 100) } : {}) });

/** A group's fields as shown, flattened (translations and long texts left out). */
function scalars(group: object): Record<string, Scalar> {
  return Object.fromEntries(Object.entries(flattenFields(group)).filter(([p, v]) => !/Translations/.test(p) && (typeof v !== 'string' || v.length <= 500)));
}
