#!/usr/bin/env node
// `npm run security:electron` (also run by test/unit/electron/electronegativity.test.ts):
// Electronegativity over the Electron code and, when built, the bundles and the renderer.
// Electronegativity exits 0 whatever it finds, so this script reads its findings and
// exits 1 on any HIGH one (report: .tmp/electronegativity/report.json). A suppression (`/* eng-disable CHECK_ID */`) is accepted
// only with a justification on the same comment: `/* eng-disable CHECK_ID -- why */`.
//
// Why not its CLI: under Node 24 the CLI crashes with exit 1 after writing its report
// ("The `onCancel` handler was attached after the promise settled", from got 11 /
// p-cancelable) whenever its translation download fails, as it does offline. So the runner
// is called as a library with that download stubbed out; the checks are the same.
//
// Usage: node scripts/electronegativity.mjs [--json] [path ...]   (default: the app's paths)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const given = args.filter((a) => !a.startsWith('--'));
const defaultTargets = ['main/electron', 'out', 'dist/renderer'];
const targets = (given.length ? given.map((p) => resolve(p)) : defaultTargets.map((p) => join(root, p))).filter((p) => existsSync(p));

// Checks that need the network or do not apply; each with its reason.
const EXCLUDED = {
  // Downloads Electron's release list from GitHub to flag outdated versions: network at test
  // time, and the Electron version is pinned in package.json and updated deliberately.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
};

const require = createRequire(import.meta.url);
const engDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const engRequire = createRequire(join(engDir, 'package.json'));
// No network: the translation and release downloads fail at once instead of timing out.
const gotPath = engRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline: network access disabled for this scan'));
engRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline, get: offline }) };
const run = engRequire('./dist/runner.js');

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

// Not scanned, with the reason. Its own source (main/electron/sandboxHost.ts) is scanned.
const SKIPPED_PATHS = {
  'out/sandbox-host':
    'the sandbox utility process bundle: Node-only server code (fastify, node:sqlite) with no Electron API; ' +
    'Electronegativity cannot parse its class private fields ("Unknown node type ClassPrivateProperty")',
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (Object.hasOwn(SKIPPED_PATHS, relative(root, p).replaceAll('\\', '/'))) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|js|cjs|mjs|html)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * One folder holding everything to scan, so the global checks (navigation limits,
 * permission handler, CSP) see the whole app at once. Bundles are renamed .cjs → .js:
 * Electronegativity reads only .js/.jsx/.ts/.tsx/.html files.
 */
function stage(inputs) {
  mkdirSync(join(root, '.tmp', 'electronegativity'), { recursive: true });
  const dir = join(mkdtempSync(join(root, '.tmp', 'electronegativity', 'run-')), 'app');
  const origin = new Map();
  for (const input of inputs) {
    const isDir = statSync(input).isDirectory();
    const files = isDir ? walk(input) : [input];
    // Paths outside the project (tests' fixtures) are staged under external/.
    const base = relative(root, input).startsWith('..') ? join('external', basename(input)) : relative(root, input);
    for (const f of files) {
      const rel = isDir ? join(base, relative(input, f)) : base;
      const staged = rel.replace(/\.(cjs|mjs)$/, '.js');
      mkdirSync(dirname(join(dir, staged)), { recursive: true });
      copyFileSync(f, join(dir, staged));
      origin.set(staged, rel);
    }
  }
  return { dir, origin };
}

/** Suppressions without a justification ("-- reason", at least a few words). */
function unjustifiedSuppressions(dirs) {
  const bad = [];
  for (const d of dirs) {
    const files = statSync(d).isDirectory() ? walk(d) : [d];
    for (const f of files) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = /eng-disable\s+([A-Z_ ]+?)(?:\s+--\s+(.*?))?\s*(\*\/|$)/.exec(line);
          if (m && !(m[2] && m[2].trim().split(/\s+/).length >= 3)) bad.push(`${relative(root, f)}:${i + 1}`);
        });
    }
  }
  return bad;
}

async function scan({ dir, origin }) {
  const log = console.log;
  console.log = () => {}; // the runner prints progress and translation notices
  let result;
  try {
    // Without `output` the runner returns its findings instead of writing a file (its CSV
    // writer races its own header against the rows, so files come out garbled at times).
    result = await run(
      {
        input: dir,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED).map((c) => c.toLowerCase()),
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
    rmSync(dirname(dir), { recursive: true, force: true });
  }
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file === 'N/A' ? '(whole app)' : (origin.get(i.file) ?? origin.get(relative(dir, i.file)) ?? i.file),
    location: `${i.location.line}:${i.location.column}`,
    description: i.description,
    manualReview: i.manualReview === true,
  }));
  const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => `${origin.get(relative(dir, e.file)) ?? e.file}: ${e.message}`);
  const report = join(root, '.tmp', 'electronegativity', 'report.json');
  writeFileSync(report, JSON.stringify({ electronVersion, findings, parseErrors, excluded: EXCLUDED }, null, 2));
  return { report: relative(root, report), findings, parseErrors, files: origin.size };
}

const staged = stage(targets);
const { findings, parseErrors, report, files } = await scan(staged);
const scanned = targets.map((t) => relative(root, t));
const high = findings.filter((f) => f.severity === 'HIGH');
const unjustified = unjustifiedSuppressions(targets);
const bySeverity = Object.fromEntries(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => [s, findings.filter((f) => f.severity === s).length]));
const ok = high.length === 0 && unjustified.length === 0 && parseErrors.length === 0;

if (asJson) {
  console.log(JSON.stringify({ ok, electronVersion, scanned, files, report, bySeverity, high, unjustified, parseErrors, findings, excluded: EXCLUDED, skipped: SKIPPED_PATHS }, null, 2));
} else {
  console.log(`electronegativity (Electron ${electronVersion}) over ${scanned.join(', ')} (${files} files): ${Object.entries(bySeverity).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.location}`);
  for (const e of parseErrors) console.log(`  could not parse ${e} (its checks did not run)`);
  for (const [p, why] of Object.entries(SKIPPED_PATHS)) if (existsSync(join(root, p))) console.log(`  not scanned: ${p} (${why})`);
  for (const u of unjustified) console.log(`  suppression without a justification at ${u} (write "eng-disable CHECK -- why")`);
  console.log(ok ? 'electronegativity: no HIGH findings' : `electronegativity: FAILED (${high.length} HIGH, ${unjustified.length} unjustified suppressions, ${parseErrors.length} unparsed files)`);
}
process.exit(ok ? 0 : 1);
