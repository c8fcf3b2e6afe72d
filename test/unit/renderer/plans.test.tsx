// The Subscriptions tab and the plan change dialog against a fake API: the refusals of the
// billing system land on their field in the UI language with what was typed kept; the
// confirmed preview travels with the change; the outcome is told honestly.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fail, ok, type ChannelInput, type ChannelOutput } from '../../../shared/ipc';
import { PlansPanel } from '../../../renderer/features/plans/PlansPanel';
import { usePlans } from '../../../renderer/features/plans/plansStore';
import { changeLocale } from '../../../renderer/i18n';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { installFakeCsr, renderUi, type FakeCsr } from './harness';

type Sub = ChannelOutput<'plans.forAccount'>['subscriptions'][number];
const sub = (over: Partial<Sub> = {}): Sub => ({
  planInstanceNo: 900,
  clientPlanInstanceId: 'MPI-900',
  planNo: 11,
  clientPlanId: 'AP-PAPIR7',
  planName: 'Papir 7 dager',
  planDesc: '',
  units: 1,
  supplemental: false,
  parentPlanInstanceNo: null,
  statusCode: 1,
  billingIntervalMonths: 1,
  periodStart: '2026-11-15',
  periodEnd: '2026-12-14',
  nextBillDate: '2026-12-15',
  rateScheduleNo: 111,
  rateScheduleName: 'Månedlig',
  ratePerUnit: 649,
  currency: 'NOK',
  titleCode: 'AP',
  titleName: 'Aftenposten',
  kind: 'print',
  queued: [],
  ...over,
});
const plan = (planNo: number, name: string, rate: number, current = false): ChannelOutput<'plans.offered'>['plans'][number] => ({
  planNo,
  clientPlanId: `AP-${planNo}`,
  name,
  description: '',
  supplemental: false,
  titleCode: 'AP',
  titleName: 'Aftenposten',
  kind: name === 'Digital' ? 'digital' : 'print',
  minUnits: 1,
  maxUnits: 5,
  current,
  schedules: [{ scheduleNo: planNo * 10, name: 'Månedlig', intervalMonths: 1, ratePerUnit: rate, isDefault: true, isAlternative: false, currency: 'NOK' }],
});
const PREVIEW: ChannelOutput<'plans.preview'> = {
  effects: { plan: 'Digital', units: 1, effectiveDate: '2026-12-01', charges: 139.57, credits: 302.97, net: -163.4, nextInvoiceDate: '2026-12-15', nextInvoiceAmount: 299, currency: 'NOK', scheduled: false },
  lines: [
    { kind: 'credit', description: 'x', planName: 'Papir 7 dager', units: 1, amount: -302.97, from: '2026-12-01', to: '2026-12-14' },
    { kind: 'charge', description: 'y', planName: 'Digital', units: 1, amount: 139.57, from: '2026-12-01', to: '2026-12-14' },
  ],
  tax: 0,
  proration: { periodStart: '2026-11-15', periodEnd: '2026-12-14', daysInPeriod: 30, daysRemaining: 14 },
  intervalMonths: 1,
};

describe('plan change', () => {
  let csr: FakeCsr;
  let subs: Sub[];
  beforeEach(() => {
    subs = [sub()];
    csr = installFakeCsr({
      'plans.forAccount': () => ok({ subscriptions: subs }),
      'plans.offered': () => ok({ titleCode: 'AP', titleName: 'Aftenposten', plans: [plan(11, 'Papir 7 dager', 649, true), plan(15, 'Digital', 299)] }),
    });
    usePlans.getState().reset();
    useWorkspace.getState().open(7, 'Kari');
  });

  async function openChange() {
    renderUi(<PlansPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getByTestId('plans-panel')).toHaveAttribute('data-state', 'ready'));
    await userEvent.click(screen.getByRole('button', { name: /Papir 7 dager/ }));
    const dialog = await screen.findByTestId('plan-change-dialog');
    await waitFor(() => expect(within(dialog).getByRole('combobox')).toBeInTheDocument());
    return dialog;
  }

  it('a forbidden directive lands on "When", the choices are kept; then preview, confirm, and the honest notice', async () => {
    const previews: ChannelInput<'plans.preview'>[] = [];
    csr.handle('plans.preview', (input: ChannelInput<'plans.preview'>) => {
      previews.push(input);
      return previews.length === 1
        ? fail('AMPS_REJECTED', 'assignment_directive 4 is not permitted', { resultCode: 25002, fields: [{ path: 'assignment_directive', message: 'assignment_directive 4 is not permitted' }] })
        : ok(PREVIEW);
    });
    let replaced: ChannelInput<'plans.replace'> | undefined;
    csr.handle('plans.replace', (input: ChannelInput<'plans.replace'>) => {
      replaced = input;
      subs = [sub({ planNo: 15, planName: 'Digital', kind: 'digital', ratePerUnit: 299 })];
      return ok({ outcome: 'APPLIED', requestId: 'r1', planNo: 15, units: 1, invoiceNo: 4711, effectiveDate: '2026-12-01', scheduled: false, nextBillDate: '2026-12-15' });
    });
    const dialog = await openChange();
    expect(within(dialog).getByTestId('plan-current')).toHaveTextContent(/now Papir 7 dager, 1 unit, NOK 649\.00 per month/);
    // Only what the title offers, the current plan marked.
    await userEvent.click(within(dialog).getByRole('combobox'));
    const options = screen.getAllByRole('option').map((o) => o.textContent?.replace(/\s/g, ' '));
    expect(options).toEqual(['Papir 7 dager (current) — NOK 649.00 per month', 'Digital — NOK 299.00 per month']);
    await userEvent.click(screen.getByRole('option', { name: /^Digital/ }));
    await userEvent.click(within(dialog).getByTestId('plan-preview-button'));
    expect(await within(dialog).findByText('“Now, with proration” cannot be used for this subscription; choose another')).toBeInTheDocument();
    expect(previews[0]).toMatchObject({ accountNo: 7, planInstanceNo: 900, newPlanNo: 15, planUnits: 1, directive: 4 });
    expect(within(dialog).getByRole('combobox')).toHaveTextContent('Digital');
    await userEvent.click(within(dialog).getByLabelText('At next renewal'));
    await userEvent.click(within(dialog).getByTestId('plan-preview-button'));
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'confirm'));
    expect(previews[1]).toMatchObject({ directive: 1 });
    expect(within(dialog).getByTestId('effect-charges')).toHaveTextContent('NOK 139.57');
    expect(within(dialog).getByTestId('effect-credits')).toHaveTextContent('NOK 302.97');
    expect(within(dialog).getByTestId('effect-net')).toHaveTextContent('NOK 163.40 in the customer’s favour');
    expect(within(dialog).getByTestId('effect-next-invoice')).toHaveTextContent('15/12/2026: NOK 299.00 per month');
    await userEvent.click(within(dialog).getByTestId('plan-confirm-button'));
    await waitFor(() => expect(screen.getByTestId('plan-result')).toHaveAttribute('data-outcome', 'APPLIED'));
    expect(screen.getByTestId('plan-result')).toHaveTextContent('The subscription is now Digital. Invoice 4711 was made for the difference.');
    expect(replaced).toMatchObject({ directive: 1, newPlanNo: 15, before: { plan: 'Papir 7 dager', planNo: 11, units: 1 }, preview: PREVIEW.effects, lang: 'en' });
    await waitFor(() => expect(screen.getByTestId('subscription-plan')).toHaveTextContent('Digital'));
  });

  it('in Bokmål: units ≤ 0 refused before anything is sent; a date before the period on the date field', async () => {
    changeLocale('nb');
    const previews: ChannelInput<'plans.preview'>[] = [];
    csr.handle('plans.preview', (input: ChannelInput<'plans.preview'>) => {
      previews.push(input);
      return fail('AMPS_REJECTED', 'effective_date is before the current billing period', { resultCode: 25003, fields: [{ path: 'effective_date', message: 'before' }] });
    });
    const dialog = await openChange();
    expect(within(dialog).getByTestId('plan-current')).toHaveTextContent(/nå Papir 7 dager, 1 enhet, /);
    await userEvent.click(within(dialog).getByRole('combobox'));
    await userEvent.click(screen.getByRole('option', { name: /^Digital/ }));
    const units = within(dialog).getByTestId('plan-units');
    await userEvent.clear(units);
    await userEvent.type(units, '0');
    await userEvent.click(within(dialog).getByTestId('plan-preview-button'));
    expect(await within(dialog).findByText('Antall må være mer enn 0')).toBeInTheDocument();
    expect(previews).toHaveLength(0);
    await userEvent.clear(units);
    await userEvent.type(units, '2');
    await userEvent.click(within(dialog).getByLabelText('På en bestemt dato'));
    const date = dialog.querySelector<HTMLInputElement>('input[name="effectiveDate"]')!;
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(date, { target: { value: '01.01.2020' } });
    await userEvent.click(within(dialog).getByTestId('plan-preview-button'));
    expect(await within(dialog).findByText('Kan ikke være før 15.11.2026, starten på gjeldende faktureringsperiode')).toBeInTheDocument();
    expect(previews[0]).toMatchObject({ planUnits: 2, directive: 9, effectiveDate: '2020-01-01' });
    expect(units).toHaveValue('2');
  });

  it('an answer still being checked is never told as done or failed', async () => {
    csr.handle('plans.preview', () => ok(PREVIEW));
    csr.handle('plans.replace', () => ok({ outcome: 'UNKNOWN', requestId: 'r9', message: 'checking', planNo: null, units: null, invoiceNo: null, effectiveDate: null, scheduled: null, nextBillDate: null }));
    const dialog = await openChange();
    await userEvent.click(within(dialog).getByRole('combobox'));
    await userEvent.click(screen.getByRole('option', { name: /^Digital/ }));
    await userEvent.click(within(dialog).getByTestId('plan-preview-button'));
    await waitFor(() => expect(dialog).toHaveAttribute('data-step', 'confirm'));
    await userEvent.click(within(dialog).getByTestId('plan-confirm-button'));
    const result = await screen.findByTestId('plan-result');
    expect(result).toHaveAttribute('data-outcome', 'UNKNOWN');
    expect(result).toHaveTextContent('Sent, but the billing system has not confirmed it yet');
  });
});
