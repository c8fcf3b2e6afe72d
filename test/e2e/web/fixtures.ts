// Shared steps of the web end-to-end tests: sign a demo operator in (the web host runs with
// CSR_DEMO_OPERATORS=1), open the app and wait for its ready signal, search and wait for the
// results to be marked done, open an account, keep a screenshot of each screen
// (test-results/screens), and check accessibility with axe.
//
// The `app` fixture signs in the demo agent; a spec that needs another role says
//   test.use({ role: 'admin' })      // or 'supervisor'
// and signInAs(request, role) switches the desk's operator in the middle of a test.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '../../../shared/ipc';
import { DEMO_LOGIN } from '../../helpers/operators';
import { E2E_TOKEN } from './env';

export const SCREENS_DIR = 'test-results/screens';

/** Signs the desk in as the demo operator of `role`, over the web host's API (the session is the desk's). */
export async function signInAs(request: APIRequestContext, role: Role, token = E2E_TOKEN): Promise<void> {
  const res = await request.post('/ipc/session.signIn', { headers: { authorization: `Bearer ${token}` }, data: DEMO_LOGIN[role] });
  const body = (await res.json()) as { ok: boolean; value?: { failure: unknown; status: { state: string } } };
  expect(body.ok && !body.value?.failure && body.value?.status.state, `sign in as the demo ${role}`).toBe('signedIn');
}

export const test = base.extend<{ app: Page; role: Role }>({
  role: ['agent', { option: true }],
  app: async ({ page, role }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    // Every Content-Security-Policy violation is recorded (the app must not need any).
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
    await signInAs(page.request, role);
    // The web host (and its desk) is shared by every spec: a spec that failed while working
    // offline must not leave the next one offline.
    const online = await page.request.post('/ipc/outbox.setOffline', { headers: { authorization: `Bearer ${E2E_TOKEN}` }, data: { offline: false } });
    expect(((await online.json()) as { ok: boolean }).ok, 'the desk is online at the start').toBe(true);
    await page.goto(`/#token=${E2E_TOKEN}`);
    await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
    await expect(page.getByTestId('operator-menu')).toBeVisible();
    await use(page);
    expect(problems, 'the page logged no errors').toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), 'no CSP violations').toEqual([]);
  },
});
export { expect };

/** Types into the quick-search box and waits until the answer for this text is on screen. */
export async function quickSearch(page: Page, text: string): Promise<void> {
  const region = page.getByTestId('search-results');
  const box = page.getByTestId('quick-search');
  // Already showing the answer for this very text: nothing new will be searched.
  if ((await box.inputValue()) === text && (await region.getAttribute('data-search-state')) === 'done') return;
  const before = Number(await region.getAttribute('data-search-seq'));
  await box.fill(text);
  await page.waitForFunction(
    (seq) => {
      const el = document.querySelector('[data-testid="search-results"]');
      return !!el && Number(el.getAttribute('data-search-seq')) > seq && el.getAttribute('data-search-state') === 'done';
    },
    before,
    { timeout: 60_000 }, // the first search waits for the sandbox to seed its accounts
  );
}

export const resultRows = (page: Page) => page.locator('[role="grid"] [role="row"][data-account-no]');

/** Opens the result at `index` and waits for its overview; returns its account number. */
export async function openResult(page: Page, index = 0): Promise<number> {
  const row = resultRows(page).nth(index);
  const no = Number(await row.getAttribute('data-account-no'));
  await row.click();
  await expect(page.getByTestId(`account-${no}`)).toHaveAttribute('data-account-state', 'ready');
  return no;
}

/** Searches for a common surname and opens the result at `index`. */
export async function openAccount(page: Page, index: number, query = 'Hansen'): Promise<number> {
  await page.keyboard.press('Control+k');
  await quickSearch(page, query);
  return openResult(page, index);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = `${SCREENS_DIR}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await base.info().attach(name, { path, contentType: 'image/png' });
}

/**
 * Moves the pointer to the page's left margin, where no control or tooltip is. After a click on
 * the top bar and a resize, the pointer left where the button was can land on another top bar
 * icon, whose tooltip then opens while axe is measuring (its colours are only final once its
 * fade-in has ended).
 */
export async function parkPointer(page: Page): Promise<void> {
  await page.mouse.move(2, Math.round((page.viewportSize()?.height ?? 720) / 2));
}

/** No serious or critical WCAG 2.1 A/AA violations on what is on screen now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours are measured as they will stay: a notice or tooltip still fading in has not its
  // final contrast yet (finite animations only; a progress bar's loop never ends). Quiet for
  // 300 ms, not merely at one poll: a notice held back behind a dialog starts to fade in a
  // frame or more after the dialog's own exit has ended, and a poll in between saw nothing.
  await page.evaluate(() => delete (window as unknown as { __quietSince?: number }).__quietSince);
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __quietSince?: number };
        const busy = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
        const now = performance.now();
        if (busy) {
          delete w.__quietSince;
          return false;
        }
        w.__quietSince ??= now;
        return now - w.__quietSince >= 300;
      },
      undefined,
      { timeout: 5_000, polling: 50 },
    )
    .catch(() => {});
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/**
 * Types a date into one of the app's date inputs (DateInput: sections as spinbuttons, in the
 * UI language's order, e.g. dd/mm/yyyy), or clears it with ''. `digits` is what a person types:
 * '02112026' for 2 November 2026 in either language.
 */
export async function typeDate(page: Page, testId: string, digits: string): Promise<void> {
  const day = page.getByTestId(testId).getByRole('spinbutton').first();
  await day.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  if (digits) await page.keyboard.type(digits);
}
