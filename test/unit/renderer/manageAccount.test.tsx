// The manage-account and contact dialogs against a fake main: a partly made request is shown
// row by row with the refused action named; what is sent is the actions and the "before" the
// settle step reads; texts and field errors in Bokmål.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { changeLocale } from '../../../renderer/i18n';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { account, installFakeCsr, renderUi, type FakeCsr } from './harness';

describe('manage the account', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({
      'accounts.get': (input: { accountNo: number }) => ok({ ...account(input.accountNo, 'Kari Nordmann'), acctRetrieveAccountDetails: { ...account(input.accountNo, 'Kari Nordmann').acctRetrieveAccountDetails, userID: 'kari-web' } }),
      'accounts.manage': () =>
        ok({
          outcome: 'APPLIED',
          requestId: 'r1',
          results: [
            { actionDirective: 'ASSIGN', resultCode: 0, resultText: 'OK' },
            { actionDirective: 'STATUS', resultCode: -11, resultText: 'some reason the desk does not know' },
          ],
        }),
      'outbox.status': () => ok({ mode: 'online', pending: 0, parked: 0, unknown: 0, profile: 'Sandbox', otherProfiles: 0 }),
      'outbox.list': () => ok({ items: [] }),
    });
  });

  async function openManage() {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    const view = await screen.findByTestId('account-7');
    await waitFor(() => expect(view).toHaveAttribute('data-account-state', 'ready'));
    await userEvent.click(within(view).getByTestId('manage-account-open'));
    return screen.findByTestId('manage-account');
  }

  it('a partly made request: which action was made and which was refused', async () => {
    const dialog = await openManage();
    // An active account: no "Activate" offered.
    expect(within(dialog).queryByTestId('status-ACTIVATE')).toBeNull();
    await userEvent.type(within(dialog).getByTestId('new-user-id'), 'kari-2');
    await userEvent.click(within(dialog).getByTestId('status-BANNED'));
    await userEvent.click(within(dialog).getByTestId('manage-review'));
    const button = await screen.findByTestId('confirm-write-button');
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByTestId('type-account-number'), '7');
    expect(button).toBeEnabled();
    await userEvent.click(button);

    const outcome = await within(dialog).findByTestId('manage-outcome');
    expect(outcome).toHaveTextContent('Only part of it was made.');
    expect(within(dialog).getByTestId('action-row-0')).toHaveTextContent('New IDs — made');
    expect(within(dialog).getByTestId('action-row-1')).toHaveTextContent('Ban — refused');
    expect(within(dialog).getByTestId('action-row-1')).toHaveTextContent('The billing system did not make this change.');
    expect(outcome).not.toHaveTextContent('some reason the desk does not know'); // no wire text
    expect(csr.inputs('accounts.manage')).toEqual([
      {
        accountNo: 7,
        actions: [
          { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: 7, newUserID: 'kari-2' } },
          { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: 7, newStatusCode: 'BANNED' } },
        ],
        lang: 'en',
        changes: [
          { path: 'userID', before: 'kari-web', after: 'kari-2' },
          { path: 'ariaStatusCode', before: 'Active', after: 'Archived (banned)' },
        ],
        before: { ariaStatusCode: 1, userID: 'kari-web', ariaAccountID: 'ACCT-7' },
      },
    ]);
  });

  it('a request refused whole: the refused action on its field and row, the other not made', async () => {
    csr.handle('accounts.manage', () => ({
      ok: false,
      error: {
        code: 'AMPS_REJECTED',
        message: 'action 1 (ASSIGN) failed, nothing was changed: …',
        fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsASSIGN.newAriaAccountID', message: '"X-1" is already used by account 9' }],
      },
    }));
    const dialog = await openManage();
    await userEvent.type(within(dialog).getByTestId('new-account-id'), 'X-1');
    await userEvent.click(within(dialog).getByTestId('status-DEACTIVATE'));
    await userEvent.click(within(dialog).getByTestId('manage-review'));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    const outcome = await within(dialog).findByTestId('manage-outcome');
    expect(outcome).toHaveAttribute('data-outcome', 'REJECTED');
    expect(within(dialog).getByTestId('action-row-0')).toHaveTextContent('New IDs — refusedAnother account (number 9) already has this ID.');
    expect(within(dialog).getByTestId('action-row-1')).toHaveTextContent('Deactivate — not made');
    expect(within(dialog).getByTestId('new-account-id')).toHaveValue('X-1');
    expect(within(dialog).getByTestId('new-account-id')).toHaveAttribute('aria-invalid', 'true');
  });

  it('speaks Bokmål, and a contact field error is in Bokmål on the field', async () => {
    changeLocale('nb');
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    const view = await screen.findByTestId('account-7');
    await waitFor(() => expect(view).toHaveAttribute('data-account-state', 'ready'));
    expect(within(view).getByTestId('manage-account-open')).toHaveTextContent('Administrer konto');
    await userEvent.click(within(view).getByTestId('edit-contact'));
    const dialog = await screen.findByTestId('contact-edit');
    expect(within(dialog).getByText('Telefon, e-post og fødselsdato')).toBeInTheDocument();
    const mobile = within(dialog).getByTestId('contact-cellPhone');
    await userEvent.type(mobile, 'abc');
    await userEvent.click(within(dialog).getByTestId('contact-review'));
    await waitFor(() => expect(mobile).toHaveAttribute('aria-invalid', 'true'));
    expect(dialog).toHaveTextContent(/telefonnummer/i);
    expect(mobile).toHaveValue('abc');
    expect(csr.inputs('accounts.manage')).toEqual([]);
  });
});
