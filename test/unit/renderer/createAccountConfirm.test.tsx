// The new-account confirmation says the language and the payment option in words, in the
// UI language: the language's name instead of the code typed ("Language → Norwegian",
// "Språk → Norsk"; a code no language has as typed), and the payment option labelled as
// what was picked, by the name its picker shows ("Payment option → Bank giro invoice").
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { CreateAccountHost } from '../../../renderer/features/createAccount/CreateAccountDialog';
import { useCreateAccount } from '../../../renderer/features/createAccount/createAccountStore';
import { changeLocale } from '../../../renderer/i18n';
import { installFakeCsr, renderUi } from './harness';

/** Through the duplicate check to the form, a name typed, "More" set as given, then Review. */
async function confirmation(more: (user: ReturnType<typeof userEvent.setup>) => Promise<void> = async () => {}) {
  const user = userEvent.setup();
  useCreateAccount.getState().show();
  renderUi(<CreateAccountHost />);
  await user.type(screen.getByTestId('check-emailAddress'), 'ingvild.nytt@example.no');
  await user.click(screen.getByTestId('check-run'));
  await waitFor(() => expect(screen.getByTestId('check-continue')).toBeEnabled());
  await user.click(screen.getByTestId('check-continue'));
  await user.type(screen.getByTestId('new-fullName'), 'Ingvild Nytt');
  await more(user);
  await user.click(screen.getByTestId('create-review'));
  const table = await screen.findByTestId('confirm-write');
  const row = (path: string) => {
    const r = table.querySelector<HTMLElement>(`[data-path="${path}"]`);
    if (!r) throw new Error(`no row for ${path}`);
    return { label: within(r).getByRole('rowheader').textContent, after: within(r).getByTestId('after').textContent };
  };
  return row;
}

describe('the new-account confirmation in words', () => {
  beforeEach(() => {
    installFakeCsr({ 'accounts.duplicates': () => ok({ matches: [], more: false, failed: [] }) });
    useCreateAccount.setState({ open: false });
  });

  it('names the language and the payment option in English', async () => {
    const row = await confirmation();
    expect(row('languageCode')).toEqual({ label: 'Language', after: 'Norwegian' });
    expect(row('acctCreateAccountPayOptionInfo.payOptionID')).toEqual({ label: 'Payment › Payment option', after: 'Bank giro invoice' });
  });

  it('names them in Bokmål', async () => {
    changeLocale('nb');
    const row = await confirmation();
    expect(row('languageCode')).toEqual({ label: 'Språk', after: 'Norsk' });
    expect(row('acctCreateAccountPayOptionInfo.payOptionID')).toEqual({ label: 'Betaling › Betalingsvalg', after: 'Faktura med bankgiro' });
  });

  describe('a language of its own (locale "Another language")', () => {
    const other = (code: string) => async (user: ReturnType<typeof userEvent.setup>) => {
      await user.click(screen.getByRole('button', { name: /More: payment/ }));
      await user.click(screen.getByRole('combobox', { name: 'Language of letters' }));
      await user.click(await screen.findByRole('option', { name: 'Another language' }));
      await user.clear(screen.getByTestId('new-languageCode'));
      await user.type(screen.getByTestId('new-languageCode'), code);
    };

    it('is named too, typed in small letters', async () => {
      expect((await confirmation(other('sv')))('languageCode')).toEqual({ label: 'Language', after: 'Swedish' });
    });

    it('a code no language has stays as typed', async () => {
      expect((await confirmation(other('QX')))('languageCode')).toEqual({ label: 'Language', after: 'QX' });
    });
  });

  it('the form’s payment picker is labelled by what it picks, and shows the options by name', async () => {
    const row = await confirmation(async (user) => {
      await user.click(screen.getByRole('button', { name: /More: payment/ }));
      await user.click(screen.getByRole('combobox', { name: 'Payment option' }));
      expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Bank giro invoice', 'Bank giro with KID', 'EHF e-invoice (public sector)']);
      await user.click(screen.getByRole('option', { name: 'Bank giro with KID' }));
    });
    expect(row('acctCreateAccountPayOptionInfo.payOptionID')).toEqual({ label: 'Payment › Payment option', after: 'Bank giro with KID' });
  });
});
