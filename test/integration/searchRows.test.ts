// D99: accounts.search answers the renderer with what the results show, not the whole AMPS
// row. Through the router, the signed client and the sandbox; the oracle is the sandbox's
// own database, read with SQL here, and the literal field lists of docs/ui.md ("Results").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import type { CallContext } from '../../main/core/router';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import { inProcessSandbox } from '../../main/web-host/embeddedSandbox';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };
const dir = mkdtempSync(join(tmpdir(), 'search-rows-'));
const sandbox = inProcessSandbox({ dbFile: join(dir, 'sandbox.sqlite'), accounts: 200, seed: 11, log: () => {} });
let core: Core;
let db: DatabaseSync;

type Row = { ariaAccountNo: number; contactDetails: Record<string, string> } & Record<string, unknown>;
type Result = { ok: true; value: { rows: Row[]; more: boolean } } | { ok: false; error: { code: string; message: string } };
const search = async (input: unknown) => {
  const r = (await core.router.call('accounts.search', input, ctx)) as Result;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value;
};

beforeAll(async () => {
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  core = createCore({ dataDir: dir, secrets, transport: 'web', version: 'test', sandbox, checkOutputs: true, log: () => {}, demoOperators: true, scrypt: TEST_SCRYPT });
  await signInAs((c, i) => core.router.call(c as never, i, ctx), 'agent');
  // The embedded sandbox starts with the first AMPS call, and builds its file then.
  await search({ criteria: { ariaAccountNo: 1 } }).catch(() => undefined);
  db = new DatabaseSync(join(dir, 'sandbox.sqlite'), { readOnly: true });
}, 60_000);
afterAll(async () => {
  db?.close();
  core?.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The account and its owner contact as the sandbox stored them. */
const stored = (accountNo: number) =>
  db.prepare('SELECT a.account_id, a.user_id, a.status, a.currency, a.balance_ore, c.* FROM accounts a JOIN contacts c ON c.contact_no = a.contact_no WHERE a.account_no = ?').get(accountNo) as Record<string, string | number | null>;

/** The contact fields a result carries: API name ↔ column. */
const CARRIED: [string, string][] = [
  ['fullName', 'full_name'], ['firstName', 'first_name'], ['lastName', 'last_name'], ['postalCode', 'postal_code'], ['postalCity', 'postal_city'],
  ['cellPhone', 'cell_phone'], ['homePhone', 'home_phone'], ['workPhone', 'work_phone'], ['emailAddress', 'email'],
];

describe('search result rows (D99)', () => {
  it('carry the fields the results show, read from the account and its owner contact, and nothing else', async () => {
    const { rows } = await search({ contact: { fullName: 'sen' }, limit: 50 });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const d = stored(row.ariaAccountNo);
      // Top level: exactly these keys (the account ID left out only when it is empty).
      expect(Object.keys(row).sort()).toEqual(['acctBalance', 'acctCurrencyCode', 'acctStatusCode', 'ariaAccountID', 'ariaAccountNo', 'contactDetails'].filter((k) => k !== 'ariaAccountID' || d.account_id));
      expect(row.ariaAccountID ?? '').toBe(d.account_id ?? '');
      expect(row.acctStatusCode).toBe(d.status);
      expect(row.acctCurrencyCode).toBe(d.currency);
      expect(Math.round((row.acctBalance as number) * 100)).toBe(d.balance_ore);
      // The contact: the filled ones of these nine, with the stored values.
      const expected = Object.fromEntries(CARRIED.filter(([, col]) => d[col] !== '' && d[col] !== null).map(([api, col]) => [api, d[col]]));
      expect(row.contactDetails).toEqual(expected);
    }
  });

  it('keep street addresses and user IDs out of the answer', async () => {
    const { rows } = await search({ contact: { fullName: 'sen' }, limit: 50 });
    const answer = JSON.stringify(rows);
    const streets = rows.map((r) => stored(r.ariaAccountNo) as { address_line1: string }).filter((s) => s.address_line1.length >= 6);
    expect(streets.length).toBeGreaterThan(10);
    for (const s of streets) expect(answer).not.toContain(s.address_line1);
    for (const k of ['addressLine1', 'streetName', 'flatNo', 'entranceNo', 'countryCode', 'userID', 'birthDate']) expect(answer).not.toContain(`"${k}"`);
  });
});
