// The main window's bounds survive a restart (userData/window-state.json) and are
// clamped to a display that still exists, so a window last seen on an unplugged monitor
// comes back where it can be seen.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Bounds } from './windowOptions';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
const MIN = { width: 960, height: 600 } as const;

function isRect(v: unknown): v is Rect {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function parseWindowState(text: string): WindowState | null {
  try {
    const v = JSON.parse(text) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(v.bounds)) return null;
    return { bounds: v.bounds, maximized: v.maximized === true };
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds fitted into the work area they overlap
 * most, or the default size centred by the OS when nothing was saved or nothing overlaps.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): Bounds {
  if (!saved || workAreas.length === 0) return { ...DEFAULT_SIZE };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const wa of workAreas) {
    const o = overlap(saved.bounds, wa);
    if (o > bestArea) {
      best = wa;
      bestArea = o;
    }
  }
  if (!best) return { width: Math.max(MIN.width, Math.min(saved.bounds.width, workAreas[0]!.width)), height: Math.max(MIN.height, Math.min(saved.bounds.height, workAreas[0]!.height)) };
  const width = Math.max(Math.min(saved.bounds.width, best.width), Math.min(MIN.width, best.width));
  const height = Math.max(Math.min(saved.bounds.height, best.height), Math.min(MIN.height, best.height));
  const x = Math.min(Math.max(saved.bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.bounds.y, best.y), best.y + best.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Losing the window position is not worth failing a quit over.
  }
}
