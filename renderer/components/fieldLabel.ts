// A request path as a person reads it: "paymentTermInfo.paymentEANNum" → "Payment terms ›
// EAN number". Labels live in i18n under field.* (leaf names) and fieldGroup.* (structures).
import type { TFunction } from 'i18next';

export function fieldLabel(t: TFunction, path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const leaf = parts[parts.length - 1] ?? path;
  const leafLabel = t(`field.${leaf}`, { defaultValue: leaf });
  const groups = parts.slice(0, -1).map((g) => t(`fieldGroup.${g}`, { defaultValue: g }));
  return [...groups, leafLabel].join(' › ');
}
