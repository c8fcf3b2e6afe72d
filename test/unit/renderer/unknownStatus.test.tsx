// An account status code the app does not know is data (issue 11 item 9): the row is shown
// with "Unknown status (7)" in the UI language; the other rows are unaffected.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { SearchScreen } from '../../../renderer/features/search/SearchScreen';
import { StatusChip } from '../../../renderer/components/StatusChip';
import { changeLocale } from '../../../renderer/i18n';
import { installFakeCsr, renderUi, row } from './harness';

afterEach(() => act(() => changeLocale('en')));

describe('an unknown account status code', () => {
  it('shows its raw value as unknown in the results, the known ones in words', async () => {
    const csr = installFakeCsr();
    csr.handle('accounts.search', () => ok({ rows: [row(1001, 'Ola Nordmann'), row(1002, 'Kari Nordmann', { acctStatusCode: 7 })], more: false, limit: 50 }));
    renderUi(<SearchScreen />);
    await userEvent.type(screen.getByTestId('quick-search'), 'Nordmann');
    await waitFor(() => expect(screen.getByTestId('search-results')).toHaveAttribute('data-search-state', 'done'));
    const rows = within(screen.getByRole('grid')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Active');
    expect(rows[2]).toHaveTextContent('Unknown status (7)');
  });

  it('says it in Bokmål too, on the account chip', () => {
    installFakeCsr();
    act(() => changeLocale('nb'));
    renderUi(<StatusChip code={7} />);
    expect(screen.getByText('Ukjent status (7)')).toBeInTheDocument();
  });
});
