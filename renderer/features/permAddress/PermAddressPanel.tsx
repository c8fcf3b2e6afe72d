// The account's addresses (permanent and other delivery addresses, and which address each
// subscription uses) and the permanent address change.
import EditLocationAltIcon from '@mui/icons-material/EditLocationAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../components/codeLabel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { usePermAddress } from '../../state/permAddressStore';
import { Card } from '../account/Overview';
import { PermAddressWizard } from './PermAddressWizard';
import { useWorkspace } from '../../state/workspaceStore';
import { contactAsAddress, formatAddress } from './permAddressModel';
import type { ChannelOutput } from '../../../shared/ipc';
import { announceWrite } from '../outbox/writeNotice';

export function PermAddressPanel({ accountNo, active }: { accountNo: number; active: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useCodeLabel();
  const entry = usePermAddress((s) => s.byAccount[accountNo]);
  const [wizard, setWizard] = useState(false);
  const [result, setResult] = useState<ChannelOutput<'address.changePerm'> | null>(null);

  useEffect(() => {
    if (active && !usePermAddress.getState().byAccount[accountNo]) void usePermAddress.getState().load(accountNo);
  }, [active, accountNo]);

  const info = entry?.data ?? null;
  const permanent = info?.deliveryAddresses.find((a) => a.isPermanent) ?? null;
  const contact = useWorkspace((s) => s.accounts[accountNo]?.data?.acctRetrieveAccountDetails.acctContactDetails);
  const ownAddress = contactAsAddress(contact);
  const plans = (info?.planInstances ?? []).filter((p) => !p.isSpecial);
  const reload = () => void usePermAddress.getState().load(accountNo);
  // A subscription names where it is delivered, in words (not "address no. 2").
  const deliveredTo = (no: number | null | undefined) => {
    if (no === null || no === undefined) return ownAddress ? formatAddress(ownAddress, f.locale) : t('permAddress.accountAddress');
    const a = info?.deliveryAddresses.find((x) => x.distAddressNo === no);
    return a ? [formatAddress(a, f.locale), code('addressType', a.distAddrType)].join(' · ') : t('desk.permanent.unknownAddress', { no });
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="perm-address" data-state={entry?.status ?? 'idle'}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" component="h2">
          {t('permAddress.title')}
        </Typography>
        {!wizard ? (
          <Button
            sx={{ ml: 'auto' }}
            variant="contained"
            startIcon={<EditLocationAltIcon />}
            onClick={() => {
              setResult(null);
              setWizard(true);
            }}
            disabled={!entry || entry.status === 'loading'}
          >
            {t('permAddress.start')}
          </Button>
        ) : null}
      </Box>
      {result !== null ? (
        // Queued or being checked is said as such, never as done or failed (D21).
        <Alert
          severity={result.outcome === 'APPLIED' ? 'success' : result.outcome === 'QUEUED' ? 'info' : 'warning'}
          data-testid="perm-address-result"
          data-outcome={result.outcome}
          onClose={() => setResult(null)}
        >
          {result.outcome === 'APPLIED'
            ? result.distAddressNo === null
              ? t('permAddress.doneNoNumber')
              : t('permAddress.done', { no: result.distAddressNo })
            : result.outcome === 'QUEUED'
              ? t('outbox.notice.queued')
              : t('outbox.notice.unknown')}
        </Alert>
      ) : null}
      {entry?.error ? <ErrorAlert error={entry.error} title={t('permAddress.loadFailed')} onRetry={reload} /> : null}
      {!entry || (entry.status === 'loading' && !info) ? <Loading label={t('permAddress.loading')} /> : null}
      {wizard && entry && entry.status !== 'loading' ? (
        <PermAddressWizard
          accountNo={accountNo}
          info={info}
          onCancel={() => setWizard(false)}
          onDone={(answer) => {
            setWizard(false);
            setResult(answer);
            announceWrite(answer, null);
          }}
        />
      ) : null}
      {info ? (
        <>
          <Card title={t('permAddress.current')} testId="current-permanent-address">
            {permanent ? (
              <Box>
                <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="permanent-address-text">
                  {formatAddress(permanent, f.locale)}
                </Typography>
                <Typography variant="caption" color="text.secondary" data-testid="permanent-address-no">
                  {t('permAddress.addressNo', { no: permanent.distAddressNo })} · {code('addressType', permanent.distAddrType)}
                  {permanent.permanentFrom ? ` · ${t('permAddress.since', { date: f.date(permanent.permanentFrom) })}` : ''}
                </Typography>
              </Box>
            ) : ownAddress ? (
              <Box>
                <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="permanent-address-text">
                  {formatAddress(ownAddress, f.locale)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('permAddress.ownAddress')}
                </Typography>
              </Box>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('permAddress.noPermanent')}
              </Typography>
            )}
          </Card>
          <Card title={t('permAddress.deliveryAddresses', { count: info.deliveryAddresses.length })}>
            {info.deliveryAddresses.length ? (
              <Table size="small" aria-label={t('permAddress.deliveryAddresses', { count: info.deliveryAddresses.length })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('permAddress.col.no')}</TableCell>
                    <TableCell>{t('permAddress.col.type')}</TableCell>
                    <TableCell>{t('permAddress.col.address')}</TableCell>
                    <TableCell>{t('permAddress.col.status')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {info.deliveryAddresses.map((a) => (
                    <TableRow key={a.distAddressNo} data-address-no={a.distAddressNo} selected={a.isPermanent}>
                      <TableCell>{a.distAddressNo}</TableCell>
                      <TableCell>{code('addressType', a.distAddrType)}</TableCell>
                      <TableCell>{[a.distAddrName, formatAddress(a, f.locale)].filter(Boolean).join(' · ')}</TableCell>
                      <TableCell>{a.isPermanent ? <Chip color="primary" label={t('permAddress.currentPermanent')} /> : a.permanentFrom ? t('permAddress.from', { date: f.date(a.permanentFrom) }) : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Empty title={t('permAddress.noAddresses')} />
            )}
          </Card>
          <Card title={t('permAddress.subscriptions', { count: plans.length })}>
            {plans.length ? (
              <Table size="small" aria-label={t('permAddress.subscriptions', { count: plans.length })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('permAddress.col.plan')}</TableCell>
                    <TableCell>{t('permAddress.col.instance')}</TableCell>
                    <TableCell>{t('permAddress.col.status')}</TableCell>
                    <TableCell>{t('desk.permanent.deliveredTo')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {plans.map((p) => (
                    <TableRow key={p.ariaMPINo}>
                      <TableCell>{p.planName}</TableCell>
                      <TableCell>
                        #{p.ariaMPINo} <Typography variant="caption" color="text.secondary">{p.ariaMPIID}</Typography>
                      </TableCell>
                      <TableCell>{code('planStatus', p.status)}</TableCell>
                      <TableCell data-testid={`delivered-to-${p.ariaMPINo}`}>{deliveredTo(p.distAddressNo)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Empty title={t('permAddress.noSubscriptions')} />
            )}
          </Card>
        </>
      ) : null}
    </Box>
  );
}
