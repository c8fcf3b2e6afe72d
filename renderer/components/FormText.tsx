// A text field bound to react-hook-form: label always, the error under the field.
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from './fieldLabel';
import { localizeFieldMessage } from '../i18n/fieldMessages';

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  name: FieldPath<T>;
  /** Defaults to the i18n label of the field's path. */
  label?: string;
  hint?: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'value' | 'onChange' | 'error'>;

export function FormText<T extends FieldValues, TT = T>({ control, name, label, hint, ...rest }: Props<T, TT>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          name={field.name}
          inputRef={field.ref}
          value={(field.value as string | number | null | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          label={label ?? fieldLabel(t, String(name)).split(' › ').pop()}
          error={!!fieldState.error}
          helperText={localizeFieldMessage(t, fieldState.error?.message) ?? hint ?? rest.helperText}
        />
      )}
    />
  );
}
