// A remote profile may not send its authKey and signatures over http:// to another
// computer (issue 11 item 10; D23): the Settings form says so on the address field, nothing
// is saved, and the same address on this computer is accepted.
import { expect, expectAccessible, screenshot, test } from './fixtures';

// Settings is for admins (main refuses the other roles).
test.use({ role: 'admin' });

test('a new profile over http:// is refused on its address field, loopback is accepted', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Settings' }).click();
  const screenEl = page.getByTestId('settings-screen');
  await screenEl.getByRole('button', { name: 'New profile' }).click();
  const form = screenEl.getByTestId('profile-form');
  await form.getByLabel('Profile name').fill('Billing over http');
  const address = form.getByLabel('Billing system address');
  await address.fill('http://billing.example.no');
  await form.getByLabel('Client number').fill('90000259');
  await form.getByLabel('User ID').fill('agent7');
  await form.getByTestId('secret-authKey').fill('an-auth-key');
  await form.getByTestId('secret-signingSecret').fill('a-signing-secret');
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(form).toContainText('Use an https:// address: over http:// the key and signatures would cross the network unencrypted');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('confirm-write')).toHaveCount(0);
  await expect(address).toHaveValue('http://billing.example.no'); // nothing typed is lost
  await screenshot(page, '17-settings-http-refused');
  await expectAccessible(page, 'the settings form with the address refused');

  await address.fill('http://127.0.0.1:8480');
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('confirm-write')).toContainText('http://127.0.0.1:8480');
});
