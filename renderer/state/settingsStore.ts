// Connection profiles (profiles.list / save / delete / activate / test). Secrets are
// write-only: the renderer only ever learns whether one is set.
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, Envelope, IpcError, ProfileView } from '../../shared/ipc';
import { invoke } from './ipc';

export type ProfileSave = ChannelInput<'profiles.save'>;
export type TestResult = ChannelOutput<'profiles.test'>;
/** The form's values "Test connection" tries (secrets only when typed). */
export type TestForm = NonNullable<ChannelInput<'profiles.test'>['form']>;

interface SettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  active: string | null;
  profiles: ProfileView[];
  error: IpcError | null;
  tests: Record<string, { running: boolean; result: TestResult | null; error: IpcError | null }>;
  load(): Promise<void>;
  save(input: ProfileSave): Promise<Envelope<ProfileView>>;
  remove(name: string): Promise<Envelope<{ deleted: boolean }>>;
  activate(name: string): Promise<Envelope<ProfileView>>;
  /** Tests the form's values; results are kept per profile name ('' = the new-profile form). */
  test(name: string, form?: TestForm, key?: string): Promise<Envelope<TestResult>>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  status: 'idle',
  active: null,
  profiles: [],
  error: null,
  tests: {},

  async load() {
    set((s) => ({ status: s.profiles.length ? s.status : 'loading', error: null }));
    const res = await invoke((api) => api.profiles.list({}));
    if (res.ok) set({ status: 'ready', active: res.value.active, profiles: res.value.profiles });
    else set({ status: 'error', error: res.error });
  },

  async save(input) {
    const res = await invoke((api) => api.profiles.save(input));
    if (res.ok) await get().load();
    return res;
  },

  async remove(name) {
    const res = await invoke((api) => api.profiles.delete({ name }));
    if (res.ok) await get().load();
    return res;
  },

  async activate(name) {
    const res = await invoke((api) => api.profiles.activate({ name }));
    if (res.ok) await get().load();
    return res;
  },

  async test(name, form, key = name) {
    set((s) => ({ tests: { ...s.tests, [key]: { running: true, result: null, error: null } } }));
    const res = await invoke((api) => api.profiles.test({ name, ...(form ? { form } : {}) }));
    set((s) => ({ tests: { ...s.tests, [key]: { running: false, result: res.ok ? res.value : null, error: res.ok ? null : res.error } } }));
    return res;
  },
}));
