// The account's subscriptions (plan instances on Aria's core API) and the plan change: pick a
// subscription, then the new plan from what the business offers for its title (D70–D72).
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
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
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { announceWrite } from '../outbox/writeNotice';
import { PlanChangeDialog } from './PlanChangeDialog';
import { usePlans, type PlanReplaceAnswer, type Subscription } from './plansStore';

const STATUS_KEYS: Record<number, string> = { 1: 'active', 0: 'inactive', [-1]: 'suspended', [-2]: 'cancelled', 31: 'pendingInstallation', 32: 'pendingActivation', 41: 'trial', 61: 'nonBillable' };

export function PlansPanel({ accountNo, active }: { accountNo: number; active: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const entry = usePlans((s) => s.byAccount[accountNo]);
  const [changing, setChanging] = useState<Subscription | null>(null);
  const [result, setResult] = useState<{ answer: PlanReplaceAnswer; sub: Subscription; planName: string } | null>(null);

  useEffect(() => {
    if (active && !usePlans.getState().byAccount[accountNo]) void usePlans.getState().load(accountNo);
  }, [active, accountNo]);

  const subs = entry?.data?.subscriptions ?? [];
  const reload = () => void usePlans.getState().load(accountNo);
  const period = (months: number) => t('plans.per', { count: months });

  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="plans-panel" data-state={entry?.status ?? 'idle'}>
      <Typography variant="h2" component="h2">
        {t('plans.title')}
      </Typography>
      {result ? (
        // Honest outcome: done, saved to send, or sent and being checked (D52).
        <Alert
          severity={result.answer.outcome === 'APPLIED' ? 'success' : result.answer.outcome === 'QUEUED' ? 'info' : 'warning'}
          data-testid="plan-result"
          data-outcome={result.answer.outcome}
          onClose={() => setResult(null)}
        >
          {result.answer.outcome === 'APPLIED'
            ? result.answer.scheduled
              ? t('plans.done.scheduled', { plan: result.planName, date: f.date(result.answer.effectiveDate) })
              : result.answer.invoiceNo
                ? t('plans.done.nowInvoiced', { plan: result.planName, invoice: result.answer.invoiceNo })
                : t('plans.done.now', { plan: result.planName })
            : result.answer.outcome === 'QUEUED'
              ? t('outbox.notice.queued')
              : t('outbox.notice.unknown')}
        </Alert>
      ) : null}
      {entry?.error ? <ErrorAlert error={entry.error} title={t('plans.loadFailed')} onRetry={reload} /> : null}
      {!entry || (entry.status === 'loading' && !entry.data) ? <Loading label={t('plans.loading')} /> : null}
      {entry?.data ? (
        subs.length ? (
          <Table size="small" aria-label={t('plans.title')} data-testid="subscriptions">
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('plans.col.title')}</TableCell>
                <TableCell scope="col">{t('plans.col.plan')}</TableCell>
                <TableCell scope="col">{t('plans.col.units')}</TableCell>
                <TableCell scope="col">{t('plans.col.price')}</TableCell>
                <TableCell scope="col">{t('plans.col.period')}</TableCell>
                <TableCell scope="col">{t('plans.col.status')}</TableCell>
                <TableCell scope="col">
                  <span className="visually-hidden">{t('plans.col.actions')}</span>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {subs.map((s) => (
                <TableRow key={s.planInstanceNo} data-plan-instance={s.planInstanceNo} data-plan-no={s.planNo} data-plan-kind={s.kind} data-interval={s.billingIntervalMonths} data-units={s.units}>
                  <TableCell>{s.titleName}</TableCell>
                  <TableCell>
                    <Box component="span" sx={{ fontWeight: 500 }} data-testid="subscription-plan">
                      {s.planName}
                    </Box>
                    {s.supplemental ? <Chip size="small" variant="outlined" label={t('plans.supplemental')} sx={{ ml: 1 }} /> : null}
                    {s.queued.map((q) => (
                      <Typography key={`${q.planNo}-${q.effectiveDate}`} variant="caption" component="div" color="text.secondary" data-testid="subscription-queued">
                        {t('plans.queued', { plan: q.planName, date: f.date(q.effectiveDate) })}
                      </Typography>
                    ))}
                  </TableCell>
                  <TableCell data-testid="subscription-units">{f.number(s.units)}</TableCell>
                  <TableCell>
                    {f.money(s.ratePerUnit * s.units, s.currency)} {period(s.billingIntervalMonths)}
                  </TableCell>
                  <TableCell>
                    {f.date(s.periodStart)}–{f.date(s.periodEnd)}
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('plans.nextBill', { date: f.date(s.nextBillDate) })}
                    </Typography>
                  </TableCell>
                  <TableCell>{t(`plans.status.${STATUS_KEYS[s.statusCode] ?? 'other'}`)}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      startIcon={<SwapHorizIcon />}
                      onClick={() => {
                        setResult(null);
                        setChanging(s);
                      }}
                      disabled={s.statusCode === -1 || s.statusCode === -2 || s.statusCode === 0}
                      aria-label={t('plans.changeOne', { plan: s.planName, title: s.titleName })}
                      data-testid="subscription-change"
                    >
                      {t('plans.change.button')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Empty title={t('plans.none')} />
        )
      ) : null}
      {changing ? (
        <PlanChangeDialog
          accountNo={accountNo}
          sub={changing}
          onClose={() => setChanging(null)}
          onDone={(answer, planName) => {
            setResult({ answer, sub: changing, planName });
            setChanging(null);
            announceWrite(answer, null);
          }}
        />
      ) : null}
    </Box>
  );
}
