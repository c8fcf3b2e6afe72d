// End-to-end tests. 'web': the built renderer in Debian's Chromium against the loopback
// web host and the embedded sandbox (test/e2e/web). 'electron': the desktop app's own
// specs (test/e2e/electron), which start what they need themselves. Tests wait on events
// the app emits (csr:ready, data-search-state="done"), never on timers.
import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from './test/e2e/web/env';

const dataDir = `.tmp/e2e-data-${E2E_PORT}`;
// The web host serves the 'web' project only; a run of just the electron specs needs none.
const args = process.argv.join(' ');
const onlyElectron = /--project[= ]electron\b/.test(args) && !/--project[= ]web\b/.test(args);

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=en-GB'],
  },
};

const webHost = {
  // A fresh data directory every run: the sandbox seeds 2,000 accounts from seed 1.
  command: `rm -rf ${dataDir} && npm run -s web`,
  url: `http://127.0.0.1:${E2E_PORT}/`,
  env: {
    CSR_DATA_DIR: dataDir,
    CSR_PORT: String(E2E_PORT),
    CSR_TOKEN: E2E_TOKEN,
    CSR_SANDBOX_ACCOUNTS: '2000',
    CSR_SANDBOX_SEED: '1',
    // Demo operators, so the fixtures can sign in (test/e2e/web/fixtures.ts); never in a packaged build.
    CSR_DEMO_OPERATORS: '1',
  },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
};

export default defineConfig({
  testDir: 'test/e2e',
  // Per port, so two runs on one machine do not clear each other's artifacts.
  outputDir: `test-results/artifacts-${E2E_PORT}`,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME; without it the json would go to stdout.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'en-GB',
    timezoneId: 'Europe/Oslo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', testMatch: 'web/**/*.spec.ts', use: chromium },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts', use: chromium },
  ],
  webServer: onlyElectron ? [] : webHost,
});
