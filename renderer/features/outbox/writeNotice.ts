// What an agent is told after a write, in words: done, saved to be sent (offline), or sent
// and being checked — never "failed" when it may have been applied (D52). Also what became
// of the reason comment. Every write refreshes the outbox so a queued change shows pending.
import type { ReasonAnswer } from '../../../shared/commands';
import { useOutbox } from '../../state/outboxStore';
import { useShell, type Words } from '../../state/shellStore';

export interface WriteAnswer {
  outcome: 'APPLIED' | 'QUEUED' | 'UNKNOWN';
  reason?: ReasonAnswer | undefined;
}

/**
 * Each notice is worded when it shows, in the language on screen then. `appliedMessage` null:
 * the caller shows the outcome itself; only the reason's fate is told.
 */
export function announceWrite(answer: WriteAnswer, appliedMessage: Words | null): void {
  const shell = useShell.getState();
  if (appliedMessage !== null) {
    if (answer.outcome === 'APPLIED') shell.notify('success', appliedMessage);
    else if (answer.outcome === 'QUEUED') shell.notify('info', (t) => t('outbox.notice.queued'));
    else shell.notify('warning', (t) => t('outbox.notice.unknown'));
  }
  const reason = answer.reason?.outcome;
  if (reason === 'REJECTED' && answer.outcome === 'APPLIED') shell.notify('warning', (t) => t('confirm.reasonNotRecorded'));
  else if (reason === 'UNKNOWN' && answer.outcome === 'APPLIED') shell.notify('info', (t) => t('outbox.notice.reasonUnknown'));
  else if (reason === 'QUEUED' && answer.outcome === 'APPLIED') shell.notify('info', (t) => t('outbox.notice.reasonQueued'));
  void useOutbox.getState().refresh();
}
