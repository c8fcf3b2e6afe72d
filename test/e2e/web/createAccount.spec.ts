// Create an account (issue 10 item 2): the duplicate check finds an existing customer and
// opens them instead; a new customer goes through the check, the short form (the rest under
// "More" with the business's defaults), a refused phone number on its field, nothing → the
// new account, and the new account opens. Offline, the create waits in the outbox list.
// A supervisor's audit log then says what the new account got, in words. Axe and a
// screenshot of each screen. Seed 1 (looked up with SQL): 42000007 Emma
// Johannessen, Majorstuveien 121, 0473 OSLO, emmajohannessen39@gmail.com, active.
import { expect, expectAccessible, parkPointer, screenshot, test } from './fixtures';

test('the duplicate check finds an existing customer and opens them instead', async ({ app: page }) => {
  await page.getByTestId('new-account').click();
  const dialog = page.getByTestId('create-account');
  await expect(dialog.getByRole('heading', { name: 'New account: is the customer already here?' })).toBeVisible();
  await expect(dialog.getByTestId('check-fullName')).toBeFocused();
  await screenshot(page, 'createAccount-01-check');
  await expectAccessible(page, 'the duplicate check');

  await dialog.getByTestId('check-fullName').fill('Emma Johannessen');
  await dialog.getByTestId('check-postalCode').fill('0473');
  await dialog.getByTestId('check-emailAddress').fill('EmmaJohannessen39@gmail.com');
  await page.keyboard.press('Enter');
  const first = dialog.getByTestId('duplicate-match').first();
  await expect(first).toHaveAttribute('data-account', '42000007');
  await expect(first).toContainText('Emma Johannessen');
  await expect(first).toContainText('Majorstuveien 121, 0473 OSLO');
  await expect(first).toContainText('Active');
  await expect(first.getByTestId('matched-by')).toHaveText(['Email', 'Name and postal code']);
  await screenshot(page, 'createAccount-02-matches');
  await expectAccessible(page, 'the possible matches');

  await first.getByTestId('duplicate-open').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('account-42000007')).toBeVisible();
  await screenshot(page, 'createAccount-03-opened-instead');
});

test('a new customer: check, the short form, a refused field, confirm, and the new account opens', async ({ app: page }) => {
  await page.keyboard.press('Alt+N');
  const dialog = page.getByTestId('create-account');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('check-fullName').fill('Ingvild Nytt');
  await dialog.getByTestId('check-postalCode').fill('0155');
  await dialog.getByTestId('check-phone').fill('912 34 999');
  await dialog.getByTestId('check-run').click();
  await expect(dialog.getByTestId('duplicate-status')).toContainText('No existing customer matches');
  await screenshot(page, 'createAccount-04-no-match');
  await dialog.getByTestId('check-continue').click();

  // What the check knew is in the form already; the rest waits under "More", with the defaults.
  await expect(dialog.getByTestId('new-fullName')).toHaveValue('Ingvild Nytt');
  await expect(dialog.getByTestId('postalCode-input')).toHaveValue('0155');
  await expect(dialog.getByTestId('new-cellPhone')).toHaveValue('912 34 999');
  await expect(dialog.getByTestId('create-more-summary')).toHaveText('NOK · Norwegian Bokmål · Email with PDF · Bank giro invoice, Standard');
  await dialog.getByTestId('new-addressLine1').fill('Storgata 5');
  await dialog.getByTestId('new-emailAddress').fill('ingvild.nytt@example.no');
  // A phone number with letters: said on the field; everything typed stays.
  await dialog.getByTestId('new-cellPhone').fill('912 34 ab');
  await dialog.getByTestId('create-review').click();
  await expect(dialog.getByText('Enter a phone number: 8 digits for Norway, or + and the country code')).toBeVisible();
  await expect(dialog.getByTestId('new-addressLine1')).toHaveValue('Storgata 5');
  await screenshot(page, 'createAccount-05-form-error');
  await expectAccessible(page, 'the new-account form with an error');

  await dialog.getByTestId('new-cellPhone').fill('912 34 999');
  await dialog.getByTestId('create-more').getByRole('button', { name: /More: payment/ }).click();
  await expect(dialog.getByTestId('new-acctCreateAccountPayOptionInfo.payOptionID')).toBeVisible();
  await screenshot(page, 'createAccount-06-form-more');
  await expectAccessible(page, 'the new-account form with More open');

  await dialog.getByTestId('create-review').click();
  const confirm = page.getByTestId('confirm-write');
  await expect(page.getByRole('heading', { name: 'Create this account?' })).toBeVisible();
  const after = (path: string) => confirm.locator(`[data-path="${path}"] [data-testid="after"]`);
  await expect(after('accountContact.fullName')).toHaveText('Ingvild Nytt');
  await expect(after('accountContact.cellPhone')).toHaveText('+47 91 23 49 99');
  await expect(after('accountContact.postalCity')).toHaveText('OSLO');
  await expect(after('currencyCode')).toHaveText('NOK');
  await expect(after('localeCode')).toHaveText('Norwegian Bokmål');
  await expect(after('acctCreateAccountPayOptionInfo.payOptionID')).toHaveText('Bank giro invoice');
  // The language and the payment option in words, labelled as what they name (not "code" or "ID").
  await expect(after('languageCode')).toHaveText('Norwegian');
  const label = (path: string) => confirm.locator(`[data-path="${path}"] th`);
  await expect(label('languageCode')).toHaveText('Language');
  await expect(label('acctCreateAccountPayOptionInfo.payOptionID')).toHaveText('Payment › Payment option');
  // Codes in words, and the contact in the form's order (the city right after the postal code).
  await expect(after('requestSource')).toHaveText('Customer service');
  const paths = await confirm.locator('[data-path]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
  expect(paths.indexOf('accountContact.postalCity')).toBe(paths.indexOf('accountContact.postalCode') + 1);
  await expect(confirm.locator('[data-path="accountContact.fullName"] [data-testid="before"]')).toHaveText('—');
  await screenshot(page, 'createAccount-07-confirm');
  await expectAccessible(page, 'the new-account confirmation');
  await page.getByTestId('confirm-write-button').click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText(/Account \d+ created/);
  const view = page.locator('[data-testid^="account-4"]').filter({ hasText: 'Ingvild Nytt' }).first();
  await expect(view).toBeVisible();
  await expect(view.getByTestId('account-contact')).toContainText('ingvild.nytt@example.no');
  await screenshot(page, 'createAccount-08-new-account');
  await expectAccessible(page, 'the new account');
});

test('offline, a new account waits in the outbox list and is said to be created when back online', async ({ app: page }) => {
  await page.getByTestId('outbox-offline-switch').click();
  await page.getByTestId('new-account').click();
  const dialog = page.getByTestId('create-account');
  await dialog.getByTestId('check-emailAddress').fill('kari.ko@example.no');
  await dialog.getByTestId('check-run').click();
  // The check itself needs the billing system: offline by choice it still reads.
  await expect(dialog.getByTestId('duplicate-status')).toHaveAttribute('data-state', /done|error/);
  await dialog.getByTestId('check-continue').click();
  await dialog.getByTestId('new-fullName').fill('Kari Kø');
  await dialog.getByTestId('create-review').click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('the account for Kari Kø will be created when the connection is back');
  await page.getByTestId('outbox-open-list').click();
  const item = page.getByTestId('outbox-item').filter({ hasText: 'Kari Kø' });
  await expect(item).toHaveAttribute('data-type', 'account.create');
  await expect(item).toContainText('Create a new account');
  await expect(item).toContainText('New');
  await screenshot(page, 'createAccount-09-queued-in-outbox');
  await expectAccessible(page, 'the outbox list with a new account');
  // Discarding it names a new account, never "account 0".
  await item.getByTestId('outbox-discard').click();
  const ask = page.getByRole('dialog').filter({ has: page.getByTestId('outbox-discard-confirm') });
  await expect(ask).toContainText('(a new account) will not be sent');
  await expect(ask).not.toContainText('account 0');
  await ask.getByTestId('outbox-discard-confirm').click();
  await expect(page.getByTestId('outbox-item').filter({ hasText: 'Kari Kø' })).toHaveCount(0);
  // Back online: offline by choice is the desk's state, shared by the specs that follow.
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('outbox-offline-switch').click();
  await expect(page.getByTestId('outbox-banner')).toHaveAttribute('data-mode', 'online');
});

test.describe('the audit log of a new account', () => {
  // The audit log is for supervisors and admins (main refuses agents).
  test.use({ role: 'supervisor' });

  test('names the payment option and the other codes in words, never "Payment option ID → BANKGIRO"', async ({ app: page }) => {
    await page.getByTestId('new-account').click();
    const dialog = page.getByTestId('create-account');
    await dialog.getByTestId('check-emailAddress').fill('sigrid.revisjon@example.no');
    await dialog.getByTestId('check-run').click();
    await expect(dialog.getByTestId('duplicate-status')).toHaveAttribute('data-state', /done|error/);
    await dialog.getByTestId('check-continue').click();
    await dialog.getByTestId('new-fullName').fill('Sigrid Revisjon');
    await dialog.getByTestId('create-review').click();
    await page.getByTestId('confirm-write-button').click();
    await expect(page.getByTestId('notice')).toContainText(/Account \d+ created/);
    await page.getByTestId('notice').getByRole('button', { name: 'Close' }).click();

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByTestId('audit-filter-text').fill('sigrid.revisjon@example.no');
    // The intent holds what was asked for (the outcome only the new number and IDs).
    await expect(page.getByTestId('audit-count')).toHaveText('1 entry, newest first');
    const asked = page.getByTestId('audit-list').getByRole('option').filter({ hasText: 'Asked for' });
    // The row: the first confirmed fields in words, and a new account rather than "account 0".
    await expect(asked).toContainText('Currency: — → NOK; Language of letters: — → Norwegian Bokmål');
    await expect(asked).toContainText('new account');
    await expect(asked).not.toContainText('account 0');
    await asked.click();
    const details = page.getByTestId('audit-details');
    await expect(details.getByRole('heading', { name: 'Account created' })).toBeVisible();
    const row = (path: string) => details.locator(`[data-path="${path}"]`);
    await expect(row('acctCreateAccountPayOptionInfo.payOptionID').locator('th')).toHaveText('Payment › Payment option');
    await expect(row('acctCreateAccountPayOptionInfo.payOptionID').getByTestId('after')).toHaveText('Bank giro invoice');
    await expect(row('acctCreateAccountPayOptionInfo.payOptionVariant').getByTestId('after')).toHaveText('Standard');
    await expect(row('languageCode').locator('th')).toHaveText('Language');
    await expect(row('languageCode').getByTestId('after')).toHaveText('Norwegian');
    await expect(row('customerType').getByTestId('after')).toHaveText('Private customer');
    await expect(row('taxpayerExemptionLevel').getByTestId('after')).toHaveText('No VAT exemption');
    await expect(row('channelCode').getByTestId('after')).toHaveText('Customer service');
    await expect(row('account.ariaAccountID').locator('th')).toHaveText('Account › Client account ID');
    await expect(details.getByTestId('changes-table')).not.toContainText(/BANKGIRO|CONSUMER|Payment option ID|changes ›/);
    await row('acctCreateAccountPayOptionInfo.payOptionID').scrollIntoViewIfNeeded();
    await parkPointer(page);
    await screenshot(page, 'createAccount-10-audit-1280');
    await expectAccessible(page, 'the audit entry of a new account');

    await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
    await expect(row('acctCreateAccountPayOptionInfo.payOptionID').locator('th')).toHaveText('Betaling › Betalingsvalg');
    await expect(row('acctCreateAccountPayOptionInfo.payOptionID').getByTestId('after')).toHaveText('Faktura med bankgiro');
    await expect(row('languageCode').getByTestId('after')).toHaveText('Norsk');
    await row('acctCreateAccountPayOptionInfo.payOptionID').scrollIntoViewIfNeeded();
    await parkPointer(page);
    await screenshot(page, 'createAccount-11-audit-nb-1280');
    await page.getByRole('button', { name: 'EN English' }).click();
    await page.getByRole('button', { name: 'Back to the workspace' }).click();
  });
});
