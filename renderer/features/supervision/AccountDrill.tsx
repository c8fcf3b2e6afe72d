// Drill-down from a row to its account: every audit entry about the account beside the
// account's comment timeline in the billing system. A comment an audited write made is
// marked with that write; one no audit entry accounts for came from outside the desk
// (another system, or written elsewhere) and says so.
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { requestScreen } from '../../state/navigation';
import { useWorkspace } from '../../state/workspaceStore';
import { useTimeFormat } from '../audit/AuditList';
import { actionLabel, changeSummary, stateLabel } from '../audit/auditWords';
import { reviewWords } from './SupervisionList';
import { useSupervision } from './store';

export function AccountDrill() {
  const { t } = useTranslation();
  const f = useFormat();
  const time = useTimeFormat();
  const drill = useSupervision((s) => s.drill);
  const close = useSupervision((s) => s.closeAccount);
  if (!drill) return null;
  const data = drill.data;
  const byHash = new Map((data?.rows ?? []).map((r) => [r.entry.hash, r]));
  const outside = data?.comments.filter((c) => c.origin === 'outside').length ?? 0;
  return (
    <Dialog open onClose={close} maxWidth="lg" fullWidth aria-labelledby="sv-drill-title" slotProps={{ paper: { sx: { height: '85vh' }, 'data-testid': 'supervision-account' } as object }}>
      <DialogTitle id="sv-drill-title" sx={{ display: 'flex', alignItems: 'center', gap: 1, pr: 1 }}>
        <Box component="span" sx={{ flex: 1 }}>
          {t('supervision.drill.title', { accountNo: drill.accountNo })}
        </Box>
        <IconButton aria-label={t('supervision.drill.close')} onClick={close}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', gap: 2, minHeight: 0 }}>
        {drill.status === 'loading' && !data ? <Loading label={t('supervision.drill.loading')} /> : null}
        {drill.error ? <ErrorAlert error={drill.error} title={t('supervision.drill.failed')} onRetry={() => void useSupervision.getState().openAccount(drill.accountNo)} /> : null}
        {data ? (
          <>
            <Paper variant="outlined" component="section" aria-labelledby="sv-drill-audit" sx={{ flex: 1, minWidth: 0, overflow: 'auto' }} data-testid="supervision-account-audit">
              <Typography id="sv-drill-audit" variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5, fontWeight: 600 }}>
                {t('supervision.drill.auditTitle', { count: data.rows.length, n: f.number(data.rows.length) })}
              </Typography>
              <List dense>
                {data.rows.map((r) => (
                  <ListItem key={r.entry.hash} divider sx={{ display: 'block' }} data-hash={r.entry.hash}>
                    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                      <Typography variant="body2" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                        {time.format(Date.parse(r.entry.at))}
                      </Typography>
                      <Typography variant="body2" sx={{ fontWeight: 500 }}>
                        {actionLabel(t, r.entry.action)}
                      </Typography>
                      <Chip size="small" variant="outlined" label={stateLabel(t, r.entry)} />
                      {r.review ? <Chip size="small" color={r.review.state === 'flagged' ? 'warning' : 'success'} label={reviewWords(t, r.review)} /> : null}
                      <Box sx={{ flex: 1 }} />
                      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                        {r.entry.operator?.displayName ?? t('audit.noOperator')}
                      </Typography>
                    </Box>
                    <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                      {/* An outcome's answer (comment numbers and the like) is in the desk log's details; here the change asked for. */}
                      {r.entry.kind === 'intent' ? [changeSummary(t, f, r.entry), r.entry.reason ? t('audit.reasonShort', { reason: r.entry.reason }) : ''].filter(Boolean).join(' · ') : null}
                    </Typography>
                  </ListItem>
                ))}
              </List>
            </Paper>
            <Paper variant="outlined" component="section" aria-labelledby="sv-drill-comments" sx={{ flex: 1, minWidth: 0, overflow: 'auto' }} data-testid="supervision-account-comments">
              <Typography id="sv-drill-comments" variant="subtitle1" component="h3" sx={{ px: 2, pt: 1.5, fontWeight: 600 }}>
                {t('supervision.drill.commentsTitle', { count: data.comments.length, n: f.number(data.comments.length) })}
              </Typography>
              <Typography variant="body2" sx={{ px: 2, color: 'text.secondary' }}>
                {t('supervision.drill.outsideCount', { count: outside, n: f.number(outside) })}
              </Typography>
              {data.commentsError ? <ErrorAlert error={data.commentsError} title={t('supervision.drill.commentsFailed')} compact /> : null}
              <List dense>
                {data.comments.map((c) => {
                  const entry = c.entryHash ? byHash.get(c.entryHash)?.entry : undefined;
                  return (
                    <ListItem key={c.commentNo} divider sx={{ display: 'block' }} data-origin={c.origin} data-testid="supervision-timeline-comment">
                      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                        <Typography variant="body2" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                          {f.dateTime(c.at)}
                        </Typography>
                        {/* The operator's name where the desk knows it, the login name AMPS keeps as the title (as the comment timeline). */}
                        <Typography variant="body2" sx={{ fontWeight: 500 }} title={c.authorName ? c.author : undefined} data-testid="supervision-comment-author">
                          {c.authorName ?? c.author}
                        </Typography>
                        <Box sx={{ flex: 1 }} />
                        {c.origin === 'desk' ? (
                          <Chip size="small" color="success" variant="outlined" label={t('supervision.drill.fromDesk')} />
                        ) : (
                          <Chip size="small" color="warning" label={t('supervision.drill.fromOutside')} />
                        )}
                      </Box>
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {c.text}
                      </Typography>
                      {entry ? (
                        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                          {t('supervision.drill.auditedAs', { what: actionLabel(t, entry.action), name: entry.operator?.displayName ?? '—', time: time.format(Date.parse(entry.at)) })}
                        </Typography>
                      ) : null}
                    </ListItem>
                  );
                })}
              </List>
            </Paper>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            close();
            useWorkspace.getState().open(drill.accountNo);
            void requestScreen('workspace');
          }}
        >
          {t('supervision.drill.openInWorkspace')}
        </Button>
        <Button variant="contained" onClick={close}>
          {t('supervision.drill.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
