// A date input in the app's language, not the OS's: dd.mm.åååå in Bokmål, dd/mm/yyyy in
// English (MUI X DatePicker with date-fns and its nb / en-GB locale). The value is text as the
// API takes it: "YYYY-MM-DD", "" when empty, or INVALID_DATE when what was typed is no date
// (31.02.1980), so the form can say so instead of silently dropping it.
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { enUS as pickerEn, nbNO as pickerNb } from '@mui/x-date-pickers/locales';
import type { SxProps, Theme } from '@mui/material/styles';
import { enGB, nb } from 'date-fns/locale';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../shared/domain/input';
import { INVALID_DATE } from './dateValue';

export { INVALID_DATE };

const p2 = (n: number) => String(n).padStart(2, '0');
const toIso = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;

// The placeholders as people write them here: dd.mm.åååå (Bokmål), dd/mm/yyyy (English).
const NB_TEXT = {
  ...pickerNb.components.MuiLocalizationProvider.defaultProps.localeText,
  fieldDayPlaceholder: () => 'dd',
  fieldMonthPlaceholder: () => 'mm',
  fieldYearPlaceholder: (p: { digitAmount: number }) => 'å'.repeat(p.digitAmount),
};
const EN_TEXT = {
  ...pickerEn.components.MuiLocalizationProvider.defaultProps.localeText,
  fieldDayPlaceholder: () => 'dd',
  fieldMonthPlaceholder: () => 'mm',
  fieldYearPlaceholder: (p: { digitAmount: number }) => 'y'.repeat(p.digitAmount),
};

export interface DateInputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?: () => void;
  name?: string;
  error?: boolean;
  helperText?: string | undefined;
  disabled?: boolean;
  sx?: SxProps<Theme>;
  inputRef?: React.Ref<HTMLInputElement>;
  /** 'small' in dense rows such as the audit filters, beside small text fields. */
  size?: 'small' | 'medium';
}

export function DateInput({ label, value, onChange, onBlur, name, error, helperText, disabled, sx, inputRef, size }: DateInputProps) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'nb' ? 'nb' : 'en';
  // The picker keeps its own state (typed sections survive any re-render, also while the
  // text is no date yet); we only listen. A value set from outside (a reset, a restored
  // draft) differs from what the picker last said, and starts the picker anew with it.
  const said = useRef(value);
  const generation = useRef(0);
  if (value !== said.current) {
    said.current = value;
    generation.current += 1;
  }
  const parts = parseIsoDate(value);
  const initial = parts ? new Date(parts[0], parts[1] - 1, parts[2]) : null;
  const emit = (v: string) => {
    said.current = v;
    onChange(v);
  };
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={lang === 'nb' ? nb : enGB} localeText={lang === 'nb' ? NB_TEXT : EN_TEXT}>
      <DatePicker
        label={label}
        key={generation.current}
        defaultValue={initial}
        disabled={disabled}
        format={lang === 'nb' ? 'dd.MM.yyyy' : 'dd/MM/yyyy'}
        onChange={(d) => {
          if (!d) emit('');
          else if (Number.isNaN(d.getTime())) emit(INVALID_DATE);
          else emit(toIso(d));
        }}
        sx={sx}
        inputRef={inputRef}
        slotProps={{
          textField: {
            name,
            ...(size ? { size } : {}),
            error,
            helperText,
            onBlur,
          },
        }}
      />
    </LocalizationProvider>
  );
}
