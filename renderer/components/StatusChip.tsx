import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import { accountStatusKey, accountStatusTone } from '../../shared/domain/accountStatus';

export function StatusChip({ code }: { code: number | null | undefined }) {
  const { t } = useTranslation();
  const key = accountStatusKey(code);
  const tone = accountStatusTone(key);
  return <Chip label={t(`status.${key}`)} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} sx={{ fontWeight: 500 }} />;
}
