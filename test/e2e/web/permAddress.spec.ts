// Permanent address change, step by step, to a new address; the result names the address
// number used and the account now shows the new address.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

test('change the permanent address to a new one and see it', async ({ app: page }) => {
  const no = await openAccount(page, 4);
  const view = page.getByTestId(`account-${no}`);
  await view.getByRole('tab', { name: 'Permanent address' }).click();
  const panel = view.getByTestId('perm-address');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await panel.getByRole('button', { name: 'Change permanent address' }).click();

  const wizard = panel.getByTestId('perm-address-wizard');
  await wizard.getByLabel('Enter a new address').check();
  await wizard.getByRole('combobox', { name: 'Address type *' }).click();
  await page.getByRole('option').nth(1).click(); // the first is “Choose…”
  await wizard.getByLabel('Street name').fill('Testveien');
  await wizard.getByLabel('Street number').fill('12B');
  await wizard.getByLabel('Entrance').fill('2');
  await wizard.getByLabel('Floor').fill('3');
  await wizard.getByLabel('Flat', { exact: true }).fill('H0302');
  await wizard.getByLabel('Postal code *').fill('0150');
  await wizard.getByLabel('City *').fill('Oslo');
  await screenshot(page, '13-perm-address-new');
  await expectAccessible(page, 'the address step');
  await wizard.getByTestId('perm-address-next').click();

  await expect(wizard.getByLabel('The whole account')).toBeChecked();
  await wizard.getByTestId('perm-address-next').click();
  const changes = wizard.getByTestId('changes-table');
  await expect(changes.locator('[data-path="acctDeliveryAddress.distStreetName"] [data-testid="after"]')).toHaveText('Testveien');
  await wizard.getByTestId('reason').fill('Moved');
  await screenshot(page, '14-perm-address-confirm');
  await expectAccessible(page, 'the address confirmation');
  await wizard.getByTestId('perm-address-confirm').click();

  const result = panel.getByTestId('perm-address-result');
  await expect(result).toContainText('Permanent address changed. The address number used is');
  const used = (await result.innerText()).match(/(\d+)\.\s*$/)?.[1];
  await expect(panel.getByTestId('permanent-address-text')).toContainText('Testveien 12B');
  await expect(panel.getByTestId('permanent-address-text')).toContainText('0150 Oslo');
  // Written as on a Norwegian envelope: no country code at the end (a foreign one is named).
  await expect(panel.getByTestId('permanent-address-text')).not.toContainText(', NO');
  await expect(panel.getByTestId('permanent-address-no')).toContainText(`Address no. ${used}`);
  await screenshot(page, '15-perm-address-done');
});
