// Comment drafts over IPC (drafts.get / put / delete), always for the operator at the desk:
// one operator never sees another's drafts. Nothing here talks to AMPS.
import type { DraftStore } from '../drafts/draftStore';
import type { Handlers } from '../router';
import type { ServiceContext } from './context';

type DraftHandlers = Pick<Handlers, 'drafts.get' | 'drafts.put' | 'drafts.delete'>;

export function draftHandlers(store: DraftStore, ctx: Pick<ServiceContext, 'operator'>): DraftHandlers {
  return {
    async 'drafts.get'(input) {
      return { draft: store.get(ctx.operator().id, input.accountNo) };
    },
    async 'drafts.put'(input) {
      return { draft: store.put(ctx.operator().id, input.accountNo, input.text) };
    },
    async 'drafts.delete'(input) {
      return { deleted: store.delete(ctx.operator().id, input.accountNo) };
    },
  };
}
