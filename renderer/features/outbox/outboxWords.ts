// An outbox item in words: what it does, its state, why it waits. Codes never reach the screen.
import type { TFunction } from 'i18next';
import type { OutboxItemView } from '../../../shared/commands';
import { fieldLabel } from '../../components/fieldLabel';
import { formPathOf } from '../../components/serverErrors';
import { knownRefusal } from '../../i18n/errorWords';
import { serverFieldMessage } from '../../i18n/fieldMessages';

export function itemWhat(t: TFunction, item: OutboxItemView): string {
  return item.reasonFor ? t('outbox.what.reason') : t(`outbox.what.${item.type}`);
}

export function itemState(t: TFunction, item: OutboxItemView): string {
  if (item.state === 'parked') return t(`outbox.parked.${item.problem?.kind ?? 'rejected'}`);
  if (item.state === 'pending' && item.nextAttemptAt) return t('outbox.state.retrying');
  return t(`outbox.state.${item.state}`);
}

export const stateColor = (item: OutboxItemView): 'default' | 'info' | 'warning' | 'error' =>
  item.state === 'parked' ? 'error' : item.state === 'unknown' || item.state === 'sending' ? 'warning' : 'info';

/**
 * Why a change waits for a person, in the UI language: main keeps the billing system's text
 * for the log and the audit, and it is shown only where the app knows the refusal (D105).
 */
export function itemProblem(t: TFunction, item: OutboxItemView): { text: string; fields: string[] } | null {
  const p = item.problem;
  if (!p) return null;
  const fields = (p.fields ?? []).map((f) => `${fieldLabel(t, formPathOf(f.path))}: ${serverFieldMessage(t, f.message)}`);
  const text =
    p.kind === 'rejected'
      ? // With fields, each says its own reason; the line above them says only who refused.
        ((fields.length ? undefined : knownRefusal(t, p.message)) ?? t('outbox.problem.rejected'))
      : p.kind === 'profileMissing'
        ? t('outbox.problem.profileMissing', { profile: item.profile })
        : t(`outbox.problem.${p.kind}`);
  return { text, fields };
}
