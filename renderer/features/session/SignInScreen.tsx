// Sign in with operator name and password. A wrong password, a lockout (with how long to
// wait) or a disabled operator is said on the password field; what was typed stays.
import LockOpenIcon from '@mui/icons-material/Login';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../state/sessionStore';
import { signalReady } from '../shell/readySignal';
import { SessionCard } from './SessionCard';
import { failureText } from './sessionText';

interface Values {
  id: string;
  password: string;
}

export function SignInScreen() {
  const { t } = useTranslation();
  const demo = useSession((s) => s.status?.demoOperators ?? false);
  const [error, setFormError] = useState<IpcError | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({ defaultValues: { id: '', password: '' } });

  useEffect(() => {
    setFocus('id');
    // The app is interactive once the first field has the focus (the workspace's signal is the search box).
    signalReady();
  }, [setFocus]);

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const res = await useSession.getState().signIn(v.id, v.password);
    if (!res.ok) return setFormError(res.error);
    if (res.value.failure) setError('password', { message: failureText(t, res.value.failure, 'session.errors.wrong') }, { shouldFocus: true });
  });

  const required = { required: t('session.errors.required') };
  return (
    <SessionCard id="sign-in" title={t('session.signIn.title')} intro={t('session.signIn.intro')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack spacing={2}>
          {demo ? <Alert severity="info">{t('session.signIn.demo')}</Alert> : null}
          <TextField
            {...register('id', required)}
            label={t('session.signIn.id')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={!!formState.errors.id}
            helperText={formState.errors.id?.message}
            required
          />
          <TextField
            {...register('password', required)}
            type="password"
            label={t('session.signIn.password')}
            autoComplete="current-password"
            error={!!formState.errors.password}
            helperText={formState.errors.password?.message}
            required
            slotProps={{ htmlInput: { 'data-testid': 'sign-in-password' } }}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="contained" size="large" startIcon={<LockOpenIcon />} disabled={formState.isSubmitting}>
            {t('session.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </SessionCard>
  );
}
