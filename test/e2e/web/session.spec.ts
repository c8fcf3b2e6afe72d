// Operators and sessions end to end, on a web host of its own: a fresh data folder (so the
// app asks for the first admin) and a short idle lock (10 s, CSR_IDLE_LOCK_SECONDS in real
// use). First admin → add operators → sign out → wrong password → lockout message → a new
// agent's forced password change → idle lock, unlock with nothing lost → sign out, after
// which main refuses account calls over HTTP.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createCore, type Core } from '../../../main/core/app';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../../main/core/secrets/encryptedFileStore';
import { inProcessSandbox } from '../../../main/web-host/embeddedSandbox';
import { startWebHost, type WebHost } from '../../../main/web-host/server';
import { expectAccessible, screenshot } from './fixtures';

const test = base;
test.describe.configure({ mode: 'serial' });

const TOKEN = 'session-spec-token-not-a-secret';
let host: WebHost;
let core: Core;
let closeSandbox: () => Promise<void>;
const problems: string[] = [];

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'csr-session-e2e-'));
  const sandbox = inProcessSandbox({ dbFile: join(dataDir, 'sandbox.sqlite'), accounts: 300, seed: 1 });
  closeSandbox = () => sandbox.close();
  const secrets = new EncryptedFileSecretStore(join(dataDir, 'secrets.json'), loadOrCreateKeyFile(join(dataDir, 'secret.key')));
  core = createCore({ dataDir, secrets, transport: 'web', version: 'e2e', sandbox, idleLockSeconds: 10, checkOutputs: true });
  host = await startWebHost({ router: core.router, staticDir: resolve('dist/renderer'), token: TOKEN });
  await core.connection.client(); // the sandbox seeds now, not during the idle-lock test
});
test.afterAll(async () => {
  await host?.close();
  core?.close();
  await closeSandbox?.();
});

async function open(page: Page): Promise<void> {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(host.launchUrl);
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
}
test.afterEach(() => expect(problems, 'the page logged no errors').toEqual([]));

const menu = (page: Page) => page.getByTestId('operator-menu');
async function signOut(page: Page) {
  await menu(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}
async function signIn(page: Page, id: string, password: string) {
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Operator name').fill(id);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test('a fresh data folder asks for the first admin, who is then signed in', async ({ page }) => {
  await open(page);
  const form = page.getByTestId('first-admin');
  await expect(form.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();
  await expect(form.getByLabel('Operator name')).toBeFocused();
  await form.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(form.getByText('Required').first()).toBeVisible();
  await screenshot(page, '30-first-admin');
  await expectAccessible(page, 'the first-admin screen');
  await form.getByLabel('Operator name').fill('kari.admin');
  await form.getByLabel('Full name').fill('Kari Nordmann');
  await form.getByLabel(/^Password\s*\*?$/).fill('kari-admin-password');
  await form.getByLabel('Password again').fill('kari-admin-password');
  await page.keyboard.press('Enter');
  await expect(menu(page)).toContainText('Kari Nordmann');
  await expect(page.getByTestId('quick-search')).toBeVisible();
  // Signed out between tests: the short idle lock would otherwise catch the desk.
  await signOut(page);
});

test('the admin adds operators on the operators screen', async ({ page }) => {
  await open(page);
  await signIn(page, 'kari.admin', 'kari-admin-password');
  await menu(page).click();
  await page.getByRole('menuitem', { name: 'Operators…' }).click();
  const screenEl = page.getByTestId('operators-screen');
  await expect(screenEl.getByRole('heading', { name: 'Operators' })).toBeVisible();
  for (const [id, name, pw] of [
    ['ola.agent', 'Ola Nordmann', 'given-by-admin-1'],
    ['lock.test', 'Lockout Test', 'given-by-admin-2'],
  ] as const) {
    await screenEl.getByRole('button', { name: 'Add operator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an operator' });
    await dialog.getByLabel('Operator name').fill(id);
    await dialog.getByLabel('Full name').fill(name);
    await dialog.getByLabel('First password').fill(pw);
    if (id === 'ola.agent') {
      await screenshot(page, '31-add-operator');
      await expectAccessible(page, 'the add-operator dialog');
    }
    await dialog.getByRole('button', { name: 'Add operator' }).click();
    await expect(dialog).toBeHidden();
    await expect(screenEl.locator(`[data-operator-id="${id}"]`)).toContainText('Must choose a new password');
  }
  // An id that is taken is said on the field.
  await screenEl.getByRole('button', { name: 'Add operator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an operator' });
  await dialog.getByLabel('Operator name').fill('OLA.agent');
  await dialog.getByLabel('Full name').fill('Someone Else');
  await dialog.getByLabel('First password').fill('another-password');
  await dialog.getByRole('button', { name: 'Add operator' }).click();
  await expect(dialog.getByText('This operator name is taken')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await screenshot(page, '32-operators');
  await expectAccessible(page, 'the operators screen');
  await signOut(page);
});

test('a wrong password is said on the field; repeated ones lock the operator out for a while', async ({ page }) => {
  await open(page);
  const form = page.getByTestId('sign-in');
  await expect(form.getByLabel('Operator name')).toBeFocused();
  await signIn(page, 'lock.test', 'not-the-password');
  await expect(form.getByText('Wrong operator name or password')).toBeVisible();
  await expect(form.getByLabel('Operator name')).toHaveValue('lock.test');
  await screenshot(page, '33-sign-in-wrong');
  await expectAccessible(page, 'the sign-in screen with an error');
  for (let i = 0; i < 4; i++) await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText('Too many wrong passwords. Try again in 30 seconds.')).toBeVisible();
  // Even the right password is refused while locked out.
  await form.getByLabel('Password').fill('given-by-admin-2');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText(/Too many wrong passwords\. Try again in \d+ seconds\./)).toBeVisible();
  await screenshot(page, '34-sign-in-locked-out');
});

test('a new agent chooses a password, the desk locks when idle, and unlocks with nothing lost', async ({ page }) => {
  await open(page);
  await signIn(page, 'ola.agent', 'given-by-admin-1');
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog).toContainText('Choose your own password before you start.');
  await dialog.getByLabel('Current password').fill('given-by-admin-1');
  await dialog.getByLabel(/^New password\s*\*?$/).fill('olas-own-password');
  await dialog.getByLabel('New password again').fill('olas-own-password');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(menu(page)).toContainText('Ola Nordmann');
  // An agent is offered neither Settings nor the operators.
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveCount(0);

  await page.getByTestId('quick-search').fill('Hansen');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-search-state', 'done', { timeout: 60_000 });
  // A dialog left open stays behind the lock screen, covered.
  await menu(page).click();
  await page.getByRole('menuitem', { name: 'Change password…' }).click();
  await page.getByRole('dialog', { name: 'Change password' }).getByLabel('Current password').fill('typed, not sent');
  // Hands off: after 10 s without input the desk locks.
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 25_000 });
  await expect(lock.getByLabel('Password')).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Change password' })).toBeHidden();
  await expect(lock).toContainText('Locked for Ola Nordmann');
  await expect(page.getByTestId('quick-search')).toBeHidden();
  // main refuses account work while locked, whoever asks.
  const refused = await page.request.post(`${host.url}/ipc/accounts.search`, { headers: { authorization: `Bearer ${TOKEN}` }, data: { contact: { lastName: 'Hansen' } } });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  await screenshot(page, '35-locked');
  await expectAccessible(page, 'the lock screen');
  await lock.getByLabel('Password').fill('wrong-password');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock.getByText('Wrong password')).toBeVisible();
  await lock.getByLabel('Password').fill('olas-own-password');
  await page.keyboard.press('Enter');
  await expect(lock).toBeHidden();
  // Nothing was lost: the dialog with what was typed in it, and the search behind it.
  const dialog2 = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog2.getByLabel('Current password')).toHaveValue('typed, not sent');
  await dialog2.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('quick-search')).toHaveValue('Hansen');
  await signOut(page);
  const after = await page.request.post(`${host.url}/ipc/accounts.search`, { headers: { authorization: `Bearer ${TOKEN}` }, data: { contact: { lastName: 'Hansen' } } });
  expect(await after.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
