// Edit a billing group: EHF asks for its EAN fields, the confirmation shows before → after
// and takes a reason, the list is read again, and the reason is on the account as a comment.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

/** GS1 mod-10 check digit, computed here on its own (weights 3, 1, 3, … from the right). */
const gs1 = (digits: string) => (10 - ([...digits].reverse().reduce((sum, d, i) => sum + Number(d) * (i % 2 === 0 ? 3 : 1), 0) % 10)) % 10;

test('edit a billing group to EHF with a reason, and see the result read back', async ({ app: page }) => {
  const no = await openAccount(page, 2);
  const view = page.getByTestId(`account-${no}`);
  await view.getByRole('tab', { name: 'Billing groups' }).click();
  const panel = view.getByTestId('billing-groups');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await screenshot(page, '07-billing-groups');
  await expectAccessible(page, 'the billing groups');

  await panel.getByRole('button', { name: /^Edit / }).first().click();
  const form = page.getByTestId('billing-group-form');
  await form.getByRole('radio', { name: 'Payment terms' }).check();
  await form.getByRole('combobox', { name: 'Payment terms' }).click();
  await page.getByRole('option', { name: 'EHF e-invoice' }).click();
  await form.getByRole('button', { name: 'Review changes' }).click();
  await expect(form.getByText('Required for EHF', { exact: true })).toHaveCount(2);
  await screenshot(page, '08-billing-group-form-errors');
  await expectAccessible(page, 'the billing group form');

  const body = `7080${String(no).padStart(8, '0').slice(-8)}`;
  const ean = `${body}${gs1(body)}`; // a GLN with a valid check digit (D22)
  await form.getByLabel('EAN number *').fill(ean);
  await form.getByLabel('EAN requisition number *').fill('REQ-E2E');
  await form.getByRole('button', { name: 'Review changes' }).click();
  const confirm = page.getByTestId('confirm-write');
  await expect(confirm.locator('[data-path="paymentTermInfo.paymentTerms"] [data-testid="after"]')).toHaveText('EHF e-invoice');
  await expect(confirm.locator('[data-path="paymentTermInfo.paymentEANNum"] [data-testid="after"]')).toHaveText(ean);
  await confirm.getByTestId('reason').fill('The customer is a municipality and wants EHF');
  await screenshot(page, '09-billing-group-confirm');
  await expectAccessible(page, 'the write confirmation');
  await page.getByTestId('confirm-write-button').click();

  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Billing group saved.');
  await expect(panel.getByText(`EAN ${ean}, requisition REQ-E2E`)).toBeVisible();
  await screenshot(page, '10-billing-groups-after');

  await view.getByRole('tab', { name: 'Comments' }).click();
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await expect(view.getByTestId('comment-timeline')).toContainText('Reason: The customer is a municipality and wants EHF');
  // The reason comment says the payment terms as the confirmation did, in words, not EHF's code.
  await expect(view.getByTestId('comment-timeline')).toContainText(/payment terms: [^;]+ → EHF e-invoice; /);
});
