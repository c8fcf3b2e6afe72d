// "This account was just changed": told once per successful write channel that names an
// account, whichever store made it, so views that show the account's history (the comment
// timeline, where reasons land as comments) read it again instead of going stale.
import type { Channel } from '../../shared/ipc';

type Listener = (accountNo: number, channel: Channel) => void;
const listeners = new Set<Listener>();

export function onAccountWritten(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function accountWritten(accountNo: number, channel: Channel): void {
  for (const l of listeners) l(accountNo, channel);
}
