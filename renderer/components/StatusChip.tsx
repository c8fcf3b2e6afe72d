import Chip from '@mui/material/Chip';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { accountStatusKey, accountStatusTone } from '../../shared/domain/accountStatus';

/** The status in words; a code the app does not know is data: "Unknown status (7)". */
export function statusLabel(t: TFunction, code: number | null | undefined): string {
  const key = accountStatusKey(code);
  return key === 'unknown' && typeof code === 'number' ? t('status.unknownCode', { code }) : t(`status.${key}`);
}

export function StatusChip({ code }: { code: number | null | undefined }) {
  const { t } = useTranslation();
  const tone = accountStatusTone(accountStatusKey(code));
  return <Chip label={statusLabel(t, code)} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} sx={{ fontWeight: 500 }} />;
}
