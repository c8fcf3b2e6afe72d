import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { labelCommentParts, splitComment } from '../../../shared/amps';
import { ok } from '../../../shared/ipc';
import { CommentsPanel } from '../../../renderer/features/comments/CommentsPanel';
import { useSession } from '../../../renderer/state/sessionStore';
import { useShell } from '../../../renderer/state/shellStore';
import { useWorkspace } from '../../../renderer/state/workspaceStore';
import { comment, installFakeCsr, renderUi, signedInStatus, type FakeCsr } from './harness';

const long = Array.from({ length: 120 }, (_, i) => `ord${i}`).join(' ') + ' ' + 'slutt '.repeat(20).trim(); // > 450 characters

async function openPanel() {
  useWorkspace.getState().open(7, 'Kari Nordmann');
  await waitFor(() => expect(useWorkspace.getState().accounts[7]?.status).toBe('ready'));
  renderUi(<CommentsPanel accountNo={7} active />);
  await waitFor(() => expect(screen.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready'));
}

describe('comments', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({
      'comments.list': () =>
        ok({
          comments: [
            comment(1, 'Customer called about the bill', '2026-11-01T09:00:00', 'agent7'),
            comment(2, '(1/2): First half of a long note', '2026-11-02T09:00:00', 'agent9'),
            comment(3, '(2/2): and the second half', '2026-11-02T09:00:00', 'agent9'),
          ],
        }),
    });
    useShell.setState({ info: { version: '1', transport: 'web', kiosk: false, profile: null, operator: 'agent7', problems: [] } });
  });

  it('shows the timeline newest first with split parts labelled, and filters by author and date range', async () => {
    await openPanel();
    const items = within(screen.getByTestId('comment-timeline')).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-comment-no'))).toEqual(['2', '3', '1']);
    expect(items[0]).toHaveTextContent('part 1 of 2');
    expect(items[0]).toHaveTextContent('First half of a long note');
    expect(items[0]).not.toHaveTextContent('(1/2):');

    await userEvent.click(screen.getByRole('combobox', { name: 'Author' }));
    await userEvent.click(screen.getByRole('option', { name: 'agent7' }));
    expect(within(screen.getByTestId('comment-timeline')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByTestId('comment-count')).toHaveTextContent('1 of 3 shown');

    // The date input in the app's language (dd/mm/yyyy in English); its hidden input takes a whole date.
    fireEvent.change(document.querySelector('input[name="commentsFrom"]')!, { target: { value: '02/11/2026' } });
    await waitFor(() => expect(csr.inputs('comments.list').at(-1)).toEqual({ accountNo: 7, from: '2026-11-02' }));
  });

  it('previews the parts a long comment is split into, counts characters, and writes it', async () => {
    csr.handle('comments.add', () => ok({ parts: 2, commentNos: [10, 11] }));
    await openPanel();
    const text = screen.getByTestId('comment-text');
    await userEvent.click(text);
    await userEvent.paste(long);
    const expected = labelCommentParts(splitComment(long));
    expect(expected).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByTestId('comment-preview-part')).toHaveLength(2));
    expect(screen.getAllByTestId('comment-preview-part')[0]).toHaveTextContent(expected[0]!.slice(0, 60));
    expect(screen.getByTestId('comment-counter')).toHaveTextContent(`${long.length} characters · stored as 2 comments`);
    await userEvent.click(screen.getByRole('button', { name: 'Review and save' }));
    const confirm = await screen.findByTestId('confirm-write');
    expect(confirm).toHaveTextContent('as 2 comments');
    const listCalls = csr.inputs('comments.list').length;
    await userEvent.click(screen.getByTestId('confirm-write-button'));
    await waitFor(() => expect(csr.inputs('comments.add')).toEqual([{ accountNo: 7, text: long }]));
    await waitFor(() => expect(csr.inputs('comments.list').length).toBe(listCalls + 1));
    await waitFor(() => expect(text).toHaveValue(''));
  });

  it('keeps the text when saving fails', async () => {
    csr.handle('comments.add', () => ({ ok: false, error: { code: 'UNREACHABLE', message: 'No answer.' } }));
    await openPanel();
    await userEvent.type(screen.getByTestId('comment-text'), 'Short note');
    await userEvent.click(screen.getByRole('button', { name: 'Review and save' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    expect(await screen.findByText('The comment was not saved. Your text is still here.')).toBeInTheDocument();
    expect(screen.getByTestId('comment-text')).toHaveValue('Short note');
  });

  // {agent} is the person writing by name, from the directory; the login name only when
  // the directory has no name. The comment's author (what main signs it with) is not touched.
  const templateText = async () => {
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Templates' }));
    await userEvent.click(screen.getByRole('menuitem', { name: /Customer called/ }));
    return (screen.getByTestId('comment-text') as HTMLTextAreaElement).value;
  };

  it('fills a template’s placeholders with the account, the signed-in operator’s name and the date', async () => {
    useSession.setState({ status: signedInStatus('agent', { operator: { id: 'ola.n', displayName: 'Ola Nordmann', role: 'agent' } }) });
    const value = await templateText();
    expect(value).toMatch(/^\d{2}\/\d{2}\/\d{4}: Kari Nordmann called\. Handled by Ola Nordmann\.$/);
    expect(value).not.toContain('ola.n');
  });

  it('fills {agent} with the login name when the directory has no name for the operator', async () => {
    useSession.setState({ status: signedInStatus('agent', { operator: { id: 'ola.n', displayName: '  ', role: 'agent' } }) });
    expect(await templateText()).toMatch(/^\d{2}\/\d{2}\/\d{4}: Kari Nordmann called\. Handled by ola\.n\.$/);
  });

  it('sends the typed name as text only: the comment channel gets the text, never an author', async () => {
    csr.handle('comments.add', () => ok({ parts: 1, commentNos: [12] }));
    useSession.setState({ status: signedInStatus('agent', { operator: { id: 'ola.n', displayName: 'Ola Nordmann', role: 'agent' } }) });
    const value = await templateText();
    await userEvent.click(screen.getByRole('button', { name: 'Review and save' }));
    await userEvent.click(await screen.findByTestId('confirm-write-button'));
    await waitFor(() => expect(csr.inputs('comments.add')).toEqual([{ accountNo: 7, text: value }]));
  });
});

// D95: a card number in a comment is refused on the field before anything leaves the page:
// no Review, and the draft is not sent to main to be kept.
describe('a card number in a comment', () => {
  let csr: FakeCsr;
  beforeEach(() => {
    csr = installFakeCsr({ 'comments.list': () => ok({ comments: [] }), 'drafts.put': (input) => ok({ draft: { text: (input as { text: string }).text, updatedAt: '2026-12-01T10:00:00.000Z' } }) });
    useShell.setState({ info: { version: '1', transport: 'web', kiosk: false, profile: null, operator: 'agent7', problems: [] } });
  });

  it('is said on the field, Review stays off and no draft with it reaches main; the last four digits are fine', async () => {
    await openPanel();
    const box = screen.getByTestId('comment-text');
    await userEvent.click(box);
    await userEvent.paste('Kunden leste opp kortet 4111 1111 1111 1111 på telefonen');
    expect(await screen.findByText('This looks like a card number. Card numbers are never written down here: write only its last four digits.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review and save' })).toBeDisabled();
    expect(screen.getByTestId('draft-state')).toHaveAttribute('data-state', 'withheld');
    await new Promise((r) => setTimeout(r, 400)); // past the draft's debounce
    expect(csr.inputs('drafts.put')).toEqual([]);

    await userEvent.clear(box);
    await userEvent.paste('Kunden har nytt kort som slutter på 1111');
    await waitFor(() => expect(csr.inputs('drafts.put')).toEqual([{ accountNo: 7, text: 'Kunden har nytt kort som slutter på 1111' }]));
    expect(screen.getByRole('button', { name: 'Review and save' })).toBeEnabled();
    expect(screen.queryByText(/looks like a card number/)).not.toBeInTheDocument();
  });

  it('a 13-digit run that is not Luhn-valid (an order number) is a comment like any other', async () => {
    await openPanel();
    await userEvent.click(screen.getByTestId('comment-text'));
    await userEvent.paste('Ordrenummer 1796145350206'); // 1796145350205 would pass the card check
    expect(screen.getByRole('button', { name: 'Review and save' })).toBeEnabled();
  });
});
