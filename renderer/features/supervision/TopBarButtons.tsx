// The top bar's entries to the supervisor workspace (supervisors and admins; main refuses
// everyone else anyway) and to "My feedback" (everyone signed in), with the number of
// reviews of their own work not acknowledged yet.
import RateReviewIcon from '@mui/icons-material/RateReviewOutlined';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mayReviewAudit } from '../../state/auditStore';
import { requestScreen } from '../../state/navigation';
import { useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { unacknowledged, useFeedback } from './feedback';

const REFRESH_MS = 120_000;

export function SupervisionTopBarButtons() {
  const { t } = useTranslation();
  const screen = useShell((s) => s.screen);
  const operator = useSession((s) => (s.status?.state === 'signedIn' ? s.status.operator?.id : undefined));
  const supervisor = useSession((s) => mayReviewAudit(s.status?.operator?.role));
  const open = useFeedback((s) => unacknowledged(s.items));
  const kiosk = useShell((s) => s.info?.kiosk ?? false);
  // Another operator signed in: their feedback, not the last one's.
  useEffect(() => {
    useFeedback.getState().reset();
    if (!operator) return;
    void useFeedback.getState().load();
    const timer = setInterval(() => void useFeedback.getState().load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [operator]);
  if (!operator || kiosk) return null;
  const feedbackLabel = open ? t('supervision.feedback.topbarOpen', { count: open }) : t('supervision.feedback.topbar');
  return (
    <>
      <Tooltip title={feedbackLabel}>
        <IconButton
          aria-label={feedbackLabel}
          aria-pressed={screen === 'feedback'}
          onClick={() => void requestScreen(screen === 'feedback' ? 'workspace' : 'feedback')}
          color={screen === 'feedback' ? 'primary' : 'default'}
          data-testid="open-feedback"
        >
          <Badge badgeContent={open || undefined} invisible={!open} color="warning" max={99}>
            <RateReviewIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      {supervisor ? (
        <Tooltip title={t('supervision.topbar')}>
          <IconButton
            aria-label={t('supervision.topbar')}
            aria-pressed={screen === 'supervision'}
            onClick={() => void requestScreen(screen === 'supervision' ? 'workspace' : 'supervision')}
            color={screen === 'supervision' ? 'primary' : 'default'}
            data-testid="open-supervision"
          >
            <SupervisorAccountIcon />
          </IconButton>
        </Tooltip>
      ) : null}
    </>
  );
}
