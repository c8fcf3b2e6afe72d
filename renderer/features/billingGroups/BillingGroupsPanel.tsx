// The billing groups of one account, with add, modify and remove.
import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingGroupInfo } from '../../../shared/amps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useBillingGroups } from '../../state/billingGroupsStore';
import { BillingGroupCard } from './BillingGroupCard';
import { BillingGroupFormDialog } from './BillingGroupFormDialog';
import { RemoveGroupDialog } from './RemoveGroupDialog';
import { CardUpdateDialog } from '../cardUpdate/CardUpdateDialog';

export function BillingGroupsPanel({ accountNo, active }: { accountNo: number; active: boolean }) {
  const { t } = useTranslation();
  const entry = useBillingGroups((s) => s.byAccount[accountNo]);
  const [editing, setEditing] = useState<BillingGroupInfo | 'new' | null>(null);
  const [removing, setRemoving] = useState<BillingGroupInfo | null>(null);
  const [cardFor, setCardFor] = useState<BillingGroupInfo | null>(null);

  useEffect(() => {
    if (active && !useBillingGroups.getState().byAccount[accountNo]) void useBillingGroups.getState().load(accountNo);
  }, [active, accountNo]);

  const reload = () => void useBillingGroups.getState().load(accountNo);
  const data = entry?.data ?? null;
  const groups = data?.acctRetrieveBillingGroupList ?? [];

  return (
    <Box data-testid="billing-groups" data-state={entry?.status ?? 'idle'} sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" component="h2">
          {t('billingGroups.title')}
        </Typography>
        {data ? (
          <Typography variant="body2" color="text.secondary">
            {t('billingGroups.count', { count: groups.length })}
          </Typography>
        ) : null}
        <Button sx={{ ml: 'auto' }} variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={!data}>
          {t('billingGroups.add')}
        </Button>
      </Box>
      {entry?.error ? <ErrorAlert error={entry.error} title={t('billingGroups.loadFailed')} onRetry={reload} /> : null}
      {!entry || (entry.status === 'loading' && !data) ? <Loading label={t('billingGroups.loading')} /> : null}
      {data && !groups.length ? <Empty title={t('billingGroups.empty')} hint={t('billingGroups.emptyHint')} /> : null}
      {groups.map((g) => (
        <BillingGroupCard
          key={g.ariaBillingGroupNo}
          group={g}
          methods={data?.acctRetrieveBillingGroupPayMethodList}
          canRemove={groups.length > 1}
          onEdit={() => setEditing(g)}
          onRemove={() => setRemoving(g)}
          onUpdateCard={() => setCardFor(g)}
        />
      ))}
      {editing && data ? <BillingGroupFormDialog accountNo={accountNo} group={editing === 'new' ? null : editing} list={data} onClose={() => setEditing(null)} /> : null}
      {cardFor && data ? <CardUpdateDialog accountNo={accountNo} group={cardFor} list={data} onClose={() => setCardFor(null)} /> : null}
      {removing ? <RemoveGroupDialog accountNo={accountNo} group={removing} onClose={() => setRemoving(null)} /> : null}
    </Box>
  );
}
