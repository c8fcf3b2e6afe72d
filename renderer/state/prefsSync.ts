// The operator's theme and language, kept by main as well as on this machine (D36): the
// web host's page gets a new origin (and an empty localStorage) every launch, so main's copy
// is what makes a choice survive a restart. Read when the operator is known; written on change.
import { changeLocale } from '../i18n';
import { i18next } from '../i18n';
import { invoke } from './ipc';
import { useThemeChoice, type ThemeChoice } from './themeStore';

export async function loadPrefs(): Promise<void> {
  const res = await invoke((api) => api.prefs.get({}));
  if (!res.ok) return; // not signed in yet, or an older main: the local choice stands
  const { theme, locale } = res.value;
  if (theme && theme !== useThemeChoice.getState().choice) useThemeChoice.getState().setChoice(theme);
  if (locale && locale !== i18next.language) changeLocale(locale);
}

export function chooseTheme(theme: ThemeChoice): void {
  useThemeChoice.getState().setChoice(theme);
  void invoke((api) => api.prefs.put({ theme }));
}

export function chooseLocale(locale: 'en' | 'nb'): void {
  changeLocale(locale);
  void invoke((api) => api.prefs.put({ locale }));
}
