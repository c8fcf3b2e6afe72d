// The shell: what the app is (app.info), which screen shows, the shortcuts panel, the
// notices queue, and app-wide problems (a secret that must be typed in again).
import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { ChannelOutput, IpcError } from '../../shared/ipc';
import { invoke, onAppWideError } from './ipc';

export type AppInfo = ChannelOutput<'app.info'>;
/**
 * 'audit': the desk's audit log screen (renderer/features/audit); 'operators': the admins' (features/session);
 * 'supervision': the supervisor workspace, 'feedback': an operator's feedback (features/supervision).
 */
export type Screen = 'workspace' | 'settings' | 'audit' | 'operators' | 'supervision' | 'feedback';

/**
 * A notice's text: worded when it shows, so a notice raised before a language switch is
 * read in the language on screen (a plain string stays as it is).
 */
export type Words = string | ((t: TFunction) => string);

export interface Notice {
  id: number;
  severity: 'success' | 'info' | 'warning' | 'error';
  message: Words;
}

/** The settings form to open, e.g. a profile's secrets after SECRET_UNREADABLE. */
export interface SettingsFocus {
  profile: string;
  secrets: boolean;
}

interface ShellState {
  info: AppInfo | null;
  infoError: IpcError | null;
  screen: Screen;
  shortcutsOpen: boolean;
  notices: Notice[];
  /** Set when a call answered SECRET_UNREADABLE: the re-entry screen shows. */
  secretProblem: { error: IpcError; profile: string | null } | null;
  settingsFocus: SettingsFocus | null;
  loadInfo(): Promise<void>;
  showScreen(screen: Screen, focus?: SettingsFocus | null): void;
  setShortcutsOpen(open: boolean): void;
  notify(severity: Notice['severity'], message: Words): void;
  dismissNotice(id: number): void;
  clearSecretProblem(): void;
}

let noticeId = 0;

export const useShell = create<ShellState>()((set, get) => ({
  info: null,
  infoError: null,
  screen: 'workspace',
  shortcutsOpen: false,
  notices: [],
  secretProblem: null,
  settingsFocus: null,

  async loadInfo() {
    const res = await invoke((api) => api.app.info({}));
    if (res.ok) set({ info: res.value, infoError: null });
    else set({ infoError: res.error });
  },

  showScreen(screen, focus = null) {
    // Kiosk desks never show Settings or the operators (main refuses those channels there too).
    if (screen !== 'workspace' && get().info?.kiosk) return;
    set({ screen, settingsFocus: screen === 'settings' ? focus : null });
  },

  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),

  notify(severity, message) {
    set((s) => ({ notices: [...s.notices, { id: ++noticeId, severity, message }] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

  clearSecretProblem: () => set({ secretProblem: null }),
}));

onAppWideError((error) => {
  if (error.code !== 'SECRET_UNREADABLE') return;
  // main names the profile whose secret failed (it may not be the active one, e.g. a test).
  const profile = error.profile ?? useShell.getState().info?.profile?.name ?? null;
  useShell.setState({ secretProblem: { error, profile } });
});

export const selectKiosk = (s: ShellState) => s.info?.kiosk ?? false;
export const selectProfileName = (s: ShellState) => s.info?.profile?.name ?? null;
