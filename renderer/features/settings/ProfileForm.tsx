// One connection profile. Secrets are write-only: their inputs never show a stored value
// ("leave empty to keep"); the app only says whether one is set.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { FieldChange } from '../../../shared/domain/fieldDiff';
import { contract, type IpcError, type ProfileView } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { applyFieldErrors } from '../../components/serverErrors';
import { useSettings, type ProfileSave, type TestForm } from '../../state/settingsStore';
import { useUnsavedMark } from '../../state/unsavedStore';
import { sayWords } from '../../i18n/errorWords';

export interface ProfileFormValues {
  name: string;
  baseUrl: string;
  clientNo: string;
  userID: string;
  signatureVersion: '1.0' | '2.0';
  authKey: string;
  signingSecret: string;
}

const toSave = (v: ProfileFormValues): ProfileSave => ({
  name: v.name.trim(),
  baseUrl: v.baseUrl.trim(),
  clientNo: /^\d+$/.test(v.clientNo.trim()) ? Number(v.clientNo) : Number.NaN,
  userID: v.userID.trim(),
  signatureVersion: v.signatureVersion,
  ...(v.authKey ? { authKey: v.authKey } : {}),
  ...(v.signingSecret ? { signingSecret: v.signingSecret } : {}),
});

/** What is in the form, for "Test connection": only what is filled in; secrets only when typed. */
export function testFormOf(v: ProfileFormValues, sandbox: boolean): TestForm {
  const clientNo = v.clientNo.trim();
  return {
    ...(!sandbox && v.baseUrl.trim() ? { baseUrl: v.baseUrl.trim() } : {}),
    ...(!sandbox && /^\d+$/.test(clientNo) ? { clientNo: Number(clientNo) } : {}),
    ...(v.userID.trim() ? { userID: v.userID.trim() } : {}),
    signatureVersion: v.signatureVersion,
    ...(!sandbox && v.authKey ? { authKey: v.authKey } : {}),
    ...(!sandbox && v.signingSecret ? { signingSecret: v.signingSecret } : {}),
  };
}

const schema = z.custom<ProfileFormValues>().transform(toSave).pipe(contract['profiles.save'].input);

interface Props {
  profile: ProfileView | null;
  focusSecrets: boolean;
  onSaved(saved: ProfileView): void;
}

export function ProfileForm({ profile, focusSecrets, onSaved }: Props) {
  const { t } = useTranslation();
  const sandbox = profile?.kind === 'sandbox';
  const defaults = useMemo<ProfileFormValues>(
    () => ({
      name: profile?.name ?? '',
      // The sandbox's URL is the running sandbox's (or "embedded (starting)"); the app manages it.
      baseUrl: sandbox && !/^https?:\/\//.test(profile?.baseUrl ?? '') ? 'http://127.0.0.1' : (profile?.baseUrl ?? 'https://'),
      clientNo: profile ? String(profile.clientNo) : '',
      userID: profile?.userID ?? '',
      signatureVersion: profile?.signatureVersion ?? '2.0',
      authKey: '',
      signingSecret: '',
    }),
    [profile, sandbox],
  );
  const form = useForm<ProfileFormValues, unknown, ProfileSave>({ resolver: zodResolver(schema), defaultValues: defaults, values: defaults });
  const [pending, setPending] = useState<{ input: ProfileSave; changes: FieldChange[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const testKey = profile?.name ?? '';
  const test = useSettings((s) => s.tests[testKey]);
  const testing = test?.running ?? false;
  // A test's answer is under the buttons, below the fold at 1280×720: bring it into view.
  const testAnswer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    testAnswer.current?.scrollIntoView?.({ block: 'nearest' });
  }, [test?.result, test?.error]);
  // Leaving Settings or opening another profile asks first while this form has edits.
  useUnsavedMark('profile-form', 'settings', 'settings', form.formState.isDirty);

  const runTest = async () => {
    const v = form.getValues();
    const res = await useSettings.getState().test(profile?.name ?? (v.name.trim() || t('settings.newProfile')), testFormOf(v, sandbox), testKey);
    if (!res.ok) applyFieldErrors(res.error.fields, 'form', (p) => p in defaults, (p, m) => form.setError(p as FieldPath<ProfileFormValues>, { type: 'server', message: m }));
  };

  const onValid = (input: ProfileSave) => {
    const set = t('settings.secretChanged');
    const before = { baseUrl: profile?.baseUrl ?? null, clientNo: profile?.clientNo ?? null, userID: profile?.userID ?? null, signatureVersion: profile?.signatureVersion ?? null };
    const changes: FieldChange[] = [];
    if (!profile) changes.push({ path: 'name', before: null, after: input.name });
    for (const k of ['baseUrl', 'clientNo', 'userID', 'signatureVersion'] as const) {
      if (sandbox && (k === 'baseUrl' || k === 'clientNo')) continue;
      if (String(before[k] ?? '') !== String(input[k] ?? '')) changes.push({ path: k, before: before[k], after: input[k] ?? null });
    }
    if (input.authKey) changes.push({ path: 'authKey', before: profile?.hasAuthKey ? t('settings.secretSet') : null, after: set });
    if (input.signingSecret) changes.push({ path: 'signingSecret', before: profile?.hasSigningSecret ? t('settings.secretSet') : null, after: set });
    setError(null);
    setPending({ input, changes });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const res = await useSettings.getState().save(pending.input);
    setBusy(false);
    setPending(null);
    if (res.ok) {
      form.reset({ ...form.getValues(), authKey: '', signingSecret: '' });
      onSaved(res.value);
    } else {
      applyFieldErrors(res.error.fields, '', (p) => p in defaults, (p, m) => form.setError(p as FieldPath<ProfileFormValues>, { type: 'server', message: m }));
      setError(res.error);
    }
  };

  const secretHint = (has: boolean | undefined) => (sandbox ? t('settings.managedByApp') : has ? t('settings.leaveEmptyToKeep') : t('settings.notSetYet'));

  return (
    <Box component="form" noValidate onSubmit={form.handleSubmit(onValid)} sx={{ display: 'grid', gap: 1.5, maxWidth: 560 }} aria-label={t('settings.profileForm')} data-testid="profile-form">
      {focusSecrets ? (
        <Alert severity="warning" data-testid="reenter-secrets">
          {t('settings.reenterSecrets')}
        </Alert>
      ) : null}
      {profile && !profile.secretsReadable ? <Alert severity="error">{t('settings.secretsUnreadable')}</Alert> : null}
      <FormText control={form.control} name="name" label={t('settings.name')} disabled={!!profile} />
      <FormText control={form.control} name="baseUrl" label={t('settings.baseUrl')} disabled={sandbox} hint={sandbox ? t('settings.managedByApp') : t('settings.baseUrlHint')} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 1 }}>
        <FormText control={form.control} name="clientNo" label={t('settings.clientNo')} disabled={sandbox} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        <FormText control={form.control} name="userID" label={t('settings.userID')} hint={t('settings.userIDHint')} autoComplete="off" />
        <FormSelect control={form.control} name="signatureVersion" label={t('settings.signatureVersion')} options={[{ value: '1.0', label: '1.0' }, { value: '2.0', label: '2.0' }]} />
      </Box>
      <FormText
        control={form.control}
        name="authKey"
        type="password"
        label={t('settings.authKey')}
        disabled={sandbox}
        autoComplete="new-password"
        placeholder={profile?.hasAuthKey && !sandbox ? t('settings.leaveEmptyToKeep') : ''}
        hint={secretHint(profile?.hasAuthKey)}
        autoFocus={focusSecrets}
        slotProps={{ htmlInput: { 'data-testid': 'secret-authKey' } }}
      />
      <FormText
        control={form.control}
        name="signingSecret"
        type="password"
        label={t('settings.signingSecret')}
        disabled={sandbox}
        autoComplete="new-password"
        placeholder={profile?.hasSigningSecret && !sandbox ? t('settings.leaveEmptyToKeep') : ''}
        hint={secretHint(profile?.hasSigningSecret)}
        slotProps={{ htmlInput: { 'data-testid': 'secret-signingSecret' } }}
      />
      {error ? <ErrorAlert error={error} title={t('settings.saveFailed')} /> : null}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained">
          {profile ? t('settings.save') : t('settings.create')}
        </Button>
        <Button variant="outlined" onClick={() => void runTest()} disabled={testing} startIcon={testing ? <CircularProgress size={14} aria-hidden /> : undefined} data-testid="test-connection">
          {t('settings.test')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {t('desk.settings.testsForm')}
        </Typography>
      </Box>
      <Box ref={testAnswer}>
        {test?.result ? (
          <Alert severity={test.result.ok ? 'success' : 'error'} data-testid="test-result">
            {sayWords(t, test.result.say)} {t('settings.latency', { ms: test.result.latencyMs })}
          </Alert>
        ) : null}
        {test?.error ? <ErrorAlert error={test.error} title={t('settings.testFailed')} /> : null}
      </Box>
      <ConfirmWriteDialog
        open={!!pending}
        title={profile ? t('settings.confirmSave', { name: profile.name }) : t('settings.confirmCreate')}
        changes={pending?.changes ?? []}
        allowReason={false}
        busy={busy}
        error={null}
        confirmLabel={t('settings.save')}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </Box>
  );
}
