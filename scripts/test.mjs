#!/usr/bin/env node
// `npm test`: typecheck, lint, renderer + Electron builds, unit + integration (Vitest), end-to-end
// (Playwright in Debian's Chromium). Stops at the first failing stage and ends with one
// "N passed, N failed, N skipped" line over every test that ran.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const outDir = process.env.CSR_TEST_REPORTS_DIR ?? '.tmp/test-reports';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failedStages.push(title);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

function finish(ok) {
  // A stage that failed without failing a counted test (typecheck, lint, a build, a runner
  // that crashed) still counts as a failure: the line never says 0 failed after a failure.
  if (!ok && totals.failed === 0) totals.failed = 1;
  if (failedStages.length) console.log(`\nfailed stage: ${failedStages.join(', ')}`);
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

const only = process.argv[2]; // optional: "unit" or "e2e"
if (!only) {
  if (!run('typecheck', 'npm', ['run', '-s', 'typecheck'])) finish(false);
  if (!run('lint', 'npm', ['run', '-s', 'lint'])) finish(false);
}
// Build first: the bundle, packaging and Electronegativity tests read dist/ and out/,
// and must test this tree's build, never a stale one (or skip for lack of one).
if (!run('build renderer', 'npm', ['run', '-s', 'build:renderer'])) finish(false);
if (!run('build electron', 'npm', ['run', '-s', 'build:electron'])) finish(false);
if (!only || only === 'unit') {
  const ok = run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outDir}/vitest.json`]);
  countVitest(`${outDir}/vitest.json`);
  if (!ok) finish(false);
}
if (!only || only === 'e2e') {
  const ok = run('end-to-end', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${outDir}/playwright.json` });
  countPlaywright(`${outDir}/playwright.json`);
  if (!ok) finish(false);
}
finish(true);
