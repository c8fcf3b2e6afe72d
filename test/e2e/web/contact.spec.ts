// The most common call, "I have a new phone number": edit the contact from the account view
// (Alt+E or the button; a bad number is said on the field and nothing typed is lost; a
// landline in the mobile field is a warning), before → after of only what changes, and the
// new number on the account after. At 1280×720, Manage account (Alt+U) and the contact form
// (Alt+E) opened at once after "Contact saved": the notice covers none of their buttons, and
// is back once they are closed. Then ban the account with its
// number typed again, and see the account archived with nothing left to change. Axe and a
// screenshot of each screen.
import type { Locator } from '@playwright/test';
import { E2E_TOKEN } from './env';
import { expect, expectAccessible, openAccount, parkPointer, screenshot, signInAs, test } from './fixtures';

/** Nothing lies over these buttons: at the centre and the four corners (2px in) of each, what is on top is the button or inside it. */
async function expectUncovered(...buttons: Locator[]): Promise<void> {
  for (const button of buttons) {
    await expect(button).toBeVisible();
    expect(await uncovered(button), `nothing over "${await button.innerText()}" (centre, corners)`).toEqual([true, true, true, true, true]);
  }
}
const uncovered = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const points: [number, number][] = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 2, r.top + 2],
      [r.right - 2, r.top + 2],
      [r.left + 2, r.bottom - 2],
      [r.right - 2, r.bottom - 2],
    ];
    return points.map(([x, y]) => {
      const top = document.elementFromPoint(x, y);
      return !!top && node.contains(top);
    });
  });

test('edit the phone number, see it on the account; then ban with the typed account number', async ({ app: page }) => {
  const no = await openAccount(page, 3);
  const view = page.getByTestId(`account-${no}`);
  const contactCard = view.getByTestId('account-contact');
  await expect(contactCard).toBeVisible();

  // ── the contact edit: Alt+E (as the button says) opens it with the focus in it; so does the button ──
  await expect(view.getByTestId('edit-contact')).toHaveAttribute('aria-keyshortcuts', 'Alt+E');
  await page.keyboard.press('Alt+e');
  const dialog = page.getByTestId('contact-edit');
  await expect(dialog).toBeVisible();
  const mobile = dialog.getByTestId('contact-cellPhone');
  await expect(mobile).toBeFocused();
  await page.keyboard.press('Escape'); // nothing typed: it just closes
  await expect(dialog).toHaveCount(0);
  await view.getByTestId('edit-contact').click();
  await expect(dialog).toBeVisible();
  await expect(mobile).toBeFocused();
  await screenshot(page, 'contact-01-edit-form');
  await expectAccessible(page, 'the contact form');

  // A number with letters: the error is on the field, in words, and the text stays.
  await mobile.fill('912 34 ab');
  await dialog.getByTestId('contact-homePhone').fill('22 33 44 55');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Enter a phone number: 8 digits for Norway, or + and the country code')).toBeVisible();
  await expect(mobile).toHaveValue('912 34 ab');
  await expect(dialog.getByTestId('contact-homePhone')).toHaveValue('22 33 44 55');
  await screenshot(page, 'contact-02-field-error');
  await expectAccessible(page, 'the contact form with an error');

  // A landline in the mobile field is allowed, with a warning under it.
  await mobile.fill('22 33 44 66');
  await expect(dialog.getByTestId('contact-cellPhone-warning')).toContainText('looks like a landline number');
  await screenshot(page, 'contact-03-landline-warning');

  await mobile.fill('934 56 789');
  await expect(dialog.getByText('Saved as +47 93 45 67 89')).toBeVisible();
  await dialog.getByTestId('contact-review').click();
  const confirm = page.getByTestId('confirm-write');
  await expect(confirm.locator('[data-path="cellPhone"] [data-testid="after"]')).toHaveText('+47 93 45 67 89');
  await expect(confirm.locator('[data-path="homePhone"] [data-testid="after"]')).toHaveText('+47 22 33 44 55');
  // Only what changes is shown: the name, email and address are not in the table.
  await expect(confirm.locator('[data-path]')).toHaveCount(2);
  await confirm.getByTestId('reason').fill('Customer has a new mobile number');
  await screenshot(page, 'contact-04-confirm');
  await expectAccessible(page, 'the contact confirmation');
  // The laptop size agents have, where the notice and a dialog's buttons meet.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('confirm-write-button').click();

  await expect(dialog).toHaveCount(0);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Contact saved');

  // At once Manage account from the keyboard (Alt+U), with "Contact saved" just up: the focus
  // is in the dialog, and the notice covers none of its buttons.
  await expect(view.getByTestId('manage-account-open')).toHaveAttribute('aria-keyshortcuts', 'Alt+U');
  await page.keyboard.press('Alt+u');
  const manage = page.getByTestId('manage-account');
  await expect(manage).toBeVisible();
  await expect(manage.getByTestId('new-account-id')).toBeFocused();
  await expectUncovered(manage.getByRole('button', { name: 'Cancel' }), manage.getByTestId('manage-review'));
  await screenshot(page, 'contact-05a-manage-at-once-1280');
  await page.keyboard.press('Escape');
  await expect(manage).toHaveCount(0);
  // The contact form again: the widest and tallest dialog here, whose buttons reach the corner
  // where notices show.
  await page.keyboard.press('Alt+e');
  await expect(mobile).toBeFocused();
  await expectUncovered(dialog.getByRole('button', { name: 'Cancel' }), dialog.getByTestId('contact-review'));
  await screenshot(page, 'contact-05b-contact-at-once-1280');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Held, not lost: once no dialog is open the notice is back.
  await expect(notice).toContainText('Contact saved');
  await page.setViewportSize({ width: 1440, height: 900 });
  // Read back from the billing system: the overview shows the new numbers.
  await expect(contactCard.getByTestId('phone-cellPhone')).toContainText('+4793456789');
  await expect(contactCard.getByTestId('phone-homePhone')).toContainText('+4722334455');
  await screenshot(page, 'contact-05-account-after');
  await view.getByRole('tab', { name: 'Comments' }).click();
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await expect(view.getByTestId('comment-timeline')).toContainText('Reason: Customer has a new mobile number');
  await view.getByRole('tab', { name: 'Overview' }).click();

  // ── ban, with the account number typed again ──
  await view.getByTestId('manage-account-open').click();
  await expect(manage).toBeVisible();
  // Only what the status allows: an active account offers no "Activate".
  await expect(manage.getByTestId('status-ACTIVATE')).toHaveCount(0);
  await screenshot(page, 'contact-06-manage-form');
  await expectAccessible(page, 'the manage account form');
  await manage.getByTestId('status-BANNED').check();
  await manage.getByTestId('manage-review').click();
  const button = page.getByTestId('confirm-write-button');
  await expect(button).toBeDisabled();
  await expect(button).toHaveText('Ban the account');
  const typed = page.getByTestId('type-account-number');
  await typed.fill(String(no + 1));
  await expect(button).toBeDisabled();
  await expect(page.getByText('That is not this account’s number')).toBeVisible();
  await typed.fill(String(no));
  await expect(button).toBeEnabled();
  await screenshot(page, 'contact-07-ban-confirm');
  await expectAccessible(page, 'the ban confirmation');
  await typed.press('Enter');

  const outcome = manage.getByTestId('manage-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'APPLIED');
  await expect(manage.getByTestId('action-row-0')).toHaveAttribute('data-state', 'made');
  await expect(manage.getByTestId('action-row-0')).toContainText('Ban — made');
  await screenshot(page, 'contact-08-ban-done');
  await expectAccessible(page, 'the ban outcome');
  await page.keyboard.press('Escape');
  await expect(manage).toHaveCount(0);
  await expect(view.getByTestId('account-overview')).toContainText('Archived');

  // An archived account offers nothing to change.
  await view.getByTestId('manage-account-open').click();
  await expect(page.getByTestId('manage-archived')).toBeVisible();
  await screenshot(page, 'contact-09-archived');
  await page.getByTestId('manage-close').click();
});

test('two changes in one request: done row by row; refused whole, with the refused one named and marked', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Another account's client account ID, read off its header.
  const other = await openAccount(page, 6);
  const otherId = ((await page.getByTestId(`account-${other}`).getByText(/^ID /).first().textContent()) ?? '').replace(/^ID\s*/, '').trim();
  expect(otherId).not.toBe('');
  const no = await openAccount(page, 5);
  const view = page.getByTestId(`account-${no}`);
  const ownId = ((await view.getByText(/^ID /).first().textContent()) ?? '').replace(/^ID\s*/, '').trim();
  await view.getByTestId('manage-account-open').click();
  const manage = page.getByTestId('manage-account');

  // The ID it already has is no change: said on the field before anything is sent.
  await manage.getByTestId('new-account-id').fill(ownId);
  await manage.getByTestId('manage-review').click();
  await expect(manage.getByText('That is already the account’s client account ID')).toBeVisible();

  // Another account's ID and a deactivation: the billing system refuses the request whole.
  await manage.getByTestId('new-account-id').fill(otherId);
  await manage.getByTestId('status-DEACTIVATE').check();
  await manage.getByTestId('manage-review').click();
  await expect(page.getByTestId('confirm-write').locator('[data-path]')).toHaveCount(2);
  await screenshot(page, 'contact-10-two-actions-confirm-1280');
  await expectAccessible(page, 'the two-action confirmation');
  await page.getByTestId('confirm-write-button').click();
  await expect(manage.getByTestId('manage-outcome')).toHaveAttribute('data-outcome', 'REJECTED');
  await expect(manage.getByTestId('action-row-0')).toHaveAttribute('data-state', 'refused');
  await expect(manage.getByTestId('action-row-0')).toContainText(`Another account (number ${other}) already has this ID.`);
  await expect(manage.getByTestId('action-row-1')).toHaveAttribute('data-state', 'notMade');
  // On the field too, with what was typed kept.
  await expect(manage.getByTestId('new-account-id')).toHaveValue(otherId);
  await expect(manage.getByTestId('new-account-id')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'contact-11-refused-rows-1280');
  await expectAccessible(page, 'the refused request');
  await expect(view.getByTestId('account-overview')).toContainText('Active');

  // A free user ID instead: both made, row by row, and the account shows them.
  await manage.getByTestId('new-account-id').fill('');
  await manage.getByTestId('new-user-id').fill(`e2e-user-${no}`);
  await manage.getByTestId('manage-review').click();
  await page.getByTestId('confirm-write-button').click();
  await expect(manage.getByTestId('manage-outcome')).toHaveAttribute('data-outcome', 'APPLIED');
  await expect(manage.getByTestId('action-row-0')).toContainText('New IDs — made');
  await expect(manage.getByTestId('action-row-1')).toContainText('Deactivate — made');
  await screenshot(page, 'contact-12-two-actions-done-1280');
  await manage.getByTestId('manage-close').click();
  await expect(view.getByTestId('account-overview')).toContainText(`e2e-user-${no}`);
  await expect(view.getByTestId('account-overview')).toContainText('Inactive');
  // Deactivate is no longer offered once inactive.
  await view.getByTestId('manage-account-open').click();
  await expect(manage.getByTestId('status-DEACTIVATE')).toHaveCount(0);
  await expect(manage.getByTestId('status-ACTIVATE')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(manage).toHaveCount(0);
});

test('a supervisor reads an account change in the audit log in words, never its actions or codes, English and Bokmål', async ({ app: page }) => {
  // The change as the Manage account dialog sends it (its confirmation's before → after included), made by an agent.
  const ipc = async (channel: string, data: unknown) =>
    (await (await page.request.post(`/ipc/${channel}`, { headers: { authorization: `Bearer ${E2E_TOKEN}` }, data })).json()) as { ok: boolean; value?: unknown };
  const found = await ipc('accounts.search', { contact: { lastName: 'Berg' }, limit: 1 });
  const accountNo = (found.value as { rows: { ariaAccountNo: number }[] }).rows[0]!.ariaAccountNo;
  const got = (await ipc('accounts.get', { accountNo })).value as { ariaAccountID?: string; acctRetrieveAccountDetails: { ariaStatusCode: number; userID?: string } };
  const account = { ariaAccountID: got.ariaAccountID, userID: got.acctRetrieveAccountDetails.userID };
  expect(got.acctRetrieveAccountDetails.ariaStatusCode).toBe(1);
  const made = await ipc('accounts.manage', {
    accountNo,
    actions: [
      { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: accountNo, newUserID: `audit-${accountNo}` } },
      { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: accountNo, newStatusCode: 'DEACTIVATE' } },
    ],
    reason: 'Customer asked to pause the account',
    lang: 'en',
    before: { ariaAccountID: account.ariaAccountID ?? '', ariaStatusCode: 1, userID: account.userID ?? '' },
    changes: [
      { path: 'userID', before: account.userID || null, after: `audit-${accountNo}` },
      { path: 'ariaStatusCode', before: 'Active', after: 'Inactive' },
    ],
  });
  expect(made).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });

  await signInAs(page.request, 'supervisor');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Audit log' }).click();
  await page.getByTestId('audit-filter-account').fill(String(accountNo));
  const list = page.getByTestId('audit-list');
  const change = list.getByRole('option').filter({ has: page.locator('.entry-what', { hasText: /^(Account changed|Konto endret)$/ }) });
  const asked = change.filter({ hasText: /Asked for|Bedt om/ });
  const outcome = change.filter({ hasText: /Applied|Utført/ });
  // The change, its reason comment, and the outcome of each (the list settles once all four are in).
  await expect(page.getByTestId('audit-count')).toHaveText('4 entries, newest first');
  await expect(asked).toContainText(`User ID: ${account.userID || '—'} → audit-${accountNo}; Status: Active → Inactive`);
  await expect(outcome).toContainText('New IDs: made; Status: made');
  await asked.click();
  const details = page.getByTestId('audit-details');
  await expect(details.getByRole('heading', { name: 'Account changed' })).toBeVisible();
  await expect(details.getByTestId('changes-table').getByRole('row')).toHaveCount(3);
  await expect(details).not.toContainText(/actionDirective|DEACTIVATE|ASSIGN|acctManage|ariaAccountNo/);
  await parkPointer(page);
  await screenshot(page, 'contact-10-audit-manage-1280');
  await expectAccessible(page, 'the audit entry of an account change');

  await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
  // The list is read again in the new language: pick the entry again.
  await asked.click();
  await expect(details.getByTestId('changes-table')).toContainText('Aktiv');
  await expect(details.getByTestId('changes-table')).toContainText('Inaktiv');
  await expect(outcome).toContainText('Nye ID-er: utført; Status: utført');
  await parkPointer(page);
  await screenshot(page, 'contact-11-audit-manage-nb-1280');
  await page.getByRole('button', { name: 'EN English' }).click();
  await page.getByRole('button', { name: 'Back to the workspace' }).click();
});
