// Comment drafts (drafts.get / put / delete) and UI preferences (prefs.*) over IPC, always for the operator at the desk:
// one operator never sees another's drafts. Nothing here talks to AMPS.
import type { DraftStore } from '../drafts/draftStore';
import type { UiPrefsStore } from '../prefs/uiPrefs';
import type { Handlers } from '../router';
import type { ServiceContext } from './context';

type DraftHandlers = Pick<Handlers, 'drafts.get' | 'drafts.put' | 'drafts.delete' | 'prefs.get' | 'prefs.put'>;

export function draftHandlers(store: DraftStore, prefs: UiPrefsStore, ctx: Pick<ServiceContext, 'operator'>): DraftHandlers {
  return {
    async 'prefs.get'() {
      return prefs.get(ctx.operator().id);
    },
    async 'prefs.put'(input) {
      return prefs.put(ctx.operator().id, { ...(input.theme ? { theme: input.theme } : {}), ...(input.locale ? { locale: input.locale } : {}) });
    },
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
