// The account's subscriptions (plans.forAccount), what the business offers for one of them
// (plans.offered), the do_write=false preview (plans.preview) and the change (plans.replace).
// Issue 10 item 5; D70–D72.
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, Envelope } from '../../../shared/ipc';
import { invoke } from '../../state/ipc';
import { loadPerAccount, withReason, withoutAccount, type PerAccount } from '../../state/perAccount';
import { uiLanguage } from '../../state/uiLanguage';
import { useWorkspace } from '../../state/workspaceStore';

export type Subscriptions = ChannelOutput<'plans.forAccount'>;
export type Subscription = Subscriptions['subscriptions'][number];
export type Offered = ChannelOutput<'plans.offered'>;
export type OfferedPlan = Offered['plans'][number];
export type PlanPreview = ChannelOutput<'plans.preview'>;
export type PlanChange = ChannelInput<'plans.preview'>;
export type PlanReplaceInput = ChannelInput<'plans.replace'>;
export type PlanReplaceAnswer = ChannelOutput<'plans.replace'>;

interface PlansState {
  byAccount: Record<number, PerAccount<Subscriptions>>;
  load(accountNo: number): Promise<void>;
  offered(accountNo: number, planInstanceNo: number, promoCode?: string): Promise<Envelope<Offered>>;
  preview(change: PlanChange): Promise<Envelope<PlanPreview>>;
  replace(input: Omit<PlanReplaceInput, 'lang' | 'reason'>, reason?: string): Promise<Envelope<PlanReplaceAnswer>>;
  forget(accountNo: number): void;
  reset(): void;
}

export const usePlans = create<PlansState>()((set, get) => ({
  byAccount: {},
  load: (accountNo) => loadPerAccount(get, set, accountNo, () => invoke((api) => api.plans.forAccount({ accountNo }))),
  offered: (accountNo, planInstanceNo, promoCode) =>
    invoke((api) => api.plans.offered({ accountNo, planInstanceNo, ...(promoCode?.trim() ? { promoCode: promoCode.trim() } : {}) })),
  preview: (change) => invoke((api) => api.plans.preview(change)),
  async replace(input, reason) {
    const res = await invoke((api) => api.plans.replace({ ...input, ...withReason(reason), lang: uiLanguage() }));
    if (res.ok) await Promise.all([get().load(input.accountNo), useWorkspace.getState().load(input.accountNo)]);
    return res;
  },
  forget: (accountNo) => set((s) => ({ byAccount: withoutAccount(s.byAccount, accountNo) })),
  reset: () => set({ byAccount: {} }),
}));
