// A file the app keeps (settings, secrets, operators, outbox, audit) cannot be read: say
// which, what starting fresh means, and offer it. The damaged file is kept for support.
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, LocalStateProblem } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { invoke } from '../../state/ipc';
import { useShell } from '../../state/shellStore';
import { SessionCard } from './SessionCard';

export function RecoveryScreen({ problems }: { problems: LocalStateProblem[] }) {
  const { t } = useTranslation();
  const kiosk = useShell((s) => s.info?.kiosk ?? false);
  const [busy, setBusy] = useState<string | null>(null);
  const [kept, setKept] = useState<string[]>([]);
  const [error, setError] = useState<IpcError | null>(null);

  const moveAside = async (file: string) => {
    setBusy(file);
    setError(null);
    const res = await invoke((api) => api.localState.moveAside({ file }));
    setBusy(null);
    if (!res.ok) return setError(res.error);
    setKept((k) => [...k, res.value.movedTo]);
    // With nothing left to fix, the app starts as usual.
    if (!res.value.problems.length) await useShell.getState().loadInfo();
    else useShell.setState((s) => ({ info: s.info ? { ...s.info, problems: res.value.problems } : s.info }));
  };

  return (
    <SessionCard id="recovery" title={t('recovery.title')} intro={t('recovery.intro')} icon={<ReportProblemIcon color="warning" sx={{ fontSize: 40 }} aria-hidden />} wide>
      <Stack spacing={2}>
        {kiosk ? <Alert severity="warning">{t('recovery.kiosk')}</Alert> : null}
        {kept.map((file) => (
          <Alert key={file} severity="success">
            {t('recovery.kept', { file })}
          </Alert>
        ))}
        {problems.map((p) => (
          <Paper key={p.file} variant="outlined" sx={{ p: 2 }} data-testid={`problem-${p.file}`}>
            <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
              {t(`recovery.what.${p.consequence}`)}
            </Typography>
            <Typography variant="body2">{t('recovery.file', { path: p.path })}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {t('recovery.details', { message: p.message })}
            </Typography>
            <Button variant="contained" onClick={() => void moveAside(p.file)} disabled={busy !== null}>
              {t('recovery.moveAside')}
            </Button>
          </Paper>
        ))}
        {error ? <ErrorAlert error={error} /> : null}
      </Stack>
    </SessionCard>
  );
}
