// The audit filter row (dates, operator, account, text) shared by the desk's audit log and the
// supervisor workspace: typing applies the filter once it pauses, Enter applies at once, and
// the form keeps exactly what was typed (renderer/state/auditStore's toQuery checks it). The
// dates are the app's own date inputs (dd.mm.åååå in Bokmål, dd/mm/yyyy in English), not the
// browser's, which follow the operating system's locale.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, INVALID_DATE } from '../../components/DateInput';
import type { AuditFilterForm, FilterProblem } from '../../state/auditStore';

const FIELDS: { field: keyof AuditFilterForm; type: string; width: number }[] = [
  { field: 'from', type: 'date', width: 180 },
  { field: 'to', type: 'date', width: 180 },
  { field: 'operator', type: 'text', width: 150 },
  { field: 'account', type: 'text', width: 150 },
  { field: 'text', type: 'search', width: 220 },
];

export interface AuditFilterBarProps {
  form: AuditFilterForm;
  problem: FilterProblem | null;
  setField(field: keyof AuditFilterForm, value: string): void;
  apply(): Promise<void> | void;
  clear(): void;
  /** The form's accessible name. */
  label: string;
  /** data-testid of each field: `${testIdPrefix}-${field}`. */
  testIdPrefix: string;
}

export function AuditFilterBar({ form, problem, setField, apply, clear, label, testIdPrefix }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void apply(), 300);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const empty = Object.values(form).every((v) => !v);
  return (
    <Box
      component="form"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        void apply();
      }}
      sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
    >
      {FIELDS.map(({ field, type, width }) => {
        const bad = problem?.field === field;
        if (type === 'date')
          return (
            <Box key={field} data-testid={`${testIdPrefix}-${field}`} sx={{ width }}>
              <DateInput
                label={t(`audit.filter.${field}`)}
                name={field}
                value={form[field]}
                onChange={(value) => {
                  setField(field, value);
                  // A date half typed waits for the rest (or Enter, which says what is wrong).
                  if (value !== INVALID_DATE) schedule();
                  else clearTimeout(timer.current);
                }}
                error={bad}
                helperText={bad ? t(`audit.filterError.${problem.key}`) : undefined}
                size="small"
                sx={{ width: '100%' }}
              />
            </Box>
          );
        return (
          <TextField
            key={field}
            size="small"
            type={type}
            label={t(`audit.filter.${field}`)}
            value={form[field]}
            onChange={(e) => {
              setField(field, e.target.value);
              schedule();
            }}
            error={bad}
            helperText={bad ? t(`audit.filterError.${problem.key}`) : undefined}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `${testIdPrefix}-${field}`, ...(field === 'account' ? { inputMode: 'numeric' } : {}), maxLength: field === 'text' ? 200 : 50 } }}
            sx={{ width }}
          />
        );
      })}
      <Button
        type="button"
        disabled={empty}
        onClick={() => {
          clear();
          void apply();
        }}
        sx={{ mt: 0.25 }}
      >
        {t('audit.clearFilters')}
      </Button>
    </Box>
  );
}
