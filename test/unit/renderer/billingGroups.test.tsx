import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { BillingGroupsPanel } from '../../../renderer/features/billingGroups/BillingGroupsPanel';
import { changeLocale } from '../../../renderer/i18n';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { group, installFakeCsr, renderUi, type FakeCsr } from './harness';

const card = { ariaPaymentMethodID: 'PM-1', ariaPaymentMethodNo: 77, payMethodType: 'CC', creditCardMasked: '**** **** **** 1234', creditCardType: 'VISA', creditCardExpMonth: '4', creditCardExpYear: '2029' };

async function openPanel() {
  useWorkspace.getState().open(7, 'Kari');
  renderUi(<BillingGroupsPanel accountNo={7} active />);
  await waitFor(() => expect(screen.getByTestId('billing-groups')).toHaveAttribute('data-state', 'ready'));
}

describe('billing groups', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({
      'billingGroups.list': () =>
        ok({
          ariaAccountNo: 7,
          acctRetrieveBillingGroupList: [
            group(501),
            group(502, { billingGroupName: 'Kort', paymentOption: 'METHODS', paymentTermInfo: null, paymentMethodInfo: { primaryPaymentMethodID: 'PM-1' } }),
          ],
          acctRetrieveBillingGroupPayMethodList: [card],
        }),
    });
  });

  it('lists payment option, terms or masked card, statement contact and dunning', async () => {
    await openPanel();
    const giro = screen.getByTestId('billing-group-501');
    expect(giro).toHaveTextContent('Payment terms');
    expect(giro).toHaveTextContent('Bank giro');
    expect(giro).toHaveTextContent('Kari Nordmann #9001');
    expect(giro).toHaveTextContent('Standard #1501');
    expect(giro).toHaveTextContent('DEFAULT');
    expect(within(screen.getByTestId('billing-group-502')).getByTestId('masked-card')).toHaveTextContent('VISA **** **** **** 1234 · 04/29');
  });

  it('asks for the EAN fields for EHF, on the fields, before anything is sent', async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Edit Giro' }));
    const dialog = screen.getByTestId('billing-group-form');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Payment terms' }));
    await userEvent.click(screen.getByRole('option', { name: 'EHF e-invoice' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    await waitFor(() => expect(within(dialog).getAllByText('Required for EHF')).toHaveLength(2));
    expect(csr.inputs('billingGroups.modify')).toHaveLength(0);
  });

  it('says it in Bokmål when the UI is in Bokmål (the shared rules speak English to the API)', async () => {
    act(() => changeLocale('nb'));
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Endre Giro' }));
    const dialog = screen.getByTestId('billing-group-form');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Betalingsbetingelser' }));
    await userEvent.click(screen.getByRole('option', { name: 'EHF-faktura' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Se over endringene' }));
    await waitFor(() => expect(within(dialog).getAllByText('Må fylles ut for EHF')).toHaveLength(2));
    expect(within(dialog).queryByText(/is required for EHF/)).toBeNull();
  });

  it('shows before → after, sends only what changed with the reason, then reloads from the API', async () => {
    csr.handle('billingGroups.modify', () => ok({ outcome: 'APPLIED', requestId: 'r1', group: null, reason: { outcome: 'APPLIED', requestId: 'r2' } }));
    await openPanel();
    const listCalls = csr.inputs('billingGroups.list').length;
    await userEvent.click(screen.getByRole('button', { name: 'Edit Giro' }));
    const dialog = screen.getByTestId('billing-group-form');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Payment terms' }));
    await userEvent.click(screen.getByRole('option', { name: 'EHF e-invoice' }));
    await userEvent.type(within(dialog).getByLabelText('EAN number *'), '7080001234560');
    await userEvent.type(within(dialog).getByLabelText('EAN requisition number *'), 'REQ-42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    const confirm = await screen.findByTestId('confirm-write');
    const rows = within(confirm).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'Payment terms › Payment termsBank giro→EHF e-invoice', // in words, not BANKGIRO → EHF
      'Payment terms › EAN number—→7080001234560',
      'Payment terms › EAN requisition number—→REQ-42',
    ]);
    await userEvent.type(within(confirm).getByTestId('reason'), 'Customer is a municipality');
    await userEvent.click(screen.getByTestId('confirm-write-button'));
    await waitFor(() => expect(csr.inputs('billingGroups.modify')).toHaveLength(1));
    const sent = csr.inputs('billingGroups.modify')[0] as Record<string, unknown> & { before: Record<string, unknown> };
    expect({ ...sent, before: undefined }).toEqual({
      accountNo: 7,
      group: {
        ariaBillingGroupID: 'BG-501',
        ariaBillingGroupNo: 501,
        ariaDunningGroupID: 'DG-501',
        ariaDunningGroupNo: 1501,
        paymentOption: 'TERMS',
        paymentTermInfo: { paymentTerms: 'EHF', paymentEANNum: '7080001234560', paymentEANRequisitionNum: 'REQ-42' },
      },
      reason: 'Customer is a municipality',
      // The reason comment is written by main in the agent's language, from what was confirmed.
      lang: 'en',
      // The values stay codes (the audit says them in its reader's language); the words the
      // agent confirmed go along for the reason comment.
      changes: [
        { path: 'paymentTermInfo.paymentTerms', before: 'BANKGIRO', after: 'EHF', words: { before: 'Bank giro', after: 'EHF e-invoice' } },
        { path: 'paymentTermInfo.paymentEANNum', before: null, after: '7080001234560' },
        { path: 'paymentTermInfo.paymentEANRequisitionNum', before: null, after: 'REQ-42' },
      ],
      before: undefined,
    });
    // What the agent saw before: main settles an unknown outcome against it.
    expect(sent.before).toMatchObject({ billingGroupName: 'Giro', 'paymentTermInfo.paymentTerms': 'BANKGIRO', notifyMethod: 'PDF' });
    await waitFor(() => expect(csr.inputs('billingGroups.list').length).toBe(listCalls + 1));
    expect(csr.inputs('accounts.get').length).toBeGreaterThanOrEqual(2);
    await waitFor(() => expect(screen.queryByTestId('billing-group-form')).not.toBeInTheDocument());
  });

  it('puts the API’s field errors on the fields and keeps what was typed', async () => {
    csr.handle('billingGroups.add', () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Check group.statementContactDetails.emailAddress', fields: [{ path: 'group.statementContactDetails.emailAddress', message: 'emailAddress must be a valid email address' }] },
    }));
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Add billing group' }));
    const dialog = screen.getByTestId('billing-group-form');
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Bedrift');
    await userEvent.type(within(dialog).getByLabelText('Full name *'), 'Nordmann AS');
    await userEvent.type(within(dialog).getByLabelText('Email'), 'post@nordmann.no');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    // The API's rule message, on the field, in the UI's words.
    expect(await within(dialog).findByText('Enter a valid email address')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Full name *')).toHaveValue('Nordmann AS');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Bedrift');
    expect(csr.inputs('billingGroups.add')[0]).toMatchObject({
      accountNo: 7,
      group: { billingGroupName: 'Bedrift', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'BANKGIRO' }, statementContactDetails: { fullName: 'Nordmann AS', emailAddress: 'post@nordmann.no' } },
    });
  });

  it('reuses an existing statement contact on a new group', async () => {
    csr.handle('billingGroups.add', () => ok({ outcome: 'APPLIED', requestId: 'r1', group: null }));
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Add billing group' }));
    const dialog = screen.getByTestId('billing-group-form');
    await userEvent.click(within(dialog).getByLabelText('Reuse another group’s contact'));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Statement contact' }));
    await userEvent.click(screen.getByRole('option', { name: /Kari Nordmann \(#9001/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    await waitFor(() => expect(csr.inputs('billingGroups.add')).toHaveLength(1));
    expect((csr.inputs('billingGroups.add')[0] as { group: unknown }).group).toEqual({
      billingGroupStatus: 'ACTIVE',
      notifyMethod: 'PDF',
      requestSourceID: 'CSR',
      paymentOption: 'TERMS',
      paymentTermInfo: { paymentTerms: 'BANKGIRO' },
      statementContactNo: 9001,
    });
  });

  it('removes a group after a confirmation, and never the last one', async () => {
    csr.handle('billingGroups.remove', () => ok({ outcome: 'APPLIED', requestId: 'r1', removed: true }));
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Kort' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    await waitFor(() =>
      expect(csr.inputs('billingGroups.remove')).toEqual([
        {
          accountNo: 7,
          group: { ariaBillingGroupID: 'BG-502', ariaBillingGroupNo: 502, ariaDunningGroupID: 'DG-502', ariaDunningGroupNo: 1502 },
          lang: 'en',
          changes: [{ path: 'billingGroupStatus', before: 'ACTIVE', after: 'removed' }],
          label: 'Kort',
        },
      ]),
    );
  });
});
