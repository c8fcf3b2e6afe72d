// Before → after, one row per changed field, as every write confirmation shows it.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { containsCardNumber } from '../../shared/domain/input/cardNumber';
import type { FieldChange, Scalar } from '../../shared/domain/fieldDiff';
import { fieldLabel } from './fieldLabel';

export const REASON_MAX = 2000;

export function ChangesTable({
  changes,
  formatValue,
  formatLabel,
}: {
  changes: FieldChange[];
  formatValue?: ((path: string, value: Scalar) => string) | undefined;
  /** A row's label; default: fieldLabel. */
  formatLabel?: ((path: string) => string) | undefined;
}) {
  const { t } = useTranslation();
  const show = (path: string, v: Scalar) => (v === null ? '—' : formatValue ? formatValue(path, v) : String(v));
  return (
    <Table size="small" aria-label={t('confirm.changesTable')} data-testid="changes-table">
      <TableHead>
        <TableRow>
          <TableCell scope="col">{t('confirm.field')}</TableCell>
          <TableCell scope="col">{t('confirm.before')}</TableCell>
          <TableCell scope="col">
            <span className="visually-hidden">{t('confirm.becomes')}</span>
          </TableCell>
          <TableCell scope="col">{t('confirm.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.path} data-path={c.path}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
              {formatLabel ? formatLabel(c.path) : fieldLabel(t, c.path)}
            </TableCell>
            <TableCell sx={{ color: 'text.secondary', textDecoration: c.before !== null ? 'line-through' : undefined }} data-testid="before">
              {show(c.path, c.before)}
            </TableCell>
            <TableCell sx={{ px: 0, color: 'text.secondary', width: 24 }}>
              <span aria-hidden>→</span>
            </TableCell>
            <TableCell sx={{ fontWeight: 500 }} data-testid="after">
              {show(c.path, c.after)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ReasonField({ value, onChange, disabled }: { value: string; onChange(v: string): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const hasCard = containsCardNumber(value);
  return (
    <TextField
      sx={{ mt: 2 }}
      label={t('confirm.reason')}
      error={hasCard}
      helperText={hasCard ? t('validation.cardNumber') : t('confirm.reasonHelp', { count: value.length, max: REASON_MAX })}
      multiline
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.target.value.slice(0, REASON_MAX))}
      disabled={disabled}
      slotProps={{ htmlInput: { 'data-testid': 'reason' } }}
    />
  );
}
