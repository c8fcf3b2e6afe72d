// The account contact's fields (004 accountContact / ownerContactDetails), grouped the way a
// caller says them: name, phones and email, date of birth, address. Used by "edit the
// contact" (AcctManageAccount MODIFY) and by account creation (AcctCreateAccount), so it is
// generic over the form: the fields live under `prefix` ("" = at the top) and carry the
// API's names (cellPhone, postalCode, …), which is what the shared contact schema's errors
// name. The rules are the Norwegian input rules of shared/domain/input, as everywhere
// (D41): a phone number normalised to E.164 (a landline in the mobile field is a warning,
// not an error), the poststed from Posten's register, the country by name, a date that exists.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parsePhone, phoneKindMismatch, PHONE_FIELDS } from '../../../shared/domain/input';
import { CountryField } from '../../components/CountryField';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';
import { PostalCodeCity } from '../../components/PostalCodeCity';

/** Every contact field the form holds, in the API's names. */
export const CONTACT_FIELD_NAMES = [
  'fullName',
  'firstName',
  'middleInitials',
  'lastName',
  'cellPhone',
  'homePhone',
  'workPhone',
  'emailAddress',
  'birthDate',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'streetName',
  'streetNo',
  'entranceNo',
  'flatFloor',
  'flatNo',
  'flatSpec',
  'countryCode',
  'postalCode',
  'postalCity',
  'addrLocality',
  'addrStateProv',
] as const;
export type ContactFieldName = (typeof CONTACT_FIELD_NAMES)[number];
/** The contact as the form holds it: every field a string ("" = empty). */
export type ContactFormValues = Record<ContactFieldName, string>;

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  /** Where the contact lives in the form, e.g. "contact" or "accountContact"; "" = top level. */
  prefix?: string;
  /** Prefix of the inputs' data-testid (default "contact"). */
  testIdPrefix?: string;
  /** The first field gets the focus when the form opens. */
  autoFocus?: ContactFieldName;
};

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1.25 }}>{children}</Box>
    </Box>
  );
}

export function ContactFormFields<T extends FieldValues, TT = T>({ control, prefix = '', testIdPrefix = 'contact', autoFocus }: Props<T, TT>) {
  const { t } = useTranslation();
  const path = (f: ContactFieldName) => (prefix ? `${prefix}.${f}` : f) as FieldPath<T>;
  const text = (f: ContactFieldName, span: number, extra: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <Box key={f} sx={{ gridColumn: `span ${span}` }}>
      <FormText
        control={control}
        name={path(f)}
        label={t(`field.${f}`) + (extra.required ? ' *' : '')}
        type={extra.type ?? 'text'}
        fullWidth
        autoFocus={autoFocus === f}
        slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-${f}`, autoComplete: extra.autoComplete ?? 'off' } }}
      />
    </Box>
  );
  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid={`${testIdPrefix}-fields`}>
      <Group title={t('contactEdit.group.name')}>
        {text('fullName', 4, { required: true })}
        {text('firstName', 2)}
        {text('middleInitials', 1)}
        {text('lastName', 1)}
      </Group>
      <Group title={t('contactEdit.group.reach')}>
        {(Object.keys(PHONE_FIELDS) as (keyof typeof PHONE_FIELDS)[]).map((f) => (
          <PhoneField key={f} control={control} name={path(f)} field={f} testId={`${testIdPrefix}-${f}`} autoFocus={autoFocus === f} />
        ))}
        <Box sx={{ gridColumn: 'span 1' }}>
          <FormDate control={control} name={path('birthDate')} label={t('field.birthDate')} />
        </Box>
        {text('emailAddress', 4, { type: 'email' })}
      </Group>
      <Group title={t('contactEdit.group.address')}>
        {text('addressLine1', 4)}
        {text('addressLine2', 2)}
        {text('addressLine3', 2)}
        {text('streetName', 2)}
        {text('streetNo', 1)}
        {text('entranceNo', 1)}
        {text('flatFloor', 1)}
        {text('flatNo', 1)}
        {text('flatSpec', 2)}
        <Box sx={{ gridColumn: 'span 2' }}>
          <CountryField control={control} name={path('countryCode')} label={t('field.countryCode')} />
        </Box>
        <PostalCodeCity control={control} postalCode={path('postalCode')} city={path('postalCity')} country={path('countryCode')} />
        {text('addrLocality', 2)}
        {text('addrStateProv', 2)}
      </Group>
    </Box>
  );
}

/**
 * A phone number with its kind in the label (mobile / home / work). Under it: the number as
 * it will be saved, or — for a landline in the mobile field — a warning (it is allowed:
 * some callers only have one number).
 */
function PhoneField<T extends FieldValues, TT = T>({
  control,
  name,
  field,
  testId,
  autoFocus,
}: {
  control: Control<T, unknown, TT>;
  name: FieldPath<T>;
  field: keyof typeof PHONE_FIELDS;
  testId: string;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const value = ((useWatch({ control, name }) as string | undefined) ?? '').trim();
  const parsed = value ? parsePhone(value) : ({ ok: false } as const);
  const kind = PHONE_FIELDS[field];
  const warn = parsed.ok && phoneKindMismatch(kind, parsed);
  const hint = !value
    ? t('input.phoneHint')
    : parsed.ok
      ? warn
        ? t('contactEdit.phone.landlineInMobile', { number: parsed.international })
        : t('contactEdit.phone.savedAs', { number: parsed.international })
      : t('input.phoneHint');
  return (
    <Box sx={{ gridColumn: 'span 1' }}>
      <FormText
        control={control}
        name={name}
        label={t(`field.${field}`)}
        type="tel"
        hint={hint}
        fullWidth
        autoFocus={autoFocus}
        slotProps={{
          htmlInput: { 'data-testid': testId, autoComplete: 'off', inputMode: 'tel' },
          formHelperText: warn ? { sx: { color: 'warning.main' }, 'data-testid': `${testId}-warning` } as object : undefined,
        }}
      />
    </Box>
  );
}
