// The application menu carries the shortcuts; Ctrl/Cmd+W closes a tab, never the window;
// kiosk gets no menu (see main.test.ts).
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { dispatchShortcutScript, keyboardEventInit, menuTemplate, SHORTCUTS } from '../../../main/electron/shortcuts';
import { SHORTCUTS as RENDERER_SHORTCUTS } from '../../../renderer/features/shell/shortcuts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('menuTemplate', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: every shortcut is in the menu, shown but left to the page`, () => {
      const onShortcut = vi.fn();
      const items = flatten(menuTemplate({ platform, appName: 'CSR Desk', developer: false, onShortcut }));
      for (const s of SHORTCUTS) {
        const item = items.find((i) => i.label === s.label);
        expect(item, s.id).toBeDefined();
        expect(item!.accelerator).toBe(s.accelerator);
        expect(item!.registerAccelerator).toBe(false);
        (item!.click as () => void)();
        expect(onShortcut).toHaveBeenLastCalledWith(s);
      }
      // Closing the window is never on a shortcut the page uses.
      const used = new Set(SHORTCUTS.map((x) => x.accelerator));
      expect(items.filter((i) => i.accelerator && !i.label).some((i) => used.has(String(i.accelerator)))).toBe(false);
      expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
      expect(items.some((i) => i.role === 'copy')).toBe(true);
    });
  }
  it('developer builds get reload and DevTools', () => {
    const items = flatten(menuTemplate({ platform: 'linux', appName: 'CSR Desk', developer: true, onShortcut: () => {} }));
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('shortcut dispatch', () => {
  it('uses Ctrl on Windows/Linux and Cmd on macOS', () => {
    const k = SHORTCUTS.find((s) => s.id === 'focusSearch')!;
    expect(keyboardEventInit(k, 'linux')).toMatchObject({ key: 'k', ctrlKey: true, metaKey: false });
    expect(keyboardEventInit(k, 'darwin')).toMatchObject({ key: 'k', ctrlKey: false, metaKey: true });
  });
  it('dispatches a keydown to the focused element', () => {
    const script = dispatchShortcutScript(SHORTCUTS.find((s) => s.id === 'showShortcuts')!, 'linux');
    expect(script).toContain("new KeyboardEvent('keydown'");
    expect(script).toContain('"key":"F1"');
    expect(() => new Function(script)).not.toThrow(); // syntactically valid
  });
});

describe('menu shortcuts and the renderer’s keydown handler agree', () => {
  for (const platform of ['linux', 'darwin'] as const) {
    it(`${platform}: each menu shortcut is the key the renderer handles for the same action`, () => {
      for (const s of SHORTCUTS) {
        const e = keyboardEventInit(s, platform) as unknown as KeyboardEvent;
        const hit = RENDERER_SHORTCUTS.find((r) => r.matches(e, true));
        expect(hit?.id, s.id).toBe(s.id);
      }
    });
  }
  it('every renderer shortcut is in the menu', () => {
    expect(RENDERER_SHORTCUTS.map((r) => r.id).sort()).toEqual(SHORTCUTS.map((s) => s.id).sort());
  });
});
