// Settings → Team store: the desk's team-store settings, "Test connection" and the shipping
// status (teamStore.*). Passwords are write-only: the renderer only learns whether one is set.
import { create } from 'zustand';
import type { Envelope, IpcError, TeamStoreForm, TeamStoreStatus, TeamStoreTestResult, TeamStoreView } from '../../../shared/ipc';
import { invoke } from '../../state/ipc';

interface TeamStoreState {
  view: TeamStoreView | null;
  status: TeamStoreStatus | null;
  error: IpcError | null;
  test: { running: boolean; result: TeamStoreTestResult | null; error: IpcError | null };
  load(): Promise<void>;
  loadStatus(): Promise<void>;
  save(form: TeamStoreForm): Promise<Envelope<TeamStoreView>>;
  runTest(form: TeamStoreForm): Promise<Envelope<TeamStoreTestResult>>;
}

export const useTeamStore = create<TeamStoreState>()((set, get) => ({
  view: null,
  status: null,
  error: null,
  test: { running: false, result: null, error: null },

  async load() {
    const res = await invoke((api) => api.teamStore.get({}));
    if (res.ok) set({ view: res.value, error: null });
    else set({ error: res.error });
    await get().loadStatus();
  },

  async loadStatus() {
    const res = await invoke((api) => api.teamStore.status({}));
    if (res.ok) set({ status: res.value });
  },

  async save(form) {
    const res = await invoke((api) => api.teamStore.save(form));
    if (res.ok) {
      set({ view: res.value, test: { running: false, result: null, error: null } });
      await get().loadStatus();
    }
    return res;
  },

  async runTest(form) {
    set({ test: { running: true, result: null, error: null } });
    const res = await invoke((api) => api.teamStore.test({ form }));
    set({ test: { running: false, result: res.ok ? res.value : null, error: res.ok ? null : res.error } });
    return res;
  },
}));
