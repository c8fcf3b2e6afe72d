// A remote profile over http:// to another computer is refused on the form, on the base URL
// field, in the UI language, and nothing is sent to main (issue 11 item 10; D23).
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, type ProfileView } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { changeLocale } from '../../../renderer/i18n';
import { installFakeCsr, renderUi } from './harness';

const sandbox: ProfileView = { name: 'Sandbox (embedded)', kind: 'sandbox', baseUrl: 'http://127.0.0.1:4000', clientNo: 90000001, userID: 'agent7', signatureVersion: '2.0', hasAuthKey: true, hasSigningSecret: true, secretsReadable: true };
const prod: ProfileView = { name: 'Production', kind: 'remote', baseUrl: 'https://billing.example.no', clientNo: 90000259, userID: 'agent7', signatureVersion: '2.0', hasAuthKey: true, hasSigningSecret: true, secretsReadable: true };

afterEach(() => act(() => changeLocale('en')));

async function typeBaseUrl(url: string) {
  renderUi(<App />);
  await userEvent.click(screen.getByRole('button', { name: /Settings|Innstillinger/ }));
  const page = await screen.findByTestId('settings-screen');
  await userEvent.click(within(page).getByRole('button', { name: /Production/ }));
  const form = await within(page).findByTestId('profile-form');
  const field = within(form).getByLabelText(/^(Billing system address|Adresse til faktureringssystemet)/);
  await userEvent.clear(field);
  await userEvent.type(field, url);
  await userEvent.click(within(form).getByRole('button', { name: /^(Save|Lagre)$/ }));
  return form;
}

describe('settings: base URL', () => {
  const install = () =>
    installFakeCsr({
      'app.info': () => ok({ version: '0.1.0', transport: 'web', kiosk: false, operator: 'agent7', profile: sandbox }),
      'profiles.list': () => ok({ active: sandbox.name, profiles: [sandbox, prod] }),
      'profiles.save': () => ok(prod),
    });

  it('refuses http:// to another computer on the field, in English', async () => {
    const csr = install();
    const form = await typeBaseUrl('http://billing.example.no');
    await waitFor(() => expect(form).toHaveTextContent('Use an https:// address: over http:// the key and signatures would cross the network unencrypted'));
    expect(screen.queryByTestId('confirm-write')).toBeNull();
    expect(csr.inputs('profiles.save')).toEqual([]);
  });

  it('says so in Bokmål', async () => {
    install();
    act(() => changeLocale('nb'));
    const form = await typeBaseUrl('http://billing.example.no');
    await waitFor(() => expect(form).toHaveTextContent('Bruk en https://-adresse'));
  });

  it('lets http:// to this computer through to the confirmation', async () => {
    install();
    await typeBaseUrl('http://127.0.0.1:8480');
    expect(await screen.findByTestId('confirm-write')).toHaveTextContent('http://127.0.0.1:8480');
  });
});
