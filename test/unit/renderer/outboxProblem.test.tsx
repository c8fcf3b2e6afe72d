// Why a change waits for a person is said in the UI language (issue 11 item 5): the billing
// system's text that parked it stays in main's log and audit, and the list and the edit dialog
// word the reason, with each field the refusal names by its label. Checked against literal
// Bokmål sentences, never the billing system's text.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItemView } from '../../../shared/commands';
import { OutboxDialog } from '../../../renderer/features/outbox/OutboxDialog';
import { changeLocale } from '../../../renderer/i18n';
import { useOutbox } from '../../../renderer/state/outboxStore';
import { installFakeCsr, renderUi } from './harness';

const PAY_PATH = 'acctManageBillingGroupDetails[0].acctManageBillingGroupDetailsMODIFY.payOptionInfo.payOptionID';
const BILLING_TEXT = `${PAY_PATH}: EFAKTURA cannot be chosen for a billing group`;

function parked(id: string, problem: OutboxItemView['problem'], over: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id,
    seq: 1,
    profile: 'Sandbox',
    accountNo: 100234,
    type: 'billingGroup.modify',
    detail: 'Hovedgruppe',
    state: 'parked',
    reasonFor: null,
    operator: 'Kari Nordmann',
    createdAt: '2026-12-05T08:30:15.482Z',
    attempts: 2,
    nextAttemptAt: null,
    problem,
    command: { type: 'billingGroup.modify', accountNo: 100234, group: { ariaBillingGroupNo: 5, payOptionInfo: { payOptionID: 'EFAKTURA' } } } as unknown as OutboxItemView['command'],
    ...over,
  };
}

describe('why a change waits, in words', () => {
  beforeEach(() => {
    installFakeCsr();
    changeLocale('nb');
  });

  it('says a refusal and the field it names in Bokmål, not the billing system’s text', async () => {
    useOutbox.setState({ items: [parked('a', { kind: 'rejected', message: BILLING_TEXT, fields: [{ path: PAY_PATH, message: 'EFAKTURA cannot be chosen for a billing group' }] })] });
    renderUi(<OutboxDialog onClose={() => {}} />);
    const problem = screen.getByTestId('outbox-problem');
    expect(problem).toHaveTextContent('Faktureringssystemet godtok den ikke.');
    expect(problem).toHaveTextContent('Betalingsvalg › Betalingsvalg-ID: Denne betalingsmåten kan ikke brukes her');
    expect(problem).not.toHaveTextContent('EFAKTURA');
    expect(problem).not.toHaveTextContent('acctManage');

    await userEvent.click(screen.getByTestId('outbox-edit'));
    const dialog = screen.getByTestId('outbox-edit-dialog');
    expect(within(dialog).getByTestId('outbox-edit-problem')).toHaveTextContent('Faktureringssystemet godtok den ikke.');
    // The field the refusal names is marked, with the reason in words beneath it.
    const field = within(dialog).getByRole('textbox', { name: 'Betalingsvalg › Betalingsvalg-ID' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('Denne betalingsmåten kan ikke brukes her')).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent('cannot be chosen');
  });

  it('says a change that could not be confirmed, and one whose connection is gone', () => {
    useOutbox.setState({
      items: [
        parked('b', { kind: 'undecided', message: 'AcctRetrieveBillingGroup answered -99 while reading back' }),
        parked('c', { kind: 'profileMissing', message: 'the connection profile “Gamle AMPS” no longer exists' }, { profile: 'Gamle AMPS', seq: 2 }),
      ],
    });
    renderUi(<OutboxDialog onClose={() => {}} />);
    const [undecided, gone] = screen.getAllByTestId('outbox-problem');
    expect(undecided).toHaveTextContent('Den ble sendt, men det kunne ikke leses tilbake om faktureringssystemet utførte den.');
    expect(undecided).not.toHaveTextContent('AcctRetrieveBillingGroup');
    expect(gone).toHaveTextContent('Den ble lagret for forbindelsen «Gamle AMPS», som ikke finnes i Innstillinger lenger.');
    expect(gone).not.toHaveTextContent('no longer exists');
  });
});
