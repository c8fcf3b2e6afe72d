// Admins: who may sign in at this desk. Add, disable or enable, reset a password. Not on a
// kiosk (main refuses operators.* there; kiosks are provisioned with `npm run operators`).
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, OperatorRecord } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { AddOperatorDialog, ResetPasswordDialog } from './OperatorDialogs';
import { serverFieldText } from './sessionText';

function StatusChips({ op }: { op: OperatorRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      <Chip size="small" color={op.disabled ? 'default' : 'success'} variant="outlined" label={op.disabled ? t('session.operators.disabledState') : t('session.operators.active')} />
      {op.lockedUntil ? <Chip size="small" color="warning" variant="outlined" label={t('session.operators.lockedOut', { time: f.dateTime(op.lockedUntil) })} /> : null}
      {op.mustChangePassword ? <Chip size="small" variant="outlined" label={t('session.operators.mustChange')} /> : null}
    </Stack>
  );
}

export function OperatorsScreen() {
  const { t } = useTranslation();
  const operators = useSession((s) => s.operators);
  const status = useSession((s) => s.operatorsStatus);
  const loadError = useSession((s) => s.operatorsError);
  const me = useSession((s) => s.status?.operator?.id ?? null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<OperatorRecord | null>(null);
  const [actionError, setActionError] = useState<IpcError | null>(null);

  useEffect(() => {
    void useSession.getState().loadOperators();
  }, []);

  const toggle = async (op: OperatorRecord) => {
    setActionError(null);
    const res = await useSession.getState().setDisabled(op.id, !op.disabled);
    if (!res.ok) {
      const f = res.error.fields?.[0];
      setActionError(f ? { ...res.error, message: serverFieldText(t, f) } : res.error);
      return;
    }
    useShell.getState().notify('success', (t) => t(res.value.disabled ? 'session.operators.disabledDone' : 'session.operators.enabledDone', { name: op.displayName }));
  };

  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2 }} data-testid="operators-screen">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => useShell.getState().showScreen('workspace')}>
          {t('session.operators.back')}
        </Button>
        <Typography variant="h1" component="h1" sx={{ flex: 1 }}>
          {t('session.operators.title')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
          {t('session.operators.add')}
        </Button>
      </Stack>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('session.operators.intro')}
      </Typography>
      {actionError ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={actionError} />
        </Box>
      ) : null}
      {status === 'loading' ? <Loading label={t('session.operators.loading')} /> : null}
      {loadError ? <ErrorAlert error={loadError} onRetry={() => void useSession.getState().loadOperators()} /> : null}
      {operators.length ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('session.operators.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('session.operators.id')}</TableCell>
                <TableCell>{t('session.operators.displayName')}</TableCell>
                <TableCell>{t('session.operators.role')}</TableCell>
                <TableCell>{t('session.operators.status')}</TableCell>
                <TableCell>{t('session.operators.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {operators.map((op) => (
                <TableRow key={op.id} data-operator-id={op.id}>
                  <TableCell>
                    {op.id} {op.id === me ? t('session.operators.you') : null}
                  </TableCell>
                  <TableCell>{op.displayName}</TableCell>
                  <TableCell>{t(`session.role.${op.role}`)}</TableCell>
                  <TableCell>
                    <StatusChips op={op} />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      {op.id === me ? null : (
                        <Button size="small" onClick={() => void toggle(op)} aria-label={`${op.disabled ? t('session.operators.enable') : t('session.operators.disable')} ${op.displayName}`}>
                          {op.disabled ? t('session.operators.enable') : t('session.operators.disable')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => setResetting(op)} aria-label={`${t('session.operators.reset')} ${op.displayName}`}>
                        {t('session.operators.reset')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      <AddOperatorDialog open={adding} onClose={() => setAdding(false)} />
      <ResetPasswordDialog operator={resetting} onClose={() => setResetting(null)} />
    </Box>
  );
}
