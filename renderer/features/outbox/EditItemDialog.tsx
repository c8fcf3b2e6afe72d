// Editing a change that waits (parked after a refusal, or not sent yet): a comment's text,
// or each field of the change as the refusal names them. main checks the edited command
// with the same schema as any write and answers field errors on the fields; nothing typed
// is lost on an error.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, OutboxItemView } from '../../../shared/commands';
import { flattenFields, type Scalar } from '../../../shared/domain/fieldDiff';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldLabel } from '../../components/fieldLabel';
import { serverFieldMessage } from '../../i18n/fieldMessages';
import { useOutbox } from '../../state/outboxStore';
import { useShell } from '../../state/shellStore';
import { itemProblem, itemWhat } from './outboxWords';

/** The part of each command a person edits (ids of the account and the item stay). */
const EDITABLE: Record<Command['type'], string> = {
  'comment.add': 'text',
  'billingGroup.add': 'group',
  'billingGroup.modify': 'group',
  'billingGroup.remove': 'group',
  'address.changePerm': 'change',
  'account.manage': 'actions',
  'card.complete': '',
  'account.create': 'account',
  // A parked plan change is retried or discarded: its confirmed preview would not fit an edit.
  'plan.replace': '',
};

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o: Record<string, unknown> = root;
  keys.slice(0, -1).forEach((k, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    o[k] ??= nextIsIndex ? [] : {};
    o = o[k] as Record<string, unknown>;
  });
  o[keys.at(-1)!] = value;
}

/** Text typed back into the type the field had (numbers stay numbers). */
function typed(original: Scalar, text: string): Scalar {
  if (typeof original === 'number') return text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;
  if (typeof original === 'boolean') return text.trim().toLowerCase() === 'true';
  return text === '' && original === null ? null : text;
}

export function EditItemDialog({ item, onClose }: { item: OutboxItemView; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const part = EDITABLE[item.type];
  const cmd = item.command as Record<string, unknown>;
  const original = useMemo(() => (part === 'text' ? { text: cmd.text as string } : flattenFields(cmd[part], part)), [cmd, part]);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(original).map(([k, v]) => [k, v === null ? '' : String(v)])),
  );
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  /** A field's problem in the UI language: the refused edit's, else the refusal that parked the item. */
  const fieldError = (path: string): string | undefined => {
    const message = error
      ? error.fields?.find((f) => f.path.endsWith(path))?.message
      : item.problem?.fields?.find((f) => f.path.endsWith(path.slice(part.length + 1)))?.message;
    return message === undefined ? undefined : serverFieldMessage(t, message);
  };

  const save = async () => {
    const next = structuredClone(cmd);
    if (part === 'text') next.text = values.text ?? '';
    else {
      next[part] = Array.isArray(cmd[part]) ? [] : {};
      for (const [path, before] of Object.entries(original)) setPath(next, path, typed(before as Scalar, values[path] ?? ''));
    }
    setBusy(true);
    const res = await useOutbox.getState().edit(item.id, next as Command);
    setBusy(false);
    if (res.ok) {
      useShell.getState().notify('success', (t) => t('outbox.edit.saved'));
      onClose();
    } else setError(res.error);
  };

  const problem = itemProblem(t, item);
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth data-testid="outbox-edit-dialog">
      <DialogTitle id={titleId}>{t(item.accountNo === 0 ? 'outbox.edit.titleNew' : 'outbox.edit.title', { what: itemWhat(t, item), account: item.accountNo })}</DialogTitle>
      <DialogContent dividers>
        {problem ? (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="outbox-edit-problem">
            {problem.text}
          </Alert>
        ) : null}
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: part === 'text' ? '1fr' : { xs: '1fr', md: '1fr 1fr' } }}>
          {Object.keys(original).map((path, i) => (
            <TextField
              key={path}
              autoFocus={i === 0}
              label={part === 'text' ? t('outbox.edit.text') : fieldLabel(t, path.slice(part.length + 1))}
              value={values[path] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [path]: e.target.value }))}
              multiline={part === 'text'}
              minRows={part === 'text' ? 4 : undefined}
              size="small"
              error={!!fieldError(path)}
              helperText={fieldError(path)}
              disabled={busy}
            />
          ))}
        </Box>
        {error ? (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={error} title={t('outbox.edit.failed')} />
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="outbox-edit-save">
          {t('outbox.edit.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
