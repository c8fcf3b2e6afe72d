// The write pipeline against a real sandbox over real sockets: answers are honest, a write
// confirmed as queued is sent exactly once (after restarts and faults), unknown outcomes are
// settled by reading, rejections park, reasons are their own commands.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AddressInfo } from 'node:net';
import type { AmpsClient } from '../../../main/core/amps/client';
import { openAuditLog } from '../../../main/core/audit/log';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { AGENT, CLIENT, OTHER, client, rig, startOutboxSandbox, startProxy, type FaultProxy, type Rig } from './helpers';

let sb: RunningSandbox;
let proxy: FaultProxy;
let reader: AmpsClient;
let accountNo: number;
let r: Rig | undefined;

beforeAll(async () => {
  sb = await startOutboxSandbox();
  proxy = await startProxy(() => sb.url);
  reader = client(sb.url, 5000);
  const made = await reader.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'OUTBOX-1', currencyCode: 'NOK', accountContact: { fullName: 'Kø Kari' } } });
  accountNo = made.acctCreateAccountResponseDetails!.ariaAccountNo;
});
afterAll(async () => {
  await proxy.close();
  await sb.close();
});
afterEach(() => {
  r?.close();
  r = undefined;
  proxy.mode = 'pass';
  proxy.only = null;
});

async function stored(text: string) {
  const list = (await reader.call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: accountNo } })).acctRetrieveCommentsList ?? [];
  return list.filter((c) => c.acctCommentText === text);
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

describe('write pipeline', () => {
  it('applies a comment online, authored and signed as the operator who made it', async () => {
    r = rig({ A: () => proxy.url });
    const a = await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Ringte om levering, pipeline 1' });
    expect(a.main.outcome).toBe('APPLIED');
    const rows = await stored('Ringte om levering, pipeline 1');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.acctCommentAuthor).toBe('kari.agent');
    const sent = proxy.seen.filter((s) => s.endpoint === 'AcctCaptureComments').at(-1)!;
    expect((sent.body.msgAuthDetails as { userID: string }).userID).toBe('kari.agent');
    expect(r.audit.entries.map((e) => [e.kind, e.outcome, e.action])).toEqual([
      ['intent', null, 'comment.add'],
      ['outcome', 'APPLIED', 'comment.add'],
    ]);
  });

  it('queues offline by choice, survives a restart, and replays as the operator who queued it', async () => {
    r = rig({ A: () => proxy.url });
    r.pipeline.setOffline(true);
    const a = await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Queued while offline 2' });
    expect(a.main.outcome).toBe('QUEUED');
    expect(r.pipeline.status()).toMatchObject({ mode: 'chosen', pending: 1 });
    expect(r.pipeline.list().map((i) => i.operator)).toEqual(['Kari Agent']);
    expect(await stored('Queued while offline 2')).toHaveLength(0);
    // Someone else signs in after a restart; the item is still the first operator's.
    r = r.restart();
    r.operator.current = OTHER;
    expect(r.pipeline.status()).toMatchObject({ mode: 'chosen', pending: 1 });
    r.pipeline.setOffline(false);
    expect(await r.pipeline.idle()).toBe(true);
    const rows = await stored('Queued while offline 2');
    expect(rows.map((c) => c.acctCommentAuthor)).toEqual(['kari.agent']);
    const sent = proxy.seen.filter((s) => s.endpoint === 'AcctCaptureComments').at(-1)!;
    expect((sent.body.msgAuthDetails as { userID: string }).userID).toBe('kari.agent');
    expect(r.pipeline.status()).toMatchObject({ mode: 'online', pending: 0, parked: 0 });
  });

  it('lists a queued item by its operator’s name, or the login name when the directory has none', async () => {
    r = rig({ A: () => proxy.url });
    r.pipeline.setOffline(true);
    r.operator.current = { id: 'per.agent', displayName: '  ', role: 'agent' };
    await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Queued by a nameless operator' });
    r.operator.current = AGENT;
    await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Queued by Kari' });
    expect(r.pipeline.list().map((i) => i.operator)).toEqual(['per.agent', 'Kari Agent']);
    r.pipeline.setOffline(false);
    expect(await r.pipeline.idle()).toBe(true);
  });

  it('goes offline by itself when the port is closed, queues, and replays once AMPS is back', async () => {
    const port = await closedPort();
    let url = `http://127.0.0.1:${port}`;
    r = rig({ A: () => url });
    const a = await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Port closed 3' });
    expect(a.main.outcome).toBe('QUEUED');
    expect(r.pipeline.status().mode).toBe('offline');
    const b = await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Port closed 3b' });
    expect(b.main.outcome).toBe('QUEUED');
    url = proxy.url; // the network is back
    await new Promise((res) => setTimeout(res, 500));
    expect(await r.pipeline.idle()).toBe(true);
    expect(await stored('Port closed 3')).toHaveLength(1);
    expect(await stored('Port closed 3b')).toHaveLength(1);
    expect(r.pipeline.status()).toMatchObject({ mode: 'online', pending: 0 });
  });

  it('queues when the sandbox is stopped, and replays to the restarted sandbox', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'outbox-stopped-')), 'sandbox.sqlite');
    const own = await startOutboxSandbox(dbFile);
    const c = client(own.url, 5000);
    const made = await c.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'STOPPED-1', currencyCode: 'NOK', accountContact: { fullName: 'Stopp Sara' } } });
    const no = made.acctCreateAccountResponseDetails!.ariaAccountNo;
    const port = own.port;
    await own.close();
    r = rig({ A: () => `http://127.0.0.1:${port}` });
    expect((await r.pipeline.submit({ type: 'comment.add', accountNo: no, text: 'While stopped 4' })).main.outcome).toBe('QUEUED');
    expect(r.pipeline.status()).toMatchObject({ mode: 'offline', pending: 1 });
    // The sandbox comes back on the same port with the same database; replay finds it.
    const again = await startSandbox({ dbFile, port, clients: [CLIENT] });
    try {
      expect(await r.pipeline.idle(20_000)).toBe(true);
      const db = new DatabaseSync(dbFile, { readOnly: true });
      const rows = db.prepare('SELECT author, text FROM comments WHERE account_no = ?').all(no);
      db.close();
      expect(rows).toEqual([{ author: 'kari.agent', text: 'While stopped 4' }]);
      expect(r.pipeline.status()).toMatchObject({ mode: 'online', pending: 0 });
    } finally {
      await again.close();
    }
  });

  for (const [mode, what] of [
    ['delay', 'the answer is delayed past the timeout'],
    ['reset', 'the connection is reset after the request was read'],
    ['http502', 'a 5xx comes after the request was read'],
    ['garbage', 'HTTP 200 comes with an unreadable body'],
  ] as const) {
    it(`settles by reading when ${what}: applied exactly once, never reported failed`, async () => {
      r = rig({ A: () => proxy.url });
      proxy.mode = mode;
      const text = `Settle ${mode} 5`;
      const a = await r.pipeline.submit({ type: 'comment.add', accountNo, text });
      proxy.mode = 'pass';
      expect(a.main.outcome).toBe('APPLIED');
      expect(await r.pipeline.idle()).toBe(true);
      expect(await stored(text)).toHaveLength(1);
      expect(r.audit.entries.map((e) => e.outcome)).toEqual([null, 'UNKNOWN', 'APPLIED']);
      expect(r.audit.entries[2]!.detail).toEqual({ settledByReading: true });
    });
  }

  it('settles a billing-group add after a reset by finding the new group, without adding it twice', async () => {
    r = rig({ A: () => proxy.url });
    const before = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    const groupNos = before.acctRetrieveBillingGroupList.map((g) => g.ariaBillingGroupNo);
    proxy.mode = 'reset';
    const a = await r.pipeline.submit({
      type: 'billingGroup.add',
      accountNo,
      group: { billingGroupName: 'Reset-gruppe', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Kø Kari' } },
      before: { groupNos },
    });
    proxy.mode = 'pass';
    expect(a.main).toMatchObject({ outcome: 'APPLIED', result: { group: { billingGroupName: 'Reset-gruppe' } } });
    const after = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    expect(after.acctRetrieveBillingGroupList.filter((g) => g.billingGroupName === 'Reset-gruppe')).toHaveLength(1);
  });

  it('answers REJECTED with the fields to an operator at the form, and leaves nothing waiting', async () => {
    r = rig({ A: () => proxy.url });
    const a = await r.pipeline.submit({ type: 'billingGroup.modify', accountNo, group: { ariaBillingGroupNo: 999_999, billingGroupName: 'Nope' } });
    expect(a.main).toMatchObject({ outcome: 'REJECTED' });
    expect(a.main.outcome === 'REJECTED' && a.main.fields[0]!.path).toMatch(/ariaBillingGroupNo$/);
    expect(r.pipeline.status()).toMatchObject({ pending: 0, parked: 0 });
  });

  it('parks a rejection found in replay; later items of the account wait; discard lets them go', async () => {
    r = rig({ A: () => proxy.url });
    r.pipeline.setOffline(true);
    const bad = await r.pipeline.submit({ type: 'billingGroup.modify', accountNo, group: { ariaBillingGroupNo: 999_998, billingGroupName: 'Nope' } });
    await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Behind the parked one 6' });
    r.pipeline.setOffline(false);
    await r.pipeline.idle();
    const items = r.pipeline.list(accountNo);
    expect(items.map((i) => [i.type, i.state])).toEqual([
      ['billingGroup.modify', 'parked'],
      ['comment.add', 'pending'],
    ]);
    expect(items[0]!.problem).toMatchObject({ kind: 'rejected' });
    expect(await stored('Behind the parked one 6')).toHaveLength(0);
    // A new write of that account is queued at once, behind the parked one.
    expect((await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Behind 6b' })).main.outcome).toBe('QUEUED');
    r.pipeline.discard(bad.main.requestId);
    await r.pipeline.idle();
    expect(await stored('Behind the parked one 6')).toHaveLength(1);
    expect(await stored('Behind 6b')).toHaveLength(1);
    expect(r.audit.entries.filter((e) => e.requestId === bad.main.requestId).map((e) => e.outcome)).toEqual([null, 'QUEUED', 'PARKED', 'DISCARDED']);
  });

  it('lets a person edit a parked item and send it', async () => {
    r = rig({ A: () => proxy.url });
    r.pipeline.setOffline(true);
    const groups = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    const g = groups.acctRetrieveBillingGroupList[0]!;
    const bad = await r.pipeline.submit({ type: 'billingGroup.modify', accountNo, group: { ariaBillingGroupNo: 999_997, billingGroupName: 'Rettet navn' } });
    r.pipeline.setOffline(false);
    await r.pipeline.idle();
    r.pipeline.edit(bad.main.requestId, { type: 'billingGroup.modify', accountNo, group: { ariaBillingGroupNo: g.ariaBillingGroupNo, billingGroupName: 'Rettet navn' } });
    await r.pipeline.idle();
    const now = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    expect(now.acctRetrieveBillingGroupList.find((x) => x.ariaBillingGroupNo === g.ariaBillingGroupNo)!.billingGroupName).toBe('Rettet navn');
    expect(r.pipeline.list()).toEqual([]);
  });

  it('records the reason as its own comment in the operator’s language, before → after in words', async () => {
    r = rig({ A: () => proxy.url });
    const groups = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    const g = groups.acctRetrieveBillingGroupList[0]!;
    const a = await r.pipeline.submit({
      type: 'billingGroup.modify',
      accountNo,
      group: { ariaBillingGroupNo: g.ariaBillingGroupNo, billingGroupName: 'Ny giro', notifyMethod: 'XML' },
      before: { billingGroupName: g.billingGroupName ?? null },
      // A code goes with the words the agent confirmed: the comment says the words.
      changes: [
        { path: 'billingGroupName', before: 'Rettet navn', after: 'Ny giro' },
        { path: 'notifyMethod', before: 'PDF', after: 'XML', words: { before: 'E-post med PDF', after: 'Papir (XML til trykk)' } },
      ],
      reason: 'Kunden ba om det',
      lang: 'nb',
    });
    expect(a.main.outcome).toBe('APPLIED');
    expect(a.reason?.outcome).toBe('APPLIED');
    expect(
      await stored('Faktureringsgruppe endret (Ny giro): navn: Rettet navn → Ny giro; levering av utskrift: E-post med PDF → Papir (XML til trykk). Begrunnelse: Kunden ba om det'),
    ).toHaveLength(1);
  });

  it('says the reason was not recorded when AMPS refuses the reason comment; the change stands', async () => {
    r = rig({ A: () => proxy.url });
    proxy.mode = 'refuse-capture';
    proxy.only = new Set(['AcctCaptureComments']);
    const groups = (await reader.call('AcctRetrieveBillingGroup', { acctRetrieveBillingGroupCriteria: { ariaAccountNo: accountNo } })).acctRetrieveBillingGroupResponseDetails!;
    const g = groups.acctRetrieveBillingGroupList[0]!;
    const a = await r.pipeline.submit({
      type: 'billingGroup.modify',
      accountNo,
      group: { ariaBillingGroupNo: g.ariaBillingGroupNo, billingGroupDesc: 'Endret med begrunnelse' },
      reason: 'because',
      lang: 'en',
    });
    expect(a.main.outcome).toBe('APPLIED');
    expect(a.reason?.outcome).toBe('REJECTED');
  });

  it('sends each item with its own profile, even while another profile is active', async () => {
    const other = await startOutboxSandbox();
    const c = client(other.url, 5000);
    const made = await c.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: 'PROFILE-B', currencyCode: 'NOK', accountContact: { fullName: 'Profil Per' } } });
    const noB = made.acctCreateAccountResponseDetails!.ariaAccountNo;
    r = rig({ A: () => proxy.url, B: () => other.url });
    r.pipeline.setOffline(true);
    await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'For profile A only 7' });
    r.profile.current = 'B';
    expect(r.pipeline.status()).toMatchObject({ pending: 0, otherProfiles: 1, profile: 'B' });
    await r.pipeline.submit({ type: 'comment.add', accountNo: noB, text: 'For profile B only 7' });
    r.pipeline.setOffline(false);
    await r.pipeline.idle();
    expect(await stored('For profile A only 7')).toHaveLength(1);
    const inB = (await c.call('AcctRetrieveComments', { AcctRetrieveCommentsCriteria: { ariaAccountNo: noB } })).acctRetrieveCommentsList ?? [];
    expect(inB.map((x) => x.acctCommentText)).toEqual(['For profile B only 7']);
    await other.close();
  });

  it('parks an item whose profile was deleted instead of sending it elsewhere', async () => {
    const urls: Record<string, () => string> = { A: () => proxy.url, Gone: () => proxy.url };
    r = rig(urls);
    r.profile.current = 'Gone';
    r.pipeline.setOffline(true);
    await r.pipeline.submit({ type: 'comment.add', accountNo, text: 'Profile deleted 8' });
    delete urls.Gone;
    r.pipeline.setOffline(false);
    await r.pipeline.idle();
    expect(r.pipeline.list()[0]).toMatchObject({ state: 'parked', problem: { kind: 'profileMissing' } });
    expect(await stored('Profile deleted 8')).toHaveLength(0);
  });

  it('refuses a write with nobody signed in, and stores nothing', async () => {
    r = rig({ A: () => proxy.url });
    r.operator.current = null;
    await expect(r.pipeline.submit({ type: 'comment.add', accountNo, text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(r.pipeline.list()).toEqual([]);
    expect(AGENT.id).toBe('kari.agent');
  });

  it('refuses a card number that got past the form as a bad field, not as a full disk; nothing is stored or sent (D95)', async () => {
    // The desk's own audit log (the in-memory one of the rig checks nothing).
    const audit = openAuditLog({ dataDir: mkdtempSync(join(tmpdir(), 'outbox-audit-')), secrets: new MemorySecretStore() });
    r = rig({ A: () => proxy.url }, { audit });
    const before = proxy.seen.length;
    const text = 'Kortet er 4111111111111111, pipeline 2';
    await expect(r.pipeline.submit({ type: 'comment.add', accountNo, text })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('card number'),
    });
    expect(r.pipeline.list()).toEqual([]);
    expect(proxy.seen.length).toBe(before);
    expect(await stored(text)).toEqual([]);
    expect(audit.lastSeq()).toBe(0);
    audit.close();
  });
});
