// Permanent address: the delivery addresses and subscriptions to choose from
// (AcctRetrieveDeliveryInfo, sandbox extension D8) and the change (AcctChangePermAddress).
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, Envelope } from '../../shared/ipc';
import type { ShownChange } from '../../shared/commands';
import { invoke } from './ipc';
import { uiLanguage } from './uiLanguage';
import { loadPerAccount, withReason, withoutAccount, type PerAccount } from './perAccount';
import { useWorkspace } from './workspaceStore';

export type DeliveryInfo = ChannelOutput<'address.deliveryInfo'>;
export type PermAddressChange = ChannelInput<'address.changePerm'>['change'];

export type DeliveryEntry = PerAccount<DeliveryInfo>;

interface PermAddressState {
  byAccount: Record<number, DeliveryEntry>;
  load(accountNo: number): Promise<void>;
  change(accountNo: number, change: PermAddressChange, reason?: string, changes?: ShownChange[]): Promise<Envelope<ChannelOutput<'address.changePerm'>>>;
  forget(accountNo: number): void;
  reset(): void;
}

export const usePermAddress = create<PermAddressState>()((set, get) => ({
  byAccount: {},

  load: (accountNo) => loadPerAccount(get, set, accountNo, () => invoke((api) => api.address.deliveryInfo({ accountNo }))),

  async change(accountNo, change, reason, changes = []) {
    // The addresses shown: main tells a new address from the old ones when it settles (D23).
    const shown = get().byAccount[accountNo]?.data?.deliveryAddresses ?? [];
    const before = { permanentAddressNo: shown.find((a) => a.isPermanent)?.distAddressNo ?? null, addressNos: shown.map((a) => a.distAddressNo) };
    const res = await invoke((api) =>
      api.address.changePerm({ accountNo, change, ...withReason(reason), lang: uiLanguage(), ...(changes.length ? { changes: changes.slice(0, 100) } : {}), before }),
    );
    if (res.ok) await Promise.all([get().load(accountNo), useWorkspace.getState().load(accountNo)]);
    return res;
  },

  forget: (accountNo) => set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) })),
  reset: () => set({ byAccount: {} }),
}));
