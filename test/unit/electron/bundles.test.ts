// The packaged app ships no node_modules: each bundle may require only electron and Node's
// built-ins (checked on the output of `npm run build:electron`, when it has been built).
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(import.meta.dirname, '..', '..', '..', 'out');
const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('Electron bundles', () => {
  for (const [bundle, mayUseElectron] of [
    ['main/main.cjs', true],
    ['preload/preload.cjs', true],
    ['sandbox-host/sandboxHost.cjs', false],
  ] as const) {
    const file = join(out, bundle);
    it.skipIf(!existsSync(file))(`${bundle} requires only ${mayUseElectron ? 'electron and ' : ''}Node built-ins`, () => {
      const src = readFileSync(file, 'utf8');
      const required = [...src.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
      const imported = [...src.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
      for (const id of [...required, ...imported]) {
        expect(allowed.has(id), `${bundle} loads ${id}`).toBe(true);
        if (!mayUseElectron) expect(id).not.toBe('electron');
      }
      expect(required.length).toBeGreaterThan(0);
    });
  }
});
