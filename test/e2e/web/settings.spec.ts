// Settings: the embedded sandbox profile exists and cannot be deleted, secrets are
// write-only, and "Test connection" says what it found, in view at 1280×720 and in Bokmål.
import { expect, expectAccessible, screenshot, test } from './fixtures';

// Connection profiles are admins' work.
test.use({ role: 'admin' });

test('connection profiles: the sandbox profile, write-only secrets, test connection', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const screenEl = page.getByTestId('settings-screen');
  await expect(screenEl.getByRole('heading', { name: 'Sandbox (embedded)' })).toBeVisible();
  await expect(screenEl.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenEl.getByRole('button', { name: 'Test connection' }).click();
  const result = screenEl.getByTestId('test-result');
  await expect(result).toContainText(/^Connected to http:\/\/127\.0\.0\.1:\d+; the signed request was accepted\. \(\d+ ms\)$/);
  // The answer is below the buttons: the screen brings it into view.
  await expect(result).toBeInViewport();
  await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
  await expect(result).toContainText(/^Koblet til http:\/\/127\.0\.0\.1:\d+; den signerte forespørselen ble godtatt\./);
  await page.getByRole('button', { name: 'EN English' }).click();

  await screenEl.getByRole('button', { name: 'New profile' }).click();
  const form = screenEl.getByTestId('profile-form');
  await expect(form.getByTestId('secret-authKey')).toHaveValue('');
  await expect(form.getByTestId('secret-authKey')).toHaveAttribute('type', 'password');
  await screenshot(page, '16-settings');
  await expectAccessible(page, 'the settings screen');
  await screenEl.getByRole('button', { name: 'Back to the workspace' }).click();
  await expect(page.getByTestId('quick-search')).toBeVisible();
});
