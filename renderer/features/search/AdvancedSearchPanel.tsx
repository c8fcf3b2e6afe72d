// Every criterion of AcctSearchAccount in three groups: account, contact, address.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormText } from '../../components/FormText';
import { useSearch } from '../../state/searchStore';
import { ADDRESS_FIELDS, CONTACT_FIELDS, CRITERIA_FIELDS, NUMERIC_CRITERIA, advancedSchema, emptyAdvancedForm, type AdvancedForm, type AdvancedSearchInput } from './advancedModel';

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(165px, 1fr))', gap: 1 } as const;

export function AdvancedSearchPanel() {
  const { t } = useTranslation();
  const schema = useMemo(() => advancedSchema(t('validation.digitsOnly')), [t]);
  const { control, handleSubmit, reset, formState } = useForm<AdvancedForm, unknown, AdvancedSearchInput>({
    resolver: zodResolver(schema),
    defaultValues: emptyAdvancedForm(),
  });
  const rootError = (formState.errors as { root?: { message?: string } }).root?.message;

  const group = (title: string, prefix: 'criteria' | 'contact' | 'address', fields: readonly string[]) => (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="overline" color="text.secondary" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Box sx={grid}>
        {fields.map((f) => (
          <FormText
            key={f}
            control={control}
            name={`${prefix}.${f}` as FieldPath<AdvancedForm>}
            label={t(`search.criteria.${prefix}.${f}`)}
            slotProps={prefix === 'criteria' && NUMERIC_CRITERIA.has(f) ? { htmlInput: { inputMode: 'numeric' } } : undefined}
          />
        ))}
      </Box>
    </Box>
  );

  return (
    <Box
      component="form"
      aria-label={t('search.advanced')}
      noValidate
      onSubmit={handleSubmit((input) => void useSearch.getState().runAdvanced(input))}
      sx={{ display: 'grid', gap: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', maxHeight: '46vh', overflowY: 'auto' }}
    >
      {group(t('search.groups.account'), 'criteria', CRITERIA_FIELDS)}
      {group(t('search.groups.contact'), 'contact', CONTACT_FIELDS)}
      {group(t('search.groups.address'), 'address', ADDRESS_FIELDS)}
      {rootError ? <Alert severity="warning">{rootError === 'atLeastOne' ? t('search.atLeastOne') : rootError}</Alert> : null}
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={() => reset(emptyAdvancedForm())}>{t('search.clearCriteria')}</Button>
        <Button type="submit" variant="contained">
          {t('search.run')}
        </Button>
      </Box>
    </Box>
  );
}
