// Plan replacement (issue 10 item 5, D70–D72): a print subscription becomes digital. The new
// plan is picked from what the publication offers, the do_write=false preview shows charges,
// credits, the effective date and the next invoice, and after the confirmation the subscription
// shows the new plan. Then the same in Bokmål at 1280×720, with a refusal on its field
// (a date before the current billing period) that keeps what was typed.
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, openResult, quickSearch, screenshot, test } from './fixtures';

// Finding a paper subscription opens several accounts in turn.
test.setTimeout(180_000);

/** Opens search results one by one until an account has an active monthly paper subscription (print or weekend); returns its row. */
async function accountWithPrint(page: Page, query: string, skip = 0): Promise<{ view: Locator; row: Locator }> {
  await page.keyboard.press('Control+k');
  await quickSearch(page, query);
  let found = 0;
  for (let i = 0; i < 20; i++) {
    const no = await openResult(page, i);
    const view = page.getByTestId(`account-${no}`);
    await view.getByRole('tab', { name: /^(Subscriptions|Abonnementer)$/ }).click();
    const panel = view.getByTestId('plans-panel');
    await expect(panel).toHaveAttribute('data-state', 'ready');
    const row = panel.locator('tr[data-interval="1"]:is([data-plan-kind="print"], [data-plan-kind="weekend"])').filter({ has: page.getByRole('button', { disabled: false }) }).first();
    if ((await row.count()) && found++ >= skip) return { view, row };
    await page.keyboard.press('Control+k');
    await quickSearch(page, query);
  }
  throw new Error('no account with a print subscription among the results');
}

test('change a print subscription to digital, with the preview, and see the new plan', async ({ app: page }) => {
  const { view, row } = await accountWithPrint(page, 'Hansen');
  const instance = await row.getAttribute('data-plan-instance');
  const oldPlan = await row.getByTestId('subscription-plan').innerText();
  await screenshot(page, 'plans-1-subscriptions');
  await expectAccessible(page, 'the subscriptions');

  await row.getByTestId('subscription-change').click();
  const dialog = page.getByTestId('plan-change-dialog');
  await expect(dialog).toHaveAttribute('data-step', 'choose');
  await expect(dialog.getByTestId('plan-current')).toContainText(oldPlan);
  await dialog.getByRole('combobox', { name: 'New plan' }).click();
  const options = page.getByRole('option');
  // Only the publication's own master plans are offered; the current one is marked.
  await expect(options.filter({ hasText: '(current)' })).toHaveCount(1);
  await expect(options.filter({ hasText: /Kryssord|Ekstra bruker|Magasin/ })).toHaveCount(0);
  await options.filter({ hasText: /^Digital —/ }).click();
  await expect(dialog.getByLabel('Now, with proration')).toBeChecked();
  await dialog.getByTestId('plan-more').click();
  await expect(dialog.getByRole('combobox', { name: 'Rule for the change' })).toBeVisible();
  await screenshot(page, 'plans-2-choose-more');
  await expectAccessible(page, 'the plan choice with More open');
  await dialog.getByTestId('plan-more').click();
  await dialog.getByTestId('plan-preview-button').click();

  await expect(dialog).toHaveAttribute('data-step', 'confirm');
  const preview = dialog.getByTestId('plan-preview');
  await expect(preview.getByTestId('plan-preview-summary')).toContainText(`${oldPlan} becomes Digital on`);
  await expect(preview.getByTestId('effect-charges')).toHaveText(/^NOK\s[\d,]+\.\d{2}$/);
  await expect(preview.getByTestId('effect-credits')).toHaveText(/^NOK\s[\d,]+\.\d{2}$/);
  await expect(preview.getByTestId('effect-date')).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(preview.getByTestId('effect-next-invoice')).toHaveText(/^\d{2}\/\d{2}\/\d{4}: NOK\s299\.00 per month$/);
  await expect(preview.getByTestId('changes-table').locator('[data-path="plan"] [data-testid="after"]')).toHaveText('Digital');
  await expect(preview.getByTestId('plan-lines')).toContainText('Digital, the rest of the period');
  await screenshot(page, 'plans-3-preview');
  await expectAccessible(page, 'the plan change preview');
  // The preview changed nothing: the subscription still shows the old plan behind the dialog.
  await expect(view.locator(`tr[data-plan-instance="${instance}"]`).getByTestId('subscription-plan')).toHaveText(oldPlan);

  await dialog.getByTestId('reason').fill('Kunden vil bare lese digitalt');
  await dialog.getByTestId('plan-confirm-button').click();
  await expect(dialog).toBeHidden();
  const result = view.getByTestId('plan-result');
  await expect(result).toHaveAttribute('data-outcome', 'APPLIED');
  await expect(result).toContainText('The subscription is now Digital.');
  await expect(view.locator(`tr[data-plan-instance="${instance}"]`).getByTestId('subscription-plan')).toHaveText('Digital');
  await expect(view.locator(`tr[data-plan-instance="${instance}"]`)).toHaveAttribute('data-plan-kind', 'digital');
  await screenshot(page, 'plans-4-done');
  await expectAccessible(page, 'the subscription after the change');
});

test.describe('in Bokmål at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test.afterEach(async ({ app: page }) => {
    await page.getByRole('button', { name: 'EN English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a date before the period is refused on the field, nothing typed is lost; the preview in nb-NO', async ({ app: page }) => {
    await page.getByRole('button', { name: 'NB Norsk bokmål' }).click();
    const { row } = await accountWithPrint(page, 'Olsen');
    await row.getByTestId('subscription-change').click();
    const dialog = page.getByTestId('plan-change-dialog');
    await dialog.getByRole('combobox', { name: 'Nytt produkt' }).click();
    await page.getByRole('option').filter({ hasText: /^Digital —/ }).click();
    await dialog.getByLabel('På en bestemt dato').check();
    const date = dialog.getByRole('group', { name: 'Dato for endringen' });
    await date.click();
    await page.keyboard.type('01012020');
    await dialog.getByTestId('plan-preview-button').click();
    await expect(dialog).toHaveAttribute('data-step', 'choose');
    await expect(dialog.getByText(/^Kan ikke være før \d{2}\.\d{2}\.\d{4}, starten på gjeldende faktureringsperiode$/)).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Nytt produkt' })).toContainText('Digital');
    await expect(dialog.getByLabel('På en bestemt dato')).toBeChecked();
    await screenshot(page, 'plans-5-nb-date-refused-1280');
    await expectAccessible(page, 'the refused date in Bokmål');

    await dialog.getByLabel('Ved neste fornyelse').check();
    await dialog.getByTestId('plan-preview-button').click();
    await expect(dialog).toHaveAttribute('data-step', 'confirm');
    await expect(dialog.getByTestId('effect-charges')).toHaveText(/^0,00\skr$/);
    await expect(dialog.getByTestId('effect-next-invoice')).toHaveText(/^\d{2}\.\d{2}\.\d{4}: 299,00\skr per måned$/);
    await expect(dialog.getByTestId('plan-preview-summary')).toContainText('(planlagt)');
    await screenshot(page, 'plans-6-nb-preview-1280');
    await expectAccessible(page, 'the preview in Bokmål at 1280×720');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toBeHidden();
  });
});
