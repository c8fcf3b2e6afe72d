// Create an account (issue 10 item 2). First the duplicate check: what the caller says
// (name and postal code, email, phone) is searched for in main (accounts.duplicates), and
// possible matches show with enough to recognise them — name, address, status, what matched —
// each with "Open" to take that customer instead. Then the form: the contact (the shared
// ContactFormFields, prefilled from the check) and, under "More", the account's own
// AcctCreateAccount fields with the business's defaults (D62). Then nothing → the new
// account's fields, confirmed; then the write. APPLIED opens the new account; QUEUED says it
// will be created when the connection is back (it is in the list of waiting changes);
// UNKNOWN says it is being checked. A refusal comes back on the fields; nothing typed is lost.
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useState } from 'react';
import { useForm, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CreateAccountDetails, DuplicateMatch } from '../../../shared/commands/accountCreate';
import type { FieldChange } from '../../../shared/domain/fieldDiff';
import { EMAIL_PATTERN } from '../../../shared/amps/fields';
import { parsePhone } from '../../../shared/domain/input';
import { NEW_ACCOUNT_LOCALES, NEW_ACCOUNT_PAY_OPTIONS, NOTIFY_METHODS, OWNER_TITLES } from '../../../shared/domain/newAccount';
import type { FieldIssue, IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldLabel } from '../../components/fieldLabel';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { applyServerFieldErrors } from '../../components/serverErrors';
import { StatusChip } from '../../components/StatusChip';
import { inWordsLabels, newAccountValue, payOptionName } from '../../components/newAccountWords';
import { describeValue } from '../../components/valueWords';
import { useFormat } from '../../i18n';
import { useOutbox } from '../../state/outboxStore';
import { useShell } from '../../state/shellStore';
import { useUnsaved } from '../../state/unsavedStore';
import { useWorkspace } from '../../state/workspaceStore';
import { ContactFormFields } from '../account/ContactFormFields';
import {
  MORE_FIELDS,
  createAccountSchema,
  createChanges,
  duplicateInput,
  emptyCreateForm,
  emptyKnown,
  type CreateAccountForm,
  type Known,
} from './createAccountModel';
import { useCreateAccount } from './createAccountStore';

/** Opened from the search screen (button or Alt+N); one at a time. */
export function CreateAccountHost() {
  const open = useCreateAccount((s) => s.open);
  const session = useCreateAccount((s) => s.session);
  return open ? <CreateAccountDialog key={session} /> : null;
}

type Step = 'check' | 'form';

function CreateAccountDialog() {
  const { t } = useTranslation();
  const titleId = useId();
  const [step, setStep] = useState<Step>('check');
  const [known, setKnown] = useState<Known>(emptyKnown);
  const [formOpened, setFormOpened] = useState(false);
  const form = useForm<CreateAccountForm, unknown, CreateAccountDetails>({
    resolver: zodResolver(createAccountSchema) as never,
    defaultValues: emptyCreateForm(),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [pending, setPending] = useState<{ details: CreateAccountDetails; changes: FieldChange[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<IpcError | null>(null);
  const [refused, setRefused] = useState<{ rest: FieldIssue[] } | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const fmt = useFormat();
  // Another payment option: its first variant, unless the chosen one is offered there too.
  const option = useWatch({ control: form.control, name: 'acctCreateAccountPayOptionInfo.payOptionID' });
  useEffect(() => {
    const o = NEW_ACCOUNT_PAY_OPTIONS.find((x) => x.id === option);
    const v = form.getValues('acctCreateAccountPayOptionInfo.payOptionVariant');
    if (o && !o.variants.includes(v)) form.setValue('acctCreateAccountPayOptionInfo.payOptionVariant', o.variants[0]!);
  }, [option, form]);

  const dirty = form.formState.isDirty || Object.values(known).some((v) => v.trim() !== '');
  const close = async () => {
    if (busy) return;
    if (!dirty || (await useUnsaved.getState().confirmDiscard(['newAccount']))) useCreateAccount.getState().hide();
  };

  const toForm = (k: Known) => {
    // Carried over once; later the form keeps what the agent typed there.
    if (!formOpened) form.reset(emptyCreateForm(k), { keepDefaultValues: false });
    setFormOpened(true);
    setStep('form');
  };

  const onValid = (details: CreateAccountDetails) => {
    setWriteError(null);
    setPending({ details, changes: createChanges(details) });
  };
  const onInvalid = () => {
    const e = form.formState.errors as Record<string, unknown>;
    if (MORE_FIELDS.some((k) => e[k]) || e.acctCreateAccountPayOptionInfo) setMoreOpen(true);
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const res = await useCreateAccount.getState().create(pending.details, pending.changes.map((c) => ({ path: c.path, before: c.before, after: c.after })));
    setBusy(false);
    if (res.ok) {
      const a = res.value;
      const shell = useShell.getState();
      void useOutbox.getState().refresh();
      setPending(null);
      useCreateAccount.getState().hide();
      if (a.outcome === 'APPLIED' && a.accountNo) {
        shell.notify('success', (t) => t('createAccount.created', { accountNo: a.accountNo }));
        useWorkspace.getState().open(a.accountNo, pending.details.accountContact.fullName ?? undefined);
      } else if (a.outcome === 'APPLIED') shell.notify('success', (t) => t('createAccount.createdNoNumber', { id: a.ariaAccountID }));
      else if (a.outcome === 'QUEUED') shell.notify('info', (t) => t('createAccount.queued', { name: pending.details.accountContact.fullName }));
      else shell.notify('warning', (t) => t('createAccount.unknown'));
      return;
    }
    if (res.error.fields?.length) {
      const values = form.getValues();
      const rest = applyServerFieldErrors(t, res.error.fields, 'account', (p) => fieldFor(values, p), (p, message) =>
        form.setError(p as FieldPath<CreateAccountForm>, { type: 'server', message }),
      );
      if (res.error.fields.some((f) => !/accountContact/.test(f.path))) setMoreOpen(true);
      setRefused({ rest });
      setPending(null);
    } else setWriteError(res.error);
  };

  return (
    <>
      <Dialog open onClose={() => void close()} aria-labelledby={titleId} maxWidth="md" fullWidth data-testid="create-account">
        <DialogTitle id={titleId}>{step === 'check' ? t('createAccount.checkTitle') : t('createAccount.formTitle')}</DialogTitle>
        {step === 'check' ? (
          <DuplicateCheck known={known} onKnown={setKnown} onContinue={toForm} onClose={() => void close()} />
        ) : (
          <>
            <DialogContent dividers>
              <Box component="form" id={`${titleId}-form`} noValidate onSubmit={form.handleSubmit(onValid, onInvalid)} sx={{ display: 'grid', gap: 2 }}>
                {refused ? (
                  <Alert severity="warning" role="alert" data-testid="create-refused">
                    {t('createAccount.refused')}
                    {refused.rest.length ? (
                      <ul>
                        {refused.rest.map((f) => (
                          <li key={f.path}>
                            {fieldLabel(t, f.path)}: {f.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </Alert>
                ) : null}
                <ContactFormFields control={form.control} prefix="accountContact" testIdPrefix="new" autoFocus="fullName" />
                <Accordion expanded={moreOpen} onChange={(_, open) => setMoreOpen(open)} variant="outlined" disableGutters data-testid="create-more">
                  <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${titleId}-more`} id={`${titleId}-more-summary`}>
                    <Box>
                      <Typography variant="subtitle2" component="span">
                        {t('createAccount.more')}
                      </Typography>
                      <MoreSummary control={form.control} />
                    </Box>
                  </AccordionSummary>
                  <AccordionDetails id={`${titleId}-more`}>
                    <MoreFields control={form.control} />
                  </AccordionDetails>
                </Accordion>
              </Box>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setStep('check')} sx={{ mr: 'auto' }}>
                {t('createAccount.backToCheck')}
              </Button>
              <Button onClick={() => void close()}>{t('common.cancel')}</Button>
              <Button type="submit" form={`${titleId}-form`} variant="contained" data-testid="create-review">
                {t('createAccount.review')}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
      <ConfirmWriteDialog
        open={!!pending}
        title={t('createAccount.confirmTitle')}
        summary={t('createAccount.confirmSummary')}
        changes={pending?.changes ?? []}
        formatValue={(path, value) => newAccountValue(t, path, value) ?? describeValue(t, fmt, path, value) ?? String(value)}
        formatLabel={(path) => createLabel(t, path)}
        allowReason={false}
        busy={busy}
        error={writeError}
        confirmLabel={t('createAccount.create')}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setPending(null);
          setWriteError(null);
        }}
      />
    </>
  );
}

/** The form field that shows an error on a request path. */
function fieldFor(values: CreateAccountForm, path: string): string | undefined {
  if (path === 'acctCreateAccountPayOptionInfo' || path === 'paymentTerms') return 'acctCreateAccountPayOptionInfo.payOptionID';
  if (path === 'paymentEANNum' || path === 'paymentEANRequisitionNum') return `acctCreateAccountPayOptionInfo.${path}`;
  if (path === 'acctBillDay') return 'altBillDay';
  if (path === 'accountContact') return 'accountContact.fullName';
  const v = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), values);
  return typeof v === 'string' ? path : undefined;
}

type T = ReturnType<typeof useTranslation>['t'];

/** The confirmation's labels: the form's field names, except where a row shows in words what the form holds as a code. */
function createLabel(t: T, path: string): string {
  return fieldLabel(t, path, inWordsLabels(t));
}

// ── step 1: the duplicate check ──────────────────────────────────────────────────────────

function DuplicateCheck({ known, onKnown, onContinue, onClose }: { known: Known; onKnown(k: Known): void; onContinue(k: Known): void; onClose(): void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'error'; matches: DuplicateMatch[]; more: boolean; failed: string[]; error: IpcError | null; checked: string }>({
    status: 'idle',
    matches: [],
    more: false,
    failed: [],
    error: null,
    checked: '',
  });
  const [problems, setProblems] = useState<Partial<Record<keyof Known, string>>>({});
  const set = (k: keyof Known) => (e: React.ChangeEvent<HTMLInputElement>) => {
    onKnown({ ...known, [k]: e.target.value });
    setProblems((p) => ({ ...p, [k]: undefined }));
  };
  const signature = JSON.stringify(known);

  const check = async (e?: React.FormEvent) => {
    e?.preventDefault();
    const p: Partial<Record<keyof Known, string>> = {};
    if (known.emailAddress.trim() && !EMAIL_PATTERN.test(known.emailAddress.trim())) p.emailAddress = t('createAccount.check.badEmail');
    if (known.phone.trim() && !parsePhone(known.phone).ok) p.phone = t('createAccount.check.badPhone');
    if (known.fullName.trim() && !known.postalCode.trim()) p.postalCode = t('createAccount.check.needPostal');
    if (!known.emailAddress.trim() && !known.phone.trim() && !(known.fullName.trim() && known.postalCode.trim())) p.fullName = t('createAccount.check.needSomething');
    setProblems(p);
    if (Object.keys(p).length) return;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    const res = await useCreateAccount.getState().checkDuplicates(duplicateInput(known));
    if (res.ok) setState({ status: 'done', matches: res.value.matches, more: res.value.more, failed: res.value.failed, error: null, checked: signature });
    else setState({ status: 'error', matches: [], more: false, failed: [], error: res.error, checked: signature });
  };

  const openMatch = (m: DuplicateMatch) => {
    useCreateAccount.getState().hide();
    useWorkspace.getState().open(m.account.ariaAccountNo, m.account.contactDetails?.fullName ?? undefined);
  };
  const current = state.checked === signature && (state.status === 'done' || state.status === 'error');
  const field = (k: keyof Known, extra: { type?: string; autoFocus?: boolean; span?: number } = {}) => (
    <TextField
      label={t(`createAccount.check.${k}`)}
      value={known[k]}
      onChange={set(k)}
      type={extra.type ?? 'text'}
      autoFocus={extra.autoFocus}
      error={!!problems[k]}
      helperText={problems[k] ?? (k === 'phone' ? t('input.phoneHint') : ' ')}
      sx={{ gridColumn: `span ${extra.span ?? 1}` }}
      slotProps={{ htmlInput: { 'data-testid': `check-${k}`, autoComplete: 'off' } }}
    />
  );

  return (
    <>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('createAccount.check.intro')}
        </Typography>
        <Box component="form" id={formId} noValidate onSubmit={(e) => void check(e)} sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1.25 }}>
          {field('fullName', { autoFocus: true, span: 3 })}
          {field('postalCode')}
          {field('emailAddress', { type: 'email', span: 2 })}
          {field('phone', { type: 'tel', span: 2 })}
        </Box>
        <Box role="status" aria-live="polite" sx={{ mt: 1 }} data-testid="duplicate-status" data-state={state.status}>
          {state.status === 'loading' ? (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <CircularProgress size={16} aria-hidden />
              <Typography variant="body2">{t('createAccount.check.searching')}</Typography>
            </Box>
          ) : state.status === 'done' ? (
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {state.matches.length ? t('createAccount.check.found', { count: state.matches.length }) : t('createAccount.check.none')}
              {state.more ? ` ${t('createAccount.check.more')}` : ''}
            </Typography>
          ) : null}
        </Box>
        {state.status === 'error' && state.error ? <ErrorAlert error={state.error} title={t('createAccount.check.failed')} onRetry={() => void check()} /> : null}
        {state.failed.length ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t('createAccount.check.partlyFailed', { list: state.failed.map((c) => t(`createAccount.matchedBy.${c}`)).join(', ') })}
          </Alert>
        ) : null}
        {state.matches.length ? (
          <List aria-label={t('createAccount.check.matches')} data-testid="duplicate-matches" sx={{ mt: 1 }}>
            {state.matches.map((m) => (
              <MatchRow key={m.account.ariaAccountNo} match={m} onOpen={() => openMatch(m)} />
            ))}
          </List>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} sx={{ mr: 'auto' }}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" form={formId} variant={current ? 'outlined' : 'contained'} disabled={state.status === 'loading'} data-testid="check-run">
          {t('createAccount.check.run')}
        </Button>
        <Button
          variant={current ? 'contained' : 'outlined'}
          startIcon={<PersonAddIcon />}
          disabled={!current}
          onClick={() => onContinue(known)}
          data-testid="check-continue"
        >
          {state.matches.length ? t('createAccount.check.noneOfThese') : t('createAccount.check.continue')}
        </Button>
      </DialogActions>
    </>
  );
}

function MatchRow({ match, onOpen }: { match: DuplicateMatch; onOpen(): void }) {
  const { t } = useTranslation();
  const a = match.account;
  const c = a.contactDetails ?? {};
  const street = (c.addressLine1 ?? '').trim() || [c.streetName, c.streetNo].filter((x) => x && x.trim()).join(' ');
  const place = [c.postalCode, c.postalCity].filter((x) => x && x.trim()).join(' ');
  const phone = [c.cellPhone, c.homePhone, c.workPhone].find((p) => p && p.trim());
  const phoneText = phone ? (parsePhone(phone).ok ? (parsePhone(phone) as { international: string }).international : phone) : '';
  const name = c.fullName || [c.firstName, c.lastName].filter(Boolean).join(' ') || String(a.ariaAccountNo);
  return (
    <ListItem
      divider
      data-testid="duplicate-match"
      data-account={a.ariaAccountNo}
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 1, alignItems: 'center' }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
          <StatusChip code={a.acctStatusCode} />
          <Typography component="span" variant="body2" color="text.secondary">
            {t('createAccount.check.accountNo', { accountNo: a.ariaAccountNo })}
          </Typography>
        </Box>
        <Typography variant="body2">{[street, place].filter(Boolean).join(', ') || t('createAccount.check.noAddress')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {[c.emailAddress, phoneText].filter(Boolean).join(' · ')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 0.5, mt: 0.5, flexWrap: 'wrap' }} aria-label={t('createAccount.check.matchedByLabel')}>
          {match.matchedBy.map((m) => (
            <Chip key={m} size="small" variant="outlined" label={t(`createAccount.matchedBy.${m}`)} data-testid="matched-by" />
          ))}
        </Box>
      </Box>
      <Button variant="outlined" onClick={onOpen} aria-label={t('createAccount.check.openNamed', { name })} data-testid="duplicate-open">
        {t('createAccount.check.open')}
      </Button>
    </ListItem>
  );
}

// ── step 2: "More" — the account's own fields ─────────────────────────────────────────────

type C = Control<CreateAccountForm, unknown, CreateAccountDetails>;

function MoreSummary({ control }: { control: C }) {
  const { t } = useTranslation();
  const [currency, locale, notify, option, variant] = useWatch({
    control,
    name: ['currencyCode', 'localeCode', 'notifyMethod', 'acctCreateAccountPayOptionInfo.payOptionID', 'acctCreateAccountPayOptionInfo.payOptionVariant'],
  });
  const parts = [
    currency,
    locale ? t(`createAccount.locale.${locale}`, { defaultValue: locale }) : '',
    notify ? t(`notify.${notify}`, { defaultValue: notify }) : '',
    option ? `${payOptionName(t, option)}${variant ? `, ${t(`createAccount.variant.${variant}`, { defaultValue: variant })}` : ''}` : '',
  ].filter(Boolean);
  return (
    <Typography variant="body2" color="text.secondary" data-testid="create-more-summary">
      {parts.join(' · ')}
    </Typography>
  );
}

function MoreFields({ control }: { control: C }) {
  const { t } = useTranslation();
  const option = useWatch({ control, name: 'acctCreateAccountPayOptionInfo.payOptionID' });
  const locale = useWatch({ control, name: 'localeCode' });
  const offered = NEW_ACCOUNT_PAY_OPTIONS.find((o) => o.id === option);
  const codes = (kind: string, list: string[]) => list.map((v) => ({ value: v, label: t(`codes.${kind}.${v}`, { defaultValue: v }) }));
  const options = useMemo(
    () => ({
      locale: NEW_ACCOUNT_LOCALES.map((v) => ({ value: v, label: t(`createAccount.locale.${v}`) })),
      notify: NOTIFY_METHODS.map((v) => ({ value: v, label: t(`notify.${v}`) })),
      title: OWNER_TITLES.map((x) => ({ value: x.code, label: x.name })),
      customer: ['CONSUMER', 'BUSINESS'].map((v) => ({ value: v, label: t(`createAccount.customerType.${v}`) })),
      tax: ['NONE', 'PARTIAL', 'FULL'].map((v) => ({ value: v, label: t(`createAccount.tax.${v}`) })),
      source: ['CSR', 'WEB'].map((v) => ({ value: v, label: t(`requestSource.${v}`) })),
      pay: NEW_ACCOUNT_PAY_OPTIONS.map((o) => ({ value: o.id, label: payOptionName(t, o.id) })),
    }),
    [t],
  );
  const variants = (offered?.variants ?? []).map((v) => ({ value: v, label: t(`createAccount.variant.${v}`, { defaultValue: v }) }));
  const cell = (span: number, node: React.ReactNode) => <Box sx={{ gridColumn: `span ${span}` }}>{node}</Box>;
  const sel = (name: FieldPath<CreateAccountForm>, opts: { value: string; label: string }[], empty?: string, label = t(`field.${name.split('.').pop()}`)) => (
    <FormSelect control={control} name={name} label={label} options={opts} fullWidth {...(empty ? { emptyLabel: empty } : {})} slotProps={{ htmlInput: { 'data-testid': `new-${name}` } }} />
  );
  const text = (name: FieldPath<CreateAccountForm>, hint?: string) => (
    <FormText control={control} name={name} label={t(`field.${name.split('.').pop()}`)} fullWidth hint={hint} slotProps={{ htmlInput: { 'data-testid': `new-${name}`, autoComplete: 'off' } }} />
  );
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Group title={t('createAccount.group.payment')}>
        {/* The picker shows the options' names, so its label says what is picked, not "ID". */}
        {cell(2, sel('acctCreateAccountPayOptionInfo.payOptionID', options.pay, undefined, t('createAccount.label.payOptionID')))}
        {cell(2, sel('acctCreateAccountPayOptionInfo.payOptionVariant', variants))}
        {offered?.needsEan ? (
          <>
            {cell(2, text('acctCreateAccountPayOptionInfo.paymentEANNum', t('createAccount.eanHint')))}
            {cell(2, text('acctCreateAccountPayOptionInfo.paymentEANRequisitionNum'))}
          </>
        ) : null}
        {cell(2, sel('notifyMethod', options.notify))}
        {cell(1, text('altBillDay', t('createAccount.billDayHint')))}
        {cell(1, text('currencyCode'))}
      </Group>
      <Group title={t('createAccount.group.account')}>
        {cell(2, sel('ownerTitleCode', options.title, t('createAccount.noTitle')))}
        {cell(2, sel('customerType', options.customer))}
        {cell(2, sel('localeCode', options.locale))}
        {cell(2, locale === 'OTHER' ? text('languageCode', t('createAccount.languageHint')) : text('languageCode'))}
        {cell(2, text('ariaAccountID', t('createAccount.accountIdHint')))}
        {cell(2, text('userID', t('createAccount.userIdHint')))}
        {cell(2, text('taxpayerID'))}
        {cell(2, sel('taxpayerExemptionLevel', options.tax))}
      </Group>
      <Group title={t('createAccount.group.codes')}>
        {cell(2, sel('channelCode', codes('channel', ['CSR', 'TELEFON', 'WEB', 'KAMPANJE', 'BUTIKK']), t('createAccount.none')))}
        {cell(2, sel('sourceCode', codes('source', ['NONE', 'KAMP-HOST', 'KAMP-VAR', 'VERV', 'ABO-SALG']), t('createAccount.none')))}
        {cell(2, sel('consentCode', codes('consent', ['NONE', 'EPOST', 'SMS', 'ALLE']), t('createAccount.none')))}
        {cell(2, <FormDate control={control} name="consentCodeDate" label={t('field.consentCodeDate')} />)}
        {cell(2, sel('reservationCode', codes('reservation', ['NONE', 'RESERVERT']), t('createAccount.none')))}
        {cell(2, <FormDate control={control} name="reservationCodeDate" label={t('field.reservationCodeDate')} />)}
        {cell(2, sel('requestSource', options.source))}
      </Group>
    </Box>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1.25 }}>{children}</Box>
    </Box>
  );
}
