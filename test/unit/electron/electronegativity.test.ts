// security.md: Electronegativity runs in the test suite; since it exits 0 on findings, the
// gate (scripts/electronegativity.mjs) reads its report and fails on any HIGH finding,
// and on any suppression without a justification.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const script = join(root, 'scripts', 'electronegativity.mjs');

function gate(...args: string[]) {
  const r = spawnSync(process.execPath, [script, '--json', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, report: JSON.parse(r.stdout) as { ok: boolean; high: { id: string; file: string }[]; unjustified: string[]; bySeverity: Record<string, number>; files: number } };
}

// Each case runs the scanner over the whole tree (tens of seconds on a loaded 2-core machine).
describe('electronegativity gate', { timeout: 120_000 }, () => {
  it('the app has no HIGH findings', () => {
    const { status, report } = gate();
    expect(report.high, JSON.stringify(report.high)).toEqual([]);
    expect(report.unjustified).toEqual([]);
    expect(report.files).toBeGreaterThan(10);
    expect(status).toBe(0);
  });

  it('fails on a HIGH finding (it does not trust Electronegativity’s exit code)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csr-eng-'));
    writeFileSync(
      join(dir, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });\n",
    );
    const { status, report } = gate(dir);
    expect(report.high.map((f) => f.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(status).toBe(1);
  });

  it('fails on a suppression without a justification, accepts one with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csr-eng-'));
    mkdirSync(join(dir, 'a'));
    const file = join(dir, 'a', 'x.ts');
    writeFileSync(file, "import { shell } from 'electron';\n/* eng-disable OPEN_EXTERNAL_JS_CHECK */\nshell.openExternal('https://example.com');\n");
    expect(gate(dir).report.unjustified).toHaveLength(1);
    writeFileSync(file, "import { shell } from 'electron';\n/* eng-disable OPEN_EXTERNAL_JS_CHECK -- a fixed https URL of our own */\nshell.openExternal('https://example.com');\n");
    expect(gate(dir).report.unjustified).toHaveLength(0);
  });

  it('prints one summary line for people', () => {
    const out = execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(out).toMatch(/electronegativity: no HIGH findings/);
  });
});
