// An outbox item in words: what it does, its state, why it waits. Codes never reach the screen.
import type { TFunction } from 'i18next';
import type { OutboxItemView } from '../../../shared/commands';

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
