// The outbox banner under the top bar: online or offline (by itself, or by choice), how
// many changes wait to be sent or need a person, a switch to work offline, and the button
// that opens the list. Polls main while the app is open.
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectWaiting, useOutbox } from '../../state/outboxStore';
import { OutboxDialog } from './OutboxDialog';

const POLL_MS = 3000;

export function OutboxBanner() {
  const { t } = useTranslation();
  const status = useOutbox((s) => s.status);
  const waiting = useOutbox(selectWaiting);
  const listOpen = useOutbox((s) => s.listOpen);

  useEffect(() => {
    const { refresh } = useOutbox.getState();
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, []);

  if (!status) return null;
  const offline = status.mode !== 'online';
  const text =
    status.mode === 'chosen' ? t('outbox.banner.chosen') : status.mode === 'offline' ? t('outbox.banner.offline') : t('outbox.banner.online');
  return (
    <Box
      role="status"
      aria-live="polite"
      data-testid="outbox-banner"
      data-mode={status.mode}
      data-waiting={waiting}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        px: 2,
        py: 0.25,
        minHeight: 34,
        borderBottom: 1,
        borderColor: 'divider',
        // A tint of the state's colour under the ordinary text colour: AA in light and dark (D33).
        bgcolor: (theme) =>
          offline ? alpha(theme.palette.warning.main, 0.16) : status.parked ? alpha(theme.palette.error.main, 0.12) : theme.palette.background.default,
        color: 'text.primary',
      }}
    >
      {offline ? <CloudOffIcon fontSize="small" aria-hidden /> : <CloudDoneIcon fontSize="small" color="success" aria-hidden />}
      <Typography variant="body2" sx={{ fontWeight: offline ? 600 : 400 }}>
        {text}
      </Typography>
      <Typography variant="body2" data-testid="outbox-counts">
        {waiting === 0
          ? t('outbox.banner.nothingWaiting')
          : [
              status.pending ? t('outbox.banner.pending', { count: status.pending }) : null,
              status.unknown ? t('outbox.banner.unknown', { count: status.unknown }) : null,
              status.parked ? t('outbox.banner.parked', { count: status.parked }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </Typography>
      {status.otherProfiles ? (
        <Typography variant="caption">
          {t('outbox.banner.otherProfiles', { count: status.otherProfiles })}
        </Typography>
      ) : null}
      <Box sx={{ flex: 1 }} />
      <Button size="small" color="inherit" onClick={() => useOutbox.getState().setListOpen(true)} data-testid="outbox-open-list" disabled={waiting === 0}>
        {t('outbox.banner.showList')}
      </Button>
      <FormControlLabel
        sx={{ mr: 0 }}
        control={
          <Switch
            size="small"
            checked={status.mode === 'chosen'}
            onChange={(e) => void useOutbox.getState().setOffline(e.target.checked)}
            slotProps={{ input: { 'aria-describedby': 'outbox-offline-help' } }}
            data-testid="outbox-offline-switch"
          />
        }
        label={<Typography variant="body2">{t('outbox.banner.workOffline')}</Typography>}
      />
      <span id="outbox-offline-help" hidden>
        {t('outbox.banner.workOfflineHelp')}
      </span>
      {listOpen ? <OutboxDialog onClose={() => useOutbox.getState().setListOpen(false)} /> : null}
    </Box>
  );
}
