// i18next with the two bundled languages (the app runs offline). Every user-facing string
// lives in en.json / nb.json; the chosen language is remembered on this machine.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import nb from './nb.json';
import { SAY_EN } from '../../shared/ipc/say';
import { formatters, type Formatters, type UiLocale } from './format';
import { setSchemaLocale } from './fieldMessages';

const STORAGE_KEY = 'csr-desk.locale';

export function storedLocale(): UiLocale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'nb') return v;
  } catch {
    // storage may be unavailable (private windows): fall through to the default
  }
  return 'en';
}

export function initI18n(lng: UiLocale = storedLocale()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      // What main says (D105): its English lives with the keys in shared/ipc/say.ts, the Bokmål in nb.json.
      resources: { en: { translation: { ...en, say: SAY_EN } }, nb: { translation: nb } },
      lng,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      // A key with no string and no default would show as the key itself ("field.country"):
      // said on the console, which the end-to-end tests and the component tests fail on.
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key, _fallback, _update, options?: { defaultValue?: unknown }) => {
        if (options?.defaultValue === undefined) console.error(`No text for the key ${key}`);
      },
    });
  } else if (i18next.language !== lng) {
    void i18next.changeLanguage(lng);
  }
  document.documentElement.lang = lng === 'nb' ? 'nb' : 'en';
  setSchemaLocale(lng);
  return i18next;
}

export function changeLocale(lng: UiLocale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered; still switch for this session
  }
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  setSchemaLocale(lng);
}

/** Formatters for the language in use; re-renders when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'nb' ? 'nb' : 'en');
}

export { i18next };
