// The account workspace: several accounts in tabs, the overview, recent accounts, title
// filtering, closing with the keyboard, the shortcuts panel and the Norwegian locale.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

test('open two accounts in tabs, read the overview, filter by title, close with Alt+W', async ({ app: page }) => {
  const first = await openAccount(page, 0);
  const view = page.getByTestId(`account-${first}`);
  const overview = view.getByTestId('account-overview');
  await expect(overview).toContainText('Status');
  await expect(view.getByTestId('account-balance')).toHaveText(/^(owes NOK\s[\d,.]+|is owed NOK\s[\d,.]+|settled)$/);
  await expect(overview).toContainText(/Norwegian (Bokmål|Nynorsk)/);
  await expect(overview).toContainText('Owner title');
  await screenshot(page, '04-account-overview');
  await expectAccessible(page, 'the account overview');

  const second = await openAccount(page, 1);
  await expect(page.getByRole('tablist', { name: 'Open screens' }).getByRole('tab')).toHaveCount(3);
  await expect(page.locator(`#ws-tab-${second}`)).toHaveAttribute('aria-selected', 'true');

  // Title filtering reloads the overview with only that title's billing groups.
  await page.getByTestId(`account-${second}`).getByRole('button', { name: 'All titles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filter by title' });
  await dialog.getByLabel('Title code').fill('XX');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`account-${second}`).getByRole('button', { name: 'Titles: XX' })).toBeVisible();
  await expect(page.getByTestId(`account-${second}`)).toHaveAttribute('data-account-state', 'ready');

  await page.keyboard.press('Alt+w');
  await expect(page.locator(`#ws-tab-${second}`)).toHaveCount(0);
  await expect(page.locator(`#ws-tab-${first}`)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Recent accounts' })).toContainText(String(second));

  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('New comment on the open account');
  await screenshot(page, '05-shortcuts');
  await expectAccessible(page, 'the shortcuts panel');
  await shortcuts.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: /^NB/ }).click();
  await page.locator(`#ws-tab-${first}`).click();
  await expect(page.getByTestId(`account-${first}`).getByTestId('account-balance')).toHaveText(/^(skylder [\d\s ,]+kr|har til gode [\d\s ,]+kr|gjort opp)$/);
  await expect(page.getByRole('tab', { name: 'Faktureringsgrupper' })).toBeVisible();
  await screenshot(page, '06-account-overview-nb');
  await page.getByRole('button', { name: /^EN/ }).click();
});
