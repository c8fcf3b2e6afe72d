// Plan replacement end to end in main (D70–D72): the router's plan channels → the write
// pipeline → the core API client → the embedded sandbox's database, read back straight from
// the sandbox's SQLite file (not through the code under test). The preview changes nothing and
// writes no audit entry; the change is stored with its invoice; one audit intent carries the
// previewed effects; an answer lost after the change was made is settled by reading.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import type { CallContext } from '../../main/core/router';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import { inProcessSandbox } from '../../main/web-host/embeddedSandbox';
import { startSandbox } from '../../main/sandbox/index';
import { type CoreClient } from '../../main/core/amps/coreClient';
import { type CORE_MESSAGES } from '../../shared/amps/core';
import type { ChannelOutput, Envelope } from '../../shared/ipc';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };
const dir = mkdtempSync(join(tmpdir(), 'plans-it-'));
const dbFile = join(dir, 'sandbox.sqlite');
const sandbox = inProcessSandbox({ dbFile, accounts: 60, seed: 5 });
let core: Core;

type Subs = ChannelOutput<'plans.forAccount'>['subscriptions'];

async function call<T = unknown>(channel: string, input: unknown): Promise<Envelope<T>> {
  return (await core.router.call(channel, input, ctx)) as Envelope<T>;
}
function value<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
  return res.value;
}
/** The sandbox's own rows, read from its file: the oracle. */
function db() {
  return new DatabaseSync(dbFile, { readOnly: true });
}
function instanceRow(mpiNo: number) {
  const d = db();
  try {
    return d.prepare('SELECT core_plan_no, core_units, core_schedule_no FROM plan_instances WHERE mpi_no = ?').get(mpiNo) as
      | { core_plan_no: number | null; core_units: number | null; core_schedule_no: number | null }
      | undefined;
  } finally {
    d.close();
  }
}
function snapshot(accountNo: number): string {
  const d = db();
  try {
    const rows = [
      d.prepare('SELECT * FROM plan_instances WHERE account_no = ? ORDER BY mpi_no').all(accountNo),
      d.prepare('SELECT * FROM core_plan_queue WHERE account_no = ? ORDER BY queue_no').all(accountNo),
      d.prepare('SELECT * FROM core_plan_history WHERE account_no = ? ORDER BY id').all(accountNo),
      d.prepare('SELECT * FROM invoices WHERE account_no = ? ORDER BY invoice_no').all(accountNo),
      d.prepare('SELECT count(*) AS n FROM core_invoice_lines').all(),
    ];
    return JSON.stringify(rows);
  } finally {
    d.close();
  }
}

/** Accounts of the seeded sandbox with a print master subscription on a title that offers "Digital". */
type Call = <T>(channel: string, input: unknown) => Promise<Envelope<T>>;
/**
 * Accounts with an active monthly paper subscription (print or weekend) of one unit, on a title
 * that offers "Digital". Set-up only: the sandbox's file names candidate accounts, the channel
 * says which fit.
 */
async function printSubscriptions(via: Call = call, want = 4, file = dbFile): Promise<{ accountNo: number; sub: Subs[number] }[]> {
  const d = new DatabaseSync(file, { readOnly: true });
  const accounts = (
    d.prepare("SELECT DISTINCT account_no FROM plan_instances WHERE plan_name IN ('Papir 7 dager', 'Helg (fre-lør)', 'Lørdag') AND status = 'ACTIVE' ORDER BY account_no LIMIT 60").all() as { account_no: number }[]
  ).map((r) => r.account_no);
  d.close();
  const out: { accountNo: number; sub: Subs[number] }[] = [];
  for (const accountNo of accounts) {
    const subs = value(await via<{ subscriptions: Subs }>('plans.forAccount', { accountNo })).subscriptions;
    const sub = subs.find((s) => (s.kind === 'print' || s.kind === 'weekend') && !s.supplemental && s.statusCode === 1 && s.units === 1 && s.billingIntervalMonths === 1 && !s.queued.length);
    if (sub) out.push({ accountNo, sub });
    if (out.length >= want) break;
  }
  return out;
}

async function digitalOf(accountNo: number, sub: Subs[number]) {
  const offered = value(await call<ChannelOutput<'plans.offered'>>('plans.offered', { accountNo, planInstanceNo: sub.planInstanceNo }));
  const digital = offered.plans.find((p) => p.name === 'Digital');
  if (!digital) throw new Error(`${sub.titleName} offers no Digital plan`);
  return { offered, digital };
}

let candidates: { accountNo: number; sub: Subs[number] }[] = [];

beforeAll(async () => {
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  core = createCore({ dataDir: dir, secrets, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT, sandbox, outbox: { answerWaitMs: 8000, backoff: { baseMs: 50, maxMs: 400 } } });
  await core.ready();
  await signInAs((c, i) => call(c, i), 'agent');
  await core.connection.client(); // starts the embedded sandbox (and seeds its file)
  candidates = await printSubscriptions();
  expect(candidates.length).toBeGreaterThanOrEqual(3);
}, 120_000);
afterAll(async () => {
  core?.close();
  await sandbox.close();
});

describe('plans through the router, the pipeline and the core API', () => {
  it('lists only what the subscription’s title offers, at the same level (master for master)', async () => {
    const { accountNo, sub } = candidates[0]!;
    const { offered } = await digitalOf(accountNo, sub);
    expect(offered.plans.length).toBeGreaterThan(1);
    expect(offered.plans.every((p) => p.titleCode === sub.titleCode && p.supplemental === false)).toBe(true);
    // The catalogue in the sandbox's file: the same title's master plans without a promotion code.
    const d = db();
    const expected = (d.prepare('SELECT plan_no FROM core_plans WHERE title_code = ? AND supp = 0 AND promo_cd IS NULL ORDER BY plan_no').all(sub.titleCode) as { plan_no: number }[]).map((r) => r.plan_no);
    d.close();
    expect(offered.plans.map((p) => p.planNo).sort((a, b) => a - b)).toEqual(expected);
    expect(offered.plans.filter((p) => p.current).map((p) => p.planNo)).toEqual([sub.planNo]);
  });

  it('previews with do_write=false: real proration, the database unchanged, no audit entry', async () => {
    const { accountNo, sub } = candidates[0]!;
    const { digital } = await digitalOf(accountNo, sub);
    const before = snapshot(accountNo);
    const auditBefore = core.audit.count({});
    const preview = value(
      await call<ChannelOutput<'plans.preview'>>('plans.preview', { accountNo, planInstanceNo: sub.planInstanceNo, newPlanNo: digital.planNo, planUnits: 1, directive: 4 }),
    );
    expect(snapshot(accountNo)).toBe(before);
    expect(core.audit.count({})).toBe(auditBefore);
    const e = preview.effects;
    expect(e.plan).toBe('Digital');
    expect(e.scheduled).toBe(false);
    expect(e.effectiveDate).toBe(new Date().toISOString().slice(0, 10));
    // Both prorated over the same remaining part of the period: charge/credit = new rate/old rate.
    const newRate = digital.schedules.find((s) => s.isDefault)!.ratePerUnit;
    expect(e.credits).toBeGreaterThan(0);
    expect(e.charges).toBeGreaterThan(0);
    expect(e.charges / e.credits).toBeCloseTo(newRate / sub.ratePerUnit, 1);
    expect(e.credits).toBeLessThanOrEqual(sub.ratePerUnit);
    expect(e.net).toBeCloseTo(e.charges - e.credits, 2);
    expect(e.nextInvoiceDate).toBe(sub.nextBillDate);
    expect(e.nextInvoiceAmount).toBe(newRate);
  });

  it('commits with do_write=true: the instance is on Digital and an invoice is stored; one intent carries the preview', async () => {
    const { accountNo, sub } = candidates[1]!;
    const { digital } = await digitalOf(accountNo, sub);
    const change = { accountNo, planInstanceNo: sub.planInstanceNo, newPlanNo: digital.planNo, planUnits: 1, directive: 4 };
    const preview = value(await call<ChannelOutput<'plans.preview'>>('plans.preview', change));
    const auditBefore = core.audit.count({});
    const answer = value(
      await call<ChannelOutput<'plans.replace'>>('plans.replace', {
        ...change,
        before: { plan: sub.planName, planNo: sub.planNo, units: sub.units },
        preview: preview.effects,
        changes: [{ path: 'plan', before: sub.planName, after: 'Digital' }],
      }),
    );
    expect(answer).toMatchObject({ outcome: 'APPLIED', planNo: digital.planNo, units: 1, scheduled: false });
    expect(answer.invoiceNo).toEqual(expect.any(Number));
    expect(instanceRow(sub.planInstanceNo)).toMatchObject({ core_plan_no: digital.planNo, core_units: 1 });
    const d = db();
    const lines = d.prepare('SELECT line_type, amount_ore FROM core_invoice_lines WHERE invoice_no = ? ORDER BY line_no').all(answer.invoiceNo) as { line_type: string; amount_ore: number }[];
    d.close();
    expect(lines.map((l) => l.line_type).sort()).toEqual(['charge', 'credit']);
    expect(lines.find((l) => l.line_type === 'charge')!.amount_ore).toBe(Math.round(preview.effects.charges * 100));
    // Read back through the channel too: the subscription shows the new plan.
    const subs = value(await call<{ subscriptions: Subs }>('plans.forAccount', { accountNo })).subscriptions;
    expect(subs.find((s) => s.planInstanceNo === sub.planInstanceNo)).toMatchObject({ planName: 'Digital', planNo: digital.planNo });
    // The audit: intent (before = the subscription, after = the previewed effects) and outcome; nothing for the preview.
    const entries = core.audit.list({ accountNo, order: 'asc', limit: 10 }).filter((x) => x.seq > auditBefore);
    expect(entries.map((x) => [x.kind, x.action, x.outcome])).toEqual([
      ['intent', 'plan.replace', null],
      ['outcome', 'plan.replace', 'APPLIED'],
    ]);
    expect(entries[0]!.before).toEqual({ plan: sub.planName, planNo: sub.planNo, units: 1 });
    expect(entries[0]!.after).toMatchObject({ plan: 'Digital', units: 1, charges: preview.effects.charges, credits: preview.effects.credits, effectiveDate: preview.effects.effectiveDate, asked: { newPlanNo: digital.planNo, directive: 4 } });
  });

  it('refuses on the field: a plan the title does not offer, a forbidden directive, a date before the period, units ≤ 0', async () => {
    const { accountNo, sub } = candidates[2]!;
    const { digital } = await digitalOf(accountNo, sub);
    const before = snapshot(accountNo);
    const base = { accountNo, planInstanceNo: sub.planInstanceNo, newPlanNo: digital.planNo, planUnits: 1, directive: 4 };
    // A plan of another title.
    const d = db();
    const other = d.prepare('SELECT plan_no FROM core_plans WHERE title_code <> ? AND supp = 0 LIMIT 1').get(sub.titleCode) as { plan_no: number };
    const supp = d.prepare('SELECT plan_no FROM core_plans WHERE title_code = ? AND supp = 1 LIMIT 1').get(sub.titleCode) as { plan_no: number } | undefined;
    d.close();
    const notOffered = await call('plans.preview', { ...base, newPlanNo: other.plan_no });
    expect(notOffered).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', resultCode: 25001, fields: [{ path: 'new_plan_no' }] } });
    if (supp) {
      const masterToSupp = await call('plans.preview', { ...base, newPlanNo: supp.plan_no });
      expect(masterToSupp).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', resultCode: 25001 } });
    }
    const early = await call('plans.preview', { ...base, directive: 9, effectiveDate: '2020-01-01' });
    expect(early).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', resultCode: 25003, fields: [{ path: 'effective_date' }] } });
    // Units ≤ 0 and an unknown directive: main refuses them on the field before anything is sent.
    expect(await call('plans.preview', { ...base, planUnits: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'planUnits' }] } });
    expect(await call('plans.preview', { ...base, directive: 12 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'directive' }] } });
    // The same refusals straight from the sandbox (the core client, bypassing main's checks).
    const coreClient = (await core.connection.coreClient()) as CoreClient<typeof CORE_MESSAGES>;
    await expect(coreClient.call('replace_acct_plan_m', { acct_no: accountNo, plan_instance_no: sub.planInstanceNo, new_plan_no: digital.planNo, plan_units: -1, do_write: 'false' }, { write: false })).rejects.toMatchObject({
      code: 'REJECTED',
      fields: [{ path: 'plan_units' }],
    });
    // A refused change through the pipeline: rejected at the form, nothing half-done.
    const refused = await call('plans.replace', { ...base, newPlanNo: other.plan_no });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'new_plan_no' }] } });
    expect(snapshot(accountNo)).toBe(before);
  });

  it('a change at the next renewal is queued on the instance and reads back as scheduled', async () => {
    const { accountNo, sub } = candidates[3] ?? candidates[2]!;
    const { digital } = await digitalOf(accountNo, sub);
    const change = { accountNo, planInstanceNo: sub.planInstanceNo, newPlanNo: digital.planNo, planUnits: 1, directive: 1 };
    const preview = value(await call<ChannelOutput<'plans.preview'>>('plans.preview', change));
    expect(preview.effects).toMatchObject({ scheduled: true, charges: 0, credits: 0, effectiveDate: sub.nextBillDate });
    const answer = value(await call<ChannelOutput<'plans.replace'>>('plans.replace', { ...change, before: { plan: sub.planName, planNo: sub.planNo, units: 1 }, preview: preview.effects }));
    expect(answer).toMatchObject({ outcome: 'APPLIED', scheduled: true, invoiceNo: null });
    const subs = value(await call<{ subscriptions: Subs }>('plans.forAccount', { accountNo })).subscriptions;
    const now = subs.find((s) => s.planInstanceNo === sub.planInstanceNo)!;
    expect(now.planNo).toBe(sub.planNo);
    expect(now.queued).toEqual([expect.objectContaining({ planNo: digital.planNo, planName: 'Digital', effectiveDate: sub.nextBillDate })]);
  });
});

describe('settling a plan change whose answer was lost', () => {
  // A sandbox of its own with known credentials, behind a proxy that drops the answer to a
  // do_write=true after the sandbox has read (and stored) it.
  const CLIENT = { clientNo: 6161, authKey: 'plans-settle-auth', signingSecret: 'plans-settle-secret' };
  const dir2 = mkdtempSync(join(tmpdir(), 'plans-settle-'));
  const db2File = join(dir2, 'sandbox.sqlite');
  let sb: Awaited<ReturnType<typeof startSandbox>>;
  let proxy: Server;
  let mode: 'pass' | 'drop' = 'pass';
  let second: Core;
  const call2 = async <T,>(channel: string, input: unknown) => (await second.router.call(channel, input, ctx)) as Envelope<T>;

  beforeAll(async () => {
    sb = await startSandbox({ dbFile: db2File, accounts: 40, seed: 9, clients: [CLIENT] });
    proxy = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void (async () => {
          const r = await fetch(`${sb.url}${req.url}`, { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body });
          const text = await r.text();
          if (mode === 'drop' && req.url === '/v1/core' && body.includes('"do_write":"true"')) return req.socket.destroy();
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(text);
        })();
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const secrets = new EncryptedFileSecretStore(join(dir2, 'secrets.json'), loadOrCreateKeyFile(join(dir2, 'secret.key')));
    second = createCore({ dataDir: dir2, secrets, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT, timeoutMs: 3000, outbox: { answerWaitMs: 10_000, backoff: { baseMs: 50, maxMs: 400 } } });
    await second.ready();
    await signInAs((c, i) => call2(c, i), 'admin');
    expect(await call2('profiles.save', { name: 'Proxy', baseUrl: url, clientNo: CLIENT.clientNo, userID: 'it', signatureVersion: '2.0', authKey: CLIENT.authKey, signingSecret: CLIENT.signingSecret })).toMatchObject({ ok: true });
    expect(await call2('profiles.activate', { name: 'Proxy' })).toMatchObject({ ok: true });
  }, 60_000);
  afterAll(async () => {
    second?.close();
    await new Promise<void>((r) => proxy.close(() => r()));
    await sb.close();
  });

  it('the instance on the new plan = applied (settled by reading), stored once, never reported as failed', async () => {
    const { accountNo, sub } = (await printSubscriptions(call2, 1, db2File))[0]!;
    const offered = value(await call2<ChannelOutput<'plans.offered'>>('plans.offered', { accountNo, planInstanceNo: sub.planInstanceNo }));
    const target = offered.plans.find((p) => p.name === 'Digital')!;
    mode = 'drop';
    const answer = value(
      await call2<ChannelOutput<'plans.replace'>>('plans.replace', {
        accountNo,
        planInstanceNo: sub.planInstanceNo,
        newPlanNo: target.planNo,
        planUnits: 1,
        directive: 4,
        before: { plan: sub.planName, planNo: sub.planNo, units: sub.units },
      }),
    );
    mode = 'pass';
    expect(answer.outcome).toBe('APPLIED');
    const d = new DatabaseSync(db2File, { readOnly: true });
    const row = d.prepare('SELECT core_plan_no FROM plan_instances WHERE mpi_no = ?').get(sub.planInstanceNo) as { core_plan_no: number };
    const history = d.prepare('SELECT count(*) AS n FROM core_plan_history WHERE mpi_no = ? AND new_plan_no = ?').get(sub.planInstanceNo, target.planNo) as { n: number };
    d.close();
    expect(row.core_plan_no).toBe(target.planNo);
    expect(history.n).toBe(1);
    const entries = second.audit.list({ accountNo, order: 'asc', limit: 20 });
    expect(entries.map((e) => [e.kind, e.outcome])).toEqual([
      ['intent', null],
      ['outcome', 'UNKNOWN'],
      ['outcome', 'APPLIED'],
    ]);
    expect(entries[2]!.detail).toEqual({ settledByReading: true });
  });

  it('still the old plan after a lost answer that never reached the sandbox = not applied: sent again, once', async () => {
    const { accountNo, sub } = (await printSubscriptions(call2, 2, db2File))[1]!;
    const offered = value(await call2<ChannelOutput<'plans.offered'>>('plans.offered', { accountNo, planInstanceNo: sub.planInstanceNo }));
    const target = offered.plans.find((p) => p.name === 'Digital')!;
    // Settle directly: the row as the pipeline would hold it after a crash mid-send.
    const { settlePlan } = await import('../../main/core/outbox/settle');
    const cmd = { type: 'plan.replace' as const, accountNo, planInstanceNo: sub.planInstanceNo, newPlanNo: target.planNo, planUnits: 1, directive: 4, before: { plan: sub.planName, planNo: sub.planNo, units: 1 } };
    const c = (await second.connection.coreClient()) as CoreClient<typeof CORE_MESSAGES>;
    const read = async () => (await c.call('get_acct_plans_all_m', { acct_no: accountNo }, { write: false })).all_acct_plans_m ?? [];
    expect(settlePlan(cmd, await read())).toEqual({ kind: 'notApplied' });
    expect(settlePlan({ ...cmd, before: { ...cmd.before, planNo: 999 } }, await read())).toMatchObject({ kind: 'undecided' });
  });
});
