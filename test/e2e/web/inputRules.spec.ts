// The Norwegian input rules in the browser, in Bokmål: a new delivery address whose
// poststed comes from the postal code (9990 → BÅTSFJORD), the country shown as "Norge", an effective date typed
// as dd.mm.åååå (31.02 refused on the field, never dropped), then the change read back; and a
// billing group whose bad phone number, postal code and EAN are flagged at once, in Bokmål.
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

// The operator's language is remembered by main (D36); the specs after these expect English.
test.afterEach(async ({ app: page }) => {
  await page.getByRole('button', { name: 'EN English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a Norwegian address with poststed lookup and a Bokmål date input', async ({ app: page }) => {
  await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
  const no = await openAccount(page, 6);
  const view = page.getByTestId(`account-${no}`);
  await view.getByRole('tab', { name: 'Fast adresse' }).click();
  const panel = view.getByTestId('perm-address');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await panel.getByRole('button', { name: 'Endre fast adresse' }).click();

  const wizard = panel.getByTestId('perm-address-wizard');
  await wizard.getByLabel('Skriv inn en ny adresse').check();
  // Nothing filled in: every missing field is named at once.
  await wizard.getByTestId('perm-address-next').click();
  await expect(wizard.getByText('Må fylles ut')).toHaveCount(2);
  await expect(wizard.getByText('Skriv inn gatenavn eller første adresselinje')).toBeVisible();

  await wizard.getByRole('combobox', { name: 'Adressetype *' }).click();
  await page.getByRole('option').nth(1).click(); // the first is “Velg …”
  await wizard.getByLabel('Gatenavn').fill('Strandgaten');
  await wizard.getByLabel('Husnummer').fill('15');
  // The country is a list of names in Bokmål; the code stays NO.
  await expect(wizard.getByRole('combobox', { name: 'Land *' })).toHaveValue('Norge');
  await wizard.getByLabel('Postnummer *').fill('9990');
  await expect(wizard.getByLabel('Poststed *')).toHaveValue('BÅTSFJORD');
  await expect(wizard.getByText('Fra postnummerregisteret')).toBeVisible();
  await screenshot(page, '30-nb-address-poststed');
  await expectAccessible(page, 'the address step in Bokmål');
  await wizard.getByTestId('perm-address-next').click();

  // The date input speaks Bokmål: dd.mm.åååå, and 31.02 is refused on the field.
  const date = wizard.getByRole('group', { name: 'Gjelder fra' });
  await expect(date).toBeVisible();
  const day = date.getByRole('spinbutton', { name: 'Dag' });
  await day.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(date).toContainText('dd.mm.åååå');
  await page.keyboard.type('31022031');
  await wizard.getByTestId('perm-address-next').click();
  await expect(wizard.getByText('Denne datoen finnes ikke')).toBeVisible();
  await screenshot(page, '31-nb-date-refused');
  await day.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(date).toContainText('dd.mm.åååå');
  await page.keyboard.type('24122031');
  await expect(date).toContainText('24.12.2031');
  await screenshot(page, '32-nb-date');
  await expectAccessible(page, 'the date step in Bokmål');
  await wizard.getByTestId('perm-address-next').click();

  await expect(wizard).toContainText('24.12.2031');
  const changes = wizard.getByTestId('changes-table');
  await expect(changes.locator('[data-path="acctDeliveryAddress.distAddrCity"] [data-testid="after"]')).toHaveText('BÅTSFJORD');
  await screenshot(page, '33-nb-address-confirm');
  await wizard.getByTestId('perm-address-confirm').click();
  await expect(panel.getByTestId('perm-address-result')).toContainText('Den faste adressen er endret');
  // Effective in 2031: the account lists the new delivery address, read back from the sandbox.
  await expect(panel).toContainText('Strandgaten 15, 9990 BÅTSFJORD');
  await screenshot(page, '35-nb-address-done');
});

test('a billing group with a bad phone number, postal code and EAN: every field flagged at once, in Bokmål', async ({ app: page }) => {
  await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
  const no = await openAccount(page, 7);
  const view = page.getByTestId(`account-${no}`);
  await view.getByRole('tab', { name: 'Faktureringsgrupper' }).click();
  const panel = view.getByTestId('billing-groups');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await panel.getByRole('button', { name: 'Legg til faktureringsgruppe' }).click();
  const form = page.getByTestId('billing-group-form');
  await form.getByRole('combobox', { name: 'Betalingsbetingelser' }).click();
  await page.getByRole('option', { name: 'EHF-faktura' }).click();
  await form.getByLabel('EAN-nummer *').fill('12345');
  await form.getByLabel('Mobil', { exact: true }).fill('12ab');
  await form.getByLabel('Postnummer').fill('99999');
  await form.getByRole('button', { name: 'Se over endringene' }).click();
  await expect(form.getByText('Skriv inn fullt navn (eller firmanavn)')).toBeVisible();
  await expect(form.getByText('Skriv et telefonnummer: 8 sifre for Norge, eller + og landskoden')).toBeVisible();
  await expect(form.getByText('Et norsk postnummer har 4 sifre')).toBeVisible();
  await expect(form.getByText('Skriv gateadressen også')).toBeVisible();
  await expect(form.getByText('Skriv poststedet også')).toBeVisible();
  await expect(form.getByText('Et EAN/GLN-nummer har 13 sifre, det siste et kontrollsiffer; sjekk nummeret')).toBeVisible();
  await expect(form.getByText(/Too small|Invalid input|expected/)).toHaveCount(0);
  // Every label is a word, never its key (the statement contact's country once read "field.country").
  await expect(form.getByRole('combobox', { name: 'Land' })).toBeVisible();
  await expect(form.getByText(/\bfield\.\w+/)).toHaveCount(0);
  await screenshot(page, '34-nb-billing-group-errors');
  await expectAccessible(page, 'the billing group errors in Bokmål');
  // Close without saving (the app asks first, since something was typed).
  await form.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(form).toHaveCount(0);
});
