// The keyboard shortcuts, shown in the application menu. The renderer handles these keys
// itself (one keydown handler, renderer/features/shell/useShortcuts.ts), which is what
// makes them work in the browser too; the menu makes them discoverable and clickable. On Windows and Linux the menu does not register them
// (registerAccelerator: false), so a key press reaches the page exactly once. A menu
// click dispatches the same key to the focused element as a DOM event (no IPC involved).
import type { MenuItemConstructorOptions } from 'electron';
import type { ShortcutId } from '../../shared/domain/shortcutIds';

export interface Shortcut {
  /** The renderer's ShortcutId (renderer/features/shell/shortcuts.ts) it stands for. */
  id: ShortcutId;
  label: string;
  /** Electron accelerator shown in the menu. */
  accelerator: string;
  /** The KeyboardEvent the renderer listens for (mod = Ctrl, or Cmd on macOS). */
  key: { key: string; code: string; mod?: boolean; shift?: boolean; alt?: boolean };
}

// Keep in step with renderer/features/shell/shortcuts.ts (test/unit/electron/shortcuts.test.ts checks it).
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focusSearch', label: 'Search accounts', accelerator: 'CmdOrCtrl+K', key: { key: 'k', code: 'KeyK', mod: true } },
  { id: 'nextResult', label: 'Next result', accelerator: 'Alt+Down', key: { key: 'ArrowDown', code: 'ArrowDown', alt: true } },
  { id: 'previousResult', label: 'Previous result', accelerator: 'Alt+Up', key: { key: 'ArrowUp', code: 'ArrowUp', alt: true } },
  { id: 'newComment', label: 'New comment', accelerator: 'Alt+C', key: { key: 'c', code: 'KeyC', alt: true } },
  { id: 'newAccount', label: 'New account', accelerator: 'Alt+N', key: { key: 'n', code: 'KeyN', alt: true } },
  { id: 'sectionOverview', label: 'Overview', accelerator: 'Alt+O', key: { key: 'o', code: 'KeyO', alt: true } },
  { id: 'sectionBillingGroups', label: 'Billing groups', accelerator: 'Alt+B', key: { key: 'b', code: 'KeyB', alt: true } },
  { id: 'sectionComments', label: 'Comments', accelerator: 'Alt+M', key: { key: 'm', code: 'KeyM', alt: true } },
  { id: 'sectionAddress', label: 'Permanent address', accelerator: 'Alt+A', key: { key: 'a', code: 'KeyA', alt: true } },
  { id: 'sectionPlans', label: 'Subscriptions', accelerator: 'Alt+S', key: { key: 's', code: 'KeyS', alt: true } },
  { id: 'editContact', label: 'Edit contact', accelerator: 'Alt+E', key: { key: 'e', code: 'KeyE', alt: true } },
  { id: 'manageAccount', label: 'Manage account', accelerator: 'Alt+U', key: { key: 'u', code: 'KeyU', alt: true } },
  { id: 'closeTab', label: 'Close account tab', accelerator: 'Alt+W', key: { key: 'w', code: 'KeyW', alt: true } },
  { id: 'nextTab', label: 'Next tab', accelerator: 'Alt+PageDown', key: { key: 'PageDown', code: 'PageDown', alt: true } },
  { id: 'previousTab', label: 'Previous tab', accelerator: 'Alt+PageUp', key: { key: 'PageUp', code: 'PageUp', alt: true } },
  { id: 'showShortcuts', label: 'Keyboard shortcuts', accelerator: 'F1', key: { key: 'F1', code: 'F1' } },
];

/** The KeyboardEvent init for a shortcut on this platform. */
export function keyboardEventInit(s: Shortcut, platform: NodeJS.Platform) {
  const mac = platform === 'darwin';
  return {
    key: s.key.key,
    code: s.key.code,
    ctrlKey: (s.key.mod ?? false) && !mac,
    metaKey: (s.key.mod ?? false) && mac,
    shiftKey: s.key.shift ?? false,
    altKey: s.key.alt ?? false,
    bubbles: true,
    cancelable: true,
  };
}

/**
 * A script (run in an isolated world, so the page's CSP and globals do not matter) that
 * dispatches the shortcut's keydown to the focused element, as a key press would.
 */
export function dispatchShortcutScript(s: Shortcut, platform: NodeJS.Platform): string {
  const init = JSON.stringify(keyboardEventInit(s, platform));
  return `(() => { const t = document.activeElement || document.body; t.dispatchEvent(new KeyboardEvent('keydown', ${init})); t.dispatchEvent(new KeyboardEvent('keyup', ${init})); })()`;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds get reload and DevTools. */
  developer: boolean;
  onShortcut(s: Shortcut): void;
}

export function menuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const shortcutItem = (id: Shortcut['id']): MenuItemConstructorOptions => {
    const s = SHORTCUTS.find((x) => x.id === id)!;
    return { label: s.label, accelerator: s.accelerator, registerAccelerator: false, click: () => input.onShortcut(s) };
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: input.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: 'File',
    submenu: [shortcutItem('closeTab'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
  });
  // Roles give copy/paste their native behaviour (required on macOS).
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({
    label: 'Account',
    submenu: [
      shortcutItem('focusSearch'),
      shortcutItem('nextResult'),
      shortcutItem('previousResult'),
      { type: 'separator' },
      shortcutItem('newAccount'),
      shortcutItem('newComment'),
      { type: 'separator' },
      shortcutItem('sectionOverview'),
      shortcutItem('sectionBillingGroups'),
      shortcutItem('sectionComments'),
      shortcutItem('sectionAddress'),
      shortcutItem('sectionPlans'),
      { type: 'separator' },
      shortcutItem('editContact'),
      shortcutItem('manageAccount'),
      { type: 'separator' },
      shortcutItem('nextTab'),
      shortcutItem('previousTab'),
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(input.developer ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: [shortcutItem('showShortcuts')] });
  return template;
}
