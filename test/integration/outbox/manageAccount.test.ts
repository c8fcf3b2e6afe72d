// Account changes through the whole core: router (`accounts.manage`) → write pipeline →
// signed client → the sandbox's database, read back from the database file itself (not
// through the code under test). Contact edit (MODIFY), new IDs (ASSIGN), status changes,
// cancel, the refusals the account's status makes, an all-or-nothing multi-action refusal,
// and a request an AMPS made only in part (a proxy that lets one action through), with the
// answer, the audit outcome and the reason comment saying which action was not made.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import type { CallContext } from '../../../main/core/router';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../../main/core/secrets/encryptedFileStore';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import type { Channel } from '../../../shared/ipc';
import { signInAs, TEST_SCRYPT } from '../../helpers/operators';

const CLIENT = { clientNo: 6161, authKey: 'manage-auth-key', signingSecret: 'manage-signing-secret' };
const ctx: CallContext = { transport: 'test', trustedSender: true };
const dbFile = join(mkdtempSync(join(tmpdir(), 'manage-sandbox-')), 'sandbox.sqlite');
let sandbox: RunningSandbox;
let core: Core;
let db: DatabaseSync;
let proxy: Server;
let proxyUrl = '';

type Res = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string; fields?: { path: string; message: string }[] } };
const call = (channel: string, input: unknown) => core.router.call(channel as Channel, input, ctx) as Promise<Res>;

/** What the sandbox stored, read with its own connection. */
const stored = (accountNo: number) =>
  db
    .prepare(
      `SELECT a.account_id, a.user_id, a.status, a.banned, c.full_name, c.cell_phone, c.home_phone, c.work_phone, c.email, c.birth_date, c.postal_code, c.postal_city
       FROM accounts a JOIN contacts c ON c.contact_no = a.contact_no WHERE a.account_no = ?`,
    )
    .get(accountNo) as Record<string, string | number | null>;
const comments = (accountNo: number) =>
  (db.prepare('SELECT text FROM comments WHERE account_no = ? ORDER BY comment_no').all(accountNo) as { text: string }[]).map((r) => r.text);
const openPlans = (accountNo: number) =>
  (db.prepare("SELECT COUNT(*) AS n FROM plan_instances WHERE account_no = ? AND is_special = 0 AND status <> 'CANCELLED'").get(accountNo) as { n: number }).n;

/** Active accounts with subscriptions, not yet used by a test. */
const used = new Set<number>();
function freshAccount(): number {
  const rows = db
    .prepare(
      `SELECT a.account_no FROM accounts a WHERE a.status = 1 AND EXISTS (SELECT 1 FROM plan_instances p WHERE p.account_no = a.account_no AND p.is_special = 0 AND p.status <> 'CANCELLED') ORDER BY a.account_no`,
    )
    .all() as { account_no: number }[];
  const no = rows.map((r) => r.account_no).find((n) => !used.has(n));
  if (!no) throw new Error('no fresh account left');
  used.add(no);
  return no;
}

const status = (no: number, code: 'ACTIVATE' | 'DEACTIVATE' | 'BANNED') => ({ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: code } });

beforeAll(async () => {
  sandbox = await startSandbox({ dbFile, accounts: 40, seed: 5, clients: [CLIENT] });
  db = new DatabaseSync(dbFile, { readOnly: true });
  // A billing system that makes only the first action of a multi-action request and
  // refuses the rest (what a non-atomic AMPS may answer): the first goes on to the sandbox.
  proxy = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const endpoint = req.url!.split('/').pop()!;
        const json = JSON.parse(body) as { acctManageAccountDetails?: unknown[] };
        const partial = endpoint === 'AcctManageAccount' && (json.acctManageAccountDetails?.length ?? 0) > 1;
        const rest = partial ? json.acctManageAccountDetails!.slice(1) : [];
        const forward = partial ? { ...json, acctManageAccountDetails: json.acctManageAccountDetails!.slice(0, 1) } : json;
        // The "Partial" profile signs with version 1.0 (msgAuthDetails only), so the shortened body still verifies.
        const up = await fetch(`${sandbox.url}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forward) });
        const text = await up.text();
        res.writeHead(up.status, { 'content-type': 'application/json' });
        if (!partial) return res.end(text);
        const answer = JSON.parse(text) as { acctManageAccountResponseDetails: unknown[] };
        answer.acctManageAccountResponseDetails.push(
          ...rest.map((a) => ({ actionDirective: (a as { actionDirective: string }).actionDirective, actionResultInfo: { resultCode: -11, resultText: 'status change not allowed by a test' } })),
        );
        res.end(JSON.stringify(answer));
      })();
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const appDir = mkdtempSync(join(tmpdir(), 'manage-app-'));
  const secrets = new EncryptedFileSecretStore(join(appDir, 'secrets.json'), loadOrCreateKeyFile(join(appDir, 'secret.key')));
  core = createCore({ dataDir: appDir, secrets, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT });
  await signInAs(call, 'admin');
  for (const [name, baseUrl, signatureVersion] of [['Direct', sandbox.url, '2.0'], ['Partial', proxyUrl, '1.0']] as const)
    expect(await call('profiles.save', { name, baseUrl, clientNo: CLIENT.clientNo, userID: 'manage-test', signatureVersion, authKey: CLIENT.authKey, signingSecret: CLIENT.signingSecret })).toMatchObject({ ok: true });
  expect(await call('profiles.activate', { name: 'Direct' })).toMatchObject({ ok: true });
  // Account work as a supervisor: the same channels as an agent, plus the audit log to check.
  await signInAs(call, 'supervisor');
}, 60_000);
afterAll(async () => {
  core?.close();
  db?.close();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await sandbox?.close();
});

describe('edit the contact (MODIFY)', () => {
  it('"I have a new phone number": stores the number in E.164, leaves the rest, and records the reason', async () => {
    const no = freshAccount();
    const was = stored(no);
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: no, ownerContactDetails: { fullName: was.full_name, cellPhone: '934 56 789', emailAddress: 'ny.adresse@example.no' } } }],
      reason: 'customer called',
      lang: 'en',
      changes: [{ path: 'cellPhone', before: was.cell_phone, after: '+47 934 56 789' }],
      before: { 'ownerContactDetails.cellPhone': was.cell_phone, 'ownerContactDetails.emailAddress': was.email },
    });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED', results: [{ actionDirective: 'MODIFY', resultCode: 0 }], reason: { outcome: 'APPLIED' } } });
    expect(stored(no)).toMatchObject({ cell_phone: '+4793456789', email: 'ny.adresse@example.no', full_name: was.full_name, home_phone: was.home_phone, postal_code: was.postal_code, birth_date: was.birth_date });
    expect(comments(no).at(-1)).toBe(`Account changed (contact): mobile phone: ${was.cell_phone || '(empty)'} → +47 934 56 789. Reason: customer called`);
    // The overview reads the same back.
    const got = await call('accounts.get', { accountNo: no });
    expect((got.value as { acctRetrieveAccountDetails: { acctContactDetails: { cellPhone: string } } }).acctRetrieveAccountDetails.acctContactDetails.cellPhone).toBe('+4793456789');
  });

  it('clears a phone and the birth date, fills the poststed from the postal code', async () => {
    const no = freshAccount();
    const was = stored(no);
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: no, ownerContactDetails: { fullName: was.full_name, workPhone: '', birthDate: null, postalCode: '5003', postalCity: '', countryCode: 'NO' } } }],
    });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    expect(stored(no)).toMatchObject({ work_phone: '', birth_date: null, postal_code: '5003', postal_city: 'BERGEN' });
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const no = freshAccount();
    const was = stored(no);
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: no, ownerContactDetails: { fullName: 'X', cellPhone: '12ab', birthDate: '1980-02-30', postalCode: '0000' } } }],
    });
    expect(res.ok).toBe(false);
    expect(res.error!.code).toBe('VALIDATION');
    expect(res.error!.fields!.map((f) => f.path.split('.').pop()).sort()).toEqual(['birthDate', 'cellPhone', 'postalCode']);
    expect(stored(no)).toEqual(was);
  });
});

describe('new IDs (ASSIGN)', () => {
  it('assigns a new client account ID and user ID', async () => {
    const no = freshAccount();
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newAriaAccountID: `CRM-${no}`, newUserID: `web-${no}` } }],
      before: { ariaAccountID: stored(no).account_id, userID: stored(no).user_id },
    });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED', results: [{ actionDirective: 'ASSIGN', resultCode: 0 }] } });
    expect(stored(no)).toMatchObject({ account_id: `CRM-${no}`, user_id: `web-${no}` });
  });

  it('refuses an ID another account has, on the field, and changes nothing', async () => {
    const no = freshAccount();
    const other = freshAccount();
    const was = stored(no);
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newAriaAccountID: stored(other).account_id } }],
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsASSIGN.newAriaAccountID' }] } });
    expect(res.error!.fields![0]!.message).toBe(`"${stored(other).account_id}" is already used by account ${other}`);
    expect(stored(no)).toEqual(was);
  });
});

describe('status and cancel', () => {
  it('deactivate, activate, then ban; a banned account refuses every change', async () => {
    const no = freshAccount();
    const manage = (actions: unknown[]) => call('accounts.manage', { accountNo: no, actions });
    expect(await manage([status(no, 'DEACTIVATE')])).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    expect(stored(no)).toMatchObject({ status: 0, banned: 0 });
    expect(await manage([status(no, 'ACTIVATE')])).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    expect(stored(no)).toMatchObject({ status: 1, banned: 0 });
    expect(await manage([status(no, 'BANNED')])).toMatchObject({ ok: true, value: { outcome: 'APPLIED', results: [{ actionDirective: 'STATUS', resultCode: 0 }] } });
    expect(stored(no)).toMatchObject({ status: -99, banned: 1 });
    const again = await manage([status(no, 'ACTIVATE')]);
    expect(again).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ message: `account ${no} is banned and cannot be changed; a new account must be created (004)` }] } });
    expect(stored(no)).toMatchObject({ status: -99 });
  });

  it('refuses activating an active account with the reason', async () => {
    const no = freshAccount();
    const res = await call('accounts.manage', { accountNo: no, actions: [status(no, 'ACTIVATE')] });
    expect(res).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctManageAccountDetails[0].acctManageAccountDetailsSTATUS.newStatusCode', message: `account ${no} is already active` }] } });
    expect(stored(no)).toMatchObject({ status: 1 });
  });

  it('cancel ends the subscriptions and makes the account inactive', async () => {
    const no = freshAccount();
    expect(openPlans(no)).toBeGreaterThan(0);
    const res = await call('accounts.manage', { accountNo: no, actions: [{ actionDirective: 'CANCEL', acctManageAccountDetailsCANCEL: { ariaAccountNo: no } }], before: { ariaStatusCode: 1 } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED', results: [{ actionDirective: 'CANCEL', resultCode: 0 }] } });
    expect(stored(no)).toMatchObject({ status: 0 });
    expect(openPlans(no)).toBe(0);
  });
});

describe('several actions in one request', () => {
  it('the sandbox is all or nothing: the refused action is named, the other was not made', async () => {
    const no = freshAccount();
    const was = stored(no);
    const res = await call('accounts.manage', {
      accountNo: no,
      actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newUserID: `rolled-back-${no}` } }, status(no, 'ACTIVATE')],
      reason: 'two at once',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctManageAccountDetails[1].acctManageAccountDetailsSTATUS.newStatusCode' }] } });
    expect(res.error!.message).toMatch(/^action 2 \(STATUS\) failed, nothing was changed/);
    expect(stored(no)).toEqual(was);
    // The reason explains a change that was not made: it is not recorded.
    expect(comments(no).some((c) => c.includes('two at once'))).toBe(false);
  });

  it('a billing system that makes only part of it: the answer, the audit outcome and the reason comment say which', async () => {
    await signInAs(call, 'admin');
    expect(await call('profiles.activate', { name: 'Partial' })).toMatchObject({ ok: true });
    await signInAs(call, 'supervisor');
    try {
      const no = freshAccount();
      const res = await call('accounts.manage', {
        accountNo: no,
        actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newUserID: `partly-${no}` } }, status(no, 'BANNED')],
        reason: 'fraud report',
        lang: 'en',
        before: { ariaStatusCode: 1, userID: stored(no).user_id },
      });
      expect(res).toMatchObject({
        ok: true,
        value: {
          outcome: 'APPLIED',
          results: [
            { actionDirective: 'ASSIGN', resultCode: 0 },
            { actionDirective: 'STATUS', resultCode: -11, resultText: 'status change not allowed by a test' },
          ],
          reason: { outcome: 'APPLIED' },
        },
      });
      // Made: the user ID. Not made: the ban.
      expect(stored(no)).toMatchObject({ user_id: `partly-${no}`, status: 1, banned: 0 });
      expect(comments(no).at(-1)).toBe('Account changed (new IDs, banned). Reason: fraud report Not made: banned (status change not allowed by a test).');
      const audit = await call('audit.list', { accountNo: no, kind: 'outcome' });
      const outcome = (audit.value as { entries: { action: string; outcome: string; detail: unknown }[] }).entries.find((e) => e.action === 'account.manage');
      expect(outcome).toMatchObject({ outcome: 'APPLIED', detail: { partly: { made: ['ASSIGN'], notMade: [{ action: 'STATUS', resultText: 'status change not allowed by a test' }] } } });
    } finally {
      await signInAs(call, 'admin');
      await call('profiles.activate', { name: 'Direct' });
      await signInAs(call, 'supervisor');
    }
  });
});
