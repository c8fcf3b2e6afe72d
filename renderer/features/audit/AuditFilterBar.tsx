// The audit filter row (dates, operator, account, text) shared by the desk's audit log and the
// supervisor workspace: typing applies the filter once it pauses, Enter applies at once, and
// the form keeps exactly what was typed (renderer/state/auditStore's toQuery checks it).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilterForm, FilterProblem } from '../../state/auditStore';

const FIELDS: { field: keyof AuditFilterForm; type: string; width: number }[] = [
  { field: 'from', type: 'date', width: 160 },
  { field: 'to', type: 'date', width: 160 },
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
