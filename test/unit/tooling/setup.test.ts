// The README's set-up works on the machine's own Node: npm install brings Node 24 (the
// `node` devDependency) and every npm script runs on it; the summary line of npm test
// never reads "0 failed" after a failing stage.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };

describe('set-up on a stock machine', () => {
  it('installs Node 24 from the npm registry and accepts the machine Node from 18 on', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
    expect(pkg.engines.node).toBe('>=18');
  });

  it('runs the test suite itself on Node 24 (npm puts node_modules/.bin first)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('refuses an old Node in one line instead of a stack trace', () => {
    const r = spawnSync(process.execPath, ['-e', "Object.defineProperty(process.versions, 'node', { value: '20.20.2' }); await import('./scripts/require-node.mjs')", '--input-type=module'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('runs on the Node 24 that `npm install` installs');
  });

  it('counts a failing stage as a failure in the summary line', () => {
    // An `npm` that fails at once: the typecheck stage fails before any test has run.
    const bin = mkdtempSync(join(tmpdir(), 'fake-npm-'));
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\nexit 2\n', { mode: 0o755 });
    const r = spawnSync(process.execPath, ['scripts/test.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CSR_TEST_REPORTS_DIR: join(bin, 'reports') },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('failed stage: typecheck');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('tests: 0 passed, 1 failed, 0 skipped');
  });
});
