// The outbox's channels: its state and items for the banner and the pending list, going
// offline by choice, and a person's decisions on parked items (retry, edit, discard).
import type { Handlers } from '../router';
import type { Command } from '../../../shared/commands';
import type { WritePipeline } from './pipeline';

type OutboxHandlers = Pick<Handlers, 'outbox.status' | 'outbox.list' | 'outbox.setOffline' | 'outbox.retry' | 'outbox.edit' | 'outbox.discard'>;

export function outboxHandlers(pipeline: WritePipeline): OutboxHandlers {
  return {
    'outbox.status': async () => pipeline.status(),
    'outbox.list': async (input) => ({ items: pipeline.list(input.accountNo) }),
    'outbox.setOffline': async (input) => pipeline.setOffline(input.offline),
    'outbox.retry': async (input) => pipeline.retry(input.id),
    // The router hands over the parsed command (the schema's output), typed here as its input.
    'outbox.edit': async (input) => pipeline.edit(input.id, input.command as unknown as Command),
    'outbox.discard': async (input) => pipeline.discard(input.id),
  };
}
