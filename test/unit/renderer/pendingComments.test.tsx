// A comment that waits in the outbox is in the timeline, marked pending (issue 8 item 4);
// when it is applied it becomes the stored comment, never two rows and never a gap.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItemView } from '../../../shared/commands';
import { ok } from '../../../shared/ipc';
import { CommentsPanel } from '../../../renderer/features/comments/CommentsPanel';
import { changeLocale } from '../../../renderer/i18n';
import { useComments } from '../../../renderer/state/commentsStore';
import { useOutbox } from '../../../renderer/state/outboxStore';
import { useShell } from '../../../renderer/state/shellStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { comment, installFakeCsr, renderUi, type FakeCsr } from './harness';

const TEXT = 'Kunden ringte fra hytta; ba om pause i levering til 3. januar.';

function queued(state: OutboxItemView['state'] = 'pending', over: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id: 'item-1',
    seq: 1,
    profile: 'Sandbox',
    accountNo: 7,
    type: 'comment.add',
    detail: TEXT.slice(0, 40),
    state,
    reasonFor: null,
    operator: 'Kari Agent',
    createdAt: '2026-11-25T08:30:15.482Z',
    attempts: 0,
    nextAttemptAt: null,
    problem: state === 'parked' ? { kind: 'rejected', message: 'refused' } : null,
    command: { type: 'comment.add', accountNo: 7, text: TEXT },
    ...over,
  };
}

const rows = () => within(screen.getByTestId('comment-timeline')).getAllByRole('listitem');

describe('pending comments in the timeline', () => {
  let csr: FakeCsr;
  let stored = [comment(1, 'Customer called about the bill', '2026-11-20T09:00:00', 'agent7')];
  let outbox: OutboxItemView[] = [];

  beforeEach(async () => {
    await changeLocale('en');
    stored = [comment(1, 'Customer called about the bill', '2026-11-20T09:00:00', 'agent7')];
    outbox = [queued()];
    csr = installFakeCsr({
      'comments.list': () => ok({ comments: stored }),
      'outbox.list': () => ok({ items: outbox }),
      'outbox.status': () => ok({ mode: 'chosen', pending: outbox.length, parked: 0, unknown: 0, profile: 'Sandbox', otherProfiles: 0 }),
    });
    useShell.setState({ info: { version: '1', transport: 'web', kiosk: false, profile: null, operator: 'agent7', problems: [] } });
    useWorkspace.getState().open(7, 'Kari Nordmann');
    await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
    await useOutbox.getState().refresh();
  });

  it('shows a queued comment first, marked pending with its state, not as a stored one', async () => {
    renderUi(<CommentsPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready'));
    const [first, second] = rows();
    expect(first).toHaveAttribute('data-testid', 'comment-pending');
    expect(first).not.toHaveAttribute('data-comment-no');
    expect(first).toHaveTextContent(TEXT);
    expect(first).toHaveTextContent('Kari Agent');
    expect(first).toHaveTextContent('Pending');
    expect(first).toHaveTextContent('Waiting to be sent');
    expect(first).toHaveTextContent('not yet in the billing system');
    expect(second).toHaveAttribute('data-comment-no', '1');
  });

  it('becomes the stored comment once applied: one row, no duplicate, nothing pending', async () => {
    renderUi(<CommentsPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getAllByTestId('comment-pending')).toHaveLength(1));
    // AMPS stored it (stamped with the second it was made); the outbox lets it go.
    stored = [...stored, comment(5, TEXT, '2026-11-25T08:30:15', 'kari.agent')];
    outbox = [];
    await act(() => useOutbox.getState().refresh());
    await waitFor(() => expect(screen.queryByTestId('comment-pending')).toBeNull());
    expect(rows().map((r) => r.getAttribute('data-comment-no'))).toEqual(['5', '1']);
    expect(rows().filter((r) => r.textContent?.includes(TEXT))).toHaveLength(1);
    // The outbox read the account again before dropping the item.
    expect(csr.calls.filter((c) => c.channel === 'comments.list').length).toBeGreaterThanOrEqual(2);
  });

  it('never shows it twice while the stored copy is already read and the item is still listed', async () => {
    stored = [...stored, comment(5, TEXT, '2026-11-25T08:30:15', 'kari.agent')];
    renderUi(<CommentsPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready'));
    expect(screen.queryByTestId('comment-pending')).toBeNull();
    expect(rows().filter((r) => r.textContent?.includes(TEXT))).toHaveLength(1);
  });

  it('keeps a same-text comment from another time as its own stored row (not taken for the pending one)', async () => {
    stored = [...stored, comment(6, TEXT, '2026-11-24T08:30:15', 'kari.agent')];
    renderUi(<CommentsPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getAllByTestId('comment-pending')).toHaveLength(1));
    expect(rows()).toHaveLength(3);
  });

  it('says a parked comment needs a person, and in Bokmål', async () => {
    outbox = [queued('parked')];
    await useOutbox.getState().refresh();
    await changeLocale('nb');
    renderUi(<CommentsPanel accountNo={7} active />);
    const row = await screen.findByTestId('comment-pending');
    expect(row).toHaveAttribute('data-state', 'parked');
    expect(row).toHaveTextContent('Venter');
    expect(row).toHaveTextContent('ikke i faktureringssystemet ennå');
  });

  it('shows a pending comment on an account with no stored comments, and hides it under an author filter', async () => {
    stored = [];
    renderUi(<CommentsPanel accountNo={7} active />);
    await waitFor(() => expect(screen.getAllByTestId('comment-pending')).toHaveLength(1));
    expect(screen.queryByText('No comments yet')).toBeNull();
    stored = [comment(1, 'Customer called about the bill', '2026-11-20T09:00:00', 'agent7')];
    await act(() => useComments.getState().load(7));
    await userEvent.click(screen.getByRole('combobox', { name: 'Author' }));
    await userEvent.click(screen.getByRole('option', { name: 'agent7' }));
    expect(screen.queryByTestId('comment-pending')).toBeNull();
  });
});
