// The keyboard shortcuts, shown in the application menu. The renderer handles these keys
// itself (keydown), which is what makes them work in the browser too; the menu makes them
// discoverable and clickable. On Windows and Linux the menu does not register them
// (registerAccelerator: false), so a key press reaches the page exactly once. A menu
// click dispatches the same key to the focused element as a DOM event (no IPC involved).
import type { MenuItemConstructorOptions } from 'electron';

export interface Shortcut {
  id: 'focusSearch' | 'nextResult' | 'previousResult' | 'newComment' | 'closeTab' | 'shortcutsPanel' | 'help';
  label: string;
  /** Electron accelerator shown in the menu. */
  accelerator: string;
  /** The KeyboardEvent the renderer listens for (mod = Ctrl, or Cmd on macOS). */
  key: { key: string; code: string; mod: boolean; shift?: boolean; alt?: boolean };
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focusSearch', label: 'Search accounts', accelerator: 'CmdOrCtrl+K', key: { key: 'k', code: 'KeyK', mod: true } },
  { id: 'nextResult', label: 'Next result', accelerator: 'CmdOrCtrl+Down', key: { key: 'ArrowDown', code: 'ArrowDown', mod: true } },
  { id: 'previousResult', label: 'Previous result', accelerator: 'CmdOrCtrl+Up', key: { key: 'ArrowUp', code: 'ArrowUp', mod: true } },
  { id: 'newComment', label: 'New comment', accelerator: 'CmdOrCtrl+M', key: { key: 'm', code: 'KeyM', mod: true } },
  { id: 'closeTab', label: 'Close account tab', accelerator: 'CmdOrCtrl+W', key: { key: 'w', code: 'KeyW', mod: true } },
  { id: 'shortcutsPanel', label: 'Keyboard shortcuts', accelerator: 'Shift+/', key: { key: '?', code: 'Slash', mod: false, shift: true } },
  { id: 'help', label: 'Help', accelerator: 'F1', key: { key: 'F1', code: 'F1', mod: false } },
];

/** The KeyboardEvent init for a shortcut on this platform. */
export function keyboardEventInit(s: Shortcut, platform: NodeJS.Platform) {
  const mac = platform === 'darwin';
  return {
    key: s.key.key,
    code: s.key.code,
    ctrlKey: s.key.mod && !mac,
    metaKey: s.key.mod && mac,
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
    submenu: [shortcutItem('closeTab'), { type: 'separator' }, mac ? { role: 'close', accelerator: 'Shift+CmdOrCtrl+W' } : { role: 'quit' }],
  });
  // Roles give copy/paste their native behaviour (required on macOS).
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({
    label: 'Account',
    submenu: [shortcutItem('focusSearch'), shortcutItem('nextResult'), shortcutItem('previousResult'), { type: 'separator' }, shortcutItem('newComment')],
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
  // Ctrl/Cmd+M is New comment here, so Minimize is a plain item (role 'minimize' would bind Ctrl/Cmd+M).
  template.push({
    label: 'Window',
    submenu: [{ label: 'Minimize', click: (_item, window) => window?.minimize() }, ...(mac ? [{ role: 'front' } as const] : [])],
  });
  template.push({ role: 'help', submenu: [shortcutItem('shortcutsPanel'), shortcutItem('help')] });
  return template;
}
