// Window bounds are restored, and clamped to a display that still exists.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, parseWindowState, restoreBounds, saveWindowState } from '../../../main/electron/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoreBounds', () => {
  it('uses the default size when nothing was saved', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ ...DEFAULT_SIZE });
  });
  it('restores bounds that fit', () => {
    const b = { x: 100, y: 50, width: 1200, height: 800 };
    expect(restoreBounds({ bounds: b, maximized: false }, [laptop])).toEqual(b);
  });
  it('pulls a window back onto the display it mostly overlaps and shrinks it to fit', () => {
    const b = { x: 3500, y: 1000, width: 1200, height: 800 };
    const r = restoreBounds({ bounds: b, maximized: false }, [laptop, external]);
    expect(r.x! + r.width).toBeLessThanOrEqual(external.x + external.width);
    expect(r.y! + r.height).toBeLessThanOrEqual(external.y + external.height);
    expect(r.x!).toBeGreaterThanOrEqual(external.x);
  });
  it('a window left on an unplugged monitor comes back with no position (OS centres it)', () => {
    const r = restoreBounds({ bounds: { x: 5000, y: 0, width: 1000, height: 700 }, maximized: false }, [laptop]);
    expect(r.x).toBeUndefined();
    expect(r.width).toBeLessThanOrEqual(laptop.width);
  });
  it('a saved window bigger than the display is clamped to it', () => {
    const r = restoreBounds({ bounds: { x: -50, y: -50, width: 4000, height: 3000 }, maximized: true }, [laptop]);
    expect(r).toEqual({ x: 0, y: 0, width: laptop.width, height: laptop.height });
  });
});

describe('window-state.json', () => {
  it('round-trips, and ignores damaged files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csr-ws-'));
    const file = join(dir, 'sub', 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"1","y":2,"width":3,"height":4}}')).toBeNull();
  });
});
