// The session screens in the renderer: first admin, sign-in (wrong password, lockout,
// Bokmål), lock and unlock with the workspace kept, the forced password change, and what
// each role is offered.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { changeLocale } from '../../../renderer/i18n';
import { useSearch } from '../../../renderer/state/searchStore';
import { useSession } from '../../../renderer/state/sessionStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { installFakeCsr, renderUi, signedInStatus } from './harness';

const signedOut = { state: 'signedOut' as const, operator: null, mustChangePassword: false, idleLockSeconds: 900, demoOperators: false };

describe('first admin', () => {
  it('checks the fields before sending, then creates the admin and opens the workspace', async () => {
    const csr = installFakeCsr({
      'session.status': () => ok({ ...signedOut, state: 'setup' }),
      'session.setupFirstAdmin': (input: { id: string; displayName: string }) => ok(signedInStatus('admin', { operator: { id: input.id, displayName: input.displayName, role: 'admin' } })),
    });
    useSession.setState({ status: null });
    renderUi(<App />);
    const form = await screen.findByTestId('first-admin');
    expect(within(form).getByRole('heading', { level: 1 })).toHaveTextContent('Set up this desk');
    await waitFor(() => expect(within(form).getByLabelText(/Operator name/)).toHaveFocus());
    await userEvent.type(within(form).getByLabelText(/Operator name/), 'kari nordmann');
    await userEvent.type(within(form).getByLabelText(/^Password( \*)?$/), 'short');
    await userEvent.type(within(form).getByLabelText(/Password again/), 'shorter');
    await userEvent.click(within(form).getByRole('button', { name: 'Create the administrator and sign in' }));
    expect(await within(form).findByText('Letters, digits and . _ @ - only')).toBeInTheDocument();
    expect(within(form).getByText('Required')).toBeInTheDocument(); // the full name
    expect(within(form).getByText('At least 8 characters')).toBeInTheDocument();
    expect(within(form).getByText('The passwords do not match')).toBeInTheDocument();
    expect(csr.inputs('session.setupFirstAdmin')).toEqual([]);

    await userEvent.clear(within(form).getByLabelText(/Operator name/));
    await userEvent.type(within(form).getByLabelText(/Operator name/), 'kari.n');
    await userEvent.type(within(form).getByLabelText(/Full name/), 'Kari Nordmann');
    await userEvent.clear(within(form).getByLabelText(/^Password( \*)?$/));
    await userEvent.type(within(form).getByLabelText(/^Password( \*)?$/), 'a-long-password');
    await userEvent.clear(within(form).getByLabelText(/Password again/));
    await userEvent.type(within(form).getByLabelText(/Password again/), 'a-long-password');
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('quick-search');
    expect(csr.inputs('session.setupFirstAdmin')).toEqual([{ id: 'kari.n', displayName: 'Kari Nordmann', password: 'a-long-password' }]);
    expect(screen.getByTestId('operator-menu')).toHaveTextContent('Kari Nordmann');
  });
});

describe('sign-in', () => {
  it('says a wrong password and a lockout on the password field, keeps what was typed, and signs in', async () => {
    let answer: 'wrong' | 'locked' | 'ok' = 'wrong';
    const csr = installFakeCsr({
      'session.status': () => ok(signedOut),
      'session.signIn': () =>
        answer === 'ok'
          ? ok({ status: signedInStatus('agent'), failure: null })
          : ok({ status: signedOut, failure: { reason: answer, retryAfterSeconds: answer === 'locked' ? 30 : null } }),
    });
    useSession.setState({ status: null });
    renderUi(<App />);
    const form = await screen.findByTestId('sign-in');
    await userEvent.type(within(form).getByLabelText(/Operator name/), 'agent7');
    await userEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findAllByText('Required')).toHaveLength(1); // the password only
    await userEvent.type(within(form).getByLabelText(/^Password( \*)?$/), 'wrong-password');
    await userEvent.keyboard('{Enter}');
    const password = within(form).getByLabelText(/^Password( \*)?$/);
    expect(await within(form).findByText('Wrong operator name or password')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Wrong operator name or password');
    expect(password).toHaveFocus();
    expect(within(form).getByLabelText(/Operator name/)).toHaveValue('agent7');

    answer = 'locked';
    await userEvent.keyboard('{Enter}');
    expect(await within(form).findByText('Too many wrong passwords. Try again in 30 seconds.')).toBeInTheDocument();
    act(() => changeLocale('nb'));
    await userEvent.keyboard('{Enter}');
    expect(await within(form).findByText('For mange feil passord. Prøv igjen om 30 sekunder.')).toBeInTheDocument();
    act(() => changeLocale('en'));

    answer = 'ok';
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('quick-search');
    expect(csr.inputs('session.signIn').at(-1)).toEqual({ id: 'agent7', password: 'wrong-password' });
    // An agent is not offered Settings.
    expect(screen.queryByRole('button', { name: 'Settings' })).not.toBeInTheDocument();
  });

  it('a call answered UNAUTHENTICATED brings the sign-in screen back', async () => {
    let signedIn = true;
    installFakeCsr({
      'session.status': () => ok(signedIn ? signedInStatus('agent') : signedOut),
      'accounts.search': () => fail('UNAUTHENTICATED', 'Nobody is signed in at this desk. Sign in first.'),
    });
    renderUi(<App />);
    await screen.findByTestId('quick-search');
    signedIn = false;
    act(() => useSearch.getState().setQuery('Hansen'));
    expect(await screen.findByTestId('sign-in')).toBeInTheDocument();
  });
});

describe('lock', () => {
  it('hides the workspace behind the lock screen, keeps it, and unlocks with the password', async () => {
    let locked = false;
    const csr = installFakeCsr({
      'session.status': () => ok(signedInStatus('agent', locked ? { state: 'locked' } : {})),
      'session.lock': () => {
        locked = true;
        return ok(signedInStatus('agent', { state: 'locked' }));
      },
      'session.unlock': (input: { password: string }) =>
        input.password === 'right-password'
          ? ((locked = false), ok({ status: signedInStatus('agent'), failure: null }))
          : ok({ status: signedInStatus('agent', { state: 'locked' }), failure: { reason: 'wrong', retryAfterSeconds: null } }),
    });
    useSession.setState({ status: signedInStatus('agent') });
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await userEvent.click(await screen.findByTestId('operator-menu'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Lock the desk' }));
    const lock = await screen.findByTestId('lock-screen');
    expect(lock).toHaveTextContent('Locked for Agent Seven');
    expect(screen.queryByRole('tab', { name: /Kari/ })).not.toBeInTheDocument(); // hidden from view and from screen readers
    const password = within(lock).getByLabelText(/Password/);
    await waitFor(() => expect(password).toHaveFocus());
    await userEvent.type(password, 'wrong{Enter}');
    expect(await within(lock).findByText('Wrong password')).toBeInTheDocument();
    await userEvent.clear(password);
    await userEvent.type(password, 'right-password{Enter}');
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).not.toBeInTheDocument());
    // The same tabs as before: nothing was lost.
    expect(useWorkspace.getState().tabs).toEqual([7]);
    expect(screen.getByRole('tab', { name: /Kari/ })).toBeInTheDocument();
    expect(csr.inputs('session.unlock')).toEqual([{ password: 'wrong' }, { password: 'right-password' }]);
  });

  it('names an operator the directory has no name for by their login name, in the top bar and on the lock screen', async () => {
    const nameless = { operator: { id: 'ola.n', displayName: '', role: 'agent' } };
    installFakeCsr({
      'session.status': () => ok(signedInStatus('agent', nameless)),
      'session.lock': () => ok(signedInStatus('agent', { ...nameless, state: 'locked' })),
    });
    useSession.setState({ status: signedInStatus('agent', nameless) });
    renderUi(<App />);
    const menu = await screen.findByTestId('operator-menu');
    expect(menu).toHaveTextContent(/^ola\.n, Agent$/);
    await userEvent.click(menu);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Lock the desk' }));
    expect(await screen.findByTestId('lock-screen')).toHaveTextContent('Locked for ola.n');
  });

  it('signing out (or in as someone else) clears the workspace for the next person', async () => {
    let out = false;
    installFakeCsr({ 'session.signOut': () => ((out = true), ok(signedOut)), 'session.status': () => ok(out ? signedOut : signedInStatus('agent')) });
    useSession.setState({ status: signedInStatus('agent') });
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await userEvent.click(await screen.findByTestId('operator-menu'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await screen.findByTestId('sign-in');
    expect(useWorkspace.getState().tabs).toEqual([]);
    expect(useWorkspace.getState().recent).toEqual([]);
  });
});

describe('password change', () => {
  it('is forced after an admin reset: nothing else until it is done', async () => {
    let changed = false;
    const csr = installFakeCsr({
      'session.status': () => ok(signedInStatus('agent', { mustChangePassword: !changed })),
      'session.changePassword': () => ((changed = true), ok({ status: signedInStatus('agent'), failure: null })),
    });
    useSession.setState({ status: signedInStatus('agent', { mustChangePassword: true }) });
    renderUi(<App />);
    const dialog = await screen.findByRole('dialog', { name: 'Change password' });
    expect(dialog).toHaveTextContent('Choose your own password before you start.');
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Change password' })).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(/Current password/), 'temporary-1');
    await userEvent.type(within(dialog).getByLabelText(/^New password( \*)?$/), 'temporary-1');
    await userEvent.type(within(dialog).getByLabelText(/New password again/), 'temporary-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByText('Choose a password different from the current one')).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText(/^New password( \*)?$/));
    await userEvent.type(within(dialog).getByLabelText(/^New password( \*)?$/), 'my-own-password');
    await userEvent.clear(within(dialog).getByLabelText(/New password again/));
    await userEvent.type(within(dialog).getByLabelText(/New password again/), 'my-own-password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Change password' })).not.toBeInTheDocument());
    expect(csr.inputs('session.changePassword')).toEqual([{ current: 'temporary-1', next: 'my-own-password' }]);
  });
});

describe('damaged local files', () => {
  it('says which file, what starting fresh means, and moves it aside', async () => {
    let problems = [{ file: 'settings', path: 'settings.json', message: 'settings.json is not valid JSON.', consequence: 'settings' as const }];
    const csr = installFakeCsr({
      'app.info': () => ok({ problems, version: '0.1.0', transport: 'web', kiosk: false, operator: '', profile: null }),
      'localState.moveAside': () => {
        problems = [];
        return ok({ movedTo: 'settings.json.broken-20261201T081500Z', problems: [] });
      },
    });
    renderUi(<App />);
    const card = await screen.findByTestId('problem-settings');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('A file on this computer cannot be read');
    expect(card).toHaveTextContent('Connection settings. Starting fresh brings back the embedded sandbox connection');
    expect(card).toHaveTextContent('File: settings.json');
    await userEvent.click(within(card).getByRole('button', { name: 'Move it aside and start fresh' }));
    await screen.findByTestId('quick-search');
    expect(csr.inputs('localState.moveAside')).toEqual([{ file: 'settings' }]);
  });
});
