// What the desk shows for the session main reports: the first-admin screen on a fresh data
// folder, the sign-in screen, or the workspace — hidden (but kept, nothing typed is lost)
// behind the lock screen while locked, and behind the forced password change after an
// admin reset. A change of operator clears the workspace: nothing of one person is left
// for the next.
import Box from '@mui/material/Box';
import Modal from '@mui/material/Modal';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { resetWorkspace } from '../../state/reset';
import { onOperatorChange, useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { FirstAdminScreen } from './FirstAdminScreen';
import { LockScreen } from './LockScreen';
import { SignInScreen } from './SignInScreen';
import { useSessionActivity } from './useSessionActivity';

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const state = status?.state ?? null;

  useEffect(() => {
    void useSession.getState().load();
    return onOperatorChange((from) => {
      if (from !== null) resetWorkspace('operator');
      void useShell.getState().loadInfo(); // app.info names the operator (the comment author)
    });
  }, []);
  useSessionActivity(state === 'signedIn', status?.idleLockSeconds ?? 900);

  if (!status)
    return error ? (
      <Box sx={{ p: 2 }}>
        <ErrorAlert error={error} title={t('app.infoFailed')} onRetry={() => void useSession.getState().load()} />
      </Box>
    ) : null;
  if (state === 'setup') return <FirstAdminScreen />;
  if (state === 'signedOut') return <SignInScreen />;
  const locked = state === 'locked';
  return (
    <>
      {/* A modal of its own, opened last: it covers any dialog that was open, hides the rest
          from screen readers and keeps the focus (MUI's modal manager). */}
      {locked ? (
        <Modal open disableRestoreFocus slotProps={{ backdrop: { sx: { bgcolor: 'grey.50' } } }}>
          <Box sx={{ position: 'fixed', inset: 0, overflow: 'auto', outline: 'none' }}>
            <LockScreen />
          </Box>
        </Modal>
      ) : null}
      <Box sx={{ display: locked ? 'none' : 'contents' }} aria-hidden={locked || undefined}>
        {children}
      </Box>
      <ChangePasswordDialog open={!locked && status.mustChangePassword} forced onClose={() => {}} />
    </>
  );
}
