// The supervision drill-down names a comment's author as the agent's timeline does: the
// operator's name from the desk's directory, the login name AMPS keeps as the title; an
// author the directory does not know shows as AMPS has it.
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc';
import { AccountDrill } from '../../../renderer/features/supervision/AccountDrill';
import { useSupervision } from '../../../renderer/features/supervision/store';
import { installFakeCsr, renderUi } from './harness';
import { changeLocale } from '../../../renderer/i18n';

const source = { source: 'desk' as const, deskId: 'desk-1', fallback: null, fallbackDetail: null, desks: [] };
const comment = (commentNo: number, author: string, authorName: string | null, text: string) => ({
  commentNo,
  at: '2026-12-01 10:00:00',
  author,
  authorName,
  text,
  applicationId: 'CSR-DESK',
  origin: 'outside' as const,
  entryHash: null,
});

describe('supervision drill-down: comment authors', () => {
  beforeEach(() => {
    installFakeCsr({
      'supervision.account': (input: { accountNo: number }) =>
        ok({
          accountNo: input.accountNo,
          rows: [],
          comments: [comment(602, 'kari.n', 'Kari Nordmann', 'Ringte om faktura'), comment(601, 'nightly-import', null, 'Adresse oppdatert')],
          commentsError: null,
          source,
        }),
    });
    useSupervision.setState({ drill: null });
  });

  it('shows the operator’s name with the login name as the title, and the login name when the directory has no name', async () => {
    await useSupervision.getState().openAccount(7);
    renderUi(<AccountDrill />);
    await waitFor(() => expect(screen.getAllByTestId('supervision-timeline-comment')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('supervision-timeline-comment');
    const named = within(first!).getByTestId('supervision-comment-author');
    expect(named).toHaveTextContent('Kari Nordmann');
    expect(named).toHaveAttribute('title', 'kari.n');
    const unnamed = within(second!).getByTestId('supervision-comment-author');
    expect(unnamed).toHaveTextContent('nightly-import');
    expect(unnamed).not.toHaveAttribute('title');
  });

  it('says why the comments are missing in the UI language, without the socket’s words', async () => {
    installFakeCsr({
      'supervision.account': (input: { accountNo: number }) =>
        ok({
          accountNo: input.accountNo,
          rows: [],
          comments: [],
          commentsError: { code: 'UNREACHABLE', message: 'The billing system could not be reached (ECONNREFUSED)', say: { key: 'billingUnreachable' } },
          source,
        }),
    });
    act(() => changeLocale('nb'));
    try {
      await useSupervision.getState().openAccount(7);
      renderUi(<AccountDrill />);
      const alert = await screen.findByText('Kommentarene i faktureringssystemet kunne ikke leses');
      const box = alert.closest('[role="alert"]')!;
      expect(box).toHaveTextContent('Faktureringssystemet kunne ikke nås.');
      expect(box).not.toHaveTextContent('ECONNREFUSED');
    } finally {
      act(() => changeLocale('en'));
    }
  });
});
