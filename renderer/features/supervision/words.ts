// Small wording helpers of the supervisor workspace, in the UI's language.
import type { TFunction } from 'i18next';
import type { SupervisionSourceView } from '../../../shared/ipc';

/** "3 minutes ago" / "for 3 minutar sidan", through Intl. */
export function ago(iso: string | null, locale: 'en' | 'nb', now = Date.now()): string {
  if (!iso) return '';
  const s = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { numeric: 'auto' });
  const a = Math.abs(s);
  if (a < 60) return rtf.format(s, 'second');
  if (a < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (a < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86_400), 'day');
}

/** The oldest "last received" over the desks: how old the least current desk's data is. */
export function oldestDesk(view: SupervisionSourceView): string | null {
  const times = view.desks.map((d) => d.lastReceivedAt).filter((x): x is string => !!x).sort();
  return times[0] ?? null;
}

export function sourceWords(t: TFunction, view: SupervisionSourceView): string {
  if (view.source === 'team') return t('supervision.source.team', { count: view.desks.length });
  if (view.fallback) return t(`supervision.source.fallback.${view.fallback}`);
  return t('supervision.source.desk');
}
