// A new delivery address: type, name, lines, street name and number, entrance, floor,
// flat, postal code and city, country, and the rest AcctChangePermAddress takes.
import Box from '@mui/material/Box';
import type { Control, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormSelect, type Option } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import type { PermAddressChange } from '../../state/permAddressStore';
import { ADDRESS_FIELDS, type PermAddressForm } from './permAddressModel';

const REQUIRED = new Set(['distAddrPostalCode', 'distAddrCity', 'distAddrCountryCode']);
const WIDE = new Set(['distAddrName', 'distCoAddr', 'distAddrLine1', 'distAddrLine2', 'distAddrLine3', 'distAddrLine4', 'distStreetName', 'distDirections']);

export function AddressFields({ control, types }: { control: Control<PermAddressForm, unknown, PermAddressChange>; types: Option[] | null }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: 1 }}>
      <Box sx={{ gridColumn: 'span 2' }}>
        {types ? (
          <FormSelect control={control} name="acctDeliveryAddress.distAddrType" label={`${t('field.distAddrType')} *`} options={types} emptyLabel={t('common.choose')} />
        ) : (
          <FormText control={control} name="acctDeliveryAddress.distAddrType" label={`${t('field.distAddrType')} *`} />
        )}
      </Box>
      {ADDRESS_FIELDS.map((f) => (
        <Box key={f} sx={{ gridColumn: WIDE.has(f) ? 'span 3' : f === 'distAddrCity' || f === 'distAddrLocality' || f === 'distAddrStateProv' ? 'span 2' : 'span 1' }}>
          <FormText
            control={control}
            name={`acctDeliveryAddress.${f}` as FieldPath<PermAddressForm>}
            label={t(`field.${f}`) + (REQUIRED.has(f) ? ' *' : '')}
            slotProps={f === 'distAddrCountryCode' ? { htmlInput: { maxLength: 2 } } : undefined}
          />
        </Box>
      ))}
    </Box>
  );
}
