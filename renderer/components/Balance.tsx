// A balance in words: "owes 199,00 kr", "is owed 50,00 kr", "settled" (positive = owes).
import Typography, { type TypographyProps } from '@mui/material/Typography';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeBalance } from '../../shared/domain/balance';
import { useFormat } from '../i18n';

export function useBalanceText() {
  const { t } = useTranslation();
  const f = useFormat();
  return useCallback(
    (balance: number, currency?: string | null) => {
      const b = describeBalance(balance, currency);
      return b.kind === 'settled' ? t('balance.settled') : t(`balance.${b.kind}`, { amount: f.money(b.amount, b.currency) });
    },
    [t, f],
  );
}

export function BalanceText({ balance, currency, ...rest }: { balance: number; currency?: string | null | undefined } & TypographyProps) {
  const text = useBalanceText();
  const kind = describeBalance(balance, currency).kind;
  return (
    <Typography
      component="span"
      variant="body2"
      {...rest}
      sx={{ color: kind === 'owes' ? 'error.dark' : kind === 'owed' ? 'success.dark' : 'text.secondary', fontWeight: kind === 'owes' ? 500 : 400, ...rest.sx }}
    >
      {text(balance, currency)}
    </Typography>
  );
}
