// "I have a new phone number": the account contact's edit, as an AcctManageAccount MODIFY
// through the write pipeline. The fields are checked by the shared contact schema on the
// fields (in the UI language); then before → after of only what changes, an optional reason;
// then the honest outcome. A refusal comes back onto the form with each problem on its
// field, and everything typed is kept.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ContactDetails } from '../../../shared/amps';
import type { FieldChange } from '../../../shared/domain/fieldDiff';
import type { FieldIssue, IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { fieldLabel } from '../../components/fieldLabel';
import { describeValue } from '../../components/valueWords';
import { useFormat } from '../../i18n';
import { serverFieldMessage } from '../../i18n/fieldMessages';
import { useUnsaved, useUnsavedMark } from '../../state/unsavedStore';
import { announceWrite } from '../outbox/writeNotice';
import { manageAccount } from './accountManage';
import { CONTACT_FIELD_NAMES, ContactFormFields, type ContactFieldName, type ContactFormValues } from './ContactFormFields';
import { contactBefore, contactChanges, contactEditSchema, contactToValues, modifyContactAction, type OwnerContact } from './contactModel';

type Form = { contact: ContactFormValues };
type Out = { contact: OwnerContact };

/** The contact field an error path names: "…ownerContactDetails.cellPhone" → cellPhone. */
export function contactFieldOf(path: string): ContactFieldName | undefined {
  const leaf = path.replace(/\[(\d+)\]/g, '.$1').split('.').pop() ?? '';
  return /(^|\.)(ownerContactDetails|contact)\./.test(path.replace(/\[(\d+)\]/g, '.$1')) && (CONTACT_FIELD_NAMES as readonly string[]).includes(leaf)
    ? (leaf as ContactFieldName)
    : undefined;
}

export function EditContactDialog({ accountNo, contact, onClose }: { accountNo: number; contact: ContactDetails; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const before = useMemo(() => contactToValues(contact), [contact]);
  const form = useForm<Form, unknown, Out>({
    resolver: zodResolver(useMemo(() => contactEditSchema(before), [before])),
    defaultValues: { contact: before },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [pending, setPending] = useState<{ sent: OwnerContact; changes: FieldChange[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<IpcError | null>(null);
  const [refused, setRefused] = useState<FieldIssue[] | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const dirty = form.formState.isDirty;
  useUnsavedMark(`contact:${accountNo}`, accountNo, 'contact', dirty);
  const requestClose = async () => {
    if (busy) return;
    if (!dirty || (await useUnsaved.getState().confirmDiscard(['contact']))) onClose();
  };

  const onValid = (out: Out) => {
    const changes = contactChanges(before, out.contact);
    setNothingChanged(!changes.length);
    if (!changes.length) return;
    setWriteError(null);
    setPending({ sent: out.contact, changes });
  };

  const confirm = async (reason: string) => {
    if (!pending) return;
    setBusy(true);
    const action = modifyContactAction(accountNo, pending.sent, pending.changes);
    const res = await manageAccount(accountNo, [action], {
      reason,
      changes: pending.changes.map((c) => ({ ...c, before: words(c.path, c.before), after: words(c.path, c.after) })),
      before: contactBefore(before, pending.changes),
    });
    setBusy(false);
    if (res.ok) {
      announceWrite(res.value, (t) => t('contactEdit.saved'));
      setPending(null);
      onClose();
      return;
    }
    if (res.error.fields?.length) {
      // Back to the form: each problem on its field, in the UI language; nothing typed is lost.
      const rest: FieldIssue[] = [];
      for (const f of res.error.fields) {
        const field = contactFieldOf(f.path);
        const message = serverFieldMessage(t, f.message);
        if (field) form.setError(`contact.${field}` as FieldPath<Form>, { type: 'server', message });
        else rest.push({ path: f.path, message });
      }
      setRefused(rest);
      setPending(null);
    } else {
      setWriteError(res.error);
    }
  };

  /** A value as the agent reads it (a phone grouped, a date in the app's language, a country's name). */
  const words = (path: string, v: string | number | boolean | null) => (v === null ? null : (describeValue(t, fmt, path, v) ?? String(v)));

  return (
    <>
      <Dialog open onClose={() => void requestClose()} aria-labelledby={titleId} maxWidth="md" fullWidth data-testid="contact-edit">
        <DialogTitle id={titleId}>{t('contactEdit.title', { name: contact.fullName ?? accountNo })}</DialogTitle>
        <DialogContent dividers>
          <Box component="form" id={`${titleId}-form`} noValidate onSubmit={form.handleSubmit(onValid)}>
            {refused ? (
              <Alert severity="warning" sx={{ mb: 2 }} role="alert" data-testid="contact-refused">
                {t('contactEdit.refused')}
                {refused.length ? (
                  <ul>
                    {refused.map((f) => (
                      <li key={f.path}>
                        {fieldLabel(t, f.path)}: {f.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Alert>
            ) : null}
            <ContactFormFields control={form.control} prefix="contact" autoFocus="cellPhone" />
            {nothingChanged ? (
              <Alert severity="info" sx={{ mt: 2 }} data-testid="contact-nothing-changed">
                {t('contactEdit.nothingChanged')}
              </Alert>
            ) : null}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void requestClose()} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={`${titleId}-form`} variant="contained" data-testid="contact-review">
            {t('contactEdit.review')}
          </Button>
        </DialogActions>
      </Dialog>
      <ConfirmWriteDialog
        open={!!pending}
        title={t('contactEdit.confirmTitle')}
        summary={t('contactEdit.confirmSummary', { account: accountNo, name: contact.fullName ?? '' })}
        changes={pending?.changes ?? []}
        formatValue={(path, value) => words(path, value) ?? ''}
        busy={busy}
        error={writeError}
        confirmLabel={t('contactEdit.save')}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setPending(null);
          setWriteError(null);
        }}
      />
    </>
  );
}

export type { ContactFieldName };
