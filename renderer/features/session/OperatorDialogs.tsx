// The admin's two forms: add an operator, and reset someone's password.
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
import { DISPLAY_NAME_MAX } from '../../../shared/domain/operators';
import { ROLES, type IpcError, type OperatorRecord, type Role } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSelect } from '../../components/FormSelect';
import { useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { newPasswordError, operatorIdError, serverFieldText } from './sessionText';

interface AddValues {
  id: string;
  displayName: string;
  role: Role;
  password: string;
}
const ADD_FIELDS = new Set(['id', 'displayName', 'role', 'password']);

export function AddOperatorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, control, handleSubmit, setError, reset, formState } = useForm<AddValues>({ defaultValues: { id: '', displayName: '', role: 'agent', password: '' } });
  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await useSession.getState().addOperator(v);
    if (!res.ok) {
      const fields = res.error.fields?.filter((f) => ADD_FIELDS.has(f.path)) ?? [];
      for (const f of fields) setError(f.path as keyof AddValues, { message: serverFieldText(t, f) }, { shouldFocus: true });
      if (!fields.length) setFormError(res.error);
      return;
    }
    useShell.getState().notify('success', (t) => t('session.operators.added', { name: res.value.displayName }));
    close();
  });
  const e = formState.errors;
  return (
    <Dialog open={open} onClose={close} aria-labelledby="add-operator-title" data-testid="add-operator">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <DialogTitle id="add-operator-title">{t('session.operators.addTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('session.operators.addIntro')}</DialogContentText>
          <Stack spacing={2} sx={{ pt: 1, minWidth: { sm: 400 } }}>
            <TextField
              {...register('id', { validate: (v) => operatorIdError(t, v) })}
              label={t('session.operators.id')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              error={!!e.id}
              helperText={e.id?.message ?? t('session.firstAdmin.idHint')}
            />
            <TextField
              {...register('displayName', { validate: (v) => (v.trim() ? undefined : t('session.errors.required')) })}
              label={t('session.operators.displayName')}
              autoComplete="off"
              required
              error={!!e.displayName}
              helperText={e.displayName?.message}
              slotProps={{ htmlInput: { maxLength: DISPLAY_NAME_MAX } }}
            />
            <FormSelect control={control} name="role" label={t('session.operators.role')} options={ROLES.map((r) => ({ value: r, label: t(`session.role.${r}`) }))} />
            <TextField
              {...register('password', { validate: (v) => newPasswordError(t, v) })}
              type="password"
              label={t('session.operators.password')}
              autoComplete="new-password"
              required
              error={!!e.password}
              helperText={e.password?.message ?? t('session.firstAdmin.passwordHint')}
            />
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('session.operators.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('session.operators.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog({ operator, onClose }: { operator: OperatorRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };
  const submit = handleSubmit(async (v) => {
    if (!operator) return;
    const res = await useSession.getState().resetPassword(operator.id, v.password);
    if (!res.ok) return setFormError(res.error);
    useShell.getState().notify('success', (t) => t('session.operators.resetDone', { name: operator.displayName }));
    close();
  });
  return (
    <Dialog open={!!operator} onClose={close} aria-labelledby="reset-password-title" data-testid="reset-password">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <DialogTitle id="reset-password-title">{t('session.operators.resetTitle', { name: operator?.displayName ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('session.operators.resetIntro')}</DialogContentText>
          <input type="text" name="username" autoComplete="off" value={operator?.id ?? ''} readOnly hidden />
          <TextField
            {...register('password', { validate: (v) => newPasswordError(t, v) })}
            type="password"
            label={t('session.operators.newPassword')}
            autoComplete="new-password"
            autoFocus
            required
            fullWidth
            error={!!formState.errors.password}
            helperText={formState.errors.password?.message ?? t('session.firstAdmin.passwordHint')}
          />
          {error ? <ErrorAlert error={error} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('session.operators.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('session.operators.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
