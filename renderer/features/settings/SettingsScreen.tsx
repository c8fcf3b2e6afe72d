// Connection profiles: list, edit, test, activate, delete. Switching profile switches the
// whole app: every tab closes and every cache is cleared. The embedded sandbox profile
// always exists and cannot be deleted.
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/StateViews';
import { requestScreen } from '../../state/navigation';
import { resetWorkspace } from '../../state/reset';
import { useUnsaved } from '../../state/unsavedStore';
import { useSettings } from '../../state/settingsStore';
import { useShell } from '../../state/shellStore';
import { ProfileForm } from './ProfileForm';
// Team store (issue 9): the desk's audit shipping and the team's operator directory.
import { TeamStoreSection } from './TeamStoreSection';

type Confirm = { kind: 'activate' | 'delete'; name: string } | null;

export function SettingsScreen() {
  const { t } = useTranslation();
  const status = useSettings((s) => s.status);
  const profiles = useSettings((s) => s.profiles);
  const active = useSettings((s) => s.active);
  const error = useSettings((s) => s.error);
  const focus = useShell((s) => s.settingsFocus);
  const [selected, setSelected] = useState<string | 'new' | null>(focus?.profile ?? null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<IpcError | null>(null);

  useEffect(() => {
    void useSettings.getState().load();
  }, []);

  const current = selected === 'new' ? null : (profiles.find((p) => p.name === (selected ?? active)) ?? null);
  const name = current?.name ?? null;

  /** Another profile's form replaces this one: ask first when it has edits. */
  const pick = async (next: string) => {
    if (next === (selected ?? active) || (next === 'new' && selected === 'new')) return;
    if (await useUnsaved.getState().confirmLeave('settings')) setSelected(next);
  };

  /** After anything that changes which system the app talks to. */
  const switched = async () => {
    resetWorkspace('profile');
    useShell.getState().clearSecretProblem();
    await useShell.getState().loadInfo();
  };

  const runConfirm = async () => {
    if (!confirm) return;
    setBusy(true);
    setActionError(null);
    const store = useSettings.getState();
    const res = confirm.kind === 'activate' ? await store.activate(confirm.name) : await store.remove(confirm.name);
    setBusy(false);
    if (!res.ok) {
      setActionError(res.error);
      return;
    }
    const wasActive = confirm.name === active;
    setConfirm(null);
    if (confirm.kind === 'activate' || wasActive) await switched();
    if (confirm.kind === 'delete') setSelected(null);
    useShell.getState().notify('success', (t) => confirm.kind === 'activate' ? t('settings.activated', { name: confirm.name }) : t('settings.deleted', { name: confirm.name }));
  };

  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2 }} data-testid="settings-screen">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => void requestScreen('workspace')}>
          {t('settings.back')}
        </Button>
        <Typography variant="h1" component="h1">
          {t('settings.title')}
        </Typography>
      </Box>
      {error ? <ErrorAlert error={error} onRetry={() => void useSettings.getState().load()} /> : null}
      {status === 'loading' ? <Loading label={t('settings.loading')} /> : null}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ width: 300, flexShrink: 0 }} component="nav" aria-label={t('settings.profiles')}>
          <List dense disablePadding>
            {profiles.map((p) => (
              <ListItem key={p.name} disablePadding>
              <ListItemButton selected={p.name === name} onClick={() => void pick(p.name)}>
                <ListItemText
                  primary={p.name}
                  secondary={p.kind === 'sandbox' ? t('settings.kindSandbox') : p.baseUrl}
                  slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                />
                {p.name === active ? <Chip color="primary" label={t('settings.active')} sx={{ ml: 1 }} /> : null}
                {!p.secretsReadable ? <Chip color="error" label={t('settings.unreadable')} sx={{ ml: 1 }} /> : null}
              </ListItemButton>
              </ListItem>
            ))}
          </List>
          <Box sx={{ p: 1, borderTop: 1, borderColor: 'divider' }}>
            <Button startIcon={<AddIcon />} onClick={() => void pick('new')} fullWidth>
              {t('settings.newProfile')}
            </Button>
          </Box>
        </Paper>
        <Paper variant="outlined" sx={{ flex: 1, p: 2, minWidth: 0 }} component="section" aria-labelledby="profile-title">
          <Typography id="profile-title" variant="h2" component="h2" sx={{ mb: 2 }}>
            {current ? current.name : t('settings.newProfile')}
          </Typography>
          {current ? (
            <Box sx={{ display: 'flex', gap: 1, mb: 2, flexWrap: 'wrap' }}>
              <Button variant="outlined" disabled={current.name === active} onClick={() => setConfirm({ kind: 'activate', name: current.name })}>
                {current.name === active ? t('settings.isActive') : t('settings.activate')}
              </Button>
              <Button color="error" disabled={current.kind === 'sandbox'} onClick={() => setConfirm({ kind: 'delete', name: current.name })} title={current.kind === 'sandbox' ? t('settings.cannotDeleteSandbox') : undefined}>
                {t('common.delete')}
              </Button>
            </Box>
          ) : null}
          {status === 'ready' ? (
            <ProfileForm
              key={current?.name ?? 'new'}
              profile={current}
              focusSecrets={!!focus?.secrets && focus.profile === current?.name}
              onSaved={(saved) => {
                setSelected(saved.name);
                useShell.getState().notify('success', (t) => t('settings.saved', { name: saved.name }));
                if (saved.name === active) void switched();
              }}
            />
          ) : null}
        </Paper>
      </Box>
      <TeamStoreSection />
      <Dialog open={!!confirm} onClose={busy ? undefined : () => setConfirm(null)} aria-labelledby="settings-confirm-title" maxWidth="xs">
        <DialogTitle id="settings-confirm-title">{confirm?.kind === 'activate' ? t('settings.confirmActivate', { name: confirm.name }) : t('settings.confirmDelete', { name: confirm?.name })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2">{confirm?.kind === 'activate' ? t('settings.activateEffect') : t('settings.deleteEffect')}</Typography>
          {actionError ? (
            <Box sx={{ mt: 2 }}>
              <ErrorAlert error={actionError} />
            </Box>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="contained" color={confirm?.kind === 'delete' ? 'error' : 'primary'} onClick={() => void runConfirm()} disabled={busy}>
            {confirm?.kind === 'activate' ? t('settings.activate') : t('common.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
