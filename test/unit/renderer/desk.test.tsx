// The desk issue (11) items 6 and 7 as an agent meets them: a comment draft survives
// closing the tab and a restart; closing anything with edits asks first; "Test connection"
// tests the form; the timeline, the overview's permanent address and the codes are current
// and in words.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type ProfileView } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { ThemeRoot } from '../../../renderer/ThemeRoot';
import { useSearch } from '../../../renderer/state/searchStore';
import { useThemeChoice } from '../../../renderer/state/themeStore';
import { useBillingGroups } from '../../../renderer/state/billingGroupsStore';
import { usePermAddress } from '../../../renderer/state/permAddressStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { account, comment, fakeDrafts, group, installFakeCsr, renderUi, resetStores, row, type FakeCsr } from './harness';

const openComments = async (accountNo: number) => {
  act(() => useWorkspace.getState().open(accountNo, 'Kari'));
  await waitFor(() => expect(useWorkspace.getState().accounts[accountNo]?.status).toBe('ready'));
  await userEvent.keyboard('{Alt>}c{/Alt}');
  await waitFor(() => expect(screen.getByTestId('comment-text')).toHaveFocus());
  return screen.getByTestId('comment-text');
};
const draftSaved = () => waitFor(() => expect(screen.getByTestId('draft-state')).toHaveAttribute('data-state', 'saved'));

// The machines are small and shared: these walk through whole screens.
vi.setConfig({ testTimeout: 60_000 });

describe('nothing typed is lost', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr();
  });

  it('a comment draft survives Alt+W and reopening the account', async () => {
    renderUi(<App />);
    const box = await openComments(7);
    await userEvent.type(box, 'Kunden ');
    await userEvent.paste('ringer tilbake i morgen');
    await draftSaved();
    expect(fakeDrafts.get(7)?.text).toBe('Kunden ringer tilbake i morgen');

    await userEvent.keyboard('{Alt>}w{/Alt}');
    await waitFor(() => expect(useWorkspace.getState().tabs).toEqual([]));
    expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument(); // the draft is kept: nothing to ask

    const again = await openComments(7);
    await waitFor(() => expect(again).toHaveValue('Kunden ringer tilbake i morgen'));
    expect(screen.getByTestId('draft-state')).toHaveTextContent('Draft from');
    // Another account has its own (empty) draft.
    act(() => useWorkspace.getState().open(8, 'Ola'));
    await userEvent.keyboard('{Alt>}c{/Alt}');
    await waitFor(() => expect(screen.getAllByTestId('comment-text').find((el) => el.closest('[data-testid="account-8"]'))).toHaveValue(''));
  });

  it('a draft comes back after a restart, and goes once the comment is saved', async () => {
    fakeDrafts.set(7, { text: 'Skrevet før omstart', updatedAt: '2026-11-30T08:00:00.000Z' });
    csr.handle('comments.add', () => ok({ parts: 1, commentNos: [1] }));
    resetStores(); // a fresh renderer: nothing in memory but what main keeps
    renderUi(<App />);
    const box = await openComments(7);
    await waitFor(() => expect(box).toHaveValue('Skrevet før omstart'));
    await userEvent.click(screen.getByRole('button', { name: 'Review and save' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    await waitFor(() => expect(box).toHaveValue(''));
    await waitFor(() => expect(fakeDrafts.has(7)).toBe(false));
  });

  it('closing a tab with a permanent address change under way asks first', async () => {
    csr.handle('address.deliveryInfo', () => ok({ ariaAccountNo: 7, deliveryAddresses: [], planInstances: [], addressTypes: [{ code: 'PERM', name: 'Fast' }] }));
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
    act(() => useWorkspace.getState().setSection(7, 'address'));
    await userEvent.click(await screen.findByRole('button', { name: 'Change permanent address' }));
    await userEvent.click(screen.getByLabelText('Enter a new address'));

    await userEvent.keyboard('{Alt>}w{/Alt}');
    const ask = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(ask).toHaveTextContent('the permanent address change you started');
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(useWorkspace.getState().tabs).toEqual([7]);
    expect(screen.getByLabelText('Enter a new address')).toBeChecked();

    await userEvent.click(screen.getByTestId('close-tab-7'));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(useWorkspace.getState().tabs).toEqual([]));
  });

  it('Escape in the billing group form asks before throwing edits away', async () => {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
    act(() => useWorkspace.getState().setSection(7, 'billingGroups'));
    await userEvent.click(await screen.findByRole('button', { name: /Edit Giro/ }));
    const form = await screen.findByTestId('billing-group-form');
    const name = within(form).getByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Hytta');
    await userEvent.keyboard('{Escape}');
    const ask = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByTestId('billing-group-form')).toBeInTheDocument();
    expect(within(screen.getByTestId('billing-group-form')).getByLabelText(/^Name/)).toHaveValue('Hytta');
    await waitFor(() => expect(screen.queryByTestId('discard-dialog')).not.toBeInTheDocument());
    await userEvent.click(within(screen.getByTestId('billing-group-form')).getByLabelText(/^Name/));
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByTestId('billing-group-form')).not.toBeInTheDocument());
  });
});

const prod: ProfileView = { name: 'Production', kind: 'remote', baseUrl: 'https://billing.example.no', clientNo: 90000259, userID: 'agent7', signatureVersion: '2.0', hasAuthKey: true, hasSigningSecret: true, secretsReadable: true };

describe('settings keep what is typed', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({
      'profiles.list': () => ok({ active: prod.name, profiles: [prod] }),
      'profiles.test': () => ok({ ok: true, message: 'Connected.', say: { key: 'testConnected', params: { url: 'https://billing.example.no' } }, latencyMs: 5 }),
    });
  });

  it('“Test connection” tests the unsaved form, with a secret only when typed', async () => {
    renderUi(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const form = await screen.findByTestId('profile-form');
    await userEvent.clear(within(form).getByLabelText('Client number'));
    await userEvent.type(within(form).getByLabelText('Client number'), '555');
    await userEvent.click(within(form).getByTestId('test-connection'));
    await waitFor(() =>
      expect(csr.inputs('profiles.test')).toEqual([
        { name: 'Production', form: { baseUrl: 'https://billing.example.no', clientNo: 555, userID: 'agent7', signatureVersion: '2.0' } },
      ]),
    );
    await userEvent.type(within(form).getByTestId('secret-signingSecret'), 'typed-secret');
    await userEvent.click(within(form).getByTestId('test-connection'));
    await waitFor(() => expect(csr.inputs('profiles.test')[1]).toMatchObject({ form: { clientNo: 555, signingSecret: 'typed-secret' } }));
    expect(csr.inputs('profiles.test')[1]).not.toHaveProperty('form.authKey');
    expect(await within(form).findByTestId('test-result')).toHaveTextContent('Connected to https://billing.example.no; the signed request was accepted. (5 ms)');
  });

  it('leaving Settings with unsaved edits asks first', async () => {
    renderUi(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const form = await screen.findByTestId('profile-form');
    await userEvent.type(within(form).getByLabelText('User ID'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Back to the workspace' }));
    const ask = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(ask).toHaveTextContent('the edits in the connection profile');
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(within(screen.getByTestId('profile-form')).getByLabelText('User ID')).toHaveValue('agent7x');
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByTestId('settings-screen')).not.toBeInTheDocument());
  });
});

describe('what the screen says is current', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr();
  });

  it('the comment timeline shows a write’s reason comment without Reload', async () => {
    let comments = [comment(1, 'Older note', '2026-11-01T10:00:00')];
    csr.handle('comments.list', () => ok({ comments }));
    csr.handle('billingGroups.modify', () => {
      comments = [comment(2, 'Billing group changed (Giro). Reason: kunden ba om det', '2026-11-30T10:00:00'), ...comments];
      return ok({ group: group(501), reasonRecorded: true });
    });
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
    act(() => useWorkspace.getState().setSection(7, 'comments'));
    const timeline = await screen.findByTestId('comment-timeline');
    expect(timeline).toHaveTextContent('Older note');
    await act(() => useBillingGroups.getState().modify(7, { ariaBillingGroupNo: 501, billingGroupName: 'Hytta' }, 'kunden ba om det'));
    await waitFor(() => expect(screen.getByTestId('comment-timeline')).toHaveTextContent('Reason: kunden ba om det'));
  });

  it('the overview shows the permanent address and a scheduled change; subscriptions and codes in words', async () => {
    let info = {
      ariaAccountNo: 7,
      deliveryAddresses: [
        { distAddressNo: 1, distAddrType: 'PERM', distStreetName: 'Storgata', distStreetNo: '1', distAddrPostalCode: '0155', distAddrCity: 'Oslo', distAddrCountryCode: 'NO', isPermanent: true, permanentFrom: '2024-01-01T00:00:00' },
        { distAddressNo: 2, distAddrType: 'CABIN', distStreetName: 'Fjellveien', distStreetNo: '3', distAddrPostalCode: '3580', distAddrCity: 'Geilo', distAddrCountryCode: 'NO', isPermanent: false, permanentFrom: null as string | null },
      ],
      planInstances: [{ ariaMPINo: 900, ariaMPIID: 'MPI-900', planName: 'Digital', status: 'ACTIVE', isSpecial: false, distAddressNo: 2 }],
      addressTypes: [{ code: 'PERM', name: 'Fast adresse' }],
    };
    csr.handle('address.deliveryInfo', () => ok(info));
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    const card = await screen.findByTestId('overview-permanent-address');
    await waitFor(() => expect(card).toHaveTextContent('Storgata 1, 0155 Oslo'));
    expect(card).toHaveTextContent('Permanent address · Permanent since 01/01/2024');
    expect(within(card).queryByTestId('overview-permanent-scheduled')).not.toBeInTheDocument();

    // A change from 2099 is made: the overview is read again and says what comes.
    info = { ...info, deliveryAddresses: [info.deliveryAddresses[0]!, { ...info.deliveryAddresses[1]!, permanentFrom: '2099-03-01T00:00:00' }] };
    csr.handle('address.changePerm', () => ok({ distAddressNo: 2 }));
    await act(() => usePermAddress.getState().change(7, { distAddressNo: 2, dateEffective: '2099-03-01T00:00:00' }));
    await waitFor(() => expect(screen.getByTestId('overview-permanent-scheduled')).toHaveTextContent('Changes to Fjellveien 3, 3580 Geilo on 01/03/2099'));

    act(() => useWorkspace.getState().setSection(7, 'address'));
    const deliveredTo = await screen.findByTestId('delivered-to-900');
    expect(deliveredTo).toHaveTextContent('Fjellveien 3, 3580 Geilo · Cabin address');
    expect(deliveredTo).not.toHaveTextContent(/^2$/);
    const panel = screen.getByTestId('perm-address');
    expect(panel).toHaveTextContent('Active');
    expect(panel).not.toHaveTextContent('ACTIVE');
    expect(panel).not.toHaveTextContent('CABIN');
    expect(panel).not.toHaveTextContent(/\bPERM\b/);
  });
});

describe('a desk for a whole day', () => {
  let fake: FakeCsr;
  const csr = () => fake;
  beforeEach(() => {
    fake = installFakeCsr();
  });

  it('copy buttons copy the number, ID, KID, phone and email, and say so to screen readers', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    // Found by KID: the search listed it as a KID match.
    useSearch.setState({ matchedAs: 'kid', rows: [row(7, 'Kari Nordmann')], recognition: { term: '1234 5678 903', kinds: ['kid'], explicit: true, complete: true } });
    csr().handle('accounts.get', (input: { accountNo: number }) => {
      const a = account(input.accountNo, 'Kari Nordmann');
      a.acctRetrieveAccountDetails.acctContactDetails.cellPhone = '+4791234567';
      return ok(a);
    });
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    const view = await screen.findByTestId('account-7');
    await waitFor(() => expect(view).toHaveAttribute('data-account-state', 'ready'));

    await userEvent.click(within(view).getByRole('button', { name: 'Copy account number' }));
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Account number copied'));
    await userEvent.click(within(view).getByRole('button', { name: 'Copy account ID' }));
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Account ID copied'));
    expect(within(view).getByTestId('account-kid')).toHaveTextContent('KID 12345678903');
    await userEvent.click(within(view).getByRole('button', { name: 'Copy KID' }));
    await userEvent.click(within(view).getByRole('button', { name: 'Copy phone number' }));
    await userEvent.click(within(view).getByRole('button', { name: 'Copy email address' }));
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Email address copied'));
    expect(written).toEqual(['7', 'ACCT-7', '12345678903', '+4791234567', 'kari@example.no']);
    expect(screen.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
  });

  it('opening an account puts the focus on its heading; Alt+letters move between its sections', async () => {
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(screen.getByTestId('account-heading')).toHaveFocus());
    await userEvent.keyboard('{Alt>}b{/Alt}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Billing groups' })).toHaveFocus());
    expect(useWorkspace.getState().accounts[7]?.section).toBe('billingGroups');
    await userEvent.keyboard('{Alt>}a{/Alt}');
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.section).toBe('address'));
    await userEvent.keyboard('{Alt>}m{/Alt}');
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.section).toBe('comments'));
    await userEvent.keyboard('{Alt>}s{/Alt}');
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.section).toBe('plans'));
    await userEvent.keyboard('{Alt>}o{/Alt}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus());
    await userEvent.keyboard('{F1}');
    const list = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(list).toHaveTextContent('Account: billing groupsAlt + B');
    expect(list).toHaveTextContent('Account: permanent addressAlt + A');
    expect(list).toHaveTextContent('Account: subscriptionsAlt + S');
  });

  it('a dark theme follows the choice in the top bar and is remembered', async () => {
    window.localStorage.removeItem('csr-desk.theme');
    useThemeChoice.setState({ choice: 'system', systemDark: true });
    render(
      <ThemeRoot>
        <App />
      </ThemeRoot>,
    );
    // Following a dark system.
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await userEvent.click(screen.getByRole('button', { name: 'Theme: Follow the system' }));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(window.localStorage.getItem('csr-desk.theme')).toBe('light');
    expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(243, 245, 248)');
    await userEvent.click(screen.getByRole('button', { name: 'Theme: Light' }));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    await waitFor(() => expect(getComputedStyle(document.body).backgroundColor).toBe('rgb(18, 23, 30)'));
    expect(window.localStorage.getItem('csr-desk.theme')).toBe('dark');
    // …and kept by main for this operator, which is what survives a web host restart.
    expect(fake.inputs('prefs.put')).toEqual([{ theme: 'light' }, { theme: 'dark' }]);
    useThemeChoice.setState({ choice: 'system', systemDark: false });
  });

  it('the theme and language main keeps for the operator are applied at start', async () => {
    window.localStorage.removeItem('csr-desk.theme');
    useThemeChoice.setState({ choice: 'system', systemDark: false });
    fake.handle('prefs.get', () => ok({ theme: 'dark', locale: 'nb' }));
    render(
      <ThemeRoot>
        <App />
      </ThemeRoot>,
    );
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Søk' })).toBeInTheDocument());
    useThemeChoice.setState({ choice: 'system', systemDark: false });
  });
});
