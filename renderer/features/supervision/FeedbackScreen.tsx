// "My feedback": what supervisors said about the signed-in operator's own work — flagged
// for follow-up or reviewed, with their note — and a button to acknowledge each. Main only
// ever answers with this operator's own entries (main/core/supervision/handlers.ts).
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { requestScreen } from '../../state/navigation';
import { useShell } from '../../state/shellStore';
import { useTimeFormat } from '../audit/AuditList';
import { accountWords, actionLabel, changeSummary } from '../audit/auditWords';
import { unacknowledged, useFeedback } from './feedback';
import { ReviewState } from './ReviewPanel';

export function FeedbackScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const time = useTimeFormat();
  const { status, items, error, teamError, acking, ackError } = useFeedback();
  const notify = useShell((s) => s.notify);
  useEffect(() => {
    void useFeedback.getState().load();
  }, []);
  const open = unacknowledged(items);
  return (
    <Box data-testid="feedback-screen" data-status={status} sx={{ height: '100%', overflow: 'auto', p: 2, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => void requestScreen('workspace')}>
          {t('audit.back')}
        </Button>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {t('supervision.feedback.title')}
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }} role="status" data-testid="feedback-count">
        {status === 'ready' ? t('supervision.feedback.count', { count: items.length, n: f.number(items.length), open: f.number(open) }) : '\u00a0'}
      </Typography>
      {teamError ? (
        <Alert severity="warning" data-testid="feedback-team-problem">
          {t('supervision.feedback.teamProblem')}
        </Alert>
      ) : null}
      {ackError ? <ErrorAlert error={ackError} title={t('supervision.feedback.ackFailed')} compact /> : null}
      {status === 'error' && error ? <ErrorAlert error={error} title={t('supervision.feedback.loadFailed')} onRetry={() => void useFeedback.getState().load()} /> : null}
      {status === 'loading' ? <Loading label={t('supervision.feedback.loading')} /> : null}
      {status === 'ready' && !items.length ? <Empty title={t('supervision.feedback.empty')} hint={t('supervision.feedback.emptyHint')} /> : null}
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }} aria-label={t('supervision.feedback.listLabel')}>
        {items.map((item) => {
          const e = item.entry;
          return (
            <Paper component="li" variant="outlined" key={item.review.ref.hash} sx={{ p: 2 }} data-testid="feedback-item" data-state={item.review.state} data-acknowledged={!!item.review.acknowledged}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                  {actionLabel(t, e.action)}
                </Typography>
                {e.accountNo !== null ? <Typography variant="body2">{accountWords(t, e.accountNo, true)}</Typography> : null}
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {time.format(Date.parse(e.at))}
                </Typography>
              </Box>
              <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1, overflowWrap: 'anywhere' }}>
                {[changeSummary(t, f, e), e.reason ? t('audit.reasonShort', { reason: e.reason }) : ''].filter(Boolean).join(' · ')}
              </Typography>
              <ReviewState review={item.review} />
              {!item.review.acknowledged ? (
                <Button
                  variant="contained"
                  sx={{ mt: 1 }}
                  disabled={!!acking[item.review.ref.hash]}
                  onClick={() => void useFeedback.getState().acknowledge(item).then((ok) => ok && notify('success', (t) => t('supervision.feedback.acknowledged')))}
                  data-testid="feedback-acknowledge"
                >
                  {t('supervision.feedback.acknowledge')}
                </Button>
              ) : null}
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
}
