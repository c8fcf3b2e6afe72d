// Codes from the billing system in words (subscription status, address types, consent,
// reservation, channel and source codes). An unknown code is shown as it came, never hidden.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type CodeKind = 'planStatus' | 'addressType' | 'consent' | 'reservation' | 'channel' | 'source' | 'application';

// `fallback` is the billing system's own name for the code, said where the app has no word for it.
export function useCodeLabel(): (kind: CodeKind, code: string | null | undefined, fallback?: string) => string {
  const { t } = useTranslation();
  return useCallback((kind, code, fallback) => (code ? t(`codes.${kind}.${code}`, { defaultValue: fallback || code }) : ''), [t]);
}
