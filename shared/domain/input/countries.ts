// ISO 3166-1 countries: the code list from i18n-iso-countries (which follows the ISO list),
// the names in English and Bokmål from Intl.DisplayNames (CLDR, in Node and Chromium alike;
// no JSON imports, which the Electron main bundle cannot inline). The forms let an agent
// pick "Norge" / "Norway"; the API gets the two-letter code.
// The library's own entry without its Node entry point, which loads every language's names dynamically.
import countries from 'i18n-iso-countries/index.js';

const displayNames = { en: new Intl.DisplayNames(['en'], { type: 'region' }), nb: new Intl.DisplayNames(['nb'], { type: 'region' }) };

export type CountryLanguage = 'en' | 'nb';

/** Every ISO 3166-1 alpha-2 code the list knows. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const CODE_SET = new Set(COUNTRY_CODES);

export const isCountryCode = (code: string) => CODE_SET.has(code);

export function countryName(code: string, lang: CountryLanguage): string | undefined {
  return CODE_SET.has(code) ? displayNames[lang].of(code) : undefined;
}

/** The countries as options, sorted by name in the language; Norway first. */
export function countryOptions(lang: CountryLanguage): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(lang === 'nb' ? 'nb' : 'en');
  const list = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  const no = list.findIndex((c) => c.code === 'NO');
  return no > 0 ? [list[no]!, ...list.slice(0, no), ...list.slice(no + 1)] : list;
}

/** What an agent typed ("NO", "no", "Norge", "Norway") as a code; undefined if none fits. */
export function findCountry(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (/^[A-Za-z]{2}$/.test(t) && CODE_SET.has(t.toUpperCase())) return t.toUpperCase();
  const wanted = t.toLocaleLowerCase('nb');
  return COUNTRY_CODES.find((c) => displayNames.nb.of(c)?.toLocaleLowerCase('nb') === wanted || displayNames.en.of(c)?.toLocaleLowerCase('en') === wanted);
}
