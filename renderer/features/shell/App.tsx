// The shell: top bar, the workspace (search + open accounts, kept mounted so nothing
// typed is lost when switching), Settings, and the app-wide dialogs and notices.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAnnouncer } from '../../state/announcer';
import { loadPrefs } from '../../state/prefsSync';
import { useShell } from '../../state/shellStore';
import { useWorkspace } from '../../state/workspaceStore';
import { AccountView } from '../account/AccountView';
import { OutboxBanner } from '../outbox/OutboxBanner';
import { SearchScreen } from '../search/SearchScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { mayReviewAudit } from '../../state/auditStore';
import { OperatorsScreen } from '../session/OperatorsScreen';
// Supervisor workspace and "My feedback" (issue 9)
import { FeedbackScreen } from '../supervision/FeedbackScreen';
import { SupervisionScreen } from '../supervision/SupervisionScreen';
import { RecoveryScreen } from '../session/RecoveryScreen';
import { SessionGate } from '../session/SessionGate';
import { selectIsAdmin, useSession } from '../../state/sessionStore';
import { SecretReentry } from './SecretReentry';
import { DiscardChangesDialog } from './DiscardChangesDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TopBar, panelDomId, tabDomId } from './TopBar';
import { useKioskIdle } from './useKioskIdle';
import { useModalOpen } from './useModalOpen';
import { useShortcuts } from './useShortcuts';
import { errorWords } from '../../i18n/errorWords';

// A notice (the snackbar at the bottom right) is never over a dialog: while anything modal is
// open (a dialog, its confirmation, a menu, a date picker, the lock screen) the notice is held
// back, and it shows again once they are all closed, for the time it had left (at least
// NOTICE_AGAIN_MS, so it can be read). Agents at 1280×720 open the next dialog at once after a
// save, and the wide, tall ones (the contact form) have their buttons in that corner; holding
// the notice, rather than dropping it or moving it, also keeps a warning that came with a save
// (or a notice raised inside a dialog) from going unseen. Screen readers hear it when it shows
// (the Alert's role="alert"); the polite live region below is separate and unaffected.
const NOTICE_AGAIN_MS = 2000;

function Notices() {
  const { t } = useTranslation();
  const notices = useShell((s) => s.notices);
  const dismiss = useShell((s) => s.dismissNotice);
  const modalOpen = useModalOpen();
  const first = notices[0];
  const shown = !!first && !modalOpen;
  // How long each notice has been on screen so far (it is counted while it shows).
  const onScreenMs = useRef(new Map<number, number>());
  const firstId = first?.id;
  useEffect(() => {
    if (!shown || firstId === undefined) return;
    const spent = onScreenMs.current;
    const since = performance.now();
    return () => {
      spent.set(firstId, (spent.get(firstId) ?? 0) + performance.now() - since);
    };
  }, [shown, firstId]);
  const full = first?.severity === 'success' ? 5000 : 10000;
  // Read when the notice (re)opens; the count changes only as it hides.
  const left = first ? Math.max(NOTICE_AGAIN_MS, full - (onScreenMs.current.get(first.id) ?? 0)) : full;
  return (
    <Snackbar
      key={first?.id}
      open={shown}
      autoHideDuration={left}
      // Gone at once when a dialog opens, not shrinking away over its buttons.
      transitionDuration={modalOpen ? { enter: 225, exit: 0 } : undefined}
      onClose={(_e, why) => why !== 'clickaway' && first && dismiss(first.id)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      {first ? (
        <Alert severity={first.severity} variant="filled" onClose={() => dismiss(first.id)} sx={{ minWidth: 320 }} data-testid="notice">
          {typeof first.message === 'function' ? first.message(t) : first.message}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}

/** One polite live region for short confirmations ("Account number copied"). */
function Announcer() {
  const message = useAnnouncer((s) => s.message);
  return (
    <div role="status" aria-live="polite" className="visually-hidden" data-testid="announcer">
      {message ? <span key={message.id}>{message.text}</span> : null}
    </div>
  );
}

function Workspace({ hidden }: { hidden: boolean }) {
  const tabs = useWorkspace((s) => s.tabs);
  const active = useWorkspace((s) => s.active);
  return (
    <Box sx={{ height: '100%', display: hidden ? 'none' : 'block' }}>
      <Box role="tabpanel" id={panelDomId('search')} aria-labelledby={tabDomId('search')} hidden={active !== 'search'} sx={{ height: '100%' }}>
        <SearchScreen />
      </Box>
      {tabs.map((no) => (
        <Box key={no} role="tabpanel" id={panelDomId(no)} aria-labelledby={tabDomId(no)} hidden={active !== no} sx={{ height: '100%' }}>
          <AccountView accountNo={no} active={!hidden && active === no} />
        </Box>
      ))}
    </Box>
  );
}

export function App() {
  const { t } = useTranslation();
  const loadInfo = useShell((s) => s.loadInfo);
  const info = useShell((s) => s.info);
  const infoError = useShell((s) => s.infoError);
  const screen = useShell((s) => s.screen);
  const secretProblem = useShell((s) => s.secretProblem);
  const kiosk = info?.kiosk ?? false;

  useShortcuts();
  useKioskIdle(kiosk);
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);
  const operator = info?.operator;
  useEffect(() => {
    // The operator's theme and language, as main keeps them (D36).
    if (operator !== undefined) void loadPrefs();
  }, [operator]);
  useEffect(() => {
    // A kiosk keeps nothing between people, not even this tab's recent list.
    if (kiosk) useWorkspace.setState({ persistRecent: false });
  }, [kiosk]);

  const unreadable = secretProblem
    ? { profile: secretProblem.profile, message: errorWords(t, secretProblem.error) }
    : (info?.profile && !info.profile.secretsReadable ? { profile: info.profile.name, message: t('secretReentry.unreadableAtStart') } : null);
  // Settings and the operators screen are admins' (main enforces it; this only does not offer them).
  const admin = useSession(selectIsAdmin);
  const showSettings = screen === 'settings' && !kiosk && admin;
  const showOperators = screen === 'operators' && !kiosk && admin;
  const role = useSession((s) => s.status?.operator?.role);
  const showAudit = screen === 'audit' && mayReviewAudit(role) && !showSettings;
  const showSupervision = screen === 'supervision' && mayReviewAudit(role);
  const showFeedback = screen === 'feedback' && !!role;
  const problems = info?.problems ?? [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      {problems.length ? (
        <RecoveryScreen problems={problems} />
      ) : (
        <SessionGate>
          <TopBar />
          <OutboxBanner />
          {infoError ? (
            <Box sx={{ px: 2, pt: 1 }}>
              <ErrorAlert error={infoError} title={t('app.infoFailed')} onRetry={() => void loadInfo()} compact />
            </Box>
          ) : null}
          <Box component="main" sx={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
            {unreadable && !showSettings && !showOperators ? <SecretReentry profile={unreadable.profile} message={unreadable.message} /> : null}
            {showSettings ? <SettingsScreen /> : null}
            {showOperators ? <OperatorsScreen /> : null}
            {showAudit && !unreadable ? <AuditScreen /> : null}
            {showSupervision && !unreadable ? <SupervisionScreen /> : null}
            {showFeedback && !unreadable ? <FeedbackScreen /> : null}
            <Workspace hidden={showSettings || showOperators || showAudit || showSupervision || showFeedback || !!unreadable} />
          </Box>
          <ShortcutsDialog />
          <DiscardChangesDialog />
          <Announcer />
        </SessionGate>
      )}
      <Notices />
    </Box>
  );
}
