// In an account's view: the changes to this account that wait in the outbox, shown as
// pending (or being checked, or waiting for a person), never as done.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../state/outboxStore';
import { itemState, itemWhat, stateColor } from './outboxWords';

export function PendingChanges({ accountNo }: { accountNo: number }) {
  const { t } = useTranslation();
  const all = useOutbox((s) => s.items);
  const items = useMemo(() => all.filter((i) => i.accountNo === accountNo), [all, accountNo]);
  if (!items.length) return null;
  const parked = items.some((i) => i.state === 'parked');
  return (
    <Alert
      severity={parked ? 'error' : 'info'}
      data-testid="account-pending"
      sx={{ mx: 2, mt: 1 }}
      action={
        <Button color="inherit" size="small" onClick={() => useOutbox.getState().setListOpen(true)}>
          {t('outbox.banner.showList')}
        </Button>
      }
    >
      <AlertTitle>{t('outbox.account.title', { count: items.length })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {items.map((i) => (
          <li key={i.id} data-testid="account-pending-item" data-state={i.state}>
            {itemWhat(t, i)}
            {i.detail ? `: ${i.detail}` : ''} <Chip size="small" color={stateColor(i)} label={itemState(t, i)} sx={{ ml: 0.5 }} />
          </li>
        ))}
      </Box>
    </Alert>
  );
}
