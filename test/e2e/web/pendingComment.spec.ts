// Issue 8 item 4: a comment added while offline is in the account's comment timeline,
// marked pending (not as a stored comment); back online it is sent, and the timeline shows
// it once, as the stored comment.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

test('a comment made offline is pending in the timeline, then stored once when back online', async ({ app: page }) => {
  const banner = page.getByTestId('outbox-banner');
  const no = await openAccount(page, 3);
  const view = page.getByTestId(`account-${no}`);
  await view.getByRole('tab', { name: 'Comments' }).click();
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('outbox-offline-switch').locator('input').click();
  await expect(banner).toHaveAttribute('data-mode', 'chosen');

  const text = `Kunden ringte fra hytta, frakoblet ${Date.now().toString(36)}`;
  await view.getByTestId('comment-text').fill(text);
  await view.getByRole('button', { name: 'Review and save' }).click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Saved on this computer');

  const timeline = view.getByRole('list', { name: 'Comment timeline' });
  const pending = timeline.getByTestId('comment-pending');
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText(text);
  await expect(pending).toContainText('Pending');
  await expect(pending).toContainText('Waiting to be sent');
  await expect(pending).toHaveAttribute('data-state', 'pending');
  // Not among the stored comments.
  await expect(timeline.locator('[data-comment-no]').filter({ hasText: text })).toHaveCount(0);
  await expectAccessible(page, 'the comment timeline with a pending comment');
  await screenshot(page, 'trust-pending-comment');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'trust-pending-comment-1280');

  await page.getByTestId('outbox-offline-switch').locator('input').click();
  await expect(banner).toHaveAttribute('data-mode', 'online');
  await expect(banner).toHaveAttribute('data-waiting', '0', { timeout: 20_000 });
  await expect(pending).toHaveCount(0);
  const stored = timeline.locator('[data-comment-no]').filter({ hasText: text });
  await expect(stored).toHaveCount(1);
  await expect(timeline.getByText(text)).toHaveCount(1);
  await screenshot(page, 'trust-pending-comment-applied');
});
