// The supervisor's audit screen: the verify verdict in words, filters (dates, operator,
// account, plain text), the log newest first with each change as before → after, one
// entry in full, and CSV export of exactly what is filtered.
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { useAudit } from '../../state/auditStore';
import { requestScreen } from '../../state/navigation';
import { useShell } from '../../state/shellStore';
import { AuditDetails } from './AuditDetails';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditList } from './AuditList';
import { keySourceWords, verdictWords } from './auditWords';
import { downloadText } from './download';

function Verdict() {
  const { t } = useTranslation();
  const f = useFormat();
  const verdict = useAudit((s) => s.verdict);
  const verifying = useAudit((s) => s.verifying);
  const error = useAudit((s) => s.verifyError);
  const verify = useAudit((s) => s.verify);
  if (error) return <ErrorAlert error={error} title={t('audit.verdict.failed')} onRetry={() => void verify()} compact />;
  if (!verdict) return verifying ? <Loading label={t('audit.verdict.checking')} /> : null;
  const source = keySourceWords(t, verdict);
  const when = t('audit.verdict.checked', { count: verdict.entries, n: f.number(verdict.entries), ms: f.number(verdict.ms), time: new Date(verdict.checkedAt).toLocaleTimeString(f.locale === 'nb' ? 'nb-NO' : 'en-GB') });
  return (
    <Alert severity={verdict.ok ? 'success' : 'error'} data-testid="audit-verdict" data-ok={verdict.ok} role="status" sx={{ py: 0.25 }}>
      <AlertTitle sx={{ mb: 0 }}>{verdictWords(t, verdict, f.number)}</AlertTitle>
      <Typography variant="body2" component="span">
        {when}
        {source ? ` ${source}` : ''}
      </Typography>
    </Alert>
  );
}

function Filters() {
  const { t } = useTranslation();
  const form = useAudit((s) => s.form);
  const problem = useAudit((s) => s.problem);
  const setField = useAudit((s) => s.setField);
  const apply = useAudit((s) => s.apply);
  const clear = useAudit((s) => s.clearFilter);
  return <AuditFilterBar form={form} problem={problem} setField={setField} apply={apply} clear={clear} label={t('audit.filtersLabel')} testIdPrefix="audit-filter" />;
}

export function AuditScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useAudit((s) => s.status);
  const error = useAudit((s) => s.error);
  const total = useAudit((s) => s.total);
  const verifying = useAudit((s) => s.verifying);
  const exporting = useAudit((s) => s.exporting);
  const exportError = useAudit((s) => s.exportError);
  const notify = useShell((s) => s.notify);

  useEffect(() => {
    const s = useAudit.getState();
    void s.apply();
    void s.verify();
  }, []);

  const onExport = async () => {
    const file = await useAudit.getState().exportCsv();
    if (!file) return;
    downloadText(file.fileName, file.csv);
    notify('success', (t) => t('audit.exported', { count: file.rows, n: f.number(file.rows), fileName: file.fileName }));
  };

  return (
    <Box data-testid="audit-screen" sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1.5, p: 2, boxSizing: 'border-box' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => void requestScreen('workspace')}>
          {t('audit.back')}
        </Button>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {t('audit.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" startIcon={<VerifiedUserIcon />} disabled={verifying} onClick={() => void useAudit.getState().verify()}>
          {verifying ? t('audit.verdict.checking') : t('audit.verifyAgain')}
        </Button>
        <Button variant="contained" startIcon={<FileDownloadIcon />} disabled={exporting || status !== 'ready' || total === 0} onClick={() => void onExport()} data-testid="audit-export">
          {exporting ? t('audit.exporting') : t('audit.export', { count: total, n: f.number(total) })}
        </Button>
      </Box>
      <Verdict />
      {exportError ? <ErrorAlert error={exportError} title={t('audit.exportFailed')} compact /> : null}
      <Filters />
      <Typography variant="body2" role="status" aria-live="polite" data-testid="audit-count" sx={{ color: 'text.secondary' }}>
        {status === 'ready' ? t('audit.count', { count: total, n: f.number(total) }) : '\u00a0'}
      </Typography>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', gap: 2 }}>
        <Paper variant="outlined" sx={{ flex: 3, minWidth: 0, overflow: 'hidden' }}>
          {status === 'error' && error ? (
            <Box sx={{ p: 2 }}>
              <ErrorAlert error={error} title={t('audit.loadFailed')} onRetry={() => void useAudit.getState().reload()} />
            </Box>
          ) : status === 'loading' && total === 0 ? (
            <Loading label={t('audit.loading')} />
          ) : status === 'ready' && total === 0 ? (
            <Empty title={t('audit.empty')} hint={t('audit.emptyHint')} />
          ) : (
            <AuditList />
          )}
        </Paper>
        <Paper variant="outlined" component="section" aria-label={t('audit.detailsLabel')} tabIndex={0} sx={{ flex: 2, minWidth: 280, overflow: 'auto' }}>
          <AuditDetails />
        </Paper>
      </Box>
    </Box>
  );
}
