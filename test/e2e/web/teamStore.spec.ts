// Settings → Team store end to end, against a real PostgreSQL (CSR_TEST_PG_URL, a superuser URL;
// scripts/pg-test-server.sh starts one). A team admin sets a store up the documented way
// (`npm run team:store -- setup / migrate / add-login`, docs/team-store.md) in a database and
// roles of this spec's own; the desk's admin then fills the section in, tests it (connected;
// a wrong password and a closed port in words), saves it (shipping starts; a mistyped reader
// password is named in the supervisor workspace and, corrected, used at once; the passwords
// never come back to the page), writes a comment, and the supervisor workspace reads it from
// the team store. That the entry arrived is checked in PostgreSQL with this spec's own SQL and
// sha256. Work alone at the end leaves the shared web host as it found it.
// Without CSR_TEST_PG_URL the spec skips in one line; under CI=true it fails instead.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_LOGIN } from '../../helpers/operators';
import { E2E_PORT, E2E_TOKEN } from './env';
import { expect, expectAccessible, openAccount, screenshot, test } from './fixtures';

const PG_URL = process.env.CSR_TEST_PG_URL;
const SKIP_REASON = 'team-store e2e skipped: CSR_TEST_PG_URL is not set (start a server with: eval "$(bash scripts/pg-test-server.sh start)")';
const skipping = !PG_URL && process.env.CI !== 'true';
// Said once, by the runner as it loads the spec (workers load it again, with TEST_WORKER_INDEX set).
if (skipping && process.env.TEST_WORKER_INDEX === undefined) console.log(SKIP_REASON);
test.skip(skipping, SKIP_REASON);
test.describe.configure({ mode: 'serial' });
// Team store settings are admins' work; admins also open the supervisor workspace.
test.use({ role: 'admin' });

const dataDir = `.tmp/e2e-data-${E2E_PORT}`;
const id = randomBytes(4).toString('hex');
const database = `csr_team_e2e_${id}`;
const owner = { user: `e2e_${id}_owner`, password: randomBytes(12).toString('hex') };
const desk = { user: `e2e_${id}_desk`, password: randomBytes(12).toString('hex') };
const reader = { user: `e2e_${id}_sup`, password: randomBytes(12).toString('hex') };
const commentText = `Team store e2e ${id}: kunden ringte om fakturaen`;
/** The entries of this desk the store held once the comment was there. */
let held = 0;

/** postgres://user[:password]@host:port/<database> on the test server. */
function urlOf(user: string, password = '', db = database, port?: number): string {
  const u = new URL(PG_URL!);
  u.username = user;
  u.password = password;
  u.pathname = `/${db}`;
  if (port) u.port = String(port);
  return u.toString();
}

/** The team admin's command line (docs/team-store.md), passwords in the environment as documented. */
function teamStoreCli(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/team-store.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

async function superuser<T>(f: (c: pg.Client) => Promise<T>, db = database): Promise<T> {
  const su = new URL(PG_URL!);
  const c = new pg.Client({ connectionString: urlOf(decodeURIComponent(su.username), decodeURIComponent(su.password), db) });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

const closedPort = () =>
  new Promise<number>((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => res(p));
    });
  });

const ipc = async (channel: string, data: unknown) => {
  const res = await fetch(`http://127.0.0.1:${E2E_PORT}/ipc/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(data) });
  return (await res.json()) as { ok: boolean; value?: { configured?: boolean } };
};

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByTestId('team-store');
  await expect(section.getByRole('heading', { name: 'Team store', level: 2 })).toBeVisible();
  return section;
}

async function reloadApp(page: Page) {
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await expect(page.getByTestId('operator-menu')).toBeVisible();
}

const field = (section: Locator, label: string) => section.getByLabel(label, { exact: true });
const URL_LABEL = "Team store URL (this desk's database user)";
const PASSWORD_LABEL = "Password of this desk's database user";
const READER_URL_LABEL = 'Supervisor reader URL (optional)';
const READER_PASSWORD_LABEL = 'Supervisor reader password';
const KEEP = 'Leave empty to keep the stored password';
/** Today as the desk writes dates (en-GB in Oslo): 01/12/2026. */
const osloToday = () => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' }).format(new Date());

test.beforeAll(async () => {
  if (!PG_URL) throw new Error('CI=true but CSR_TEST_PG_URL is not set: the team-store e2e must run in CI (.ci/run starts PostgreSQL with scripts/pg-test-server.sh)');
  test.setTimeout(120_000);
  teamStoreCli(['setup', '--admin', PG_URL, '--database', database, '--owner', owner.user], { CSR_TEAM_OWNER_PASSWORD: owner.password });
  expect(teamStoreCli(['migrate', '--url', urlOf(owner.user, owner.password)])).toMatch(/team store: schema 0 → \d+/);
  teamStoreCli(['add-login', '--admin', PG_URL, '--role', 'desk', '--name', desk.user], { CSR_TEAM_LOGIN_PASSWORD: desk.password });
  teamStoreCli(['add-login', '--admin', PG_URL, '--role', 'supervisor', '--name', reader.user], { CSR_TEAM_LOGIN_PASSWORD: reader.password });
});

test.afterAll(async () => {
  if (!PG_URL) return;
  // The web host is shared with the other specs: leave the desk working alone, as it started.
  const state = await ipc('teamStore.get', {});
  if (state.value?.configured) {
    await ipc('session.signIn', DEMO_LOGIN.admin);
    await ipc('teamStore.save', { url: '' });
  }
  await superuser(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    for (const r of [desk.user, reader.user, owner.user]) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(r)}`);
  }, 'postgres');
});

test('Test the team store: connected, a wrong password and a closed port said in words', async ({ app: page }) => {
  const schemaVersion = await superuser(async (c) => (await c.query<{ v: number }>('SELECT max(version)::int AS v FROM team.schema_version')).rows[0]!.v);
  const section = await openSettings(page);
  await expect(section.getByTestId('team-status')).toHaveText('This desk works alone: its audit log stays on this computer.');
  // The encryption in effect is named, not an empty field.
  await expect(section.getByRole('combobox', { name: 'Encryption' })).toHaveText('Default (verified; none on this computer)');
  const result = section.getByTestId('team-test-result');
  const testButton = section.getByRole('button', { name: 'Test the team store' });

  // A wrong password: the problem in words, no PostgreSQL code.
  await field(section, URL_LABEL).fill(urlOf(desk.user));
  await field(section, PASSWORD_LABEL).fill('not-the-password');
  await testButton.click();
  await expect(result).toContainText(`This desk's user (${desk.user})`);
  await expect(result).toContainText('Wrong user name or password.');
  await expect(result).not.toContainText('28P01');

  // Nothing listens on that port.
  await field(section, URL_LABEL).fill(urlOf(desk.user, '', database, await closedPort()));
  await field(section, PASSWORD_LABEL).fill(desk.password);
  await testButton.click();
  await expect(result).toContainText('The server refused the connection: is PostgreSQL running on that host and port?');
  await expect(result).not.toContainText('ECONNREFUSED');

  // The right settings, with the supervisor's reader login: both connected, with the store's schema version.
  await field(section, URL_LABEL).fill(urlOf(desk.user));
  await field(section, READER_URL_LABEL).fill(urlOf(reader.user));
  await field(section, READER_PASSWORD_LABEL).fill(reader.password);
  await testButton.click();
  const connected = `Connected: schema version ${schemaVersion}, the privileges this user needs and no more.`;
  await expect(result.getByRole('listitem')).toHaveCount(2);
  await expect(result.getByRole('listitem').nth(0)).toContainText(`This desk's user (${desk.user})`);
  await expect(result.getByRole('listitem').nth(0)).toContainText(`${connected} The team directory holds 0 operators.`);
  await expect(result.getByRole('listitem').nth(1)).toContainText(`Supervisor reader (${reader.user})`);
  await expect(result.getByRole('listitem').nth(1)).toContainText(connected);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, '70-team-store-test');
  await expectAccessible(page, 'the team store settings with a test result');
});

test('saving: shipping starts at once; a mistyped reader password is said in the supervisor workspace', async ({ app: page }) => {
  // Shipping starts from entry 1: with every other spec's entries in the log (100,000 from the
  // supervision spec) that took 3.6 min in a whole-suite run on this shared 2-core machine.
  test.setTimeout(720_000);
  const section = await openSettings(page);
  await field(section, URL_LABEL).fill(urlOf(desk.user));
  await field(section, PASSWORD_LABEL).fill(desk.password);
  await field(section, READER_URL_LABEL).fill(urlOf(reader.user));
  await field(section, READER_PASSWORD_LABEL).fill(`${reader.password}-typo`);
  await section.getByRole('button', { name: 'Save team store' }).click();

  // What changes, before → after; the passwords only as "new password".
  const dialog = page.getByRole('dialog', { name: 'Save the team store settings?' });
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row', { name: URL_LABEL })).toContainText(`—${urlOf(desk.user)}`);
  await expect(changes.getByRole('row', { name: PASSWORD_LABEL })).toContainText('—new password');
  await expect(changes.getByRole('row', { name: READER_URL_LABEL })).toContainText(`—${urlOf(reader.user)}`);
  await expect(changes.getByRole('row', { name: READER_PASSWORD_LABEL })).toContainText('—new password');
  await expect(dialog).not.toContainText(desk.password);
  await expect(dialog).not.toContainText(reader.password);
  await dialog.getByRole('button', { name: 'Save team store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Team store settings saved and in use');

  // Shipping runs without a restart: the status says the store holds every entry, and how old its copy is.
  const status = section.getByTestId('team-status');
  await expect(status).toContainText('Up to date: the team store holds every entry of this desk.', { timeout: 600_000 });
  // In the app's date format (day first, 24-hour clock), as the rest of the desk writes dates.
  await expect(status).toContainText(new RegExp(`The team store's copy of this desk is from ${osloToday()}, \\d{2}:\\d{2} \\((now|\\d+ seconds? ago)\\)\\.`));

  // The reader login is refused: the workspace says so and shows this desk's own log.
  await page.getByTestId('open-supervision').click();
  const source = page.getByTestId('supervision-source');
  await expect(source).toHaveAttribute('data-fallback', 'auth');
  await expect(source).toContainText("The team store refused the reader login: showing this desk's own audit log.");
});

test('the corrected reader password is used at once, and no password comes back to the page', async ({ app: page }) => {
  const section = await openSettings(page);
  await expect(field(section, PASSWORD_LABEL)).toHaveValue('');
  await field(section, READER_PASSWORD_LABEL).fill(reader.password);
  await section.getByRole('button', { name: 'Save team store' }).click();
  // Only the reader password changes; the desk's stays as stored.
  const dialog = page.getByRole('dialog', { name: 'Save the team store settings?' });
  const changes = dialog.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row')).toHaveCount(2); // the header and one change
  await expect(changes.getByRole('row', { name: READER_PASSWORD_LABEL })).toContainText('setnew password');
  await dialog.getByRole('button', { name: 'Save team store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Team store settings saved and in use');
  // The workspace reads the team store now, not half a minute after the refusal.
  await page.getByTestId('open-supervision').click();
  await expect(page.getByTestId('supervision-source')).toHaveAttribute('data-source', 'team');
  await expect(page.getByTestId('supervision-source')).toContainText(/Team store: 1 desk(?!s)/);

  // After a reload the fields say a password is stored, and hold none.
  await reloadApp(page);
  const again = await openSettings(page);
  await expect(field(again, URL_LABEL)).toHaveValue(urlOf(desk.user));
  await expect(field(again, READER_URL_LABEL)).toHaveValue(urlOf(reader.user));
  for (const label of [PASSWORD_LABEL, READER_PASSWORD_LABEL]) {
    const input = field(again, label);
    await expect(input).toHaveValue('');
    await expect(input).toHaveAttribute('type', 'password');
    await expect(input).toHaveAccessibleDescription(KEEP);
  }
  await expect(field(again, PASSWORD_LABEL)).toHaveAttribute('placeholder', KEEP);
  await expect(again.getByTestId('team-status')).toContainText('Up to date: the team store holds every entry of this desk.');
  const html = await page.content();
  expect(html).not.toContain(desk.password);
  expect(html).not.toContain(reader.password);
  // Nor are they in the desk's files in clear (they are in its encrypted secret store).
  expect(JSON.parse(readFileSync(join(dataDir, 'team-store.json'), 'utf8'))).toEqual({ url: urlOf(desk.user), readerUrl: urlOf(reader.user) });
  for (const f of ['team-store.json', 'secrets.json']) {
    const text = readFileSync(join(dataDir, f), 'utf8');
    expect(text, f).not.toContain(desk.password);
    expect(text, f).not.toContain(reader.password);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await again.scrollIntoViewIfNeeded();
  await screenshot(page, '71-team-store-saved-1280');
  await expectAccessible(page, 'the saved team store settings at 1280×720');
});

test('a comment reaches the team store: the supervisor workspace reads it there, and PostgreSQL holds it', async ({ app: page }) => {
  test.setTimeout(300_000);
  const no = await openAccount(page, 7);
  const view = page.getByTestId(`account-${no}`);
  await page.keyboard.press('Alt+c');
  await view.getByTestId('comment-text').fill(commentText);
  await view.getByRole('button', { name: 'Review and save' }).click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Comment saved.');

  // The desk says it has shipped it.
  const section = await openSettings(page);
  await expect(section.getByTestId('team-status')).toContainText('Up to date: the team store holds every entry of this desk.', { timeout: 120_000 });

  // In PostgreSQL, read with this spec's own SQL: the comment's intent and its APPLIED outcome, each
  // the sha256 of its text, in this desk's chain.
  const rows = await superuser(
    async (c) =>
      (
        await c.query<{ entry: string; hash: string; desk_id: string; seq: string }>(
          "SELECT entry, hash, desk_id, seq FROM team.audit_entries WHERE entry LIKE '%' || $1 || '%' ORDER BY seq",
          [id],
        )
      ).rows,
  );
  const parsed = rows.map((r) => ({ ...r, e: JSON.parse(r.entry) as Record<string, unknown> & { after?: { text?: string }; operator?: { id?: string } } }));
  const intent = parsed.find((r) => r.e.kind === 'intent' && r.e.action === 'comment.add' && r.e.after?.text === commentText);
  expect(intent, 'the comment intent is in team.audit_entries').toBeTruthy();
  expect(intent!.e).toMatchObject({ accountNo: no, operator: { id: DEMO_LOGIN.admin.id } });
  const outcome = (
    await superuser(async (c) => (await c.query<{ entry: string; hash: string }>("SELECT entry, hash FROM team.audit_entries WHERE desk_id = $1 AND entry LIKE '%' || $2 || '%'", [intent!.desk_id, intent!.e.requestId])).rows)
  )
    .map((r) => ({ ...r, e: JSON.parse(r.entry) as Record<string, unknown> }))
    .find((r) => r.e.kind === 'outcome');
  expect(outcome?.e.outcome, 'the outcome of the comment is in team.audit_entries').toBe('APPLIED');
  for (const r of [intent!, outcome!]) expect(createHash('sha256').update(r.entry, 'utf8').digest('hex')).toBe(r.hash);
  const chain = await superuser(async (c) => (await c.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(seq)::int AS max FROM team.audit_entries WHERE desk_id = $1', [intent!.desk_id])).rows[0]!);
  expect(chain.n, 'every entry from 1 to the last, none missing').toBe(chain.max);
  held = chain.n;

  // The supervisor workspace reads the team store, says how fresh it is, and lists the comment.
  await page.getByTestId('open-supervision').click();
  const source = page.getByTestId('supervision-source');
  await expect(source).toHaveAttribute('data-source', 'team');
  await expect(source).toContainText(/Team store: 1 desk(?!s)/);
  await expect(source).toContainText(/The least current desk last sent entries (now|\d+ seconds? ago|\d+ minutes? ago)\./);
  await source.getByRole('button', { name: 'Show desks' }).click();
  const deskLine = page.getByTestId('supervision-desks').getByRole('listitem');
  await expect(deskLine).toHaveCount(1);
  await expect(deskLine).toHaveText(new RegExp(`^Desk ${intent!.desk_id.slice(0, 8)}: last entries received (now|\\d+ seconds? ago|\\d+ minutes? ago) \\(up to entry [\\d,]+\\) \\(this desk\\)$`));
  // The desk may have written more since (signing in, opening the workspace), never less.
  expect(Number((await deskLine.textContent())!.match(/up to entry ([\d,]+)/)![1]!.replaceAll(',', ''))).toBeGreaterThanOrEqual(chain.max);
  await page.getByTestId('supervision-filter-text').fill(commentText);
  await expect(page.getByTestId('supervision-count')).toHaveText('1 entry, newest first');
  await expect(page.getByRole('option').first()).toContainText(`account ${no}`);
  await expect(page.getByTestId('supervision-details')).toContainText(commentText);
  await screenshot(page, '72-supervision-team-store');
  await expectAccessible(page, 'the supervisor workspace reading the team store');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, '73-supervision-team-store-1280');
  await expectAccessible(page, 'the supervisor workspace reading the team store at 1280×720');
});

test('Work alone: the desk stops using the team store and the workspace reads its own log again', async ({ app: page }) => {
  const section = await openSettings(page);
  await section.getByRole('button', { name: 'Work alone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop using the team store?' });
  await dialog.getByRole('button', { name: 'Work alone' }).click();
  await expect(page.getByTestId('notice')).toContainText('This desk works alone now; its audit log stays on this computer');
  await expect(section.getByTestId('team-status')).toHaveText('This desk works alone: its audit log stays on this computer.');
  await expect(field(section, URL_LABEL)).toHaveValue('');
  await expect(field(section, PASSWORD_LABEL)).toHaveAccessibleDescription('Not set yet');
  await page.getByTestId('open-supervision').click();
  await expect(page.getByTestId('supervision-source')).toHaveText("This desk's own audit log (no team store is set up).");
  // Nothing is removed from the team store.
  expect(held).toBeGreaterThan(0);
  expect(await superuser(async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM team.audit_entries')).rows[0]!.n)).toBeGreaterThanOrEqual(held);
});
