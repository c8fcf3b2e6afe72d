// Settings → Team store (issue 9, docs/team-store.md): where this desk ships its audit log,
// whether it signs in with the team's operator directory, and how the shipping goes. The
// team store belongs to the desk, not to a connection profile (D77). Passwords are
// write-only ("leave empty to keep"); saving asks first (before → after) and applies at once.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { IpcError, TeamStoreForm, TeamStoreStatus, TeamStoreView, TeamTestLogin } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { useFormat } from '../../i18n';
import { useShell } from '../../state/shellStore';
import { useUnsavedMark } from '../../state/unsavedStore';
import { ago } from '../supervision/words';
import { useTeamStore } from './teamStoreState';

interface Values {
  url: string;
  tls: '' | 'disable' | 'require' | 'verify-full';
  caFile: string;
  password: string;
  directory: boolean;
  directoryUrl: string;
  directoryPassword: string;
  readerUrl: string;
  readerPassword: string;
}

const valuesOf = (v: TeamStoreView | null): Values => ({
  url: v?.url ?? '',
  tls: v?.tls ?? '',
  caFile: v?.caFile ?? '',
  password: '',
  directory: v?.directory ?? false,
  directoryUrl: v?.directoryUrl ?? '',
  directoryPassword: '',
  readerUrl: v?.readerUrl ?? '',
  readerPassword: '',
});

const formOf = (v: Values): TeamStoreForm => ({
  url: v.url.trim(),
  ...(v.tls ? { tls: v.tls } : {}),
  ...(v.caFile.trim() ? { caFile: v.caFile.trim() } : {}),
  ...(v.password ? { password: v.password } : {}),
  directory: v.directory,
  ...(v.directoryUrl.trim() ? { directoryUrl: v.directoryUrl.trim() } : {}),
  ...(v.directoryPassword ? { directoryPassword: v.directoryPassword } : {}),
  ...(v.readerUrl.trim() ? { readerUrl: v.readerUrl.trim() } : {}),
  ...(v.readerPassword ? { readerPassword: v.readerPassword } : {}),
});

/** The same rules as main (main/core/team/config.ts), in the UI's language. */
function urlProblem(t: TFunction, raw: string, required: boolean): string | null {
  const v = raw.trim();
  if (!v) return required ? t('teamStore.v.urlRequired') : null;
  if (!/^postgres(ql)?:\/\//.test(v)) return t('teamStore.v.urlScheme');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return t('teamStore.v.urlScheme');
  }
  if (u.password) return t('teamStore.v.urlPassword');
  if (!u.username) return t('teamStore.v.urlUser');
  return null;
}

function schemaFor(t: TFunction, view: TeamStoreView | null) {
  return z.custom<Values>().superRefine((v, ctx) => {
    const add = (path: keyof Values, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    for (const [k, required] of [
      ['url', true],
      ['directoryUrl', false],
      ['readerUrl', false],
    ] as const) {
      const p = urlProblem(t, v[k], required);
      if (p) add(k, p);
    }
    if (!v.password && !view?.hasPassword) add('password', t('teamStore.v.passwordRequired'));
    if (v.directoryUrl.trim() && !v.directoryPassword && !view?.hasDirectoryPassword) add('directoryPassword', t('teamStore.v.passwordRequired'));
    if (v.readerUrl.trim() && !v.readerPassword && !view?.hasReaderPassword) add('readerPassword', t('teamStore.v.passwordRequired'));
    for (const k of ['password', 'directoryPassword', 'readerPassword'] as const) if (v[k].length > 200) add(k, t('validation.tooLong', { max: '200' }));
    if (v.caFile.length > 1000) add('caFile', t('validation.tooLong', { max: '1000' }));
  });
}

function StatusBlock({ status }: { status: TeamStoreStatus | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  // The app's date format (en-GB / nb-NO), as everywhere else: "01/12/2026, 15:57 (11 seconds ago)".
  const when = (iso: string) => t('teamStore.when', { time: f.dateTime(iso), ago: ago(iso, f.locale) });
  if (!status) return null;
  if (!status.configured)
    return (
      <Alert severity="info" data-testid="team-status">
        {t('teamStore.status.alone')}
      </Alert>
    );
  const lines: string[] = [];
  let severity: 'success' | 'info' | 'warning' | 'error' = 'success';
  if (status.problem) {
    severity = 'error';
    lines.push(t(`teamStore.fault.${status.problemFault ?? 'config'}`));
  } else {
    if (status.queued === 0) lines.push(t('teamStore.status.upToDate'));
    else if (status.queued !== null) {
      severity = 'info';
      lines.push(t('teamStore.status.queued', { count: status.queued }));
    }
    lines.push(status.lastShipAt ? t('teamStore.status.copyFrom', { when: when(status.lastShipAt) }) : t('teamStore.status.neverShipped'));
    if (status.lastError) {
      severity = status.lastError.fault === 'unreachable' || status.lastError.fault === 'dropped' ? 'warning' : 'error';
      lines.push(t(`teamStore.fault.${status.lastError.fault}`));
      if (status.nextAttemptAt) lines.push(t('teamStore.status.nextAttempt', { when: when(status.nextAttemptAt) }));
    }
  }
  if (status.directory) {
    lines.push(
      t('teamStore.status.directory', { count: status.directory.operators }) +
        ' ' +
        (status.directory.refreshedAt ? t('teamStore.status.directoryCopy', { when: when(status.directory.refreshedAt) }) : t('teamStore.status.directoryNever')),
    );
    lines.push(status.directory.canChange ? t('teamStore.status.canChange') : t('teamStore.status.cannotChange'));
  }
  return (
    <Alert severity={severity} data-testid="team-status" aria-live="polite">
      {lines.map((l) => (
        <Box key={l}>{l}</Box>
      ))}
    </Alert>
  );
}

function testLine(t: TFunction, l: TeamTestLogin): string {
  if (l.ok)
    return [t('teamStore.test.ok', { version: l.storeVersion }), ...(l.operators !== undefined ? [t('teamStore.test.operators', { count: l.operators })] : [])].join(' ');
  const p = l.problem ?? 'other';
  return t(`teamStore.problem.${p}`, {
    store: l.storeVersion,
    app: l.appVersion,
    missing: (l.missing ?? []).join(', ') || '—',
    excess: (l.excess ?? []).join(', ') || '—',
  });
}

export function TeamStoreSection() {
  const { t } = useTranslation();
  const view = useTeamStore((s) => s.view);
  const status = useTeamStore((s) => s.status);
  const loadError = useTeamStore((s) => s.error);
  const test = useTeamStore((s) => s.test);
  const schema = useMemo(() => schemaFor(t, view), [t, view]);
  const defaults = useMemo(() => valuesOf(view), [view]);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults, values: defaults });
  const directory = useWatch({ control: form.control, name: 'directory' });
  const [pending, setPending] = useState<{ form: TeamStoreForm; rows: Array<[string, string, string]>; alone: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  useUnsavedMark('team-store-form', 'settings', 'settings', form.formState.isDirty);

  useEffect(() => {
    void useTeamStore.getState().load();
    const timer = setInterval(() => void useTeamStore.getState().loadStatus(), 5000);
    return () => clearInterval(timer);
  }, []);

  const managed = view?.managed ?? false;
  const set = t('teamStore.secretSet');
  const label = (k: keyof Values) => t(`teamStore.f.${k}`);

  const onValid = (v: Values) => {
    const before = valuesOf(view);
    const rows: Array<[string, string, string]> = [];
    const show = (k: keyof Values, x: Values[keyof Values]) =>
      k === 'directory' ? (x ? t('teamStore.yes') : t('teamStore.no')) : k === 'tls' ? (x ? t(`teamStore.tls.${x as string}`) : t('teamStore.tls.default')) : String(x) || '—';
    for (const k of ['url', 'tls', 'caFile', 'directory', 'directoryUrl', 'readerUrl'] as const) {
      const a = typeof v[k] === 'string' ? (v[k] as string).trim() : v[k];
      if (a !== before[k]) rows.push([label(k), show(k, before[k]), show(k, a)]);
    }
    const hasBefore = { password: view?.hasPassword, directoryPassword: view?.hasDirectoryPassword, readerPassword: view?.hasReaderPassword };
    for (const k of ['password', 'directoryPassword', 'readerPassword'] as const) if (v[k]) rows.push([label(k), hasBefore[k] ? set : '—', t('teamStore.secretChanged')]);
    setError(null);
    setPending({ form: formOf(v), rows, alone: false });
  };

  const workAlone = () => {
    setError(null);
    setPending({ form: { url: '' }, rows: [[label('url'), view?.url || '—', '—']], alone: true });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const res = await useTeamStore.getState().save(pending.form);
    setBusy(false);
    if (res.ok) {
      setPending(null);
      form.reset(valuesOf(res.value));
      useShell.getState().notify('success', (t) => pending.alone ? t('teamStore.savedAlone') : t('teamStore.saved'));
      return;
    }
    setPending(null);
    for (const f of res.error.fields ?? []) {
      const path = f.path.replace(/^form\./, '') as FieldPath<Values>;
      if (path in defaults) form.setError(path, { type: 'server', message: t(`teamStore.server.${path}`, { defaultValue: t('teamStore.server.generic') }) });
    }
    setError(res.error);
  };

  const runTest = async () => {
    const ok = await form.trigger(['url', 'directoryUrl', 'readerUrl']);
    if (!ok) return;
    await useTeamStore.getState().runTest(formOf(form.getValues()));
  };

  const secretHint = (has: boolean | undefined) => (has ? t('teamStore.leaveEmptyToKeep') : t('teamStore.notSetYet'));

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} component="section" aria-labelledby="team-store-title" data-testid="team-store">
      <Typography id="team-store-title" variant="h2" component="h2" sx={{ mb: 1 }}>
        {t('teamStore.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        {t('teamStore.intro')}
      </Typography>
      {loadError ? <ErrorAlert error={loadError} onRetry={() => void useTeamStore.getState().load()} /> : null}
      <Box sx={{ mb: 2, maxWidth: 760 }}>
        <StatusBlock status={status} />
      </Box>
      {managed ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('teamStore.managed')}
        </Alert>
      ) : null}
      <Box component="form" noValidate onSubmit={form.handleSubmit(onValid)} sx={{ display: 'grid', gap: 1.5, maxWidth: 760 }} aria-label={t('teamStore.title')}>
        <FormText control={form.control} name="url" label={label('url')} hint={t('teamStore.h.url')} disabled={managed} autoComplete="off" slotProps={{ htmlInput: { spellCheck: false } }} />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' }, gap: 1 }}>
          <FormSelect
            control={form.control}
            name="tls"
            label={label('tls')}
            disabled={managed}
            // '' is a real choice (the default mode), shown by its name rather than as an empty field.
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            options={[
              { value: '', label: t('teamStore.tls.default') },
              { value: 'verify-full', label: t('teamStore.tls.verify-full') },
              { value: 'require', label: t('teamStore.tls.require') },
              { value: 'disable', label: t('teamStore.tls.disable') },
            ]}
          />
          <FormText control={form.control} name="caFile" label={label('caFile')} hint={t('teamStore.h.caFile')} disabled={managed} autoComplete="off" />
        </Box>
        <FormText
          control={form.control}
          name="password"
          type="password"
          label={label('password')}
          autoComplete="new-password"
          disabled={managed}
          placeholder={view?.hasPassword ? t('teamStore.leaveEmptyToKeep') : ''}
          hint={secretHint(view?.hasPassword)}
          slotProps={{ htmlInput: { 'data-testid': 'team-password' } }}
        />
        <Controller
          control={form.control}
          name="directory"
          render={({ field }) => (
            <FormControlLabel
              control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} disabled={managed} />}
              label={label('directory')}
            />
          )}
        />
        <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
          {t('teamStore.h.directory')}
        </Typography>
        {directory ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, gap: 1 }}>
            <FormText control={form.control} name="directoryUrl" label={label('directoryUrl')} hint={t('teamStore.h.directoryUrl')} disabled={managed} autoComplete="off" />
            <FormText
              control={form.control}
              name="directoryPassword"
              type="password"
              label={label('directoryPassword')}
              autoComplete="new-password"
              disabled={managed}
              hint={secretHint(view?.hasDirectoryPassword)}
            />
          </Box>
        ) : null}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, gap: 1 }}>
          <FormText control={form.control} name="readerUrl" label={label('readerUrl')} hint={t('teamStore.h.readerUrl')} disabled={managed} autoComplete="off" />
          <FormText control={form.control} name="readerPassword" type="password" label={label('readerPassword')} autoComplete="new-password" disabled={managed} hint={secretHint(view?.hasReaderPassword)} />
        </Box>
        {error ? <ErrorAlert error={error} title={t('teamStore.saveFailed')} /> : null}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={managed} data-testid="team-save">
            {t('teamStore.save')}
          </Button>
          <Button variant="outlined" onClick={() => void runTest()} disabled={test.running} startIcon={test.running ? <CircularProgress size={14} aria-hidden /> : undefined} data-testid="team-test">
            {t('teamStore.testButton')}
          </Button>
          {view?.configured && !managed ? (
            <Button color="warning" onClick={workAlone} data-testid="team-alone">
              {t('teamStore.workAlone')}
            </Button>
          ) : null}
        </Box>
      </Box>
      {test.result ? (
        <Alert severity={test.result.ok ? 'success' : 'error'} sx={{ mt: 2, maxWidth: 760 }} data-testid="team-test-result" aria-live="polite">
          <List dense disablePadding>
            {test.result.logins.map((l) => (
              <ListItem key={l.login} disableGutters>
                <ListItemText primary={t(`teamStore.login.${l.login}`, { user: l.user })} secondary={`${testLine(t, l)} ${t('teamStore.test.latency', { ms: l.latencyMs })}`} />
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : null}
      {test.error ? <ErrorAlert error={test.error} title={t('teamStore.testFailed')} /> : null}
      <ConfirmWriteDialog
        open={!!pending}
        title={pending?.alone ? t('teamStore.confirmAlone') : t('teamStore.confirmSave')}
        summary={<Typography variant="body2">{pending?.alone ? t('teamStore.aloneEffect') : t('teamStore.saveEffect')}</Typography>}
        changes={[]}
        allowReason={false}
        busy={busy}
        error={null}
        confirmLabel={pending?.alone ? t('teamStore.workAlone') : t('teamStore.save')}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        <Table size="small" aria-label={t('teamStore.changes')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('teamStore.setting')}</TableCell>
              <TableCell>{t('teamStore.before')}</TableCell>
              <TableCell>{t('teamStore.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(pending?.rows ?? []).map(([k, b, a]) => (
              <TableRow key={k}>
                <TableCell>{k}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{b}</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{a}</TableCell>
              </TableRow>
            ))}
            {pending && !pending.rows.length ? (
              <TableRow>
                <TableCell colSpan={3}>{t('teamStore.noChanges')}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </ConfirmWriteDialog>
    </Paper>
  );
}
