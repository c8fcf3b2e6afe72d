// security.md: "No channel ever returns authKey or the signing secret (a canary secret is
// grepped for in every IPC response, log line and stored file during the test run)."
// Drives every channel of the router against a real sandbox over signed HTTP.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import type { CallContext } from '../../main/core/router';
import { startSandbox } from '../../main/sandbox/index';
import { CHANNELS, type Channel } from '../../shared/ipc';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const CANARY_AUTH = 'CANARY-authkey-7f3e';
const CANARY_SECRET = 'CANARY-signing-secret-91b2c4';
const ctx: CallContext = { transport: 'test', trustedSender: true };

let core: Core;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const appDir = mkdtempSync(join(tmpdir(), 'canary-app-'));
const logs: string[] = [];
const responses: string[] = [];
const called = new Set<Channel>();

async function call(channel: Channel, input: unknown) {
  called.add(channel);
  const res = await core.router.call(channel, input, ctx);
  responses.push(JSON.stringify(res));
  return res;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  const sandboxDir = mkdtempSync(join(tmpdir(), 'canary-sandbox-'));
  sandbox = await startSandbox({
    dbFile: join(sandboxDir, 'sandbox.sqlite'),
    accounts: 30,
    seed: 7,
    clients: [{ clientNo: 777, authKey: CANARY_AUTH, signingSecret: CANARY_SECRET }],
    log: (l) => logs.push(l),
  });
  const secrets = new EncryptedFileSecretStore(join(appDir, 'secrets.json'), loadOrCreateKeyFile(join(appDir, 'secret.key')));
  core = createCore({ dataDir: appDir, secrets, transport: 'web', version: 'test', checkOutputs: true, log: (l) => logs.push(l), demoOperators: true, scrypt: TEST_SCRYPT });
  await signInAs((c, i) => call(c as Channel, i), 'admin');
}, 60_000);
afterAll(async () => {
  core?.close();
  await sandbox?.close();
});

describe('secrets never leave main', () => {
  it('drives every channel and finds the canary in no response, log line or stored file', async () => {
    const saved = await call('profiles.save', {
      name: 'Canary', baseUrl: sandbox.url, clientNo: 777, userID: 'agent-canary', signatureVersion: '2.0', authKey: CANARY_AUTH, signingSecret: CANARY_SECRET,
    });
    expect(saved).toMatchObject({ ok: true, value: { hasAuthKey: true, hasSigningSecret: true } });
    expect(await call('profiles.activate', { name: 'Canary' })).toMatchObject({ ok: true });
    expect(await call('profiles.test', { name: 'Canary' })).toMatchObject({ ok: true, value: { ok: true } });
    // The form's values, secrets typed (a profile not saved yet) and typed wrong.
    const typed = { baseUrl: sandbox.url, clientNo: 777, userID: 'agent-canary', signatureVersion: '2.0', authKey: CANARY_AUTH, signingSecret: CANARY_SECRET };
    expect(await call('profiles.test', { name: 'Unsaved canary', form: typed })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('profiles.test', { name: 'Canary', form: { authKey: `${CANARY_AUTH}-x` } })).toMatchObject({ ok: true, value: { ok: false } });
    await call('profiles.list', {});
    await call('app.info', {});
    // Team store settings (docs/team-store.md): passwords are write-only, never sent back. A
    // closed loopback port, so "Test connection" answers at once and the shipper only backs off.
    const team = { url: 'postgres://canary_desk@127.0.0.1:9/csr_team', tls: 'disable' as const, password: `${CANARY_SECRET}-team`, readerUrl: 'postgres://canary_sup@127.0.0.1:9/csr_team', readerPassword: `${CANARY_SECRET}-reader` };
    expect(await call('teamStore.test', { form: team })).toMatchObject({ ok: true });
    expect(await call('teamStore.save', team)).toMatchObject({ ok: true });
    expect(await call('teamStore.get', {})).toMatchObject({ ok: true });
    expect(await call('teamStore.status', {})).toMatchObject({ ok: true });

    const found = await call('accounts.search', { contact: { lastName: 'a' }, limit: 5 });
    expect(found.ok).toBe(true);
    const accountNo = found.ok ? (found.value as { rows: Array<{ ariaAccountNo: number }> }).rows[0]!.ariaAccountNo : 0;
    await call('accounts.search', { criteria: { ariaAccountNo: accountNo } });
    expect(await call('accounts.get', { accountNo })).toMatchObject({ ok: true });
    expect(await call('accounts.deliveryMatches', { rows: [{ accountNo, words: ['Oslo'] }] })).toMatchObject({ ok: true });
    await call('accounts.manage', {
      accountNo,
      actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: accountNo, newUserID: `u-${accountNo}` } }],
      reason: 'canary run',
    });

    // New accounts (issue 10 item 2): the duplicate check and a create.
    expect(await call('accounts.duplicates', { emailAddress: 'canary@example.no', fullName: 'Canary Person', postalCode: '0150' })).toMatchObject({ ok: true });
    expect(await call('accounts.create', { account: { currencyCode: 'NOK', accountContact: { fullName: 'Canary Newcomer' } } })).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    const groups = await call('billingGroups.list', { accountNo });
    expect(groups.ok).toBe(true);
    const added = await call('billingGroups.add', {
      accountNo,
      group: { paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Canary Person' }, notifyMethod: 'PDF' },
      reason: 'canary',
    });
    expect(added).toMatchObject({ ok: true });
    const groupNo = added.ok ? (added.value as { group: { ariaBillingGroupNo: number } }).group.ariaBillingGroupNo : 0;
    await call('billingGroups.modify', { accountNo, group: { ariaBillingGroupNo: groupNo, billingGroupName: 'Canary group' } });
    await call('billingGroups.remove', { accountNo, group: { ariaBillingGroupNo: groupNo } });

    expect(await call('comments.add', { accountNo, text: 'canary comment '.repeat(40) })).toMatchObject({ ok: true, value: { parts: 2 } });
    const listed = await call('comments.list', { accountNo });
    expect(listed).toMatchObject({ ok: true });
    // The signed-in operator is the author, whatever the profile's userID says.
    const authors = listed.ok ? (listed.value as { comments: Array<{ acctCommentAuthor: string; acctCommentText: string }> }).comments : [];
    expect(authors.filter((c) => c.acctCommentText.includes('canary comment')).map((c) => c.acctCommentAuthor)).toEqual(['demo-admin', 'demo-admin']);
    // Shown by the operator's name, from the desk's directory.
    expect(authors.filter((c) => c.acctCommentText.includes('canary comment')).map((c) => (c as { authorName?: string }).authorName)).toEqual(['Demo Admin', 'Demo Admin']);
    expect(await call('drafts.put', { accountNo, text: 'canary draft' })).toMatchObject({ ok: true });
    expect(await call('drafts.get', { accountNo })).toMatchObject({ ok: true, value: { draft: { text: 'canary draft' } } });
    expect(await call('drafts.delete', { accountNo })).toMatchObject({ ok: true, value: { deleted: true } });
    expect(await call('prefs.put', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await call('prefs.get', {})).toMatchObject({ ok: true, value: { theme: 'dark' } });

    const info = await call('address.deliveryInfo', { accountNo });
    expect(info.ok).toBe(true);
    await call('address.changePerm', {
      accountNo,
      change: {
        distAddressType: (info.ok ? (info.value as { addressTypes: Array<{ code: string }> }).addressTypes[0]?.code : undefined) ?? 'PERM',
        dateEffective: '2030-01-01',
        acctDeliveryAddress: { distStreetName: 'Canarygata', distStreetNo: '1', distAddrPostalCode: '0150', distAddrCity: 'OSLO', distAddrCountryCode: 'NO' },
      },
    });
    const card = await call('cards.prepare', { accountNo });
    expect(card).toMatchObject({ ok: true });
    // The card form's channels (D63–D64): the web transport has no window, the status comes from the provider.
    const sessionId = card.ok ? (card.value as { sessionId: string }).sessionId : '';
    expect(await call('cards.openForm', { sessionId })).toMatchObject({ ok: true, value: { opened: false } });
    expect(await call('cards.status', { sessionId })).toMatchObject({ ok: true, value: { state: 'prepared' } });
    await call('cards.closeForm', { sessionId });
    await call('cards.complete', { accountNo, paymentMethodNo: 999999, billingGroupNo: 1, createNewBillingGroup: false });

    // Plans on Aria's core API (D70): the auth_key travels in the body there; it must not come back either.
    const subs = await call('plans.forAccount', { accountNo });
    const pi = subs.ok ? ((subs.value as { subscriptions: Array<{ planInstanceNo: number }> }).subscriptions[0]?.planInstanceNo ?? 1) : 1;
    await call('plans.offered', { accountNo, planInstanceNo: pi });
    const change = { accountNo, planInstanceNo: pi, newPlanNo: 999999, planUnits: 1, directive: 4 };
    await call('plans.preview', change);
    await call('plans.replace', { ...change, reason: 'canary' });

    // The outbox: offline by choice, a queued comment, its edit and discard.
    expect(await call('outbox.setOffline', { offline: true })).toMatchObject({ ok: true, value: { mode: 'chosen' } });
    expect(await call('comments.add', { accountNo, text: 'queued canary' })).toMatchObject({ ok: true, value: { outcome: 'QUEUED' } });
    expect(await call('outbox.status', {})).toMatchObject({ ok: true, value: { pending: 1 } });
    const queued = await call('outbox.list', { accountNo });
    const id = queued.ok ? (queued.value as { items: Array<{ id: string }> }).items[0]!.id : '';
    await call('outbox.edit', { id, command: { type: 'comment.add', accountNo, text: 'edited canary' } });
    await call('outbox.retry', { id });
    expect(await call('outbox.discard', { id })).toMatchObject({ ok: true, value: { discarded: true } });
    await call('outbox.setOffline', { offline: false });

    // Failures too: their messages must not quote secrets either.
    await call('accounts.get', { accountNo: 987654321 });
    await call('profiles.save', { name: 'Canary', baseUrl: 'not a url', clientNo: 777, userID: 'x', signatureVersion: '2.0', authKey: CANARY_AUTH });
    await call('profiles.delete', { name: 'Canary' });

    // Audit log channels (docs/audit.md).
    expect(await call('audit.list', { text: 'canary', limit: 50 })).toMatchObject({ ok: true });
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('audit.exportCsv', {})).toMatchObject({ ok: true });
    // Supervisor workspace channels (docs/supervision.md).
    expect(await call('supervision.source', {})).toMatchObject({ ok: true, value: { source: 'desk' } });
    const sv = await call('supervision.list', { text: 'canary' });
    expect(sv).toMatchObject({ ok: true });
    await call('supervision.perDay', {});
    expect(await call('supervision.account', { accountNo })).toMatchObject({ ok: true });
    await call('supervision.exportCsv', {});
    const svRow = sv.ok ? (sv.value as { rows: Array<{ entry: { deskId: string; seq: number; hash: string } }> }).rows[0] : undefined;
    if (svRow) await call('supervision.review', { target: { deskId: svRow.entry.deskId, seq: svRow.entry.seq, hash: svRow.entry.hash }, state: 'reviewed', note: 'canary' });
    await call('supervision.feedback', {});
    await call('supervision.acknowledge', { review: { deskId: 'x', seq: 1, hash: 'a'.repeat(64) } });
    // The session and operator channels (passwords are secrets too: none comes back).
    await call('session.status', {});
    await call('session.ping', {});
    expect(await call('operators.add', { id: 'canary.op', displayName: 'Canary Op', role: 'agent', password: 'canary-password-1' })).toMatchObject({ ok: true });
    await call('operators.list', {});
    await call('operators.resetPassword', { id: 'canary.op', password: 'canary-password-2' });
    await call('operators.setDisabled', { id: 'canary.op', disabled: true });
    expect(await call('session.setupFirstAdmin', { id: 'x', displayName: 'X', password: 'canary-password-3' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('localState.moveAside', { file: 'settings' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await call('session.lock', {});
    expect(await call('session.unlock', { password: 'demo-admin-password' })).toMatchObject({ ok: true, value: { failure: null } });
    await call('session.changePassword', { current: 'demo-admin-password', next: 'canary-password-4' });
    await call('session.signOut', {});
    for (const r of responses) expect(r).not.toMatch(/canary-password|demo-admin-password|scrypt\$/);

    expect([...CHANNELS].filter((c) => !called.has(c))).toEqual([]);

    for (const r of responses) {
      expect(r).not.toContain(CANARY_AUTH);
      expect(r).not.toContain(CANARY_SECRET);
    }
    expect(logs.length).toBeGreaterThan(10);
    for (const line of logs) {
      expect(line).not.toContain(CANARY_AUTH);
      expect(line).not.toContain(CANARY_SECRET);
    }
    for (const file of filesUnder(appDir)) {
      const text = readFileSync(file).toString('latin1');
      expect(text, file).not.toContain(CANARY_AUTH);
      expect(text, file).not.toContain(CANARY_SECRET);
    }
  }, 60_000);
});
