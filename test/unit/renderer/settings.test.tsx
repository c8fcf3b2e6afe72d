import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok, type ProfileView } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { useSearch } from '../../../renderer/state/searchStore';
import { useShell } from '../../../renderer/state/shellStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { installFakeCsr, renderUi, type FakeCsr } from './harness';
import { changeLocale } from '../../../renderer/i18n';

const sandbox: ProfileView = { name: 'Sandbox (embedded)', kind: 'sandbox', baseUrl: 'http://127.0.0.1:4000', clientNo: 90000001, userID: 'agent7', signatureVersion: '2.0', hasAuthKey: true, hasSigningSecret: true, secretsReadable: true };
const prod: ProfileView = { name: 'Production', kind: 'remote', baseUrl: 'https://billing.example.no', clientNo: 90000259, userID: 'agent7', signatureVersion: '2.0', hasAuthKey: true, hasSigningSecret: true, secretsReadable: true };

describe('settings: connection profiles', () => {
  let csr: FakeCsr;
  let active = sandbox.name;
  beforeEach(() => {
    active = sandbox.name;
    csr = installFakeCsr({
      'app.info': () => ok({ problems: [], version: '0.1.0', transport: 'web', kiosk: false, operator: 'agent7', profile: active === prod.name ? prod : sandbox }),
      'profiles.list': () => ok({ active, profiles: [sandbox, prod] }),
      'profiles.test': (input: { form?: { signingSecret?: string } }) =>
        input.form?.signingSecret === 'half'
          ? { ok: false, error: { code: 'VALIDATION', message: 'Fill in the marked fields to test the connection.', say: { key: 'testNeedsFields' }, fields: [{ path: 'form.authKey', message: 'required to test' }] } }
          : ok({ ok: false, message: 'Connection failed: the address could not be reached. (The billing system could not be reached (ECONNREFUSED))', say: { key: 'testUnreachable' }, latencyMs: 12 }),
      'profiles.save': (input: { name: string }) => ok({ ...prod, name: input.name }),
      'profiles.activate': (input: { name: string }) => {
        active = input.name;
        return ok(prod);
      },
    });
  });

  const openSettings = async () => {
    renderUi(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    return screen.findByTestId('settings-screen');
  };

  it('never shows a stored secret and keeps it when the field is left empty', async () => {
    const page = await openSettings();
    await userEvent.click(within(page).getByRole('button', { name: /Production/ }));
    const form = await within(page).findByTestId('profile-form');
    const authKey = within(form).getByTestId('secret-authKey');
    expect(authKey).toHaveValue('');
    expect(authKey).toHaveAttribute('type', 'password');
    expect(authKey).toHaveAttribute('placeholder', 'Stored. Leave empty to keep it.');
    await userEvent.clear(within(form).getByLabelText('User ID'));
    await userEvent.type(within(form).getByLabelText('User ID'), 'agent9');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const confirm = await screen.findByTestId('confirm-write');
    expect(confirm).toHaveTextContent('User IDagent7→agent9');
    await userEvent.click(screen.getByTestId('confirm-write-button'));
    await waitFor(() => expect(csr.inputs('profiles.save')).toEqual([{ name: 'Production', baseUrl: 'https://billing.example.no', clientNo: 90000259, userID: 'agent9', signatureVersion: '2.0' }]));
  });

  it('says what a connection test found in the UI language, without the socket’s words', async () => {
    const page = await openSettings();
    await userEvent.click(within(page).getByRole('button', { name: /Production/ }));
    await userEvent.click(within(page).getByRole('button', { name: 'Test connection' }));
    const result = await within(page).findByTestId('test-result');
    expect(result).toHaveTextContent('Connection failed: the address could not be reached. (12 ms)');
    expect(result).not.toHaveTextContent('ECONNREFUSED');
    act(() => changeLocale('nb'));
    try {
      expect(within(page).getByTestId('test-result')).toHaveTextContent('Tilkoblingen mislyktes: adressen kunne ikke nås. (12 ms)');
    } finally {
      act(() => changeLocale('en'));
    }
  });

  it('a field the test needs is marked in words, not main’s', async () => {
    const page = await openSettings();
    await userEvent.click(within(page).getByRole('button', { name: /Production/ }));
    const form = await within(page).findByTestId('profile-form');
    await userEvent.type(within(form).getByTestId('secret-signingSecret'), 'half');
    await userEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(form).getByTestId('secret-authKey')).toHaveAttribute('aria-invalid', 'true'));
    expect(form).toHaveTextContent('Required');
    expect(form).not.toHaveTextContent('required to test');
  });

  it('cannot delete the embedded sandbox profile', async () => {
    const page = await openSettings();
    await waitFor(() => expect(within(page).getByRole('heading', { name: 'Sandbox (embedded)' })).toBeInTheDocument());
    expect(within(page).getByRole('button', { name: 'Delete' })).toBeDisabled();
  });

  it('switching profile closes every tab and clears the search and caches', async () => {
    const page = await openSettings();
    act(() => {
      useWorkspace.getState().open(7, 'Kari');
      useSearch.getState().setQuery('Kari');
    });
    await userEvent.click(within(page).getByRole('button', { name: /Production/ }));
    await userEvent.click(within(page).getByRole('button', { name: 'Use this profile' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Use this profile' }));
    await waitFor(() => expect(csr.inputs('profiles.activate')).toEqual([{ name: 'Production' }]));
    await waitFor(() => expect(useWorkspace.getState().tabs).toEqual([]));
    expect(useSearch.getState().query).toBe('');
    expect(useWorkspace.getState().recent).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('active-profile')).toHaveTextContent('Production'));
  });
});

describe('SECRET_UNREADABLE', () => {
  it('shows a re-entry screen that leads to the profile’s secrets form', async () => {
    installFakeCsr({
      'app.info': () => ok({ problems: [], version: '0.1.0', transport: 'web', kiosk: false, operator: 'agent7', profile: prod }),
      'profiles.list': () => ok({ active: prod.name, profiles: [sandbox, { ...prod, secretsReadable: false }] }),
      'accounts.search': () => ({ ok: false, error: { code: 'SECRET_UNREADABLE', message: 'A stored secret (authKey) can no longer be read on this machine. Enter it again in Settings.', say: { key: 'secretUnreadableGeneral' } } }),
    });
    renderUi(<App />);
    await waitFor(() => expect(useShell.getState().info).not.toBeNull());
    await userEvent.type(screen.getByTestId('quick-search'), 'Kari');
    expect(await screen.findByRole('heading', { name: 'Enter the connection secrets again' })).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: 'Enter the connection secrets again' })).toHaveTextContent(/A stored secret can no longer be read on this computer/);
    await userEvent.click(screen.getByRole('button', { name: 'Enter the secrets' }));
    const form = await screen.findByTestId('profile-form');
    expect(within(form).getByTestId('reenter-secrets')).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByTestId('secret-authKey')).toHaveFocus());
  });

  it('opens the secrets of the profile main names, even when it is not the active one', async () => {
    const staging: ProfileView = { ...prod, name: 'Staging', baseUrl: 'https://staging.example.no', secretsReadable: false };
    installFakeCsr({
      'app.info': () => ok({ problems: [], version: '0.1.0', transport: 'web', kiosk: false, operator: 'agent7', profile: prod }),
      'profiles.list': () => ok({ active: prod.name, profiles: [sandbox, prod, staging] }),
      'accounts.search': () => ({ ok: false, error: { code: 'SECRET_UNREADABLE', message: 'A stored secret (signingSecret of the profile "Staging") can no longer be read.', profile: 'Staging' } }),
    });
    renderUi(<App />);
    await waitFor(() => expect(useShell.getState().info).not.toBeNull());
    await userEvent.type(screen.getByTestId('quick-search'), 'Kari');
    await userEvent.click(await screen.findByRole('button', { name: 'Enter the secrets' }));
    const form = await screen.findByTestId('profile-form');
    expect(within(form).getByRole('textbox', { name: /name/i })).toHaveValue('Staging');
  });
});
