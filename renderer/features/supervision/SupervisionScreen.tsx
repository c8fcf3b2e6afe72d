// The supervisor workspace (issue 9; docs/supervision.md): where the audit is read from and
// how old it is, the filter (dates, operator, account, text), the views (comments and
// changes, comments, changes, changes without a reason, the follow-up queue, the chart per
// operator per day), the rows with the selected one in full and its review, the account
// drill-down, and CSV export of exactly what is filtered. The desk's own log with its
// verify verdict stays one click away (renderer/features/audit).
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { requestScreen } from '../../state/navigation';
import { useShell } from '../../state/shellStore';
import { AuditFilterBar } from '../audit/AuditFilterBar';
import { downloadText } from '../audit/download';
import { AccountDrill } from './AccountDrill';
import { ActivityChart } from './ActivityChart';
import { ReviewPanel } from './ReviewPanel';
import { SupervisionList } from './SupervisionList';
import { rowAt, useRowAt, useSupervision, VIEWS, type SupervisionView } from './store';
import { ago, oldestDesk, sourceWords } from './words';

function SourceBanner() {
  const { t } = useTranslation();
  const f = useFormat();
  const source = useSupervision((s) => s.source);
  const [open, setOpen] = useState(false);
  if (!source) return null;
  if (source.fallback)
    return (
      <Alert severity="warning" role="status" data-testid="supervision-source" data-source={source.source} data-fallback={source.fallback} sx={{ py: 0.25 }}>
        <AlertTitle sx={{ mb: 0 }}>{sourceWords(t, source)}</AlertTitle>
        {t('supervision.source.fallbackHint')}
      </Alert>
    );
  if (source.source === 'desk')
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="supervision-source" data-source="desk">
        {sourceWords(t, source)}
      </Typography>
    );
  const oldest = oldestDesk(source);
  return (
    <Alert severity="info" role="status" data-testid="supervision-source" data-source="team" sx={{ py: 0.25 }}>
      <AlertTitle sx={{ mb: 0 }}>{sourceWords(t, source)}</AlertTitle>
      {oldest ? t('supervision.source.asOf', { when: ago(oldest, f.locale) }) : t('supervision.source.nothingYet')}{' '}
      <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} sx={{ py: 0 }}>
        {open ? t('supervision.source.hideDesks') : t('supervision.source.showDesks')}
      </Button>
      {open ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="supervision-desks">
          {source.desks.map((d) => (
            <li key={d.deskId}>
              {t('supervision.source.deskLine', { desk: d.deskId.slice(0, 8), when: d.lastReceivedAt ? ago(d.lastReceivedAt, f.locale) : '—', n: f.number(d.lastSeq) })}
              {d.deskId === source.deskId ? ` ${t('supervision.source.thisDesk')}` : ''}
            </li>
          ))}
        </Box>
      ) : null}
    </Alert>
  );
}

function Filters() {
  const { t } = useTranslation();
  const form = useSupervision((s) => s.form);
  const problem = useSupervision((s) => s.problem);
  const s = useSupervision.getState;
  return (
    <AuditFilterBar
      form={form}
      problem={problem}
      setField={(field, value) => s().setField(field, value)}
      apply={() => s().apply()}
      clear={() => s().clearFilter()}
      label={t('supervision.filtersLabel')}
      testIdPrefix="supervision-filter"
    />
  );
}

function Selected() {
  const selected = useSupervision((s) => s.selected);
  const row = useRowAt(selected);
  if (!row) return null;
  return <ReviewPanel row={row} />;
}

function ListArea() {
  const { t } = useTranslation();
  const status = useSupervision((s) => s.status);
  const error = useSupervision((s) => s.error);
  const total = useSupervision((s) => s.total);
  const view = useSupervision((s) => s.view);
  const open = (i: number) => {
    const row = rowAt(useSupervision.getState(), i);
    if (row?.entry.accountNo) void useSupervision.getState().openAccount(row.entry.accountNo);
  };
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', gap: 2 }}>
      <Paper variant="outlined" sx={{ flex: 3, minWidth: 0, overflow: 'hidden' }}>
        {status === 'error' && error ? (
          <Box sx={{ p: 2 }}>
            <ErrorAlert error={error} title={t('supervision.loadFailed')} onRetry={() => void useSupervision.getState().reload()} />
          </Box>
        ) : status === 'loading' && total === 0 ? (
          <Loading label={t('supervision.loading')} />
        ) : status === 'ready' && total === 0 ? (
          <Empty title={t(`supervision.empty.${view}`)} hint={t('supervision.emptyHint')} />
        ) : (
          <SupervisionList onOpen={open} />
        )}
      </Paper>
      <Paper variant="outlined" component="section" aria-label={t('supervision.detailsLabel')} tabIndex={0} sx={{ flex: 2, minWidth: 300, overflow: 'auto' }}>
        <Selected />
      </Paper>
    </Box>
  );
}

export function SupervisionScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const view = useSupervision((s) => s.view);
  const status = useSupervision((s) => s.status);
  const total = useSupervision((s) => s.total);
  const moreThan = useSupervision((s) => s.moreThan);
  const exporting = useSupervision((s) => s.exporting);
  const exportError = useSupervision((s) => s.exportError);
  const notify = useShell((s) => s.notify);

  useEffect(() => {
    void useSupervision.getState().apply();
  }, []);

  const onExport = async () => {
    const file = await useSupervision.getState().exportCsv();
    if (!file) return;
    downloadText(file.fileName, file.csv);
    notify('success', (t) => t('audit.exported', { count: file.rows, n: f.number(file.rows), fileName: file.fileName }));
  };

  return (
    <Box data-testid="supervision-screen" data-view={view} data-status={status} sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1.25, p: 2, boxSizing: 'border-box' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => void requestScreen('workspace')}>
          {t('audit.back')}
        </Button>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {t('supervision.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" startIcon={<FactCheckIcon />} onClick={() => void requestScreen('audit')} data-testid="supervision-desk-log">
          {t('supervision.deskLog')}
        </Button>
        {view !== 'chart' ? (
          <Button variant="contained" startIcon={<FileDownloadIcon />} disabled={exporting || status !== 'ready' || total === 0} onClick={() => void onExport()} data-testid="supervision-export">
            {exporting ? t('audit.exporting') : moreThan !== null ? t('supervision.exportMore', { n: f.number(moreThan) }) : t('audit.export', { count: total, n: f.number(total) })}
          </Button>
        ) : null}
      </Box>
      <SourceBanner />
      {exportError ? <ErrorAlert error={exportError} title={t('audit.exportFailed')} compact /> : null}
      <Filters />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
        <Tabs value={view} onChange={(_e, v: SupervisionView) => useSupervision.getState().setView(v)} variant="scrollable" aria-label={t('supervision.viewsLabel')}>
          {VIEWS.map((v) => (
            <Tab key={v} value={v} label={t(`supervision.view.${v}`)} data-testid={`supervision-view-${v}`} />
          ))}
        </Tabs>
        <Box sx={{ flex: 1 }} />
        {view !== 'chart' ? (
          <Typography variant="body2" role="status" aria-live="polite" data-testid="supervision-count" sx={{ color: 'text.secondary' }}>
            {status !== 'ready' ? '\u00a0' : moreThan !== null ? t('supervision.countMore', { n: f.number(moreThan) }) : t('supervision.count', { count: total, n: f.number(total) })}
          </Typography>
        ) : null}
      </Box>
      {view === 'chart' ? (
        <Paper variant="outlined" sx={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
          <ActivityChart />
        </Paper>
      ) : (
        <ListArea />
      )}
      <AccountDrill />
    </Box>
  );
}
