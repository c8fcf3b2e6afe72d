// Offline by choice: a comment is saved on this computer and shown as pending (banner, the
// account, the list), then sent when the desk goes online, and stored once.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

test('work offline: a comment waits as pending, then is sent once when back online', async ({ app: page }) => {
  const banner = page.getByTestId('outbox-banner');
  await expect(banner).toHaveAttribute('data-mode', 'online');
  const no = await openAccount(page, 2);
  await page.getByTestId('outbox-offline-switch').locator('input').click();
  await expect(banner).toHaveAttribute('data-mode', 'chosen');
  await expect(banner).toContainText('Working offline (your choice)');

  const view = page.getByTestId(`account-${no}`);
  await page.keyboard.press('Alt+c');
  const text = `Ringt fra kiosken, frakoblet ${Date.now().toString(36)}`;
  await view.getByTestId('comment-text').fill(text);
  await view.getByRole('button', { name: 'Review and save' }).click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Saved on this computer. It will be sent when the connection is back');
  await expect(banner).toContainText('1 change waiting to be sent');
  const pending = view.getByTestId('account-pending');
  await expect(pending).toContainText('1 change to this account is waiting');
  await expect(pending).toContainText(`Add a comment: ${text}`);
  await expect(pending).toContainText('Waiting to be sent');
  // In the timeline only as pending, not among the stored comments (pendingComment.spec.ts).
  await expect(view.getByRole('list', { name: 'Comment timeline' }).locator('[data-comment-no]').filter({ hasText: text })).toHaveCount(0);

  await page.getByTestId('outbox-open-list').click();
  const list = page.getByTestId('outbox-list');
  await expect(list.getByTestId('outbox-item')).toHaveCount(1);
  await expect(list.getByTestId('outbox-item')).toContainText(String(no));
  await screenshot(page, '30-outbox-list');
  await expectAccessible(page, 'the outbox list');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, '31-outbox-pending-1280');

  await page.getByTestId('outbox-offline-switch').locator('input').click();
  await expect(banner).toHaveAttribute('data-mode', 'online');
  await expect(banner).toHaveAttribute('data-waiting', '0', { timeout: 20_000 });
  await expect(pending).toHaveCount(0);
  await view.getByRole('button', { name: 'Reload' }).first().click();
  await view.getByRole('tab', { name: 'Comments' }).click();
  await expect(view.getByRole('list', { name: 'Comment timeline' }).getByText(text)).toHaveCount(1);
});
