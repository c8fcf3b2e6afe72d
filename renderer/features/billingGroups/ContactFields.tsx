// The statement contact's fields (004 contact details): name, address, street parts,
// phones, email. fullName is required; the shared schema says so on the field.
import Box from '@mui/material/Box';
import type { Control, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormText } from '../../components/FormText';
import { CONTACT_FORM_FIELDS, type BillingGroupForm, type GroupRequest } from './billingGroupModel';

const WIDE = new Set(['fullName', 'addressLine1', 'addressLine2', 'addressLine3', 'emailAddress']);

export function ContactFields({ control }: { control: Control<BillingGroupForm, unknown, GroupRequest> }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}>
      {CONTACT_FORM_FIELDS.map((f) => (
        <Box key={f} sx={{ gridColumn: WIDE.has(f) ? 'span 2' : undefined }}>
          <FormText
            control={control}
            name={`statementContactDetails.${f}` as FieldPath<BillingGroupForm>}
            label={t(`field.${f}`) + (f === 'fullName' ? ' *' : '')}
            type={f === 'birthDate' ? 'date' : f === 'emailAddress' ? 'email' : 'text'}
            slotProps={f === 'birthDate' ? { inputLabel: { shrink: true } } : f === 'countryCode' ? { htmlInput: { maxLength: 2 } } : undefined}
          />
        </Box>
      ))}
    </Box>
  );
}
