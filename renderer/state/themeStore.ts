// Light, dark, or following the operating system (prefers-color-scheme), remembered on this
// machine (D33). The resolved mode drives the MUI theme in main.tsx.
import { create } from 'zustand';
import type { ThemeMode } from '../theme';

export type ThemeChoice = 'system' | ThemeMode;
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'csr-desk.theme';

function storedChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'system' || v === 'light' || v === 'dark') return v;
  } catch {
    // storage may be unavailable: follow the system
  }
  return 'system';
}

const darkQuery = () => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null);

interface ThemeState {
  choice: ThemeChoice;
  /** What the operating system prefers now. */
  systemDark: boolean;
  setChoice(choice: ThemeChoice): void;
}

export const useThemeChoice = create<ThemeState>()((set) => ({
  choice: storedChoice(),
  systemDark: darkQuery()?.matches ?? false,
  setChoice(choice) {
    try {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // not remembered; still switch for this session
    }
    set({ choice });
  },
}));

// Follow the system while the app runs (a laptop switching to dark at sunset).
darkQuery()?.addEventListener?.('change', (e) => useThemeChoice.setState({ systemDark: e.matches }));

export const resolveMode = (s: Pick<ThemeState, 'choice' | 'systemDark'>): ThemeMode => (s.choice === 'system' ? (s.systemDark ? 'dark' : 'light') : s.choice);
