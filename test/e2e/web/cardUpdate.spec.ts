// Card update through the provider's hosted form (issue 10 item 4, D63–D65), in the browser-
// hosted desk: the form opens as a separate top-level page on the provider's origin (never
// inside the desk's page), the desk follows each step, the link is confirmed before → after,
// and the masked card shows on the group. The second test runs the whole flow against a web
// host of its own and then scans every file of its data folder and its stdout/stderr for
// card numbers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { cardNumbersIn, filesUnder, scanFiles } from '../../helpers/cardScan';
import { DEMO_LOGIN } from '../../helpers/operators';
import { E2E_TOKEN } from './env';
import { expect, expectAccessible, openResult, quickSearch, screenshot, test } from './fixtures';

const VISA = '4111 1111 1111 1111';
const NEXT_YEAR = String(new Date().getFullYear() + 1);

/** Expired = before the current month (computed here, not with the app's function). */
const expired = (m: { creditCardExpMonth?: string | null; creditCardExpYear?: string | null }) => {
  const now = new Date();
  return Number(m.creditCardExpYear) * 12 + Number(m.creditCardExpMonth) - 1 < now.getFullYear() * 12 + now.getMonth();
};

type Group = { ariaBillingGroupNo: number; paymentOption?: string; paymentMethodInfo?: { primaryPaymentMethodID?: string } };
type Method = { ariaPaymentMethodID: string; creditCardExpMonth?: string; creditCardExpYear?: string };

/** An account whose first group pays by a card that has expired (the demo data has many). */
async function accountWithExpiredCard(page: Page, base: string, token: string): Promise<{ accountNo: number; groupNo: number }> {
  const ipc = async (channel: string, data: unknown) => {
    const res = await page.request.post(`${base}/ipc/${channel}`, { headers: { authorization: `Bearer ${token}` }, data });
    const body = (await res.json()) as { ok: boolean; value: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.ok, channel).toBe(true);
    return body.value;
  };
  const found = await ipc('accounts.search', { contact: { lastName: 'sen' }, limit: 60 });
  for (const row of found.rows as Array<{ ariaAccountNo: number }>) {
    const list = await ipc('billingGroups.list', { accountNo: row.ariaAccountNo });
    const methods = (list.acctRetrieveBillingGroupPayMethodList ?? []) as Method[];
    const g = (list.acctRetrieveBillingGroupList as Group[]).find((x) => {
      const m = methods.find((mm) => mm.ariaPaymentMethodID === x.paymentMethodInfo?.primaryPaymentMethodID);
      return x.paymentOption === 'METHODS' && m && expired(m);
    });
    if (g) return { accountNo: row.ariaAccountNo, groupNo: g.ariaBillingGroupNo };
  }
  throw new Error('no account with an expired card among the first results');
}

/** The desk part of the flow up to the provider's page; returns that page. */
async function openCardForm(page: Page, accountNo: number, groupNo: number, shots: boolean): Promise<Page> {
  await page.keyboard.press('Control+k');
  await quickSearch(page, String(accountNo));
  await openResult(page, 0);
  const view = page.getByTestId(`account-${accountNo}`);
  await view.getByRole('tab', { name: 'Billing groups' }).click();
  const group = view.getByTestId(`billing-group-${groupNo}`);
  await expect(group.getByTestId('card-expired')).toHaveText('Expired');
  if (shots) {
    await screenshot(page, 'card-01-expired-card');
    await expectAccessible(page, 'a billing group with an expired card');
  }
  await group.getByTestId('update-card').click();
  const dialog = page.getByTestId('card-update');
  await expect(dialog).toHaveAttribute('data-step', 'form');
  await expect(dialog.getByTestId('current-card')).toContainText('(expired)');
  if (shots) {
    await screenshot(page, 'card-02-session-prepared');
    await expectAccessible(page, 'the card update dialog');
  }
  const [form] = await Promise.all([page.context().waitForEvent('page'), dialog.getByTestId('open-card-form').click()]);
  await form.waitForLoadState();
  // A separate top-level page on the provider's origin, with no way back to the desk.
  expect(new URL(form.url()).origin).not.toBe(new URL(page.url()).origin);
  expect(new URL(form.url()).pathname).toBe('/directpost/form');
  expect(await form.evaluate(() => window.opener)).toBeNull();
  expect(await page.locator('iframe').count()).toBe(0);
  await expect(dialog).toHaveAttribute('data-step', 'card');
  return form;
}

async function typeCard(form: Page, number: string, cvc = '123') {
  await form.getByLabel('Name on card').fill('Kari Nordmann');
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Month').selectOption('07');
  await form.getByLabel('Year').selectOption(NEXT_YEAR);
  await form.getByLabel('CVC').fill(cvc);
  await form.getByRole('button', { name: 'Save card' }).click();
}

test('update a card through the provider’s own page, step by step, and see it masked on the group', async ({ app: page }) => {
  test.setTimeout(120_000);
  const { accountNo, groupNo } = await accountWithExpiredCard(page, '', E2E_TOKEN);
  const form = await openCardForm(page, accountNo, groupNo, true);
  const dialog = page.getByTestId('card-update');
  await screenshot(page, 'card-03-waiting-for-card');
  await expect(form.getByRole('heading', { name: 'Register a payment card' })).toBeVisible();
  await form.screenshot({ path: 'test-results/screens/card-04-provider-form.png' });
  await expectAccessible(form, 'the provider’s card form');

  // A mistyped number: the provider refuses it on its own page; the desk says so.
  await typeCard(form, '4111 1111 1111 1112');
  await expect(form.getByRole('alert')).toHaveText('The card number is not valid.');
  await expect(dialog.getByTestId('refused-cards')).toContainText('The provider refused 1 card');
  await form.screenshot({ path: 'test-results/screens/card-05-provider-refused.png' });

  await typeCard(form, VISA);
  await expect(form.getByText('The card is saved. You can close this window and return to CSR Desk.')).toBeVisible();
  expect(new URL(form.url()).pathname).toBe('/directpost/done');
  await form.screenshot({ path: 'test-results/screens/card-06-provider-done.png' });
  await form.close();

  await expect(dialog).toHaveAttribute('data-step', 'confirm');
  const changes = dialog.getByTestId('changes-table');
  await expect(changes.locator('tr[data-path="primaryPaymentMethodID"] [data-testid="before"]')).toContainText('(expired)');
  await expect(changes.locator('tr[data-path="primaryPaymentMethodID"] [data-testid="after"]')).toContainText('1111');
  await expect(changes).not.toContainText('4111111111111111');
  await screenshot(page, 'card-07-confirm');
  await expectAccessible(page, 'the card link confirmation');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'card-07-confirm-1280x720');

  await dialog.getByLabel(/^Reason \(optional/).fill('Customer called with a new card');
  await page.getByTestId('link-card').click();
  await expect(dialog).toHaveAttribute('data-step', 'done');
  await expect(dialog.getByTestId('card-done')).toContainText('1111');
  await screenshot(page, 'card-08-done');
  await expectAccessible(page, 'the card update, done');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const group = page.getByTestId(`account-${accountNo}`).getByTestId(`billing-group-${groupNo}`);
  await expect(group.getByTestId('masked-card')).toContainText('1111');
  await expect(group.getByTestId('masked-card')).toContainText(`07/${NEXT_YEAR.slice(-2)}`);
  await expect(group.getByTestId('card-expired')).toHaveCount(0);
  await screenshot(page, 'card-09-group-after-1280x720');
});

test('the whole card flow leaves no card number in the data folder or the host’s output', async ({ page }) => {
  test.setTimeout(180_000);
  // A web host of its own (a free port, a fresh data folder, logging on), so every byte it
  // writes and prints is this test's to read.
  const dataDir = resolve(`.tmp/e2e-card-scan-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const token = 'e2e-card-scan-token-not-a-secret-0123456';
  let output = '';
  const host: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['main/web-host/cli.ts'], {
    env: { ...process.env, CSR_DATA_DIR: dataDir, CSR_TOKEN: token, CSR_SANDBOX_ACCOUNTS: '300', CSR_SANDBOX_SEED: '5', CSR_DEMO_OPERATORS: '1', CSR_VERBOSE: '1', CSR_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host.stdout!.on('data', (b: Buffer) => (output += b.toString('utf8')));
  host.stderr!.on('data', (b: Buffer) => (output += b.toString('utf8')));
  try {
    await expect.poll(() => /running at (http:\/\/127\.0\.0\.1:\d+)\//.test(output), { timeout: 60_000 }).toBe(true);
    const base = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!;
    const signIn = await page.request.post(`${base}/ipc/session.signIn`, { headers: { authorization: `Bearer ${token}` }, data: DEMO_LOGIN.agent });
    expect(((await signIn.json()) as { ok: boolean }).ok).toBe(true);
    await page.goto(`${base}/#token=${token}`);
    await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
    const { accountNo, groupNo } = await accountWithExpiredCard(page, base, token);
    const form = await openCardForm(page, accountNo, groupNo, false);
    await typeCard(form, VISA);
    await expect(form.getByText('The card is saved.', { exact: false })).toBeVisible();
    await form.close();
    const dialog = page.getByTestId('card-update');
    await expect(dialog).toHaveAttribute('data-step', 'confirm');
    await page.getByTestId('link-card').click();
    await expect(dialog).toHaveAttribute('data-step', 'done');
    await expect(dialog.getByTestId('card-done')).toContainText('1111');
  } finally {
    host.kill('SIGTERM');
    await new Promise((r) => (host.exitCode !== null ? r(null) : host.once('exit', r)));
  }

  // The provider did its part: the host's log says a VISA card was stored (never which).
  expect(output).toMatch(/directpost: VISA card stored as payment method \d+/);
  const files = filesUnder(dataDir);
  const names = files.map((f) => f.slice(dataDir.length + 1));
  expect(names).toEqual(expect.arrayContaining(['audit.sqlite', 'outbox.sqlite', 'operators.sqlite', 'settings.json', 'sandbox.sqlite']));
  // The desk's own files: no Luhn-valid 13–19 digit run at all, beyond the documented exceptions (D65).
  expect(scanFiles(files.filter((f) => !/sandbox\.sqlite/.test(f)))).toEqual([]);
  // The host's stdout and stderr: none either.
  expect(cardNumbersIn(output)).toEqual([]);
  // The sandbox is the provider and its seeded data holds mod-10 numbers of its own (KIDs), so
  // there the test asks for the number typed, in any spelling, in every file (D65).
  for (const f of files) {
    const bytes = readFileSync(f).toString('latin1');
    for (const typed of [VISA, VISA.replace(/ /g, ''), VISA.replace(/ /g, '-')]) expect(bytes.includes(typed), `${typed} in ${f}`).toBe(false);
  }
  for (const typed of [VISA, VISA.replace(/ /g, '')]) expect(output.includes(typed)).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
});
