// The step before every write: before → after for each changed field, and an optional
// reason that main records as an account comment in the same step.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { containsCardNumber } from '../../shared/domain/input/cardNumber';
import type { FieldChange, Scalar } from '../../shared/domain/fieldDiff';
import type { IpcError } from '../../shared/ipc';
import { ChangesTable, ReasonField } from './ChangesTable';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  open: boolean;
  title: string;
  summary?: ReactNode;
  changes: FieldChange[];
  /** Shows a value as the user reads it (codes → words); default: as is. */
  formatValue?: (path: string, value: Scalar) => string;
  /** Labels a row (default: the field's label, fieldLabel). */
  formatLabel?: (path: string) => string;
  allowReason?: boolean;
  busy: boolean;
  error: IpcError | null;
  confirmLabel: string;
  destructive?: boolean;
  /** Keeps the confirm button disabled, e.g. until the account number is typed again. */
  confirmDisabled?: boolean;
  children?: ReactNode;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function ConfirmWriteDialog(props: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const titleId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.busy ? undefined : props.onCancel}
      aria-labelledby={titleId}
      maxWidth="md"
      slotProps={{ transition: { onExited: () => setReason('') } }}
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent dividers data-testid="confirm-write">
        {props.summary ? <Box sx={{ mb: 1.5 }}>{props.summary}</Box> : null}
        {props.changes.length ? (
          <ChangesTable changes={props.changes} formatValue={props.formatValue} formatLabel={props.formatLabel} />
        ) : props.children ? null : (
          <Typography variant="body2" color="text.secondary">
            {t('confirm.noFieldChanges')}
          </Typography>
        )}
        {props.children}
        {props.allowReason !== false ? <ReasonField value={reason} onChange={setReason} disabled={props.busy} /> : null}
        {props.error ? (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={props.error} title={t('confirm.failed')} />
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={props.busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color={props.destructive ? 'error' : 'primary'}
          onClick={() => props.onConfirm(reason)}
          disabled={props.busy || !!props.confirmDisabled || containsCardNumber(reason)}
          data-testid="confirm-write-button"
          startIcon={props.busy ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
