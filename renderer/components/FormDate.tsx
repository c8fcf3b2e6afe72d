// DateInput bound to react-hook-form: the error under the field, in the UI language.
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SxProps, Theme } from '@mui/material/styles';
import { localizeFieldMessage } from '../i18n/fieldMessages';
import { DateInput } from './DateInput';

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  name: FieldPath<T>;
  label: string;
  /** Shown when there is no error, e.g. a warning that the date lies back in time. */
  hint?: ((value: string) => string | undefined) | undefined;
  sx?: SxProps<Theme>;
};

export function FormDate<T extends FieldValues, TT = T>({ control, name, label, hint, sx }: Props<T, TT>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          label={label}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={!!fieldState.error}
          helperText={localizeFieldMessage(t, fieldState.error?.message) ?? hint?.((field.value as string | undefined) ?? '')}
          sx={sx}
        />
      )}
    />
  );
}
