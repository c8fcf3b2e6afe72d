// A request path as a person reads it: "paymentTermInfo.paymentEANNum" → "Payment terms ›
// EAN number". Labels live in i18n under field.* (leaf names) and fieldGroup.* (structures).
import type { TFunction } from 'i18next';

/** `leafLabels`: a screen's own words for some leaves (a confirmation that names what the form's field holds as a code). */
export function fieldLabel(t: TFunction, path: string, leafLabels?: Readonly<Record<string, string>>): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const leaf = parts[parts.length - 1] ?? path;
  const leafLabel = leafLabels?.[leaf] ?? t(`field.${leaf}`, { defaultValue: leaf });
  const groups = parts.slice(0, -1).map((g) => t(`fieldGroup.${g}`, { defaultValue: g }));
  return [...groups, leafLabel].join(' › ');
}
