// Permanent address change, step by step: the address (an existing delivery address or a
// new one), the scope (the account or one subscription) and the effective date, then
// before → after with an optional reason, then the change.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localizeFieldMessage } from '../../i18n/fieldMessages';
import type { ChannelOutput, IpcError } from '../../../shared/ipc';
import { ChangesTable, ReasonField } from '../../components/ChangesTable';
import { useCodeLabel } from '../../components/codeLabel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { FormDate } from '../../components/FormDate';
import { INVALID_DATE } from '../../components/dateValue';
import { applyServerFieldErrors } from '../../components/serverErrors';
import { describeValue, withWords } from '../../components/valueWords';
import { isBackdated, localToday } from '../../../shared/domain/input';
import { useFormat } from '../../i18n';
import { usePermAddress, type DeliveryInfo, type PermAddressChange } from '../../state/permAddressStore';
import { useUnsavedMark } from '../../state/unsavedStore';
import { AddressFields } from './AddressFields';
import { useWorkspace } from '../../state/workspaceStore';
import { contactAsAddress, emptyPermForm, formatAddress, permChanges, permSchema, type PermAddressForm } from './permAddressModel';

interface Props {
  accountNo: number;
  /** null when the host cannot list addresses: numbers are typed in instead. */
  info: DeliveryInfo | null;
  /** The honest answer: applied (with the address number), queued or being checked. */
  onDone(answer: ChannelOutput<'address.changePerm'>): void;
  onCancel(): void;
}

/** The form field that shows an error on a request path, if any. */
function fieldFor(path: string, values: PermAddressForm): string | undefined {
  if (path === 'distAddressType' || path === 'acctDeliveryAddress.distAddrType') return values.mode === 'new' ? 'acctDeliveryAddress.distAddrType' : undefined;
  if (path === 'distAddressNo') return values.mode === 'existing' ? path : undefined;
  if (path === 'ariaMPINo' || path === 'ariaMPIID') return values.scope === 'subscription' ? 'ariaMPINo' : undefined;
  if (path === 'dateEffective') return path;
  if (path.startsWith('acctDeliveryAddress.') && values.mode === 'new' && path.slice('acctDeliveryAddress.'.length) in values.acctDeliveryAddress) return path;
  return undefined;
}

const STEP_FIELDS: Array<Array<FieldPath<PermAddressForm>>> = [['distAddressNo', 'acctDeliveryAddress', 'distAddressType' as FieldPath<PermAddressForm>], ['ariaMPINo', 'dateEffective']];

export function PermAddressWizard({ accountNo, info, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const schema = useMemo(() => permSchema(accountNo, { chooseAddress: t('permAddress.chooseAddress'), chooseSubscription: t('permAddress.chooseSubscription'), chooseType: t('permAddress.chooseType') }), [accountNo, t]);
  const form = useForm<PermAddressForm, unknown, PermAddressChange>({ resolver: zodResolver(schema), defaultValues: emptyPermForm(), mode: 'onSubmit', reValidateMode: 'onChange' });
  // Closing the account's tab asks first while this change has edits.
  useUnsavedMark(`perm-address:${accountNo}`, accountNo, 'permAddress', form.formState.isDirty);
  const contact = useWorkspace((s) => s.accounts[accountNo]?.data?.acctRetrieveAccountDetails.acctContactDetails);
  const [step, setStep] = useState(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const mode = form.watch('mode');
  const scope = form.watch('scope');
  const values = form.watch();
  // An address type by the app's own word for it, as the account panel and the audit say it;
  // the billing system's name (in its own language) for a type the app has no word for.
  const code = useCodeLabel();
  const types = info?.addressTypes.length ? info.addressTypes.map((a) => ({ value: a.code, label: code('addressType', a.code, a.name) })) : null;
  // The SPECIAL plan instance is not a subscription (004: not in masterPlanCount).
  const plans = (info?.planInstances ?? []).filter((p) => !p.isSpecial);

  // After a step was refused, its errors follow what is typed (they clear as fields are fixed).
  const [attempted, setAttempted] = useState(-1);
  useEffect(() => {
    if (attempted !== step) return;
    const sub = form.watch((_values, { name }) => {
      // A date being typed is not checked on every keystroke (the picker keeps its sections
      // only while nothing about it changes); its error goes once it holds a real date.
      if (name === 'dateEffective') {
        if (form.getValues('dateEffective') !== INVALID_DATE) form.clearErrors('dateEffective');
        return;
      }
      void form.trigger(STEP_FIELDS[step]);
    });
    return () => sub.unsubscribe();
  }, [attempted, step, form]);

  const next = async () => {
    const ok = await form.trigger(STEP_FIELDS[step]);
    if (ok) setStep((s) => s + 1);
    else setAttempted(step);
  };

  const submit = form.handleSubmit(async (change) => {
    setBusy(true);
    setError(null);
    const changes = withWords(permChanges(info, form.getValues(), t('permAddress.newAddressValue'), contactAsAddress(contact)), showValue);
    const res = await usePermAddress.getState().change(accountNo, change, reason, changes);
    setBusy(false);
    if (res.ok) {
      onDone(res.value);
      return;
    }
    const rest = applyServerFieldErrors(t, res.error.fields, 'change', (p) => fieldFor(p, form.getValues()), (path, message) =>
      form.setError(path as FieldPath<PermAddressForm>, { type: 'server', message }),
    );
    setError(res.error);
    // A problem with the address itself: back to the step where it can be fixed.
    if (res.error.fields?.some((x) => /distAddress|acctDeliveryAddress/.test(x.path))) setStep(0);
    else if (rest.length) setStep(2);
    else if (rest.length === 0 && res.error.fields?.length) setStep(1);
  });

  // The address by its lines and the type by its name, not "#3" or "PERM".
  const typeName = (type: string) => code('addressType', type, info?.addressTypes.find((a) => a.code === type)?.name);
  const showValue = (path: string, value: string | number | boolean | null): string => {
    if (value === null) return '—';
    if (path === 'distAddressNo' && typeof value === 'number') {
      const a = info?.deliveryAddresses.find((x) => x.distAddressNo === value);
      return a ? formatAddress(a, f.locale) : `#${value}`;
    }
    if (path === 'acctDeliveryAddress.distAddrType') return typeName(String(value));
    return describeValue(t, f, path, value) ?? String(value);
  };

  const steps = [t('permAddress.stepAddress'), t('permAddress.stepScope'), t('permAddress.stepConfirm')];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('permAddress.wizardTitle')} data-testid="perm-address-wizard">
      <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
        {t('permAddress.wizardTitle')}
      </Typography>
      <Stepper activeStep={step} sx={{ mb: 2 }}>
        {steps.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box component="form" noValidate onSubmit={(e) => void (step === 2 ? submit(e) : (e.preventDefault(), next()))}>
        {step === 0 ? (
          <>
            <Controller
              control={form.control}
              name="mode"
              render={({ field }) => (
                <RadioGroup row value={field.value} onChange={(e) => field.onChange(e.target.value)} name={field.name} aria-label={t('permAddress.stepAddress')}>
                  <FormControlLabel value="existing" control={<Radio size="small" />} label={t('permAddress.useExisting')} />
                  <FormControlLabel value="new" control={<Radio size="small" />} label={t('permAddress.enterNew')} />
                </RadioGroup>
              )}
            />
            {mode === 'existing' ? (
              info ? (
                <Controller
                  control={form.control}
                  name="distAddressNo"
                  render={({ field, fieldState }) => (
                    <FormControl error={!!fieldState.error} component="fieldset" sx={{ width: '100%', mt: 1 }}>
                      <FormLabel component="legend">{t('permAddress.existingLegend')}</FormLabel>
                      <RadioGroup value={field.value} onChange={(e) => field.onChange(e.target.value)} name={field.name}>
                        {info.deliveryAddresses.map((a) => (
                          <FormControlLabel
                            key={a.distAddressNo}
                            value={String(a.distAddressNo)}
                            control={<Radio size="small" />}
                            label={
                              <span>
                                <strong>#{a.distAddressNo}</strong> {a.distAddrName ? `${a.distAddrName} · ` : ''}
                                {formatAddress(a, f.locale)} <Typography component="span" variant="caption" color="text.secondary">({typeName(a.distAddrType ?? '')}{a.isPermanent ? `, ${t('permAddress.currentPermanent')}` : ''})</Typography>
                              </span>
                            }
                          />
                        ))}
                      </RadioGroup>
                      {fieldState.error ? <FormHelperText>{localizeFieldMessage(t, fieldState.error.message)}</FormHelperText> : null}
                      {info.deliveryAddresses.length ? null : <FormHelperText>{t('permAddress.noAddresses')}</FormHelperText>}
                    </FormControl>
                  )}
                />
              ) : (
                <Box sx={{ maxWidth: 260, mt: 1 }}>
                  <FormText control={form.control} name="distAddressNo" label={t('field.distAddressNo')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
                </Box>
              )
            ) : (
              <Box sx={{ mt: 1 }}>
                <AddressFields control={form.control} types={types} />
                {(form.formState.errors as { distAddressType?: { message?: string } }).distAddressType?.message ? (
                  <FormHelperText error>{(form.formState.errors as { distAddressType?: { message?: string } }).distAddressType?.message}</FormHelperText>
                ) : null}
              </Box>
            )}
          </>
        ) : null}
        {step === 1 ? (
          <Box sx={{ display: 'grid', gap: 2, maxWidth: 640 }}>
            <Controller
              control={form.control}
              name="scope"
              render={({ field }) => (
                <FormControl component="fieldset">
                  <FormLabel component="legend">{t('permAddress.scopeLegend')}</FormLabel>
                  <RadioGroup row value={field.value} onChange={(e) => field.onChange(e.target.value)} name={field.name}>
                    <FormControlLabel value="account" control={<Radio size="small" />} label={t('permAddress.scopeAccount')} />
                    <FormControlLabel value="subscription" control={<Radio size="small" />} label={t('permAddress.scopeSubscription')} disabled={!!info && !plans.length} />
                  </RadioGroup>
                </FormControl>
              )}
            />
            {scope === 'subscription' ? (
              info ? (
                <FormSelect
                  control={form.control}
                  name="ariaMPINo"
                  label={t('permAddress.subscription')}
                  emptyLabel={t('common.choose')}
                  options={plans.map((p) => ({ value: String(p.ariaMPINo), label: `${p.planName} · #${p.ariaMPINo} · ${p.status}` }))}
                />
              ) : (
                <FormText control={form.control} name="ariaMPINo" label={t('field.ariaMPINo')} />
              )
            ) : null}
            <FormDate
              control={form.control}
              name="dateEffective"
              label={t('field.dateEffective')}
              hint={(v) => (isBackdated(v, localToday()) ? t('permAddress.backdated') : undefined)}
              sx={{ maxWidth: 240 }}
            />
          </Box>
        ) : null}
        {step === 2 ? (
          <Box>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('permAddress.confirmSummary', {
                scope: scope === 'subscription' ? t('permAddress.scopeOne', { no: values.ariaMPINo }) : t('permAddress.scopeAccountInSentence'),
                date: f.date(values.dateEffective) || t('permAddress.immediately'),
              })}
            </Typography>
            {isBackdated(values.dateEffective, localToday()) ? (
              <Alert severity="warning" sx={{ mb: 1 }} data-testid="backdated-warning">
                {t('permAddress.backdated')}
              </Alert>
            ) : null}
            <ChangesTable changes={permChanges(info, values, t('permAddress.newAddressValue'), contactAsAddress(contact))} formatValue={showValue} />
            <ReasonField value={reason} onChange={setReason} disabled={busy} />
          </Box>
        ) : null}
        {error ? (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={error} title={t('permAddress.failed')} />
          </Box>
        ) : null}
        {step === 2 && scope === 'subscription' ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('permAddress.subscriptionNote')}
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Box sx={{ flex: 1 }} />
          {step > 0 ? (
            <Button onClick={() => setStep((s) => s - 1)} disabled={busy}>
              {t('common.back')}
            </Button>
          ) : null}
          <Button type="submit" variant="contained" disabled={busy} data-testid={step === 2 ? 'perm-address-confirm' : 'perm-address-next'} startIcon={busy ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}>
            {step === 2 ? t('permAddress.change') : t('common.next')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
}
