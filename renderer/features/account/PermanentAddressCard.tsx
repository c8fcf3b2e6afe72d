// The overview's permanent address (AcctRetrieveDeliveryInfo, D8): the address in force now
// and a change that is scheduled for later, so the overview says what the customer will get.
// Read again after every permanent-address change (permAddressStore), never patched here.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmpsDateTime, type DeliveryAddressOut } from '../../../shared/amps';
import { useCodeLabel } from '../../components/codeLabel';
import { useFormat } from '../../i18n';
import { usePermAddress } from '../../state/permAddressStore';
import { useWorkspace } from '../../state/workspaceStore';
import { contactAsAddress, formatAddress } from '../permAddress/permAddressModel';
import { Card } from './Overview';

/** The account-wide change that takes effect after `now`, if one is scheduled. */
export function scheduledChange(addresses: readonly DeliveryAddressOut[], now = Date.now()): DeliveryAddressOut | null {
  const future = addresses.filter((a) => !a.isPermanent && a.permanentFrom && parseAmpsDateTime(a.permanentFrom) > now);
  future.sort((a, b) => parseAmpsDateTime(a.permanentFrom!) - parseAmpsDateTime(b.permanentFrom!));
  return future[0] ?? null;
}

export function PermanentAddressCard({ accountNo }: { accountNo: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useCodeLabel();
  const entry = usePermAddress((s) => s.byAccount[accountNo]);
  const own = contactAsAddress(useWorkspace((s) => s.accounts[accountNo]?.data?.acctRetrieveAccountDetails.acctContactDetails));

  useEffect(() => {
    if (!usePermAddress.getState().byAccount[accountNo]) void usePermAddress.getState().load(accountNo);
  }, [accountNo]);

  const info = entry?.data;
  const current = info?.deliveryAddresses.find((a) => a.isPermanent) ?? null;
  const next = info ? scheduledChange(info.deliveryAddresses) : null;
  return (
    <Card title={t('desk.permanent.title')} testId="overview-permanent-address">
      {!info ? (
        <Typography variant="body2" color="text.secondary">
          {entry?.status === 'error' ? t('desk.permanent.unavailable') : t('desk.permanent.loading')}
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 0.75 }}>
          {current ? (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="overview-permanent-text">
                {formatAddress(current, f.locale)}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {[code('addressType', current.distAddrType), current.permanentFrom ? t('desk.permanent.since', { date: f.date(current.permanentFrom) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Box>
          ) : own ? (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="overview-permanent-text">
                {formatAddress(own, f.locale)}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {t('permAddress.ownAddress')}
              </Typography>
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('desk.permanent.none')}
            </Typography>
          )}
          {next ? (
            <Typography variant="body2" data-testid="overview-permanent-scheduled" sx={{ borderLeft: 3, borderColor: 'warning.main', pl: 1 }}>
              {t('desk.permanent.scheduled', { address: formatAddress(next, f.locale), date: f.date(next.permanentFrom) })}
            </Typography>
          ) : null}
        </Box>
      )}
    </Card>
  );
}
