// A fresh data folder: nobody exists yet, so the first person creates the administrator
// (and is signed in as them). main refuses this once any operator exists.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX } from '../../../shared/domain/operators';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../state/sessionStore';
import { signalReady } from '../shell/readySignal';
import { SessionCard } from './SessionCard';
import { newPasswordError, operatorIdError, serverFieldText } from './sessionText';

interface Values {
  id: string;
  displayName: string;
  password: string;
  confirm: string;
}
const FIELDS = new Set(['id', 'displayName', 'password']);

export function FirstAdminScreen() {
  const { t } = useTranslation();
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, handleSubmit, setError, setFocus, getValues, formState } = useForm<Values>({
    defaultValues: { id: '', displayName: '', password: '', confirm: '' },
  });
  useEffect(() => {
    setFocus('id');
    signalReady();
  }, [setFocus]);

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await useSession.getState().setupFirstAdmin({ id: v.id, displayName: v.displayName, password: v.password });
    if (res.ok) return;
    const fields = res.error.fields?.filter((f) => FIELDS.has(f.path)) ?? [];
    for (const f of fields) setError(f.path as keyof Values, { message: serverFieldText(t, f) }, { shouldFocus: true });
    if (!fields.length) setFormError(res.error);
  });

  const e = formState.errors;
  return (
    <SessionCard id="first-admin" title={t('session.firstAdmin.title')} intro={t('session.firstAdmin.intro')}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack spacing={2}>
          <TextField
            {...register('id', { validate: (v) => operatorIdError(t, v) })}
            label={t('session.firstAdmin.id')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={!!e.id}
            helperText={e.id?.message ?? t('session.firstAdmin.idHint')}
          />
          <TextField
            {...register('displayName', { validate: (v) => (v.trim() ? undefined : t('session.errors.required')) })}
            label={t('session.firstAdmin.displayName')}
            autoComplete="name"
            required
            error={!!e.displayName}
            helperText={e.displayName?.message}
            slotProps={{ htmlInput: { maxLength: DISPLAY_NAME_MAX } }}
          />
          <TextField
            {...register('password', { validate: (v) => newPasswordError(t, v) })}
            type="password"
            label={t('session.firstAdmin.password')}
            autoComplete="new-password"
            required
            error={!!e.password}
            helperText={e.password?.message ?? t('session.firstAdmin.passwordHint')}
          />
          <TextField
            {...register('confirm', { validate: (v) => (v === getValues('password') ? undefined : t('session.errors.mismatch')) })}
            type="password"
            label={t('session.firstAdmin.confirm')}
            autoComplete="new-password"
            required
            error={!!e.confirm}
            helperText={e.confirm?.message}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {t('session.firstAdmin.submit')}
          </Button>
        </Stack>
      </form>
    </SessionCard>
  );
}
