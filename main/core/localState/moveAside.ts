// The way out of a damaged local file: rename it (and SQLite's -wal/-shm companions) to
// "<name>.broken-<UTC timestamp>" next to where it was. Nothing is deleted, so support can
// still look at it; the app then starts with a fresh file.
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';

export function brokenName(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let candidate = `${path}.broken-${stamp}`;
  for (let i = 2; existsSync(candidate); i++) candidate = `${path}.broken-${stamp}-${i}`;
  return candidate;
}

/** Moves the file aside; returns the new file name (without its folder). */
export function moveAside(path: string, now: number = Date.now()): string {
  const target = brokenName(path, now);
  if (existsSync(path)) renameSync(path, target);
  for (const side of ['-wal', '-shm', '-journal']) if (existsSync(path + side)) renameSync(path + side, target + side);
  return basename(target);
}
