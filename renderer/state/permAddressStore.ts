// Permanent address: the delivery addresses and subscriptions to choose from
// (AcctRetrieveDeliveryInfo, sandbox extension D8) and the change (AcctChangePermAddress).
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, Envelope, IpcError } from '../../shared/ipc';
import { invoke } from './ipc';
import { useWorkspace } from './workspaceStore';

export type DeliveryInfo = ChannelOutput<'address.deliveryInfo'>;
export type PermAddressChange = ChannelInput<'address.changePerm'>['change'];

export interface DeliveryEntry {
  status: 'loading' | 'ready' | 'error';
  data: DeliveryInfo | null;
  error: IpcError | null;
  seq: number;
}

interface PermAddressState {
  byAccount: Record<number, DeliveryEntry>;
  load(accountNo: number): Promise<void>;
  change(accountNo: number, change: PermAddressChange, reason?: string): Promise<Envelope<ChannelOutput<'address.changePerm'>>>;
  forget(accountNo: number): void;
  reset(): void;
}

export const usePermAddress = create<PermAddressState>()((set, get) => ({
  byAccount: {},

  async load(accountNo) {
    const prev = get().byAccount[accountNo];
    const seq = (prev?.seq ?? 0) + 1;
    set((s) => ({ byAccount: { ...s.byAccount, [accountNo]: { status: prev?.data ? prev.status : 'loading', data: prev?.data ?? null, error: null, seq } } }));
    const res = await invoke((api) => api.address.deliveryInfo({ accountNo }));
    if (get().byAccount[accountNo]?.seq !== seq) return;
    set((s) => ({
      byAccount: {
        ...s.byAccount,
        [accountNo]: res.ok ? { status: 'ready', data: res.value, error: null, seq } : { status: 'error', data: prev?.data ?? null, error: res.error, seq },
      },
    }));
  },

  async change(accountNo, change, reason) {
    const res = await invoke((api) => api.address.changePerm({ accountNo, change, ...(reason?.trim() ? { reason: reason.trim() } : {}) }));
    if (res.ok) await Promise.all([get().load(accountNo), useWorkspace.getState().load(accountNo)]);
    return res;
  },

  forget(accountNo) {
    set((s) => {
      const byAccount = { ...s.byAccount };
      delete byAccount[accountNo];
      return { byAccount };
    });
  },
  reset: () => set({ byAccount: {} }),
}));
