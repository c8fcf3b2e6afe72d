// The desk locked (idle, or by choice): the workspace stays as it was behind this screen
// (nothing typed is lost) and only the same operator's password opens it again. Anyone
// else signs in afresh, which closes the previous operator's work.
import LockIcon from '@mui/icons-material/Lock';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { selectOperatorName, useSession } from '../../state/sessionStore';
import { SessionCard } from './SessionCard';
import { failureText } from './sessionText';

export function LockScreen() {
  const { t } = useTranslation();
  const operator = useSession((s) => s.status?.operator ?? null);
  const name = useSession(selectOperatorName);
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  useEffect(() => setFocus('password'), [setFocus]);

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await useSession.getState().unlock(v.password);
    if (!res.ok) return setFormError(res.error);
    if (res.value.failure) setError('password', { message: failureText(t, res.value.failure, 'session.errors.wrongPassword') }, { shouldFocus: true });
  });

  return (
    <SessionCard
      id="lock-screen"
      title={t('session.lock.title')}
      intro={t('session.lock.body', { name })}
      icon={<LockIcon color="primary" sx={{ fontSize: 40 }} aria-hidden />}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack spacing={2}>
          {/* For password managers and screen readers: whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={operator?.id ?? ''} readOnly hidden />
          <TextField
            {...register('password', { required: t('session.errors.required') })}
            type="password"
            label={t('session.lock.password')}
            autoComplete="current-password"
            required
            error={!!formState.errors.password}
            helperText={formState.errors.password?.message}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {t('session.lock.unlock')}
          </Button>
          <Button variant="text" onClick={() => void useSession.getState().signOut()}>
            {t('session.lock.switchUser')}
          </Button>
        </Stack>
      </form>
    </SessionCard>
  );
}
