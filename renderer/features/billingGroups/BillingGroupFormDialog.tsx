// Add or modify a billing group with every field AcctManageBillingGroup takes. Checked by
// the shared schemas on the fields; then before → after and an optional reason; then the
// write; then the list is read again. A failed write keeps everything typed.
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
import type { BillingGroupAdd, BillingGroupInfo, BillingGroupModify } from '../../../shared/amps';
import type { FieldChange } from '../../../shared/domain/fieldDiff';
import type { FieldIssue, IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { fieldLabel } from '../../components/fieldLabel';
import { applyServerFieldErrors } from '../../components/serverErrors';
import { describeValue, withWords } from '../../components/valueWords';
import { useFormat } from '../../i18n';
import { useBillingGroups, type BillingGroupList } from '../../state/billingGroupsStore';
import { useUnsaved, useUnsavedMark } from '../../state/unsavedStore';
import { announceWrite } from '../outbox/writeNotice';
import { addSchema, emptyForm, groupChanges, groupToForm, modifySchema, type BillingGroupForm, type GroupRequest } from './billingGroupModel';
import { cardLabel, findPaymentMethod } from './cards';
import { GroupFormFields } from './GroupFormFields';

interface Props {
  accountNo: number;
  /** null = add a new group. */
  group: BillingGroupInfo | null;
  list: BillingGroupList;
  onClose(): void;
}

type Request = GroupRequest;

/** Structures the sandbox names as a whole, shown on their first field. */
const STRUCTURE_FIELD: Record<string, string> = {
  paymentTermInfo: 'paymentTermInfo.paymentTerms',
  paymentMethodInfo: 'paymentMethodInfo.primaryPaymentMethodID',
  payOptionInfo: 'payOptionInfo.payOptionID',
  statementContactDetails: 'statementContactDetails',
};

/** The form field that shows an error on a request path, if any. */
function fieldFor(values: BillingGroupForm, path: string): string | undefined {
  if (STRUCTURE_FIELD[path]) return STRUCTURE_FIELD[path];
  if (path === 'statementContactNo') return values.contactMode === 'reuse' ? path : 'statementContactDetails';
  const v = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), values);
  return typeof v === 'string' ? path : undefined;
}

export function BillingGroupFormDialog({ accountNo, group, list, onClose }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const schema = useMemo(() => (group ? modifySchema(group) : addSchema()), [group]);
  const form = useForm<BillingGroupForm, unknown, Request>({
    resolver: zodResolver(schema),
    defaultValues: group ? groupToForm(group) : emptyForm(),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [pending, setPending] = useState<{ request: Request; changes: FieldChange[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<IpcError | null>(null);
  const [formError, setFormError] = useState<{ error: IpcError; rest: FieldIssue[] } | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  // Escape, the backdrop and Cancel ask before edits are thrown away (nothing typed is lost).
  const dirty = form.formState.isDirty;
  useUnsavedMark(`billing-group:${accountNo}`, accountNo, 'billingGroup', dirty);
  const requestClose = async () => {
    if (!dirty || (await useUnsaved.getState().confirmDiscard(['billingGroup']))) onClose();
  };

  const onValid = (request: Request) => {
    const changes = groupChanges(group, form.getValues());
    if (group && !changes.length) {
      setNothingChanged(true);
      return;
    }
    setNothingChanged(false);
    setWriteError(null);
    setPending({ request, changes });
  };

  const confirm = async (reason: string) => {
    if (!pending) return;
    setBusy(true);
    const store = useBillingGroups.getState();
    const shown = { changes: withWords(pending.changes, sayValue) };
    const res = group
      ? await store.modify(accountNo, pending.request as BillingGroupModify, reason, shown)
      : await store.add(accountNo, pending.request as BillingGroupAdd, reason, shown);
    setBusy(false);
    if (res.ok) {
      announceWrite(res.value, (t) => group ? t('billingGroups.saved') : t('billingGroups.added'));
      setPending(null);
      onClose();
      return;
    }
    if (res.error.fields?.length) {
      // Back to the form, with each problem on its field in the UI language; nothing typed is lost.
      const values = form.getValues();
      const rest = applyServerFieldErrors(t, res.error.fields, 'group', (path) => fieldFor(values, path), (path, message) =>
        form.setError(path as FieldPath<BillingGroupForm>, { type: 'server', message }),
      );
      setFormError({ error: res.error, rest });
      setPending(null);
    } else {
      setWriteError(res.error);
    }
  };

  // The statement contact by name, a card by its masked number: what the agent picked, in words.
  const groupValue = (path: string, value: string | number | boolean | null): string | undefined => {
    if (value === null) return undefined;
    if (path === 'statementContactNo') {
      const g = list.acctRetrieveBillingGroupList.find((x) => x.statementContactNo === Number(value));
      return g?.statementContactDetails?.fullName ? `${g.statementContactDetails.fullName} (#${value})` : undefined;
    }
    if (path === 'paymentMethodInfo.primaryPaymentMethodID' || path === 'paymentMethodInfo.backupPaymentMethodID') {
      const m = findPaymentMethod(list.acctRetrieveBillingGroupPayMethodList, String(value));
      return m ? cardLabel(m) : undefined;
    }
    return undefined;
  };
  const sayValue = (path: string, value: string | number | boolean | null): string => groupValue(path, value) ?? describeValue(t, fmt, path, value) ?? String(value);

  return (
    <>
      <Dialog open onClose={busy ? undefined : () => void requestClose()} aria-labelledby={titleId} maxWidth="md" data-testid="billing-group-form">
        <DialogTitle id={titleId}>
          {group ? t('billingGroups.editTitle', { name: group.billingGroupName ?? group.ariaBillingGroupID }) : t('billingGroups.addTitle')}
        </DialogTitle>
        <DialogContent dividers>
          <Box component="form" id={`${titleId}-form`} noValidate onSubmit={form.handleSubmit(onValid)}>
            {formError ? (
              <Alert severity="warning" sx={{ mb: 2 }} role="alert" data-testid="server-refused">
                {t('billingGroups.serverRefused')}
                {formError.rest.length ? (
                  <ul>
                    {formError.rest.map((f) => (
                      <li key={f.path}>
                        {fieldLabel(t, f.path)}: {f.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <div>{t('errors.next.VALIDATION')}</div>
                )}
              </Alert>
            ) : null}
            <GroupFormFields control={form.control} watch={form.watch} isModify={!!group} list={list} current={group} errors={form.formState.errors} />
            {nothingChanged ? (
              <Alert severity="info" sx={{ mt: 2 }}>
                {t('billingGroups.nothingChanged')}
              </Alert>
            ) : null}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void requestClose()} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={`${titleId}-form`} variant="contained">
            {t('billingGroups.review')}
          </Button>
        </DialogActions>
      </Dialog>
      <ConfirmWriteDialog
        open={!!pending}
        title={group ? t('billingGroups.confirmModify') : t('billingGroups.confirmAdd')}
        summary={t('billingGroups.confirmSummary', { account: accountNo })}
        changes={pending?.changes ?? []}
        formatValue={sayValue}
        busy={busy}
        error={writeError}
        confirmLabel={group ? t('billingGroups.saveChanges') : t('billingGroups.addGroup')}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setPending(null);
          setWriteError(null);
        }}
      />
    </>
  );
}
