// Manage the account (AcctManageAccount ASSIGN / STATUS / CANCEL through the write pipeline):
// a new client account ID or user ID, and one status change of those the account's status
// allows (activate, deactivate, ban, cancel). Several at once are one request; the answer is
// shown action by action. Ban and cancel ask for the account number to be typed again
// before they can be confirmed. A refusal comes back to the form with the field marked.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIMITS, type ManageAccountAction } from '../../../shared/amps';
import type { FieldChange } from '../../../shared/domain/fieldDiff';
import type { Envelope, IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { FormText } from '../../components/FormText';
import { statusLabel } from '../../components/StatusChip';
import type { AccountDetails } from '../../state/workspaceStore';
import { useUnsaved, useUnsavedMark } from '../../state/unsavedStore';
import { announceWrite } from '../outbox/writeNotice';
import { ActionResults } from './ActionResults';
import {
  actionIndexOf,
  allowedStatusActions,
  isArchived,
  manageAccount,
  refusalWords,
  rowsFromAnswer,
  statusActionToRequest,
  type ActionRowView,
  type ManageAnswer,
  type StatusAction,
} from './accountManage';

interface Form {
  newAriaAccountID: string;
  newUserID: string;
  status: '' | StatusAction;
}

/** Ban and cancel cannot be undone from the desk: the account number is typed again. */
export const NEEDS_TYPED_NUMBER: ReadonlySet<StatusAction> = new Set(['BANNED', 'CANCEL']);

export function ManageAccountDialog({ accountNo, data, onClose }: { accountNo: number; data: AccountDetails; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const d = data.acctRetrieveAccountDetails;
  const currentId = data.ariaAccountID ?? '';
  const currentUser = d.userID ?? '';
  const allowed = allowedStatusActions(d.ariaStatusCode);
  const archived = isArchived(d.ariaStatusCode);
  const form = useForm<Form>({ defaultValues: { newAriaAccountID: '', newUserID: '', status: '' }, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [pending, setPending] = useState<{ actions: ManageAccountAction[]; changes: FieldChange[]; typed: StatusAction | null } | null>(null);
  const [typedNo, setTypedNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<IpcError | null>(null);
  const [answer, setAnswer] = useState<{ rows: ActionRowView[]; res: Envelope<ManageAnswer> } | null>(null);
  const [nothing, setNothing] = useState(false);
  const dirty = form.formState.isDirty && !answer?.res.ok;
  useUnsavedMark(`manage-account:${accountNo}`, accountNo, 'manageAccount', dirty);
  const requestClose = async () => {
    if (busy) return;
    if (!dirty || (await useUnsaved.getState().confirmDiscard(['manageAccount']))) onClose();
  };

  const onValid = (f: Form) => {
    const id = f.newAriaAccountID.trim();
    const user = f.newUserID.trim();
    let bad = false;
    if (id && id === currentId) {
      form.setError('newAriaAccountID', { type: 'same', message: t('manageAccount.sameId') });
      bad = true;
    }
    if (user && user === currentUser) {
      form.setError('newUserID', { type: 'same', message: t('manageAccount.sameUser') });
      bad = true;
    }
    if (bad) return;
    const actions: ManageAccountAction[] = [];
    const changes: FieldChange[] = [];
    if (id || user) {
      actions.push({
        actionDirective: 'ASSIGN',
        acctManageAccountDetailsASSIGN: { ariaAccountNo: accountNo, ...(id ? { newAriaAccountID: id } : {}), ...(user ? { newUserID: user } : {}) },
      });
      if (id) changes.push({ path: 'ariaAccountID', before: currentId || null, after: id });
      if (user) changes.push({ path: 'userID', before: currentUser || null, after: user });
    }
    if (f.status) {
      actions.push(statusActionToRequest(accountNo, f.status));
      changes.push({ path: 'ariaStatusCode', before: statusLabel(t, d.ariaStatusCode), after: t(`manageAccount.after.${f.status}`) });
    }
    setNothing(!actions.length);
    if (!actions.length) return;
    setAnswer(null);
    setWriteError(null);
    setTypedNo('');
    setPending({ actions, changes, typed: f.status && NEEDS_TYPED_NUMBER.has(f.status) ? f.status : null });
  };

  const typedOk = !pending?.typed || typedNo.replace(/\s/g, '') === String(accountNo);

  const confirm = async (reason: string) => {
    if (!pending || !typedOk) return;
    setBusy(true);
    const res = await manageAccount(accountNo, pending.actions, {
      reason,
      changes: pending.changes,
      before: { ariaStatusCode: d.ariaStatusCode, userID: currentUser, ariaAccountID: currentId },
    });
    setBusy(false);
    if (!res.ok && res.error.code !== 'AMPS_REJECTED' && !res.error.fields?.length) {
      // Not sent (e.g. not saved on this computer): the confirmation says why and stays open.
      setWriteError(res.error);
      return;
    }
    const rows = rowsFromAnswer(t, pending.actions, res);
    setAnswer({ rows, res });
    if (res.ok) {
      announceWrite(res.value, null);
    } else {
      // The refused field is marked on the form (a client account ID already in use, …).
      for (const f of res.error.fields ?? []) {
        const i = actionIndexOf(f.path);
        const a = i === undefined ? undefined : pending.actions[i];
        if (a?.actionDirective === 'ASSIGN') {
          const field = /newUserID$/.test(f.path) ? 'newUserID' : 'newAriaAccountID';
          form.setError(field, { type: 'server', message: refusalWords(t, f.message) });
        } else if (a) {
          form.setError('status', { type: 'server', message: refusalWords(t, f.message) });
        }
      }
    }
    setPending(null);
  };

  const done = answer?.res.ok ?? false;
  const outcome = answer?.res.ok ? answer.res.value.outcome : answer ? 'REJECTED' : null;
  const partly = answer?.rows.some((r) => r.state === 'made') && answer.rows.some((r) => r.state !== 'made');
  const statusError = form.formState.errors.status?.message;

  return (
    <>
      <Dialog open onClose={() => void requestClose()} aria-labelledby={titleId} maxWidth="sm" fullWidth data-testid="manage-account">
        <DialogTitle id={titleId}>{t('manageAccount.title', { account: accountNo })}</DialogTitle>
        <DialogContent dividers>
          {answer ? (
            <Alert
              severity={outcome === 'APPLIED' ? (partly ? 'warning' : 'success') : outcome === 'REJECTED' ? 'error' : 'info'}
              sx={{ mb: 2 }}
              role="status"
              data-testid="manage-outcome"
              data-outcome={outcome ?? ''}
            >
              <Typography variant="body2" sx={{ mb: 1 }}>
                {outcome === 'APPLIED'
                  ? partly
                    ? t('manageAccount.outcome.partly')
                    : t('manageAccount.outcome.applied')
                  : outcome === 'QUEUED'
                    ? t('manageAccount.outcome.queued')
                    : outcome === 'UNKNOWN'
                      ? t('manageAccount.outcome.unknown')
                      : t('manageAccount.outcome.rejected')}
              </Typography>
              <ActionResults rows={answer.rows} />
            </Alert>
          ) : null}
          {done ? null : (
            <Box component="form" id={`${titleId}-form`} noValidate onSubmit={form.handleSubmit(onValid)} sx={{ display: 'grid', gap: 2 }}>
              <Typography variant="body2">
                {t('manageAccount.current', { status: statusLabel(t, d.ariaStatusCode), id: currentId || '—', user: currentUser || '—' })}
              </Typography>
              {archived ? (
                <Alert severity="info" data-testid="manage-archived">
                  {t('manageAccount.archived')}
                </Alert>
              ) : (
                <>
                  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 1.25, gridTemplateColumns: '1fr 1fr' }}>
                    <Typography component="legend" variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
                      {t('manageAccount.idsLegend')}
                    </Typography>
                    <FormText
                      control={form.control}
                      name="newAriaAccountID"
                      label={t('manageAccount.newAccountId')}
                      hint={t('manageAccount.blankKeeps')}
                      fullWidth
                      autoFocus
                      slotProps={{ htmlInput: { maxLength: LIMITS.accountId, 'data-testid': 'new-account-id', autoComplete: 'off' } }}
                    />
                    <FormText
                      control={form.control}
                      name="newUserID"
                      label={t('manageAccount.newUserId')}
                      hint={t('manageAccount.blankKeeps')}
                      fullWidth
                      slotProps={{ htmlInput: { maxLength: LIMITS.userId, 'data-testid': 'new-user-id', autoComplete: 'off' } }}
                    />
                  </Box>
                  <FormControl error={!!statusError}>
                    <FormLabel id={`${titleId}-status`}>{t('manageAccount.statusLegend')}</FormLabel>
                    <Controller
                      control={form.control}
                      name="status"
                      render={({ field }) => (
                        <RadioGroup aria-labelledby={`${titleId}-status`} name={field.name} value={field.value} onChange={(_e, v) => field.onChange(v)}>
                          <FormControlLabel value="" control={<Radio />} label={t('manageAccount.keepStatus')} />
                          {allowed.map((a) => (
                            <FormControlLabel key={a} value={a} control={<Radio slotProps={{ input: { 'data-testid': `status-${a}` } as object }} />} label={t(`manageAccount.choice.${a}`)} />
                          ))}
                        </RadioGroup>
                      )}
                    />
                    {statusError ? (
                      <Typography variant="caption" color="error" role="alert" data-testid="status-error">
                        {statusError}
                      </Typography>
                    ) : null}
                  </FormControl>
                  {nothing ? (
                    <Alert severity="info" data-testid="manage-nothing">
                      {t('manageAccount.nothing')}
                    </Alert>
                  ) : null}
                </>
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          {done || archived ? (
            <Button onClick={onClose} variant="contained" autoFocus data-testid="manage-close">
              {t('common.close')}
            </Button>
          ) : (
            <>
              <Button onClick={() => void requestClose()} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" form={`${titleId}-form`} variant="contained" data-testid="manage-review">
                {t('manageAccount.review')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
      <ConfirmWriteDialog
        open={!!pending}
        title={t('manageAccount.confirmTitle')}
        summary={t('manageAccount.confirmSummary', { account: accountNo, count: pending?.actions.length ?? 0 })}
        changes={pending?.changes ?? []}
        formatValue={(path, value) => (path === 'ariaStatusCode' ? String(value) : String(value ?? ''))}
        busy={busy}
        error={writeError}
        destructive={!!pending?.typed}
        confirmDisabled={!typedOk}
        confirmLabel={pending?.typed ? t(`manageAccount.confirm.${pending.typed}`) : t('manageAccount.confirm.save')}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setPending(null);
          setWriteError(null);
        }}
      >
        {pending?.typed ? (
          <Box sx={{ mt: 2 }}>
            <Alert severity="warning" sx={{ mb: 1.5 }}>
              {t(`manageAccount.warn.${pending.typed}`)}
            </Alert>
            <TextField
              fullWidth
              label={t('manageAccount.typeNumber', { account: accountNo })}
              value={typedNo}
              onChange={(e) => setTypedNo(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && typedOk && !busy) {
                  e.preventDefault();
                  document.querySelector<HTMLButtonElement>('[data-testid="confirm-write-button"]')?.click();
                }
              }}
              autoFocus
              error={!!typedNo && !typedOk && typedNo.replace(/\s/g, '').length >= String(accountNo).length}
              helperText={typedNo && !typedOk && typedNo.replace(/\s/g, '').length >= String(accountNo).length ? t('manageAccount.typeNumberWrong') : t('manageAccount.typeNumberHint')}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-testid': 'type-account-number' } }}
            />
          </Box>
        ) : null}
      </ConfirmWriteDialog>
    </>
  );
}
