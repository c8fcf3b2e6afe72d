// New accounts (issue 10 item 2): whether the dialog is open, the duplicate check
// (accounts.duplicates) and the create (accounts.create). The form's values live in the
// dialog; closing it asks first when something was typed (nothing typed is lost).
import { create } from 'zustand';
import type { ShownChange } from '../../../shared/commands';
import type { CreateAccountDetailsInput, DuplicateCheckInput } from '../../../shared/commands/accountCreate';
import type { ChannelOutput, Envelope } from '../../../shared/ipc';
import { invoke } from '../../state/ipc';
import { uiLanguage } from '../../state/uiLanguage';

export type DuplicateAnswer = ChannelOutput<'accounts.duplicates'>;
export type CreateAnswer = ChannelOutput<'accounts.create'>;

interface CreateAccountState {
  open: boolean;
  /** Bumped on every open, so a new dialog starts empty. */
  session: number;
  show(): void;
  hide(): void;
  checkDuplicates(input: DuplicateCheckInput): Promise<Envelope<DuplicateAnswer>>;
  create(account: CreateAccountDetailsInput, changes: ShownChange[]): Promise<Envelope<CreateAnswer>>;
}

export const useCreateAccount = create<CreateAccountState>()((set, get) => ({
  open: false,
  session: 0,
  show() {
    if (!get().open) set((s) => ({ open: true, session: s.session + 1 }));
  },
  hide() {
    set({ open: false });
  },
  checkDuplicates(input) {
    return invoke((api) => api.accounts.duplicates(input));
  },
  create(account, changes) {
    return invoke((api) => api.accounts.create({ account, lang: uiLanguage(), changes: changes.slice(0, 100) }));
  },
}));
