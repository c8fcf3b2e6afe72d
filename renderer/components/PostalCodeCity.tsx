// Postal code and city together: for a Norwegian address (country NO or not chosen) a
// 4-digit postal code fills in its poststed from Posten's register (shared/domain/input);
// a code the register does not know is said at once, under the field.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useController, useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isNorwegian, lookupPostalCode, POSTAL_REGISTER_DATE } from '../../shared/domain/input';
import { localizeFieldMessage } from '../i18n/fieldMessages';
import { useFormat } from '../i18n';

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  postalCode: FieldPath<T>;
  city: FieldPath<T>;
  country: FieldPath<T>;
  required?: boolean;
  /** Grid columns each of the two fields spans. */
  spans?: [number, number];
};

export function PostalCodeCity<T extends FieldValues, TT = T>({ control, postalCode, city, country, required, spans = [1, 1] }: Props<T, TT>) {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useController({ control, name: postalCode });
  const place = useController({ control, name: city });
  const countryValue = (useWatch({ control, name: country }) as string | undefined) ?? '';
  const norwegian = isNorwegian(countryValue);
  const codeValue = ((code.field.value as string | undefined) ?? '').trim();
  const known = norwegian && /^\d{4}$/.test(codeValue) ? lookupPostalCode(codeValue) : undefined;
  const unknownHint = norwegian && /^\d{4}$/.test(codeValue) && !known ? t('input.postalCodeNotInRegister', { date: f.date(POSTAL_REGISTER_DATE) }) : undefined;
  const star = required ? ' *' : '';
  return (
    <>
      <Box sx={{ gridColumn: `span ${spans[0]}` }}>
        <TextField
          fullWidth
          name={code.field.name}
          inputRef={code.field.ref}
          value={(code.field.value as string | undefined) ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            code.field.onChange(v);
            const hit = norwegian && /^\d{4}$/.test(v.trim()) ? lookupPostalCode(v.trim()) : undefined;
            if (hit) place.field.onChange(hit.place);
          }}
          onBlur={code.field.onBlur}
          label={t(`field.${String(postalCode).split('.').pop()}`) + star}
          error={!!code.fieldState.error}
          helperText={localizeFieldMessage(t, code.fieldState.error?.message) ?? unknownHint ?? (norwegian ? t('input.postalCodeHint') : undefined)}
          slotProps={{ htmlInput: { inputMode: norwegian ? 'numeric' : 'text', 'data-testid': `${String(postalCode).split('.').pop()}-input` } }}
        />
      </Box>
      <Box sx={{ gridColumn: `span ${spans[1]}` }}>
        <TextField
          fullWidth
          name={place.field.name}
          inputRef={place.field.ref}
          value={(place.field.value as string | undefined) ?? ''}
          onChange={place.field.onChange}
          onBlur={place.field.onBlur}
          label={t(`field.${String(city).split('.').pop()}`) + star}
          error={!!place.fieldState.error}
          helperText={localizeFieldMessage(t, place.fieldState.error?.message) ?? (known ? t('input.cityFromRegister') : undefined)}
          slotProps={{ htmlInput: { 'data-testid': `${String(city).split('.').pop()}-input` } }}
        />
      </Box>
    </>
  );
}
