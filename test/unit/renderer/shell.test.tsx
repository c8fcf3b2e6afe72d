import { act, screen, waitFor } from '@testing-library/react';
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
