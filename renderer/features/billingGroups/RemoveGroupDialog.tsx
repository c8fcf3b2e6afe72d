// Remove (deactivate, 004) a billing group and its dunning group, after a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingGroupInfo } from '../../../shared/amps';
import type { IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { useBillingGroups } from '../../state/billingGroupsStore';
import { announceWrite } from '../outbox/writeNotice';
import { groupRef } from './billingGroupModel';

export function RemoveGroupDialog({ accountNo, group, onClose }: { accountNo: number; group: BillingGroupInfo; onClose(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const name = group.billingGroupName ?? group.ariaBillingGroupID;
  const changes = [{ path: 'billingGroupStatus', before: group.billingGroupStatus ?? 'ACTIVE', after: t('billingGroups.removedValue') }];
  const confirm = async (reason: string) => {
    setBusy(true);
    const res = await useBillingGroups.getState().remove(accountNo, groupRef(group), reason, { changes, label: name });
    setBusy(false);
    if (res.ok) {
      announceWrite(res.value, (t) => t('billingGroups.removed', { name }));
      onClose();
    } else setError(res.error);
  };
  return (
    <ConfirmWriteDialog
      open
      destructive
      title={t('billingGroups.confirmRemove', { name })}
      summary={t('billingGroups.removeSummary', { name, no: group.ariaBillingGroupNo, dunning: group.dunningGroupName ?? group.ariaDunningGroupID ?? '—' })}
      changes={changes}
      busy={busy}
      error={error}
      confirmLabel={t('common.remove')}
      onConfirm={(reason) => void confirm(reason)}
      onCancel={onClose}
    />
  );
}
