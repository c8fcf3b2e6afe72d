// Which Electron sessions belong to a provider card form window, and the one origin each
// may show (D64). A tiny registry of its own so hardening.ts (app-wide locks) and
// cardWindow.ts can both read it without importing each other.
import type { Session } from 'electron';

const cardSessions = new WeakMap<Session, string>();

export function registerCardSession(ses: Session, providerOrigin: string): void {
  cardSessions.set(ses, providerOrigin);
}

/** The provider origin a card form session is locked to; undefined for every other session. */
export function cardSessionOrigin(ses: Session | undefined | null): string | undefined {
  return ses ? cardSessions.get(ses) : undefined;
}
