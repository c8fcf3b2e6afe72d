import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/ipc';
import { App } from '../../../renderer/features/shell/App';
import { resetReadySignalForTests } from '../../../renderer/features/shell/readySignal';
import { KIOSK_IDLE_MS } from '../../../renderer/features/shell/useKioskIdle';
import { useSearch } from '../../../renderer/state/searchStore';
import { useShell } from '../../../renderer/state/shellStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { installFakeCsr, renderUi } from './harness';
import { announceWrite } from '../../../renderer/features/outbox/writeNotice';
import { changeLocale } from '../../../renderer/i18n';

describe('shell', () => {
  afterEach(() => vi.useRealTimers());

  it('signals ready once painted with the search box focused', async () => {
    installFakeCsr();
    resetReadySignalForTests();
    const ready = new Promise<void>((resolve) => window.addEventListener('csr:ready', () => resolve(), { once: true }));
    renderUi(<App />);
    await ready;
    expect(document.documentElement.dataset.appReady).toBe('true');
    expect(performance.getEntriesByName('csr:ready')).toHaveLength(1);
    expect(screen.getByTestId('quick-search')).toHaveFocus();
  });

  it('lists the shortcuts (F1) and focuses the search box from anywhere (Ctrl+K)', async () => {
    installFakeCsr();
    renderUi(<App />);
    await userEvent.keyboard('{F1}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Go to the search box');
    expect(dialog).toHaveTextContent('New comment on the open account');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(useWorkspace.getState().active).toBe(7));
    await userEvent.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(useWorkspace.getState().active).toBe('search'));
    await waitFor(() => expect(screen.getByTestId('quick-search')).toHaveFocus());
  });

  it('new comment (Alt+C) opens the comments of the open account with the focus in the text', async () => {
    installFakeCsr();
    renderUi(<App />);
    act(() => useWorkspace.getState().open(7, 'Kari'));
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
    await userEvent.keyboard('{Alt>}c{/Alt}');
    await waitFor(() => expect(screen.getByTestId('comment-text')).toHaveFocus());
    expect(useWorkspace.getState().accounts[7]?.section).toBe('comments');
  });

  it('Alt+E and Alt+U open the open account’s Edit contact and Manage account, the focus in them; without an account they do nothing', async () => {
    installFakeCsr();
    renderUi(<App />);
    // On the search screen there is no account to edit: no dialog opens.
    await waitFor(() => expect(screen.getByTestId('quick-search')).toHaveFocus());
    await userEvent.keyboard('{Alt>}e{/Alt}{Alt>}u{/Alt}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    act(() => useWorkspace.getState().open(7, 'Kari'));
    const view = await screen.findByTestId('account-7');
    await waitFor(() => expect(view).toHaveAttribute('data-account-state', 'ready'));
    expect(within(view).getByTestId('edit-contact')).toHaveAttribute('aria-keyshortcuts', 'Alt+E');
    expect(within(view).getByTestId('manage-account-open')).toHaveAttribute('aria-keyshortcuts', 'Alt+U');
    await userEvent.keyboard('{Alt>}e{/Alt}');
    const contact = await screen.findByTestId('contact-edit');
    await waitFor(() => expect(within(contact).getByTestId('contact-cellPhone')).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('contact-edit')).not.toBeInTheDocument());

    await userEvent.keyboard('{Alt>}u{/Alt}');
    const manage = await screen.findByTestId('manage-account');
    await waitFor(() => expect(within(manage).getByTestId('new-account-id')).toHaveFocus());
    // Inside a dialog the keys are the dialog's: Alt+E does not open a second one over it.
    await userEvent.keyboard('{Alt>}e{/Alt}');
    expect(screen.queryByTestId('contact-edit')).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('manage-account')).not.toBeInTheDocument());

    // Settings over the workspace: the account is still the active tab, but not on screen, so nothing opens over Settings.
    act(() => useShell.getState().showScreen('settings'));
    await waitFor(() => expect(screen.getByTestId('account-7')).not.toBeVisible());
    await userEvent.keyboard('{Alt>}e{/Alt}{Alt>}u{/Alt}');
    expect(screen.queryByTestId('contact-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('manage-account')).not.toBeInTheDocument();
    act(() => useShell.getState().showScreen('workspace'));

    await userEvent.keyboard('{F1}');
    const list = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(list).toHaveTextContent('Account: edit contactAlt + E');
    expect(list).toHaveTextContent('Account: manage accountAlt + U');
  });

  it('holds a notice back while a dialog is open and shows it again once it is closed', async () => {
    installFakeCsr();
    renderUi(<App />);
    act(() => useShell.getState().notify('success', 'Contact saved'));
    expect(await screen.findByTestId('notice')).toHaveTextContent('Contact saved');
    await userEvent.keyboard('{F1}');
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(screen.queryByTestId('notice')).not.toBeInTheDocument());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByTestId('notice')).toHaveTextContent('Contact saved');
  });

  it('a notice raised before a language switch is read in the language on screen', async () => {
    installFakeCsr();
    renderUi(<App />);
    // As a write that was queued while offline tells it (writeNotice.ts), then Bokmål is picked.
    act(() => announceWrite({ outcome: 'QUEUED' }, (t) => t('outbox.edit.saved')));
    expect(await screen.findByTestId('notice')).toHaveTextContent('Saved on this computer. It will be sent when the connection is back');
    act(() => changeLocale('nb'));
    try {
      expect(screen.getByTestId('notice')).toHaveTextContent('Lagret på denne maskinen. Den sendes når forbindelsen er tilbake');
    } finally {
      act(() => changeLocale('en'));
    }
  });

  it('in kiosk mode hides Settings and resets to the search screen after 3 minutes without input', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeCsr({ 'app.info': () => ok({ problems: [], version: '0.1.0', transport: 'web', kiosk: true, operator: 'kiosk', profile: null }) });
    renderUi(<App />);
    await waitFor(() => expect(useShell.getState().info?.kiosk).toBe(true));
    expect(screen.queryByRole('button', { name: 'Settings' })).not.toBeInTheDocument();
    act(() => {
      useSearch.getState().setQuery('Kari');
      useWorkspace.getState().open(7, 'Kari');
    });
    await act(async () => {
      vi.advanceTimersByTime(KIOSK_IDLE_MS - 1000);
    });
    expect(useWorkspace.getState().tabs).toEqual([7]);
    await act(async () => {
      vi.advanceTimersByTime(2000);
    });
    expect(useWorkspace.getState().tabs).toEqual([]);
    expect(useWorkspace.getState().active).toBe('search');
    expect(useSearch.getState().query).toBe('');
  });
});
