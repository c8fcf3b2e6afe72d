// Shown instead of the workspace when a stored secret can no longer be decrypted
// (SECRET_UNREADABLE): never a crash, always a way back — the profile's secrets form.
import KeyOffIcon from '@mui/icons-material/KeyOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { selectIsAdmin, useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';

export function SecretReentry({ profile, message }: { profile: string | null; message: string }) {
  const { t } = useTranslation();
  const kiosk = useShell((s) => s.info?.kiosk ?? false);
  // Connection profiles are admins' work (main refuses profiles.* to other roles).
  const admin = useSession(selectIsAdmin);
  const showScreen = useShell((s) => s.showScreen);
  const clear = useShell((s) => s.clearSecretProblem);
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100%', p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 520 }} role="alert" aria-labelledby="secret-reentry-title">
        <KeyOffIcon color="warning" sx={{ fontSize: 40 }} aria-hidden />
        <Typography id="secret-reentry-title" variant="h1" component="h1" sx={{ mt: 1, mb: 1 }}>
          {t('secretReentry.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {t('secretReentry.body', { profile: profile ?? t('secretReentry.activeProfile') })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {message}
        </Typography>
        {kiosk || !admin ? (
          <Typography variant="body2">{t(kiosk ? 'secretReentry.kiosk' : 'secretReentry.askAdmin')}</Typography>
        ) : (
          <Button
            variant="contained"
            onClick={() => {
              clear();
              showScreen('settings', profile ? { profile, secrets: true } : null);
            }}
          >
            {t('secretReentry.action')}
          </Button>
        )}
      </Paper>
    </Box>
  );
}
