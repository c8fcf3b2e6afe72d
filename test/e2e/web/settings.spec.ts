// Settings: the embedded sandbox profile exists and cannot be deleted, secrets are
// write-only, and "Test connection" shows the message it got.
import { expect, expectAccessible, screenshot, test } from './fixtures';

// Connection profiles are admins' work.
test.use({ role: 'admin' });

test('connection profiles: the sandbox profile, write-only secrets, test connection', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const screenEl = page.getByTestId('settings-screen');
  await expect(screenEl.getByRole('heading', { name: 'Sandbox (embedded)' })).toBeVisible();
  await expect(screenEl.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await screenEl.getByRole('button', { name: 'Test connection' }).click();
  await expect(screenEl.getByTestId('test-result')).toContainText('the signed request was accepted');

  await screenEl.getByRole('button', { name: 'New profile' }).click();
  const form = screenEl.getByTestId('profile-form');
  await expect(form.getByTestId('secret-authKey')).toHaveValue('');
  await expect(form.getByTestId('secret-authKey')).toHaveAttribute('type', 'password');
  await screenshot(page, '16-settings');
  await expectAccessible(page, 'the settings screen');
  await screenEl.getByRole('button', { name: 'Back to the workspace' }).click();
  await expect(page.getByTestId('quick-search')).toBeVisible();
});
