// Change one's own password: from the operator menu, or forced (no way around it) after an
// admin set or reset the password.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { failureText, newPasswordError, serverFieldText } from './sessionText';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, forced, onClose }: { open: boolean; forced?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, handleSubmit, setError, getValues, reset, formState } = useForm<Values>({ defaultValues: { current: '', next: '', confirm: '' } });
  const close = () => {
    if (forced) return;
    reset();
    setFormError(null);
    onClose();
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await useSession.getState().changePassword(v.current, v.next);
    if (!res.ok) {
      const f = res.error.fields?.find((x) => x.path === 'next' || x.path === 'current');
      if (f) setError(f.path as keyof Values, { message: serverFieldText(t, f) }, { shouldFocus: true });
      else setFormError(res.error);
      return;
    }
    if (res.value.failure) {
      setError('current', { message: failureText(t, res.value.failure, 'session.errors.currentWrong') }, { shouldFocus: true });
      return;
    }
    reset();
    onClose();
    useShell.getState().notify('success', (t) => t('session.changePassword.done'));
  });

  const e = formState.errors;
  return (
    <Dialog open={open} onClose={close} aria-labelledby="change-password-title" data-testid="change-password">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <DialogTitle id="change-password-title">{t('session.changePassword.title')}</DialogTitle>
        <DialogContent>
          {forced ? <DialogContentText sx={{ mb: 2 }}>{t('session.changePassword.forced')}</DialogContentText> : null}
          <Stack spacing={2} sx={{ pt: 1, minWidth: { sm: 380 } }}>
            <TextField
              {...register('current', { required: t('session.errors.required') })}
              type="password"
              label={t('session.changePassword.current')}
              autoComplete="current-password"
              autoFocus
              required
              error={!!e.current}
              helperText={e.current?.message}
            />
            <TextField
              {...register('next', { validate: (v) => newPasswordError(t, v) ?? (v === getValues('current') ? t('session.errors.same') : undefined) })}
              type="password"
              label={t('session.changePassword.next')}
              autoComplete="new-password"
              required
              error={!!e.next}
              helperText={e.next?.message ?? t('session.firstAdmin.passwordHint')}
            />
            <TextField
              {...register('confirm', { validate: (v) => (v === getValues('next') ? undefined : t('session.errors.mismatch')) })}
              type="password"
              label={t('session.changePassword.confirm')}
              autoComplete="new-password"
              required
              error={!!e.confirm}
              helperText={e.confirm?.message}
            />
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          {forced ? (
            <Button onClick={() => void useSession.getState().signOut()}>{t('session.menu.signOut')}</Button>
          ) : (
            <Button onClick={close}>{t('session.operators.cancel')}</Button>
          )}
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('session.changePassword.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
