// Nothing typed is lost, end to end: a comment draft survives closing its tab (Alt+W) and
// reloading the page (a new renderer: only what main stored comes back), through the real
// web host, router and drafts file.
import { expect, expectAccessible, openAccount, quickSearch, openResult, screenshot, test } from './fixtures';

const draft = 'Kunden ringer tilbake etter klokka 14 om ny leveringsadresse på hytta.';

test('a comment draft survives closing the tab and a reload', async ({ app: page }) => {
  const no = await openAccount(page, 5);
  await page.keyboard.press('Alt+c');
  const view = page.getByTestId(`account-${no}`);
  const text = view.getByTestId('comment-text');
  await expect(text).toBeFocused();
  await text.pressSequentially(draft.slice(0, 20));
  await text.fill(draft);
  await expect(view.getByTestId('draft-state')).toHaveAttribute('data-state', 'saved');
  await expect(view.getByTestId('draft-state')).toHaveText('Draft saved');
  await screenshot(page, '40-draft-saved');
  await expectAccessible(page, 'the composer with a saved draft');

  await page.keyboard.press('Alt+w');
  await expect(page.getByTestId(`account-${no}`)).toHaveCount(0);
  await expect(page.getByTestId('discard-dialog')).toHaveCount(0);

  // Reopen from search: the draft is back.
  await quickSearch(page, String(no));
  await openResult(page, 0);
  await page.keyboard.press('Alt+c');
  await expect(page.getByTestId(`account-${no}`).getByTestId('comment-text')).toHaveValue(draft);

  // A reload is a new renderer with nothing in memory.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await quickSearch(page, String(no));
  await openResult(page, 0);
  await page.keyboard.press('Alt+c');
  const again = page.getByTestId(`account-${no}`);
  await expect(again.getByTestId('comment-text')).toHaveValue(draft);
  await expect(again.getByTestId('draft-state')).toContainText('Draft from');
  await screenshot(page, '41-draft-restored');
});

test('a day at 1280×720: many tabs, no sideways scroll, copy, shortcuts, light and dark', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Control+k');
  await quickSearch(page, 'Hansen');
  const noSideways = (sel: string) => page.evaluate((s) => [...document.querySelectorAll(s)].every((el) => el.scrollWidth <= el.clientWidth + 1), sel);
  expect(await noSideways('[role="grid"]'), 'the results fit the width').toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, '42-results-1280-light');
  await expectAccessible(page, 'search results at 1280×720, light');

  // Open eight accounts: the Search tab stays in view.
  const opened: number[] = [];
  for (let i = 0; i < 8; i++) {
    await page.getByRole('tab', { name: 'Search' }).click();
    opened.push(await openResult(page, i));
  }
  await expect(page.getByTestId('account-heading').and(page.locator(':focus'))).toHaveCount(1); // the heading of the one just opened
  const searchTab = page.getByRole('tab', { name: 'Search' });
  // Both boxes in one look at the page: measured apart, the strip could move between the two
  // (its scroll buttons appear while the tabs scroll) and a tab in view read as out of it.
  // Polled, as a person looks once the strip has stopped moving; it fails if it never settles in view.
  const inView = () =>
    searchTab.evaluate((tab) => {
      const box = tab.getBoundingClientRect();
      // The visible strip is the scroller round the row of tabs (the row itself is as wide as its tabs).
      const strip = tab.closest('[role="tablist"]')!.parentElement!.getBoundingClientRect();
      return box.left >= strip.left - 1 && box.right <= strip.right + 1 && box.width > 40;
    });
  await expect.poll(inView, { message: 'the Search tab is in view with many tabs', timeout: 3000 }).toBe(true);
  await page.keyboard.press('Alt+PageDown'); // wraps round to Search, then on to the first account
  await page.keyboard.press('Alt+PageDown');
  await expect.poll(inView, { message: 'the Search tab is in view after scrolling the tabs', timeout: 3000 }).toBe(true);
  await expect(searchTab).toBeVisible();

  const no = opened.at(-1)!;
  await page.getByRole('tab', { name: new RegExp(`^${await page.getByTestId(`account-${no}`).getByTestId('account-heading').innerText()}`) }).first().click();
  const view = page.getByTestId(`account-${no}`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await view.getByRole('button', { name: 'Copy account number' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Account number copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(no));
  await page.keyboard.press('Alt+b');
  await expect(view.getByRole('tab', { name: 'Billing groups' })).toBeFocused();
  await page.keyboard.press('Alt+o');
  await expect(view.getByRole('tab', { name: 'Overview' })).toBeFocused();
  await expect(view.getByTestId('overview-permanent-text')).not.toBeEmpty();
  await page.mouse.move(640, 700); // no tooltip over the screenshots
  await screenshot(page, '43-account-1280-light');
  await expectAccessible(page, 'an account at 1280×720, light');

  // Dark: following the operating system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, '44-account-1280-dark');
  await expectAccessible(page, 'an account at 1280×720, dark');
  await page.keyboard.press('Alt+m');
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '45-comments-1280-dark');
  await expectAccessible(page, 'comments at 1280×720, dark');
  await page.keyboard.press('Alt+a');
  await expect(view.getByTestId('perm-address')).toHaveAttribute('data-state', 'ready');
  await expectAccessible(page, 'permanent address, dark');
  await searchTab.click();
  await screenshot(page, '46-results-1280-dark');
  await expectAccessible(page, 'search results at 1280×720, dark');

  // The switch wins over the system, and is remembered.
  await page.getByTestId('theme-switch').click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
