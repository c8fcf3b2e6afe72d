// The statement contact's fields (004 contact details): name, address, street parts,
// phones, email, birth date. fullName is required and an address is all or nothing; the
// country is picked by name, the poststed follows the postal code, the birth date is a
// date input in the app's language (shared/domain/input rules, checked by the schema).
import Box from '@mui/material/Box';
import type { Control, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CountryField } from '../../components/CountryField';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';
import { PostalCodeCity } from '../../components/PostalCodeCity';
import { CONTACT_FORM_FIELDS, type BillingGroupForm, type GroupRequest } from './billingGroupModel';

const WIDE = new Set(['fullName', 'addressLine1', 'addressLine2', 'addressLine3', 'emailAddress']);
const PHONES = new Set(['cellPhone', 'homePhone', 'workPhone']);
const path = (f: string) => `statementContactDetails.${f}` as FieldPath<BillingGroupForm>;

export function ContactFields({ control }: { control: Control<BillingGroupForm, unknown, GroupRequest> }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}>
      {CONTACT_FORM_FIELDS.map((f) => {
        if (f === 'postalCity') return null;
        if (f === 'postalCode') return <PostalCodeCity key={f} control={control} postalCode={path('postalCode')} city={path('postalCity')} country={path('countryCode')} />;
        return (
          <Box key={f} sx={{ gridColumn: WIDE.has(f) ? 'span 2' : undefined }}>
            {f === 'countryCode' ? (
              <CountryField control={control} name={path(f)} label={t('field.countryCode')} />
            ) : f === 'birthDate' ? (
              <FormDate control={control} name={path(f)} label={t('field.birthDate')} />
            ) : (
              <FormText
                control={control}
                name={path(f)}
                label={t(`field.${f}`) + (f === 'fullName' ? ' *' : '')}
                type={f === 'emailAddress' ? 'email' : PHONES.has(f) ? 'tel' : 'text'}
                hint={PHONES.has(f) ? t('input.phoneHint') : undefined}
                fullWidth
              />
            )}
          </Box>
        );
      })}
    </Box>
  );
}
