// End-to-end tests. Projects:
//   web       test/e2e/web       Debian's Chromium against the loopback web host
//   electron  test/e2e/electron  Playwright's _electron where an Electron binary exists
//                                (each spec skips with a one-line reason where it does not)
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromium = existsSync(chromiumPath) ? { launchOptions: { executablePath: chromiumPath } } : {};

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'web', testDir: 'test/e2e/web', use: { browserName: 'chromium', ...chromium } },
    { name: 'electron', testDir: 'test/e2e/electron', use: { browserName: 'chromium', ...chromium } },
  ],
});
