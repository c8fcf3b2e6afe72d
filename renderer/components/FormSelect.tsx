// A select bound to react-hook-form; options are only what the business offers.
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localizeFieldMessage } from '../i18n/fieldMessages';

export interface Option {
  value: string;
  label: string;
}

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  name: FieldPath<T>;
  label: string;
  options: Option[];
  /** Label of the empty choice; omitted = no empty choice. */
  emptyLabel?: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'value' | 'onChange' | 'error' | 'select'>;

export function FormSelect<T extends FieldValues, TT = T>({ control, name, label, options, emptyLabel, ...rest }: Props<T, TT>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          select
          name={field.name}
          inputRef={field.ref}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          label={label}
          error={!!fieldState.error}
          helperText={localizeFieldMessage(t, fieldState.error?.message) ?? rest.helperText}
        >
          {emptyLabel !== undefined ? (
            <MenuItem value="">
              <em>{emptyLabel}</em>
            </MenuItem>
          ) : null}
          {options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
