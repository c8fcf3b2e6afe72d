// Where the Electron executable is, if it is on disk: shared by `npm start` and the
// Playwright Electron tests. Never `require('electron')` to find out: when the binary is
// missing, that starts a download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron executable for this project, or null when it is not installed. */
export function electronBinary(projectRoot) {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relPath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relPath || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(p) ? p : null;
  }
  if (!relPath) return null;
  const p = join(pkgDir, 'dist', relPath);
  return existsSync(p) ? p : null;
}
