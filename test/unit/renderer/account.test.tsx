import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { changeLocale } from '../../../renderer/i18n';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { account, installFakeCsr, renderUi, type FakeCsr } from './harness';

describe('account workspace', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({
      'accounts.get': (input: { accountNo: number }) => ok(account(input.accountNo, input.accountNo === 7 ? 'Kari Nordmann' : 'Ola Hansen', input.accountNo === 7 ? 199 : -50)),
    });
  });

  it('opens several accounts in tabs, shows the overview in words, and keeps a recent list', async () => {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    const view = await screen.findByTestId('account-7');
    await waitFor(() => expect(view).toHaveAttribute('data-account-state', 'ready'));
    expect(within(view).getByRole('heading', { level: 1, name: 'Kari Nordmann' })).toBeInTheDocument();
    const overview = within(view).getByTestId('account-overview');
    expect(overview).toHaveTextContent('owes NOK 199.00');
    expect(overview).toHaveTextContent('Norwegian Bokmål');
    expect(overview).toHaveTextContent('RC1 (12/10/2019)');
    expect(overview).toHaveTextContent('Email and SMS (09/09/2019)'); // the consent code in words
    expect(overview).toHaveTextContent('Subscriptions2');
    expect(overview).toHaveTextContent('Giro');

    act(() => useWorkspace.getState().open(8, 'Ola'));
    await waitFor(() => expect(screen.getByTestId('account-8')).toHaveAttribute('data-account-state', 'ready'));
    expect(screen.getByTestId('account-8')).toHaveTextContent('is owed NOK 50.00');
    const tabs = screen.getByRole('tablist', { name: 'Open screens' });
    expect(within(tabs).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Search', 'Kari Nordmann', 'Ola Hansen']);
    expect(useWorkspace.getState().recent.map((r) => r.accountNo)).toEqual([8, 7]);

    // Alt+W closes the tab in view; the neighbour takes its place.
    await userEvent.keyboard('{Alt>}w{/Alt}');
    expect(useWorkspace.getState().tabs).toEqual([7]);
    expect(useWorkspace.getState().active).toBe(7);
  });

  it('shows money and dates in Norwegian when Bokmål is chosen', async () => {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7));
    await waitFor(() => expect(screen.getByTestId('account-7')).toHaveAttribute('data-account-state', 'ready'));
    act(() => changeLocale('nb'));
    const overview = await screen.findByTestId('account-overview');
    await waitFor(() => expect(overview).toHaveTextContent(/skylder 199,00\s*kr/));
    expect(overview).toHaveTextContent('19.09.2019');
    expect(screen.getByRole('tab', { name: 'Faktureringsgrupper' })).toBeInTheDocument();
    act(() => changeLocale('en'));
  });

  it('sends the title filter with the overview and the billing groups', async () => {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7));
    await waitFor(() => expect(screen.getByTestId('account-7')).toHaveAttribute('data-account-state', 'ready'));
    await userEvent.click(screen.getByRole('button', { name: 'All titles' }));
    const dialog = screen.getByRole('dialog', { name: 'Filter by title' });
    await userEvent.type(within(dialog).getByLabelText('Title code'), 'ap');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(csr.inputs('accounts.get').at(-1)).toEqual({ accountNo: 7, titleFilter: [{ titleCode: 'AP' }] }));
    expect(csr.inputs('billingGroups.list').at(-1)).toEqual({ accountNo: 7, titleFilter: [{ titleCode: 'AP' }] });
    expect(screen.getByRole('button', { name: 'Titles: AP' })).toBeInTheDocument();
  });

  it('says what to do when the account cannot be loaded', async () => {
    csr.handle('accounts.get', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Account 9 was not found.', say: { key: 'accountNotFound', params: { account: 9 } } } }));
    renderUi(<App />);
    act(() => useWorkspace.getState().open(9));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Account 9 was not found.');
    expect(alert).toHaveTextContent('Search again');
  });
});
