// The keyboard shortcuts: one list drives both the handler and the panel that shows them.
import type { ShortcutId } from '../../../shared/domain/shortcutIds';
export type { ShortcutId };

export interface Shortcut {
  id: ShortcutId;
  /** Shown in the panel, e.g. ["Ctrl", "K"]. */
  keys: string[][];
  matches(e: KeyboardEvent, inEditable: boolean): boolean;
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const altOnly = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey;

export const SHORTCUTS: Shortcut[] = [
  {
    id: 'focusSearch',
    keys: [['Ctrl', 'K'], ['/']],
    matches: (e, inEditable) => ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyK') || (!inEditable && plain(e) && e.key === '/'),
  },
  { id: 'nextResult', keys: [['Alt', '↓']], matches: (e) => altOnly(e) && e.key === 'ArrowDown' },
  { id: 'previousResult', keys: [['Alt', '↑']], matches: (e) => altOnly(e) && e.key === 'ArrowUp' },
  { id: 'newComment', keys: [['Alt', 'C']], matches: (e) => altOnly(e) && e.code === 'KeyC' },
  // A new account: the duplicate check first (issue 10 item 2).
  { id: 'newAccount', keys: [['Alt', 'N']], matches: (e) => altOnly(e) && e.code === 'KeyN' },
  // The open account's sections: Overview, Billing groups, coMments, Address (Alt+letter, by key position).
  { id: 'sectionOverview', keys: [['Alt', 'O']], matches: (e) => altOnly(e) && e.code === 'KeyO' },
  { id: 'sectionBillingGroups', keys: [['Alt', 'B']], matches: (e) => altOnly(e) && e.code === 'KeyB' },
  { id: 'sectionComments', keys: [['Alt', 'M']], matches: (e) => altOnly(e) && e.code === 'KeyM' },
  { id: 'sectionAddress', keys: [['Alt', 'A']], matches: (e) => altOnly(e) && e.code === 'KeyA' },
  // Subscriptions (plan replacement, issue 10 item 5).
  { id: 'sectionPlans', keys: [['Alt', 'S']], matches: (e) => altOnly(e) && e.code === 'KeyS' },
  // The open account header's dialogs: Edit contact, manage the accoUnt (Alt+A is the address
  // section; Alt+D and Alt+F are the browser's and Windows' menu keys).
  { id: 'editContact', keys: [['Alt', 'E']], matches: (e) => altOnly(e) && e.code === 'KeyE' },
  { id: 'manageAccount', keys: [['Alt', 'U']], matches: (e) => altOnly(e) && e.code === 'KeyU' },
  { id: 'closeTab', keys: [['Alt', 'W']], matches: (e) => altOnly(e) && e.code === 'KeyW' },
  { id: 'nextTab', keys: [['Alt', 'PgDn']], matches: (e) => altOnly(e) && e.key === 'PageDown' },
  { id: 'previousTab', keys: [['Alt', 'PgUp']], matches: (e) => altOnly(e) && e.key === 'PageUp' },
  {
    id: 'showShortcuts',
    keys: [['?'], ['F1']],
    matches: (e, inEditable) => e.key === 'F1' || (!inEditable && !e.ctrlKey && !e.metaKey && !e.altKey && e.key === '?'),
  },
];

/** The shortcut as an aria-keyshortcuts value ("Alt+E"), for the button it stands for. */
export function ariaKeyShortcuts(id: ShortcutId): string {
  const s = SHORTCUTS.find((x) => x.id === id);
  return s ? s.keys.map((combo) => combo.join('+')).join(' ') : '';
}

export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}
