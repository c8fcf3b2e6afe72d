// ISO 639-1 languages (AcctCreateAccount's languageCode: "the ISO defined code representing
// the chosen language", e.g. NO or EN). As countries.ts does for countries, the names in
// English and Bokmål come from Intl.DisplayNames (CLDR, in Node and Chromium alike): the
// sandbox checks a code with it, the desk names one with it.
export type LanguageLanguage = 'en' | 'nb';

const displayNames = {
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
  nb: new Intl.DisplayNames(['nb'], { type: 'language', fallback: 'none' }),
};

/**
 * A two-letter code in either case ("NO", "sv") as the language's name, standing alone as in
 * a list or a table ("Norwegian" / "Norsk": CLDR writes Bokmål language names in small
 * letters in running text and with a capital on its own); undefined when no language has it.
 */
export function languageName(code: string, lang: LanguageLanguage): string | undefined {
  const c = code.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(c)) return undefined;
  const name = displayNames[lang].of(c);
  return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : undefined;
}

export const isLanguageCode = (code: string) => languageName(code, 'en') !== undefined;
