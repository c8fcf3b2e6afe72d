// The country of an address, picked from ISO 3166-1 by its name in the UI language
// ("Norge", "Sverige"); the form holds the two-letter code the API takes. Typing a name or
// a code and leaving the field picks the match: "Norge" is never cut to "No".
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countryName, countryOptions } from '../../shared/domain/input';
import { localizeFieldMessage } from '../i18n/fieldMessages';

type Props<T extends FieldValues, TT = T> = {
  control: Control<T, unknown, TT>;
  name: FieldPath<T>;
  label: string;
};

export function CountryField<T extends FieldValues, TT = T>({ control, name, label }: Props<T, TT>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'nb' ? 'nb' : 'en';
  const options = useMemo(() => countryOptions(lang).map((c) => c.code), [lang]);
  const nameOf = (code: string) => countryName(code, lang) ?? code;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = ((field.value as string | undefined) ?? '').trim().toUpperCase();
        return (
          <Autocomplete
            options={value && !options.includes(value) ? [value, ...options] : options}
            value={value || null}
            onChange={(_e, code) => field.onChange(code ?? '')}
            onBlur={field.onBlur}
            getOptionLabel={nameOf}
            filterOptions={(opts, state) => {
              const q = state.inputValue.trim().toLocaleLowerCase(lang);
              if (!q) return opts;
              const starts = opts.filter((c) => nameOf(c).toLocaleLowerCase(lang).startsWith(q) || c.toLowerCase() === q);
              const contains = opts.filter((c) => !starts.includes(c) && nameOf(c).toLocaleLowerCase(lang).includes(q));
              return [...starts, ...contains];
            }}
            autoHighlight
            autoSelect
            openOnFocus={false}
            size="small"
            renderInput={(params) => (
              <TextField
                {...params}
                name={field.name}
                inputRef={field.ref}
                label={label}
                error={!!fieldState.error}
                helperText={localizeFieldMessage(t, fieldState.error?.message)}
              />
            )}
          />
        );
      }}
    />
  );
}
