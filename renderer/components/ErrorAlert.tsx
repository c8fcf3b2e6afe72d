// An error as a person can act on it: what went wrong (main's key, in the UI language), and what to do next
// (by error code), with a retry where retrying makes sense.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../shared/ipc';
import { errorWords } from '../i18n/errorWords';
import { serverFieldMessage } from '../i18n/fieldMessages';
import { fieldLabel } from './fieldLabel';
import { formPathOf } from './serverErrors';

interface Props {
  error: IpcError;
  onRetry?: (() => void) | undefined;
  /** What was being done, e.g. "The account could not be loaded". */
  title?: string | undefined;
  compact?: boolean;
}

export function ErrorAlert({ error, onRetry, title, compact }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      severity={error.code === 'VALIDATION' ? 'warning' : 'error'}
      role="alert"
      sx={compact ? { py: 0 } : undefined}
      action={
        onRetry ? (
          <Button color="inherit" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title ?? t(`errors.title.${error.code}`, { defaultValue: t('errors.title.INTERNAL') })}</AlertTitle>
      {error.fields?.length ? (
        // Problems with fields: each named in words, never the wire path or the billing system's text.
        <ul data-testid="error-fields">
          {error.fields.slice(0, 8).map((f) => (
            <li key={f.path}>
              {fieldLabel(t, formPathOf(f.path, 'change').replace(/^(group|change)\./, ''))}: {serverFieldMessage(t, f.message)}
            </li>
          ))}
        </ul>
      ) : (
        // What went wrong in the UI language (D105): never main's English or the billing system's text.
        errorWords(t, error) || null
      )}
      <div>{t(`errors.next.${error.code}`, { defaultValue: t('errors.next.INTERNAL') })}</div>
    </Alert>
  );
}
