// Card update (issue 10 item 4): the agent picks the billing group (or a new one made from
// it), the customer's card is typed into the provider's own form — a window of its own in
// the desktop app, a separate top-level page in a browser, never inside this page — and the
// desk follows the provider step by step until the card is accepted; then the link is
// confirmed (before → after) and sent as the card.complete command. Only masked cards show.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Select from '@mui/material/Select';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingGroupInfo } from '../../../shared/amps';
import type { FieldChange, Scalar } from '../../../shared/domain/fieldDiff';
import { ChangesTable, ReasonField } from '../../components/ChangesTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBillingGroups, type BillingGroupList } from '../../state/billingGroupsStore';
import { invoke } from '../../state/ipc';
import { uiLanguage } from '../../state/uiLanguage';
import { useWorkspace } from '../../state/workspaceStore';
import { cardChoiceLabel, cardExpired, cardLabel, findPaymentMethod } from '../billingGroups/cards';
import { announceWrite } from '../outbox/writeNotice';
import { withWords } from '../../components/valueWords';
import { CardUpdateFlow, type FlowApi, type Step as FlowStep } from './cardUpdateFlow';

const STEPS = ['prepared', 'formOpen', 'accepted', 'linking', 'done'] as const;
const STEP_INDEX: Record<FlowStep, number> = { prepare: 0, form: 1, card: 2, confirm: 3, link: 3, done: 4 };

const api: FlowApi = {
  prepare: (i) => invoke((a) => a.cards.prepare(i)),
  openForm: (i) => invoke((a) => a.cards.openForm(i)),
  closeForm: (i) => invoke((a) => a.cards.closeForm(i)),
  status: (i) => invoke((a) => a.cards.status(i)),
  complete: (i) => invoke((a) => a.cards.complete(i)),
};

/** A new top-level page on the provider's origin, with no way back to this one (noopener). */
function openProviderPage(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

interface Props {
  accountNo: number;
  group: BillingGroupInfo;
  list: BillingGroupList;
  onClose(): void;
}

export function CardUpdateDialog({ accountNo, group, list, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const groups = list.acctRetrieveBillingGroupList;
  const live = useBillingGroups((s) => s.byAccount[accountNo]?.data) ?? list;
  const [groupNo, setGroupNo] = useState(group.ariaBillingGroupNo);
  const [createNew, setCreateNew] = useState(false);
  const [reason, setReason] = useState('');
  const flow = useMemo(
    () =>
      new CardUpdateFlow({
        api,
        accountNo,
        lang: uiLanguage(),
        openPage: openProviderPage,
        // The new card shows masked in the confirmation: read the groups and their cards again.
        onAccepted: () => void useBillingGroups.getState().load(accountNo),
      }),
    [accountNo],
  );
  const s = useSyncExternalStore(flow.subscribe, () => flow.state);
  useEffect(() => {
    void flow.prepare();
    return () => flow.stop();
  }, [flow]);

  const target = groups.find((g) => g.ariaBillingGroupNo === groupNo) ?? group;
  const targetName = target.billingGroupName ?? target.ariaBillingGroupID;
  const methods = live.acctRetrieveBillingGroupPayMethodList;
  const newCard = s.paymentMethodNo !== null ? (methods ?? []).find((m) => m.ariaPaymentMethodNo === s.paymentMethodNo) ?? null : null;
  const newCardText = newCard ? cardLabel(newCard) : s.paymentMethodNo !== null ? t('cardUpdate.cardNo', { no: s.paymentMethodNo }) : '';
  const oldCard = findPaymentMethod(methods, target.paymentMethodInfo?.primaryPaymentMethodID);
  const changes: FieldChange[] = createNew
    ? [
        { path: 'billingGroupName', before: null, after: t('cardUpdate.newGroupFrom', { name: targetName }) },
        { path: 'paymentOption', before: null, after: 'METHODS' },
        { path: 'primaryPaymentMethodID', before: null, after: newCardText },
      ]
    : [
        ...(target.paymentOption !== 'METHODS' ? [{ path: 'paymentOption', before: target.paymentOption ?? null, after: 'METHODS' }] : []),
        { path: 'primaryPaymentMethodID', before: oldCard ? cardChoiceLabel(oldCard, t) : null, after: newCardText },
      ];
  const formatValue = (path: string, v: Scalar) => (path === 'paymentOption' ? t(`paymentOption.${String(v)}`, { defaultValue: String(v) }) : String(v));
  const locked = s.step === 'link' || s.step === 'done';
  const done = s.step === 'done';

  const confirm = async () => {
    await flow.link({ billingGroupNo: groupNo, createNewBillingGroup: createNew }, reason, withWords(changes, formatValue));
    const st = flow.state;
    if (st.step === 'done' && st.outcome) {
      announceWrite({ outcome: st.outcome }, (t) => t('cardUpdate.linked', { card: newCardText, name: createNew ? t('cardUpdate.newGroup') : targetName }));
      await Promise.all([useBillingGroups.getState().load(accountNo), useWorkspace.getState().load(accountNo)]);
    }
  };

  const stepIndex = STEP_INDEX[s.step];
  const failed = s.problem && s.problem.kind !== 'slow';

  return (
    <Dialog open onClose={s.busy && s.step === 'link' ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('cardUpdate.title', { name: group.billingGroupName ?? group.ariaBillingGroupID })}</DialogTitle>
      <DialogContent dividers data-testid="card-update" data-step={s.step} data-busy={String(s.busy)} data-problem={s.problem?.kind ?? ''}>
        <Stepper activeStep={done ? STEPS.length : stepIndex} alternativeLabel sx={{ mb: 2 }} aria-label={t('cardUpdate.progress')}>
          {STEPS.map((key, i) => (
            <Step key={key} completed={done || i < stepIndex}>
              <StepLabel error={i === stepIndex && !!failed}>{t(`cardUpdate.step.${key}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>

        <Box component="fieldset" disabled={locked} sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { sm: '1fr 1fr' }, mb: 2 }}>
          <FormControl size="small" disabled={locked}>
            <InputLabel id={`${titleId}-group`}>{t('cardUpdate.group')}</InputLabel>
            <Select labelId={`${titleId}-group`} label={t('cardUpdate.group')} value={groupNo} onChange={(e) => setGroupNo(Number(e.target.value))} data-testid="card-group">
              {groups.map((g) => (
                <MenuItem key={g.ariaBillingGroupNo} value={g.ariaBillingGroupNo}>
                  {g.billingGroupName ?? g.ariaBillingGroupID} (#{g.ariaBillingGroupNo})
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl disabled={locked}>
            <FormLabel id={`${titleId}-mode`} sx={{ fontSize: '0.875rem' }}>
              {t('cardUpdate.mode')}
            </FormLabel>
            <RadioGroup row aria-labelledby={`${titleId}-mode`} value={createNew ? 'new' : 'update'} onChange={(e) => setCreateNew(e.target.value === 'new')}>
              <FormControlLabel value="update" control={<Radio size="small" />} label={t('cardUpdate.modeUpdate')} />
              <FormControlLabel value="new" control={<Radio size="small" />} label={t('cardUpdate.modeNew')} />
            </RadioGroup>
          </FormControl>
          {oldCard && !createNew ? (
            <Typography variant="body2" color={cardExpired(oldCard) ? 'error.dark' : 'text.secondary'} sx={{ gridColumn: '1 / -1' }} data-testid="current-card">
              {t('cardUpdate.current', { card: cardChoiceLabel(oldCard, t) })}
            </Typography>
          ) : null}
        </Box>

        <Box aria-live="polite" data-testid="card-step-body">
          {s.step === 'prepare' && s.busy ? <Busy text={t('cardUpdate.preparing')} /> : null}
          {s.step === 'form' && !s.busy && !s.problem ? (
            <Box sx={{ display: 'grid', gap: 1.5, justifyItems: 'start' }}>
              <Typography variant="body2">{t('cardUpdate.formIntro')}</Typography>
              <Button variant="contained" onClick={() => void flow.openForm()} autoFocus data-testid="open-card-form">
                {t('cardUpdate.openForm')}
              </Button>
            </Box>
          ) : null}
          {s.step === 'form' && s.busy ? <Busy text={t('cardUpdate.opening')} /> : null}
          {s.step === 'card' ? (
            <Box sx={{ display: 'grid', gap: 1.5, justifyItems: 'start' }}>
              {s.busy ? <Busy text={t('cardUpdate.waitingForCard')} /> : null}
              {s.refusedCards > 0 ? (
                <Alert severity="info" data-testid="refused-cards">
                  {t('cardUpdate.refused', { count: s.refusedCards })}
                </Alert>
              ) : null}
              <Button onClick={() => void flow.openForm()}>{t('cardUpdate.openAgain')}</Button>
            </Box>
          ) : null}
          {s.step === 'confirm' || (s.step === 'link' && s.busy) ? (
            <Box data-testid="confirm-write">
              <Typography variant="body2" sx={{ mb: 1 }}>
                {createNew ? t('cardUpdate.confirmNew', { name: targetName }) : t('cardUpdate.confirmUpdate', { name: targetName })}
              </Typography>
              <ChangesTable changes={changes} formatValue={formatValue} />
              <ReasonField value={reason} onChange={setReason} disabled={s.busy} />
            </Box>
          ) : null}
          {s.step === 'link' && s.busy ? <Busy text={t('cardUpdate.linking')} /> : null}
          {done ? (
            <Alert severity={s.outcome === 'APPLIED' ? 'success' : s.outcome === 'QUEUED' ? 'info' : 'warning'} data-testid="card-done">
              {s.outcome === 'APPLIED'
                ? t('cardUpdate.done', { card: newCardText, name: createNew ? t('cardUpdate.newGroup') : targetName })
                : s.outcome === 'QUEUED'
                  ? t('outbox.notice.queued')
                  : t('outbox.notice.unknown')}
            </Alert>
          ) : null}
        </Box>

        {s.problem ? (
          <Box sx={{ mt: 2 }} data-testid="card-problem">
            {s.problem.kind === 'error' ? (
              <ErrorAlert error={s.problem.error} title={t(`cardUpdate.failed.${s.step}`)} onRetry={() => void (s.step === 'link' ? confirm() : flow.retry())} />
            ) : s.problem.kind === 'slow' ? (
              <Alert severity="info">{t('cardUpdate.slow')}</Alert>
            ) : (
              <Alert
                severity="warning"
                role="alert"
                action={
                  <Button color="inherit" onClick={() => void flow.retry()} data-testid="card-retry">
                    {t('common.retry')}
                  </Button>
                }
              >
                {t(`cardUpdate.problem.${s.problem.kind}.${s.step === 'prepare' ? 'prepare' : s.step === 'form' ? 'form' : 'card'}`)}
              </Alert>
            )}
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        {done ? (
          <Button variant="contained" onClick={onClose} autoFocus>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={s.busy && s.step === 'link'}>
              {t('common.cancel')}
            </Button>
            {s.step === 'confirm' || s.step === 'link' ? (
              <Button variant="contained" onClick={() => void confirm()} disabled={s.busy} data-testid="link-card">
                {t('cardUpdate.link')}
              </Button>
            ) : null}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Busy({ text }: { text: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }} role="status">
      <CircularProgress size={20} aria-hidden />
      <Typography variant="body2">{text}</Typography>
    </Box>
  );
}
