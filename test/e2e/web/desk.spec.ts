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
