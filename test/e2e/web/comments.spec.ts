// A comment longer than 450 characters: the preview shows its parts, and the timeline
// shows them stored as parts.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

const sentence = 'Kunden ringte om fakturaen for november og ba om utsatt betalingsfrist til neste måned. ';
const longText = `${sentence.repeat(8)}Avtalt ny frist, bekreftet på e-post.`;

test('write a comment longer than 450 characters and see its parts', async ({ app: page }) => {
  const no = await openAccount(page, 3);
  await page.keyboard.press('Alt+c'); // new comment: the comments section, the focus in the text
  const view = page.getByTestId(`account-${no}`);
  const text = view.getByTestId('comment-text');
  await expect(text).toBeFocused();
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await text.fill(longText);
  await expect(view.getByTestId('comment-preview-part')).toHaveCount(2);
  await expect(view.getByTestId('comment-counter')).toHaveText(`${[...new Intl.Segmenter().segment(longText)].length} characters · stored as 2 comments`);
  await screenshot(page, '11-comment-preview');
  await expectAccessible(page, 'the comment composer');

  await view.getByRole('button', { name: 'Review and save' }).click();
  await expect(page.getByTestId('confirm-write')).toContainText('as 2 comments');
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Comment saved in 2 parts.');
  await expect(text).toHaveValue('');

  const timeline = view.getByTestId('comment-timeline');
  await expect(timeline.getByTestId('comment-part').filter({ hasText: 'part 1 of 2' }).first()).toBeVisible();
  await expect(timeline.getByTestId('comment-part').filter({ hasText: 'part 2 of 2' }).first()).toBeVisible();
  await expect(timeline).toContainText('Avtalt ny frist, bekreftet på e-post.');
  // The author by name (AMPS keeps the login name, which is the title).
  await expect(timeline.getByTestId('comment-author').first()).toHaveText('Demo Agent');
  await expect(timeline.getByTestId('comment-author').first()).toHaveAttribute('title', 'demo-agent');
  await screenshot(page, '12-comments-timeline');
});

test('a card number read out by a caller is refused on the comment box, and the last four digits are fine (D95)', async ({ app: page }) => {
  const no = await openAccount(page, 4);
  await page.keyboard.press('Alt+c');
  const view = page.getByTestId(`account-${no}`);
  const text = view.getByTestId('comment-text');
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await text.fill('Kunden leste opp kortet 4111 1111 1111 1111 for å betale');
  await expect(view.getByText('This looks like a card number. Card numbers are never written down here: write only its last four digits.')).toBeVisible();
  await expect(view.getByRole('button', { name: 'Review and save' })).toBeDisabled();
  await expect(view.getByTestId('draft-state')).toHaveText('The draft is not kept while the text holds a card number.');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, '13-comment-card-number-1280');
  await expectAccessible(page, 'a comment refused for a card number');
  await text.fill('Kunden betaler med nytt kort som slutter på 1111');
  await expect(view.getByRole('button', { name: 'Review and save' })).toBeEnabled();
  await expect(view.getByTestId('draft-state')).toHaveText('Draft saved');
});

test('a template’s {agent} is the signed-in operator’s name; the comment’s author stays the login name', async ({ app: page }) => {
  const no = await openAccount(page, 8);
  await page.keyboard.press('Alt+c');
  const view = page.getByTestId(`account-${no}`);
  const text = view.getByTestId('comment-text');
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await view.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Customer called/ }).click();
  await expect(text).toHaveValue(/^\d{2}\/\d{2}\/\d{4}: .+ called\. Handled by Demo Agent\.$/);
  const filled = await text.inputValue();

  await view.getByRole('button', { name: 'Review and save' }).click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Comment saved');
  const stored = view.getByTestId('comment-timeline').getByRole('listitem').filter({ hasText: filled });
  await expect(stored.getByTestId('comment-author')).toHaveText('Demo Agent');
  await expect(stored.getByTestId('comment-author')).toHaveAttribute('title', 'demo-agent');
});
