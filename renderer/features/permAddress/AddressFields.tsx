// A new delivery address: type, name, lines, street name and number, entrance, floor,
// flat, country, postal code and city (the poststed follows the postal code), and the rest
// AcctChangePermAddress takes.
import Box from '@mui/material/Box';
import type { Control, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CountryField } from '../../components/CountryField';
import { FormSelect, type Option } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { PostalCodeCity } from '../../components/PostalCodeCity';
import type { PermAddressChange } from '../../state/permAddressStore';
import { ADDRESS_FIELDS, type PermAddressForm } from './permAddressModel';

const WIDE = new Set(['distAddrName', 'distCoAddr', 'distAddrLine1', 'distAddrLine2', 'distAddrLine3', 'distAddrLine4', 'distStreetName', 'distDirections']);
const path = (f: string) => `acctDeliveryAddress.${f}` as FieldPath<PermAddressForm>;

export function AddressFields({ control, types }: { control: Control<PermAddressForm, unknown, PermAddressChange>; types: Option[] | null }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: 1 }}>
      <Box sx={{ gridColumn: 'span 2' }}>
        {types ? (
          <FormSelect control={control} name={path('distAddrType')} label={`${t('field.distAddrType')} *`} options={types} emptyLabel={t('common.choose')} fullWidth />
        ) : (
          <FormText control={control} name={path('distAddrType')} label={`${t('field.distAddrType')} *`} fullWidth />
        )}
      </Box>
      {ADDRESS_FIELDS.map((f) => {
        if (f === 'distAddrCity') return null;
        if (f === 'distAddrPostalCode')
          return <PostalCodeCity key={f} control={control} postalCode={path(f)} city={path('distAddrCity')} country={path('distAddrCountryCode')} required spans={[1, 2]} />;
        return (
          <Box key={f} sx={{ gridColumn: WIDE.has(f) ? 'span 3' : f === 'distAddrLocality' || f === 'distAddrStateProv' || f === 'distAddrCountryCode' ? 'span 2' : 'span 1' }}>
            {f === 'distAddrCountryCode' ? (
              <CountryField control={control} name={path(f)} label={`${t('field.distAddrCountryCode')} *`} />
            ) : (
              <FormText control={control} name={path(f)} label={t(`field.${f}`)} fullWidth />
            )}
          </Box>
        );
      })}
    </Box>
  );
}
