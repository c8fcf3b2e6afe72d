// Changing one subscription: the new plan (only what the business offers for its title), the
// units and when, in words — with the advanced directives behind "More" — then the
// do_write=false preview (charges, credits, effective date, next invoice), confirmed, then the
// change itself. A refusal lands on its field and nothing typed is lost (D70–D72).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Collapse from '@mui/material/Collapse';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc';
import { ChangesTable, ReasonField } from '../../components/ChangesTable';
import { DateInput } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { usePlans, type Offered, type OfferedPlan, type PlanPreview, type PlanReplaceAnswer, type Subscription } from './plansStore';
import { DIRECTIVES, checkPlanForm, directiveOf, emptyPlanForm, needsDate, placeServerErrors, toChange, type PlanForm, type PlanFormField, type When } from './planModel';

interface Props {
  accountNo: number;
  sub: Subscription;
  onClose(): void;
  /** The answer, with the new plan's name as previewed. */
  onDone(answer: PlanReplaceAnswer, planName: string): void;
}

type Errors = Partial<Record<PlanFormField, string>>;

export function PlanChangeDialog({ accountNo, sub, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const whenId = useId();
  const [values, setValues] = useState<PlanForm>(() => emptyPlanForm(sub));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [more, setMore] = useState(false);
  const [offered, setOffered] = useState<{ data: Offered | null; error: IpcError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [reason, setReason] = useState('');
  /** Until the agent types units, they follow the chosen plan's range (2 papers → Digital = 1). */
  const [unitsTouched, setUnitsTouched] = useState(false);

  const loadOffered = async (promo?: string) => {
    setOffered((o) => ({ ...o, loading: true, error: null }));
    const res = await usePlans.getState().offered(accountNo, sub.planInstanceNo, promo);
    setOffered(res.ok ? { data: res.value, error: null, loading: false } : { data: null, error: res.error, loading: false });
  };
  useEffect(() => {
    void loadOffered();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per dialog
  }, []);

  const plans = offered.data?.plans ?? [];
  const chosen: OfferedPlan | undefined = plans.find((p) => String(p.planNo) === values.newPlanNo);
  const period = (months: number) => t('plans.per', { count: months });
  const priceOf = (p: OfferedPlan) => {
    const s = p.schedules.find((x) => x.isDefault) ?? p.schedules[0];
    return s ? `${f.money(s.ratePerUnit, s.currency)} ${period(s.intervalMonths)}` : '';
  };
  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined, ...(k === 'directive' || k === 'when' ? { when: undefined, directive: undefined, effectiveDate: undefined } : {}) }));
    setGeneral(null);
  };
  const altSchedules = chosen?.schedules.filter((s) => s.isAlternative) ?? [];

  async function showEffects() {
    const own = checkPlanForm(t, values, chosen);
    setErrors(own);
    setGeneral(null);
    setFailure(null);
    if (Object.keys(own).length) {
      if (own.prorationStart || own.prorationEnd || own.couponCodes || own.promoCode || own.directive) setMore(true);
      return;
    }
    setBusy(true);
    const res = await usePlans.getState().preview(toChange(accountNo, sub, values, chosen));
    setBusy(false);
    if (res.ok) {
      setPreview(res.value);
      setReason('');
      setStep('confirm');
      return;
    }
    refused(res.error);
  }

  function refused(error: IpcError) {
    if (error.code === 'AMPS_REJECTED' || error.code === 'VALIDATION' || error.code === 'NOT_FOUND') {
      const placed = placeServerErrors(t, error, values, sub, f.date, chosen);
      setErrors(placed.fields);
      setGeneral(placed.general);
      if (placed.fields.prorationStart || placed.fields.prorationEnd || placed.fields.couponCodes || placed.fields.promoCode || placed.fields.directive || placed.fields.altRateScheduleNo) setMore(true);
      if (!Object.keys(placed.fields).length && !placed.general) setFailure(error);
      setStep('choose');
    } else setFailure(error);
  }

  async function confirm() {
    if (!preview) return;
    const change = toChange(accountNo, sub, values, chosen);
    setBusy(true);
    setFailure(null);
    const shown = [
      { path: 'plan', before: sub.planName, after: preview.effects.plan },
      { path: 'units', before: sub.units, after: preview.effects.units },
    ].filter((c) => c.before !== c.after);
    const res = await usePlans.getState().replace(
      { ...change, before: { plan: sub.planName, planNo: sub.planNo, units: sub.units }, preview: preview.effects, changes: shown },
      reason,
    );
    setBusy(false);
    if (res.ok) onDone(res.value, preview.effects.plan);
    else refused(res.error);
  }

  const changes = useMemo(
    () =>
      preview
        ? [
            { path: 'plan', before: sub.planName, after: preview.effects.plan },
            { path: 'units', before: f.number(sub.units), after: f.number(preview.effects.units) },
          ].filter((c) => c.before !== c.after)
        : [],
    [preview, sub, f],
  );

  const directive = directiveOf(values);
  const whenLabel = values.directive ? t(`plans.directive.${directive}`) : t(`plans.when.${values.when}`);

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth data-testid="plan-change-dialog" data-step={step}>
      <DialogTitle id={titleId}>{step === 'choose' ? t('plans.change.title', { plan: sub.planName }) : t('plans.confirm.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="plan-current">
          {t('plans.change.current', {
            count: sub.units,
            title: sub.titleName,
            plan: sub.planName,
            units: f.number(sub.units),
            price: `${f.money(sub.ratePerUnit * sub.units, sub.currency)} ${period(sub.billingIntervalMonths)}`,
            start: f.date(sub.periodStart),
            end: f.date(sub.periodEnd),
          })}
        </Typography>
        {step === 'choose' ? (
          <Box sx={{ display: 'grid', gap: 2 }}>
            {offered.loading ? <Loading label={t('plans.offeredLoading')} /> : null}
            {offered.error ? <ErrorAlert error={offered.error} title={t('plans.offeredFailed')} onRetry={() => void loadOffered(values.promoCode)} /> : null}
            {offered.data ? (
              <TextField
                select
                label={t('plans.field.newPlan')}
                value={values.newPlanNo}
                onChange={(e) => {
                  set('newPlanNo', e.target.value);
                  const p = plans.find((x) => String(x.planNo) === e.target.value);
                  if (p && !unitsTouched) setValues((old) => ({ ...old, newPlanNo: e.target.value, planUnits: String(Math.min(p.maxUnits, Math.max(p.minUnits, sub.units))) }));
                }}
                error={!!errors.newPlanNo}
                helperText={errors.newPlanNo ?? t('plans.change.offeredHint', { title: offered.data.titleName, count: plans.length })}
                slotProps={{ htmlInput: { 'data-testid': 'plan-new' } }}
                autoFocus
              >
                {plans.map((p) => (
                  <MenuItem key={p.planNo} value={String(p.planNo)} data-plan-no={p.planNo}>
                    {p.name}
                    {p.current ? ` (${t('plans.currentPlan')})` : ''} — {priceOf(p)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {chosen?.description ? (
              <Typography variant="body2" color="text.secondary" sx={{ mt: -1 }}>
                {chosen.description}
              </Typography>
            ) : null}
            <TextField
              label={t('plans.field.units')}
              value={values.planUnits}
              onChange={(e) => {
                setUnitsTouched(true);
                set('planUnits', e.target.value);
              }}
              error={!!errors.planUnits}
              helperText={errors.planUnits ?? (chosen
                    ? chosen.minUnits === chosen.maxUnits
                      ? t('plans.change.unitsHintOne', { n: f.number(chosen.minUnits) })
                      : t('plans.change.unitsHint', { min: f.number(chosen.minUnits), max: f.number(chosen.maxUnits) })
                    : ' ')}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'plan-units' } }}
              sx={{ maxWidth: 240 }}
            />
            <FormControl error={!!errors.when} disabled={!!values.directive}>
              <FormLabel id={whenId}>{t('plans.field.when')}</FormLabel>
              <RadioGroup aria-labelledby={whenId} value={values.when} onChange={(e) => set('when', e.target.value as When)} data-testid="plan-when">
                {(['now', 'renewal', 'date'] as const).map((w) => (
                  <FormControlLabel key={w} value={w} control={<Radio slotProps={{ input: { 'data-testid': `plan-when-${w}` } as never }} />} label={t(`plans.when.${w}`)} />
                ))}
              </RadioGroup>
              <FormHelperText>{errors.when ?? (values.directive ? t('plans.change.whenFromMore') : t(`plans.whenHint.${values.when}`, { date: f.date(sub.nextBillDate) }))}</FormHelperText>
            </FormControl>
            {needsDate(values) ? (
              <DateInput
                label={t('plans.field.effectiveDate')}
                value={values.effectiveDate}
                onChange={(v) => set('effectiveDate', v)}
                error={!!errors.effectiveDate}
                helperText={errors.effectiveDate ?? t('plans.change.dateHint', { start: f.date(sub.periodStart) })}
                name="effectiveDate"
                sx={{ maxWidth: 280 }}
              />
            ) : null}
            <Box>
              <Button
                onClick={() => setMore((m) => !m)}
                aria-expanded={more}
                aria-controls={`${titleId}-more`}
                endIcon={<ExpandMoreIcon sx={{ transform: more ? 'rotate(180deg)' : undefined }} />}
                data-testid="plan-more"
              >
                {t('plans.more')}
              </Button>
              <Collapse in={more} id={`${titleId}-more`}>
                <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '1fr 1fr' }, pt: 1.5 }}>
                  <TextField
                    select
                    label={t('plans.field.directive')}
                    value={values.directive}
                    onChange={(e) => set('directive', e.target.value)}
                    error={!!errors.directive}
                    helperText={errors.directive ?? t('plans.change.directiveHint')}
                    sx={{ gridColumn: { sm: '1 / -1' } }}
                    slotProps={{ htmlInput: { 'data-testid': 'plan-directive' } }}
                  >
                    <MenuItem value="">
                      <em>{t('plans.directiveAsChosen', { when: t(`plans.when.${values.when}`) })}</em>
                    </MenuItem>
                    {DIRECTIVES.map((d) => (
                      <MenuItem key={d} value={String(d)}>
                        {t(`plans.directive.${d}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <DateInput
                    label={t('plans.field.prorationStart')}
                    value={values.prorationStart}
                    onChange={(v) => set('prorationStart', v)}
                    error={!!errors.prorationStart}
                    helperText={errors.prorationStart ?? t('plans.change.prorationStartHint')}
                    name="prorationStart"
                  />
                  <DateInput
                    label={t('plans.field.prorationEnd')}
                    value={values.prorationEnd}
                    onChange={(v) => set('prorationEnd', v)}
                    error={!!errors.prorationEnd}
                    helperText={errors.prorationEnd ?? t('plans.change.prorationEndHint')}
                    name="prorationEnd"
                  />
                  <TextField
                    select
                    label={t('plans.field.altRate')}
                    value={values.altRateScheduleNo}
                    onChange={(e) => set('altRateScheduleNo', e.target.value)}
                    error={!!errors.altRateScheduleNo}
                    helperText={errors.altRateScheduleNo ?? (altSchedules.length ? ' ' : t('plans.change.noAltRates'))}
                    disabled={!altSchedules.length}
                  >
                    <MenuItem value="">
                      <em>{t('plans.defaultRate')}</em>
                    </MenuItem>
                    {altSchedules.map((s) => (
                      <MenuItem key={s.scheduleNo} value={String(s.scheduleNo)}>
                        {s.name} — {f.money(s.ratePerUnit, s.currency)} {period(s.intervalMonths)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    label={t('plans.field.coupons')}
                    value={values.couponCodes}
                    onChange={(e) => set('couponCodes', e.target.value)}
                    error={!!errors.couponCodes}
                    helperText={errors.couponCodes ?? t('plans.change.couponsHint')}
                  />
                  <TextField
                    label={t('plans.field.promo')}
                    value={values.promoCode}
                    onChange={(e) => set('promoCode', e.target.value)}
                    onBlur={() => {
                      // A promotion code may open plans that are offered only with it.
                      if (values.promoCode.trim()) void loadOffered(values.promoCode);
                    }}
                    error={!!errors.promoCode}
                    helperText={errors.promoCode ?? t('plans.change.promoHint')}
                  />
                </Box>
              </Collapse>
            </Box>
            {general ? (
              <Alert severity="error" data-testid="plan-general-error">
                {general}
              </Alert>
            ) : null}
          </Box>
        ) : preview ? (
          <Box sx={{ display: 'grid', gap: 2 }} data-testid="plan-preview">
            <Typography variant="body1" sx={{ fontWeight: 500 }} data-testid="plan-preview-summary">
              {preview.effects.scheduled
                ? t('plans.confirm.summaryScheduled', { from: sub.planName, to: preview.effects.plan, date: f.date(preview.effects.effectiveDate) })
                : t('plans.confirm.summaryNow', { from: sub.planName, to: preview.effects.plan, date: f.date(preview.effects.effectiveDate) })}
            </Typography>
            {changes.length ? <ChangesTable changes={changes} /> : null}
            <Table size="small" aria-label={t('plans.confirm.effects')} data-testid="plan-effects">
              <TableBody>
                <EffectRow label={t('plans.effect.when')} value={whenLabel} />
                <EffectRow label={t('plans.effect.effectiveDate')} value={f.date(preview.effects.effectiveDate) || '—'} testId="effect-date" />
                <EffectRow label={t('plans.effect.charges')} value={f.money(preview.effects.charges, preview.effects.currency)} testId="effect-charges" />
                <EffectRow label={t('plans.effect.credits')} value={f.money(preview.effects.credits, preview.effects.currency)} testId="effect-credits" />
                <EffectRow
                  label={t('plans.effect.net')}
                  value={
                    preview.effects.net > 0
                      ? t('plans.effect.netToPay', { amount: f.money(preview.effects.net, preview.effects.currency) })
                      : preview.effects.net < 0
                        ? t('plans.effect.netCredit', { amount: f.money(-preview.effects.net, preview.effects.currency) })
                        : t('plans.effect.netNone')
                  }
                  testId="effect-net"
                  strong
                />
                <EffectRow
                  label={t('plans.effect.nextInvoice')}
                  value={
                    preview.effects.nextInvoiceDate
                      ? preview.effects.nextInvoiceAmount !== null
                        ? t('plans.effect.nextInvoiceValue', {
                            date: f.date(preview.effects.nextInvoiceDate),
                            amount: f.money(preview.effects.nextInvoiceAmount, preview.effects.currency),
                            period: preview.intervalMonths ? period(preview.intervalMonths) : '',
                          })
                        : f.date(preview.effects.nextInvoiceDate)
                      : '—'
                  }
                  testId="effect-next-invoice"
                />
              </TableBody>
            </Table>
            {preview.lines.length ? (
              <Box>
                <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
                  {t('plans.confirm.lines')}
                </Typography>
                <Table size="small" aria-label={t('plans.confirm.lines')} data-testid="plan-lines">
                  <TableHead>
                    <TableRow>
                      <TableCell scope="col">{t('plans.line.what')}</TableCell>
                      <TableCell scope="col">{t('plans.line.period')}</TableCell>
                      <TableCell scope="col" align="right">
                        {t('plans.line.amount')}
                      </TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.lines.map((l, i) => (
                      <TableRow key={i}>
                        <TableCell>{t(`plans.line.${l.kind}`, { plan: l.planName })}</TableCell>
                        <TableCell>
                          {f.date(l.from)}–{f.date(l.to)}
                        </TableCell>
                        <TableCell align="right">{f.money(l.amount, preview.effects.currency)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ) : null}
            <Typography variant="body2" color="text.secondary">
              {t('plans.confirm.nothingYet')}
            </Typography>
            <ReasonField value={reason} onChange={setReason} disabled={busy} />
          </Box>
        ) : null}
        {failure ? (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={failure} title={step === 'choose' ? t('plans.previewFailed') : t('confirm.failed')} />
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        {step === 'confirm' ? (
          <Button onClick={() => setStep('choose')} disabled={busy} sx={{ mr: 'auto' }} data-testid="plan-back">
            {t('common.back')}
          </Button>
        ) : null}
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        {step === 'choose' ? (
          <Button
            variant="contained"
            onClick={() => void showEffects()}
            disabled={busy || !offered.data}
            data-testid="plan-preview-button"
            startIcon={busy ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}
          >
            {t('plans.showEffects')}
          </Button>
        ) : (
          <Button
            variant="contained"
            onClick={() => void confirm()}
            disabled={busy}
            data-testid="plan-confirm-button"
            startIcon={busy ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}
          >
            {t('plans.confirm.button')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function EffectRow({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ fontWeight: 500, width: '40%' }}>
        {label}
      </TableCell>
      <TableCell data-testid={testId} sx={strong ? { fontWeight: 600 } : undefined}>
        {value}
      </TableCell>
    </TableRow>
  );
}
