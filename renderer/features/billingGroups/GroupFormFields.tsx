// The billing group form's fields, in the order a CSR thinks: what the group is, how it
// is paid, who gets the statement, and dunning. EHF asks for its EAN fields.
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldErrors, type UseFormWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localizeFieldMessage } from '../../i18n/fieldMessages';
import { billingGroupStatus, notifyMethod, paymentTerms, requestSource, type BillingGroupInfo } from '../../../shared/amps';
import { FormSelect, type Option } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import type { BillingGroupList } from '../../state/billingGroupsStore';
import type { BillingGroupForm, GroupRequest } from './billingGroupModel';
import { ContactFields } from './ContactFields';
import { cardChoiceLabel } from './cards';

const row = { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 1 } as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2.5, minWidth: 0 }}>
      <Typography component="legend" variant="overline" color="text.secondary" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

interface Props {
  control: Control<BillingGroupForm, unknown, GroupRequest>;
  watch: UseFormWatch<BillingGroupForm>;
  errors: FieldErrors<BillingGroupForm>;
  isModify: boolean;
  list: BillingGroupList;
  current: BillingGroupInfo | null;
}

export function GroupFormFields({ control, watch, errors, isModify, list, current }: Props) {
  const { t } = useTranslation();
  const option = watch('paymentOption');
  const terms = watch('paymentTermInfo.paymentTerms');
  const contactMode = watch('contactMode');
  const opts = (values: readonly string[], prefix: string): Option[] => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`, { defaultValue: v }) }));
  // Expired cards are flagged where they are offered (issue 10 item 4).
  const cards: Option[] = (list.acctRetrieveBillingGroupPayMethodList ?? []).map((m) => ({ value: m.ariaPaymentMethodID, label: cardChoiceLabel(m, t) }));
  const contacts = new Map<number, string>();
  for (const g of list.acctRetrieveBillingGroupList)
    if (g.statementContactNo) contacts.set(g.statementContactNo, `${g.statementContactDetails?.fullName ?? '—'} (#${g.statementContactNo}, ${g.billingGroupName ?? g.ariaBillingGroupNo})`);
  const contactOptions: Option[] = [...contacts].map(([no, label]) => ({ value: String(no), label }));
  const contactError = localizeFieldMessage(t, (errors.statementContactDetails as { message?: string } | undefined)?.message);

  return (
    <>
      <Section title={t('billingGroups.form.general')}>
        <Box sx={row}>
          <FormText control={control} name="billingGroupName" label={t('field.billingGroupName')} />
          <FormText control={control} name="billingGroupDesc" label={t('field.billingGroupDesc')} />
          <FormText control={control} name="titleCode" label={t('field.titleCode')} hint={t('billingGroups.form.titleHint')} />
          <FormSelect control={control} name="billingGroupStatus" label={t('field.billingGroupStatus')} options={opts(billingGroupStatus.options, 'groupStatus')} emptyLabel={t('common.notSet')} />
          <FormSelect control={control} name="notifyMethod" label={t('field.notifyMethod')} options={opts(notifyMethod.options, 'notify')} emptyLabel={t('common.notSet')} />
          <FormSelect control={control} name="requestSourceID" label={t('field.requestSourceID')} options={opts(requestSource.options, 'requestSource')} emptyLabel={t('common.notSet')} />
        </Box>
      </Section>

      <Section title={t('billingGroups.form.payment')}>
        <Controller
          control={control}
          name="paymentOption"
          render={({ field, fieldState }) => (
            <FormControl error={!!fieldState.error} component="fieldset" sx={{ mb: 1 }}>
              <FormLabel component="legend" sx={{ fontSize: '0.8rem' }}>
                {t('field.paymentOption')}
              </FormLabel>
              <RadioGroup row value={field.value} onChange={(e) => field.onChange(e.target.value)} name={field.name}>
                <FormControlLabel value="TERMS" control={<Radio size="small" />} label={t('paymentOption.TERMS')} />
                <FormControlLabel value="METHODS" control={<Radio size="small" />} label={t('paymentOption.METHODS')} />
              </RadioGroup>
              {fieldState.error ? <FormHelperText>{localizeFieldMessage(t, fieldState.error.message)}</FormHelperText> : null}
            </FormControl>
          )}
        />
        {option === 'TERMS' ? (
          <Box sx={row}>
            <FormSelect control={control} name="paymentTermInfo.paymentTerms" label={t('field.paymentTerms')} options={opts(paymentTerms.options, 'terms')} />
            <FormText control={control} name="paymentTermInfo.paymentTermID" label={t('field.paymentTermID')} />
            <Box />
            {terms === 'EHF' ? (
              <>
                <FormText control={control} name="paymentTermInfo.paymentEANNum" label={`${t('field.paymentEANNum')} *`} hint={t('billingGroups.form.eanHint')} />
                <FormText control={control} name="paymentTermInfo.paymentEANRequisitionNum" label={`${t('field.paymentEANRequisitionNum')} *`} />
              </>
            ) : null}
          </Box>
        ) : (
          <Box sx={row}>
            <FormSelect control={control} name="paymentMethodInfo.primaryPaymentMethodID" label={t('field.primaryPaymentMethodID')} options={cards} emptyLabel={t('billingGroups.form.addLater')} />
            <FormSelect control={control} name="paymentMethodInfo.backupPaymentMethodID" label={t('field.backupPaymentMethodID')} options={cards} emptyLabel={t('billingGroups.form.none')} />
            {cards.length ? null : (
              <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
                {t('billingGroups.form.noCards')}
              </Typography>
            )}
          </Box>
        )}
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 1.5, mb: 0.5 }}>
          {t('billingGroups.form.payOptionHelp')}
        </Typography>
        <Box sx={{ ...row, gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' }}>
          <FormText control={control} name="payOptionInfo.payOptionID" label={t('field.payOptionID')} />
          <FormText control={control} name="payOptionInfo.payOptionVariant" label={t('field.payOptionVariant')} />
          <FormText control={control} name="payOptionInfo.paymentEANNum" label={t('field.paymentEANNum')} />
          <FormText control={control} name="payOptionInfo.paymentEANRequisitionNum" label={t('field.paymentEANRequisitionNum')} />
        </Box>
      </Section>

      <Section title={t('billingGroups.form.statementContact')}>
        <Controller
          control={control}
          name="contactMode"
          render={({ field }) => (
            <FormControl component="fieldset" error={!!contactError} sx={{ mb: 1 }}>
              <FormLabel component="legend" className="visually-hidden">
                {t('billingGroups.form.statementContact')}
              </FormLabel>
              <RadioGroup row value={field.value} onChange={(e) => field.onChange(e.target.value)} name={field.name}>
                {isModify ? (
                  <FormControlLabel
                    value="keep"
                    control={<Radio size="small" />}
                    label={t('billingGroups.form.keepContact', { name: current?.statementContactDetails?.fullName ?? `#${current?.statementContactNo ?? '—'}` })}
                  />
                ) : null}
                <FormControlLabel value="reuse" control={<Radio size="small" />} label={t('billingGroups.form.reuseContact')} disabled={!contactOptions.length} />
                <FormControlLabel value="new" control={<Radio size="small" />} label={isModify ? t('billingGroups.form.editContact') : t('billingGroups.form.newContact')} />
              </RadioGroup>
              {contactError ? <FormHelperText>{contactError}</FormHelperText> : null}
            </FormControl>
          )}
        />
        {contactMode === 'reuse' ? (
          <Box sx={row}>
            <FormSelect control={control} name="statementContactNo" label={t('field.statementContactNo')} options={contactOptions} emptyLabel={t('common.choose')} sx={{ gridColumn: 'span 2' }} />
          </Box>
        ) : contactMode === 'new' ? (
          <ContactFields control={control} />
        ) : null}
      </Section>

      <Section title={t('billingGroups.form.dunning')}>
        <Box sx={row}>
          <FormText control={control} name="dunningGroupName" label={t('field.dunningGroupName')} />
          <FormText control={control} name="dunningGroupDesc" label={t('field.dunningGroupDesc')} />
          <FormText control={control} name="dunningProcessID" label={t('field.dunningProcessID')} />
        </Box>
        {current ? (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            {t('billingGroups.form.dunningRef', { id: current.ariaDunningGroupID ?? '—', no: current.ariaDunningGroupNo ?? '—' })}
          </Typography>
        ) : null}
      </Section>
    </>
  );
}
