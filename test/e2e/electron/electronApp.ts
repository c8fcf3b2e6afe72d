// Launching the real desktop app with Playwright's _electron, for the specs in this folder.
// Where no Electron binary exists (its download is blocked on some machines) the specs
// skip with one line saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../../scripts/electron-binary.mjs';

export const root = resolve(import.meta.dirname, '..', '..', '..');
export const binary = electronBinary(root);
export const SKIP_REASON = 'Electron binary not available on this machine (download blocked); runs where it is installed';

/** Builds what the app loads if it is missing (the renderer and the Electron bundles). */
export function ensureBuilt(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) execFileSync(npm, ['run', '-s', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'out', 'main', 'main.cjs'))) execFileSync(npm, ['run', '-s', 'build:electron'], { cwd: root, stdio: 'inherit' });
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  userData: string;
  /** Lines the main process printed on stdout. */
  stdout: string[];
  /** ms from process start to the renderer's ready, as main reported it. */
  readyMs: number;
}

export async function launchApp(opts: { args?: string[]; env?: Record<string, string>; userData?: string; signIn?: boolean } = {}): Promise<LaunchedApp> {
  if (!binary) throw new Error(SKIP_REASON);
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'csr-electron-e2e-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  // Demo operators (an unpackaged build honours the switch), so the app can be signed in.
  Object.assign(env, { CSR_USER_DATA_DIR: userData, CSR_SANDBOX_ACCOUNTS: '400', CSR_SANDBOX_SEED: '1', CSR_DEMO_OPERATORS: '1' }, opts.env ?? {});
  // Chromium refuses to start as root without its OS sandbox switched off (CI containers);
  // the renderer's own sandbox (webPreferences.sandbox) is unaffected and asserted below.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath: binary,
    args: [join(root, 'out', 'main', 'main.cjs'), ...rootArgs, ...(opts.args ?? [])],
    env,
    cwd: root,
  });
  const stdout: string[] = [];
  let readyMs = Number.NaN;
  const ready = new Promise<void>((done) => {
    app.process().stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        stdout.push(line);
        const m = /^CSR_DESK_READY (\d+)ms/.exec(line);
        if (m) {
          readyMs = Number(m[1]);
          done();
        }
      }
    });
  });
  const page = await app.firstWindow();
  await ready; // the app-emitted "ready": shell painted, first field focused (sign-in or search box)
  if (opts.signIn !== false) await signInDemoAgent(page);
  return { app, page, userData, stdout, readyMs };
}

/** Signs the demo agent in through the sign-in screen, as a person would. */
export async function signInDemoAgent(page: Page): Promise<void> {
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Operator name').fill('demo-agent');
  await form.getByLabel('Password').fill('demo-agent-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('quick-search')).toBeFocused();
}

/**
 * The main job: type a name into the quick search, wait for its answer (the renderer's
 * data-search-seq / data-search-state), open the first result and wait for its overview.
 * Returns the opened account number.
 */
export async function searchAndOpen(page: Page, text: string): Promise<number> {
  const region = page.getByTestId('search-results');
  const before = Number(await region.getAttribute('data-search-seq'));
  await page.getByTestId('quick-search').fill(text);
  await page.waitForFunction(
    (seq) => {
      const el = document.querySelector('[data-testid="search-results"]');
      return !!el && Number(el.getAttribute('data-search-seq')) > seq && el.getAttribute('data-search-state') === 'done';
    },
    before,
    { timeout: 60_000 }, // the first search waits for the sandbox to seed its accounts
  );
  const row = page.locator('[role="grid"] [role="row"][data-account-no]').first();
  const no = Number(await row.getAttribute('data-account-no'));
  await row.click();
  await expect(page.locator(`#ws-tab-${no}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`account-${no}`)).toHaveAttribute('data-account-state', 'ready');
  return no;
}
