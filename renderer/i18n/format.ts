// Dates and money in the chosen locale (en-GB / nb-NO), through Intl only. AMPS dates are
// read as UTC (decision D4): a bare date is shown as that calendar date, a date-time in
// the local time zone of the desk.
import { parseAmpsDateTime } from '../../shared/amps';

export type UiLocale = 'en' | 'nb';
export const UI_LOCALES: readonly UiLocale[] = ['en', 'nb'];
export const INTL_LOCALE: Record<UiLocale, string> = { en: 'en-GB', nb: 'nb-NO' };

export interface Formatters {
  locale: UiLocale;
  money(amount: number, currency?: string | null): string;
  /** A date or date-time from AMPS; '' for empty, the raw text when unreadable. */
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
  /** Today's date as the user reads it (for templates). */
  today(): string;
  number(n: number): string;
  /** An ISO 3166 country code as a name in the UI language ("NO" → "Norway" / "Norge"); unknown codes as given. */
  country(code: string | null | undefined): string;
}

const cache = new Map<UiLocale, Formatters>();

export function formatters(locale: UiLocale): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = INTL_LOCALE[locale];
  const moneyFmt = new Map<string, Intl.NumberFormat>();
  const dateFmt = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const localDateFmt = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const numberFmt = new Intl.NumberFormat(tag);
  const regionNames = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  const f: Formatters = {
    locale,
    money(amount, currency) {
      const code = (currency ?? '').trim().toUpperCase() || 'NOK';
      let nf = moneyFmt.get(code);
      if (!nf) {
        try {
          nf = new Intl.NumberFormat(tag, { style: 'currency', currency: code });
        } catch {
          nf = new Intl.NumberFormat(tag, { style: 'currency', currency: 'NOK' });
        }
        moneyFmt.set(code, nf);
      }
      return nf.format(amount);
    },
    date(value) {
      if (!value) return '';
      const t = parseAmpsDateTime(value);
      return Number.isNaN(t) ? value : dateFmt.format(t);
    },
    dateTime(value) {
      if (!value) return '';
      const t = parseAmpsDateTime(value);
      if (Number.isNaN(t)) return value;
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateFmt.format(t) : dateTimeFmt.format(t);
    },
    today: () => localDateFmt.format(Date.now()),
    number: (n) => numberFmt.format(n),
    country(code) {
      const c = (code ?? '').trim().toUpperCase();
      if (!/^[A-Z]{2}$/.test(c)) return code ?? '';
      try {
        return regionNames.of(c) ?? c;
      } catch {
        return c;
      }
    },
  };
  cache.set(locale, f);
  return f;
}
