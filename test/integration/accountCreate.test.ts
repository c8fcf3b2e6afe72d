// New accounts (issue 10 item 2) through the real router: accounts.create → the write
// pipeline → the signed client → the sandbox's database, read back with SQL of its own; an
// unknown outcome settled by the client account ID (found / not found / not ours); and the
// duplicate check against seeded customers whose data was looked up with SQL (seed 10).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/app';
import type { CallContext } from '../../main/core/router';
import { EncryptedFileSecretStore, loadOrCreateKeyFile } from '../../main/core/secrets/encryptedFileStore';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index';
import { signInAs, TEST_SCRYPT } from '../helpers/operators';

const CLIENT = { clientNo: 1010, authKey: 'create-auth-key', signingSecret: 'create-signing-secret' };
const ctx: CallContext = { transport: 'test', trustedSender: true };

/** In front of the sandbox: passes, or for AcctCreateAccount drops the request unread / cuts the answer after the sandbox applied it. */
type Mode = 'pass' | 'drop' | 'cutAfter';
interface Proxy {
  url: string;
  mode: Mode;
  creates: number;
  close(): Promise<void>;
}
async function startProxy(target: string): Promise<Proxy> {
  const p: Proxy = { url: '', mode: 'pass', creates: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const isCreate = req.url!.endsWith('/AcctCreateAccount');
        if (isCreate) p.creates++;
        const mode = isCreate ? p.mode : 'pass';
        if (isCreate && p.mode !== 'pass') p.mode = 'pass'; // one fault, then the line is good again
        if (mode === 'drop') {
          req.socket.destroy(); // read, never forwarded: the client cannot tell
          return;
        }
        const up = await fetch(`${target}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await up.text();
        if (mode === 'cutAfter') {
          req.socket.destroy(); // applied by the sandbox; the answer is lost
          return;
        }
        res.writeHead(up.status, { 'content-type': 'application/json' });
        res.end(text);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  p.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p.close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return p;
}

let sb: RunningSandbox;
let proxy: Proxy;
let core: Core;
let db: DatabaseSync;
const call = (channel: string, input: unknown) => core.router.call(channel, input, ctx) as Promise<{ ok: boolean; value?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'create-'));
  const dbFile = join(dir, 'sandbox.sqlite');
  sb = await startSandbox({ dbFile, accounts: 40, seed: 10, clients: [CLIENT] });
  db = new DatabaseSync(dbFile, { readOnly: true });
  proxy = await startProxy(sb.url);
  const app = join(dir, 'app');
  const secrets = new EncryptedFileSecretStore(join(dir, 'secrets.json'), loadOrCreateKeyFile(join(dir, 'secret.key')));
  core = createCore({
    dataDir: app, secrets, transport: 'web', version: 'test', checkOutputs: true, demoOperators: true, scrypt: TEST_SCRYPT, timeoutMs: 2000,
    outbox: { answerWaitMs: 8000, backoff: { baseMs: 50, maxMs: 400 } },
  });
  await signInAs(call, 'admin');
  expect(await call('profiles.save', { name: 'Test', baseUrl: proxy.url, userID: 'desk', signatureVersion: '2.0', ...CLIENT })).toMatchObject({ ok: true });
  expect(await call('profiles.activate', { name: 'Test' })).toMatchObject({ ok: true });
  await signInAs(call, 'agent');
}, 60_000);
afterAll(async () => {
  core?.close();
  db?.close();
  await proxy?.close();
  await sb?.close();
});
afterEach(() => {
  proxy.mode = 'pass';
});

const accountRow = (id: string) => db.prepare('SELECT * FROM accounts WHERE account_id = ?').all(id) as Record<string, unknown>[];

/** Every AcctCreateAccount field, as an agent would fill them in. */
const FULL = {
  ariaAccountID: 'CRM-100200',
  currencyCode: 'NOK',
  localeCode: 'NO-NYNORSK',
  languageCode: 'NO',
  userID: 'ingrid.fjell',
  notifyMethod: 'HTML',
  accountContact: {
    firstName: 'Ingrid',
    middleInitials: 'K',
    lastName: 'Fjell',
    fullName: 'Ingrid K Fjell',
    addressLine1: 'Storgata 5',
    addressLine2: 'Oppgang B',
    countryCode: 'NO',
    postalCode: '0155',
    postalCity: '',
    streetName: 'Storgata',
    streetNo: '5',
    flatNo: 'H0201',
    flatSpec: 'venstre',
    flatFloor: '2',
    entranceNo: 'B',
    cellPhone: '912 34 567',
    homePhone: '0047 22 11 22 33',
    workPhone: '+47 23 45 67 89',
    emailAddress: 'ingrid.fjell@example.no',
    birthDate: '1980-02-29',
  },
  ownerTitleCode: 'RB',
  customerType: 'CONSUMER',
  acctBillDay: '15',
  channelCode: 'CSR',
  reservationCode: 'NO-TELEMARKETING',
  reservationCodeDate: '2026-11-30',
  sourceCode: 'PHONE',
  consentCode: 'NEWSLETTER',
  consentCodeDate: '2026-11-29',
  taxpayerID: 'NO987654321',
  taxpayerExemptionLevel: 'NONE',
  acctCreateAccountPayOptionInfo: { payOptionID: 'BANKGIRO', payOptionVariant: 'EPOST' },
};

describe('accounts.create', () => {
  it('stores every field of AcctCreateAccount, and the new account reads back whole', async () => {
    const res = await call('accounts.create', { account: FULL, lang: 'nb' });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED', ariaAccountID: 'CRM-100200', userID: 'ingrid.fjell' } });
    const accountNo = res.value.accountNo as number;
    expect(accountNo).toBeGreaterThan(42000040);

    const [a] = accountRow('CRM-100200');
    expect(a).toMatchObject({
      account_no: accountNo, user_id: 'ingrid.fjell', status: 1, currency: 'NOK', locale: 'NO-NYNORSK', language: 'NO', notify_method: 'HTML',
      owner_title_code: 'RB', customer_type: 'CONSUMER', channel_code: 'CSR', reservation_code: 'NO-TELEMARKETING', reservation_code_date: '2026-11-30',
      source_code: 'PHONE', consent_code: 'NEWSLETTER', consent_code_date: '2026-11-29', taxpayer_id: 'NO987654321', tax_exemption: 'NONE',
      bill_day: 15, request_source: 'CSR',
    });
    const c = db.prepare('SELECT * FROM contacts WHERE contact_no = ?').get(a!.contact_no as number);
    expect(c).toMatchObject({
      account_no: accountNo, first_name: 'Ingrid', middle_initials: 'K', last_name: 'Fjell', full_name: 'Ingrid K Fjell',
      address_line1: 'Storgata 5', address_line2: 'Oppgang B', country_code: 'NO', postal_code: '0155',
      postal_city: 'OSLO', // filled in from Posten's register
      street_name: 'Storgata', street_no: '5', flat_no: 'H0201', flat_spec: 'venstre', flat_floor: '2', entrance_no: 'B',
      cell_phone: '+4791234567', home_phone: '+4722112233', work_phone: '+4723456789', // E.164
      email: 'ingrid.fjell@example.no', birth_date: '1980-02-29',
    });
    const g = db.prepare('SELECT * FROM billing_groups WHERE account_no = ?').all(accountNo);
    expect(g).toMatchObject([{ name: 'Default', notify_method: 'HTML', pay_option_id: 'BANKGIRO', pay_option_variant: 'EPOST', payment_terms: 'BANKGIRO', stmt_contact_no: a!.contact_no }]);
    expect(db.prepare('SELECT is_special, status FROM plan_instances WHERE account_no = ?').all(accountNo)).toMatchObject([{ is_special: 1, status: 'ACTIVE' }]);

    const read = await call('accounts.get', { accountNo });
    expect(read).toMatchObject({
      ok: true,
      value: {
        ariaAccountID: 'CRM-100200',
        acctRetrieveAccountDetails: {
          ariaStatusCode: 1, acctCurrencyCode: 'NOK', userID: 'ingrid.fjell', ownerTitleCode: 'RB', channelCode: 'CSR', consentCode: 'NEWSLETTER',
          acctContactDetails: { fullName: 'Ingrid K Fjell', cellPhone: '+4791234567', postalCity: 'OSLO', birthDate: '1980-02-29' },
        },
      },
    });
    // The audit log has the intent (nothing → the account) and the outcome with the new number.
    await signInAs(call, 'supervisor');
    const audit = await call('audit.list', { text: 'CRM-100200', limit: 10 });
    await signInAs(call, 'agent');
    const entries = (audit.value.entries as { kind: string; outcome: string | null; action: string; accountNo: number }[]).filter((e) => e.action === 'account.create');
    expect(entries.map((e) => [e.kind, e.outcome])).toEqual(expect.arrayContaining([['intent', null], ['outcome', 'APPLIED']]));
  });

  it('fixes a client account ID of the desk when none is typed, sends as CSR, and takes the defaults of AMPS', async () => {
    const res = await call('accounts.create', { account: { currencyCode: 'NOK', accountContact: { fullName: 'Per Uten Id', emailAddress: 'per@example.no' } } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    expect(res.value.ariaAccountID).toMatch(/^CSR-[0-9A-HJKMNP-TV-Z]{12}$/);
    const [a] = accountRow(res.value.ariaAccountID);
    expect(a).toMatchObject({ account_no: res.value.accountNo, request_source: 'CSR', locale: 'NO-BOKMAL', language: 'NO', notify_method: 'PDF' });
  });

  it('answers bad input on the field and stores nothing', async () => {
    const before = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    const bad = await call('accounts.create', {
      account: { currencyCode: 'NOK', accountContact: { fullName: 'Feil Feilesen', postalCode: '0444', cellPhone: 'abc', birthDate: '1990-02-31' } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = (bad.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['account.accountContact.birthDate', 'account.accountContact.cellPhone', 'account.accountContact.postalCode']);
    // Refused by the sandbox: a title it does not know, named by its field.
    const refused = await call('accounts.create', { account: { currencyCode: 'NOK', ownerTitleCode: 'XX', accountContact: { fullName: 'Feil Tittel' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctCreateAccountRequestDetails.ownerTitleCode' }] } });
    // A payment option that is web-only (VIPPS) is not offered to the desk.
    const web = await call('accounts.create', { account: { currencyCode: 'NOK', acctCreateAccountPayOptionInfo: { payOptionID: 'VIPPS' }, accountContact: { fullName: 'Feil Vipps' } } });
    expect(web).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctCreateAccountRequestDetails.acctCreateAccountPayOptionInfo.payOptionID' }] } });
    // A language of its own (locale OTHER) must be an ISO 639-1 code.
    const lang = await call('accounts.create', { account: { currencyCode: 'NOK', localeCode: 'OTHER', languageCode: 'english', accountContact: { fullName: 'Feil Språk' } } });
    expect(lang).toMatchObject({ ok: false, error: { code: 'AMPS_REJECTED', fields: [{ path: 'acctCreateAccountRequestDetails.languageCode', message: '"english" is not an ISO 639-1 language code such as EN' }] } });
    // EHF: the EAN is named where it was given.
    const ehf = await call('accounts.create', { account: { currencyCode: 'NOK', acctCreateAccountPayOptionInfo: { payOptionID: 'EHF' }, accountContact: { fullName: 'Feil Ehf' } } });
    expect((ehf.error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'account.acctCreateAccountPayOptionInfo.paymentEANNum',
      'account.acctCreateAccountPayOptionInfo.paymentEANRequisitionNum',
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n).toBe(before);
  });

  it('queues offline, lists the create in the outbox, and creates it once back online', async () => {
    expect(await call('outbox.setOffline', { offline: true })).toMatchObject({ ok: true });
    const res = await call('accounts.create', { account: { currencyCode: 'NOK', accountContact: { fullName: 'Kari Kø', postalCode: '5003', emailAddress: 'kari.ko@example.no' } } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'QUEUED', accountNo: null } });
    const id = res.value.ariaAccountID as string;
    expect(accountRow(id)).toHaveLength(0);
    const list = await call('outbox.list', {});
    expect(list.value.items).toMatchObject([{ type: 'account.create', accountNo: 0, state: 'pending', detail: 'Kari Kø, 5003 BERGEN' }]);
    await call('outbox.setOffline', { offline: false });
    expect(await core.outbox.idle(10_000)).toBe(true);
    expect(accountRow(id)).toMatchObject([{ request_source: 'CSR' }]);
    expect((await call('outbox.list', {})).value.items).toEqual([]);
  });
});

describe('an unknown create is settled by its client account ID', () => {
  it('found once: applied, with the account number, never sent twice', async () => {
    proxy.mode = 'cutAfter';
    const sent = proxy.creates;
    const res = await call('accounts.create', { account: { currencyCode: 'NOK', accountContact: { fullName: 'Svar Borte', emailAddress: 'svar@example.no' } } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    const rows = accountRow(res.value.ariaAccountID);
    expect(rows).toHaveLength(1);
    expect(res.value.accountNo).toBe(rows[0]!.account_no);
    expect(proxy.creates - sent).toBe(1);
  });

  it('not found: not applied, so it is sent again and created once', async () => {
    proxy.mode = 'drop';
    const sent = proxy.creates;
    const res = await call('accounts.create', { account: { currencyCode: 'NOK', accountContact: { fullName: 'Aldri Fram', emailAddress: 'aldri@example.no' } } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'APPLIED' } });
    expect(accountRow(res.value.ariaAccountID)).toHaveLength(1);
    expect(proxy.creates - sent).toBe(2);
  });

  it('an older account with the typed ID and another name: parked for a person, nothing created', async () => {
    expect(await call('accounts.create', { account: { ariaAccountID: 'CRM-555', currencyCode: 'NOK', accountContact: { fullName: 'Eldre Kunde' } } })).toMatchObject({
      ok: true,
      value: { outcome: 'APPLIED' },
    });
    proxy.mode = 'drop';
    const res = await call('accounts.create', { account: { ariaAccountID: 'CRM-555', currencyCode: 'NOK', accountContact: { fullName: 'Ny Kunde' } } });
    expect(res).toMatchObject({ ok: true, value: { outcome: 'UNKNOWN', accountNo: null } });
    expect(accountRow('CRM-555')).toMatchObject([{ account_no: expect.any(Number) }]);
    const items = (await call('outbox.list', {})).value.items;
    expect(items).toMatchObject([{ type: 'account.create', state: 'parked', problem: { kind: 'undecided', message: expect.stringContaining('another name') } }]);
    expect(await call('outbox.discard', { id: items[0].id })).toMatchObject({ ok: true });
  });
});

describe('accounts.duplicates', () => {
  // Seed 10 (looked up with SQL): 42000006 Martin Haugland, Kirkegata 69, 4013 STAVANGER,
  // martin_haugland@hotmail.com, +4746336776, active; 42000001 Vidar Berge, 7033 TRONDHEIM,
  // vidarberge@hotmail.com, +4798130956; 42000003 Hanne Moe, 4017 STAVANGER, +4746407181;
  // 42000010 Jan Bøe, 3116 TØNSBERG, archived (-99), home phone +4733674972.
  it('finds one customer by all three criteria and shows them once, saying which matched', async () => {
    const res = await call('accounts.duplicates', { emailAddress: 'Martin_Haugland@hotmail.com', phone: '463 36 776', fullName: 'Haugland Martin', postalCode: '4013' });
    expect(res).toMatchObject({ ok: true, value: { more: false, failed: [] } });
    expect(res.value.matches).toHaveLength(1);
    expect(res.value.matches[0]).toMatchObject({
      matchedBy: ['email', 'phone', 'namePostal'],
      account: { ariaAccountNo: 42000006, acctStatusCode: 1, contactDetails: { fullName: 'Martin Haugland', addressLine1: 'Kirkegata 69', postalCode: '4013', postalCity: 'STAVANGER' } },
    });
  });

  it('merges and ranks matches of different customers: more criteria first, then email, phone, name', async () => {
    const res = await call('accounts.duplicates', { emailAddress: 'vidarberge@hotmail.com', phone: '+47 46 40 71 81', fullName: 'Vidar Berge', postalCode: '7033' });
    expect(res.value.matches.map((m: { account: { ariaAccountNo: number }; matchedBy: string[] }) => [m.account.ariaAccountNo, m.matchedBy])).toEqual([
      [42000001, ['email', 'namePostal']],
      [42000003, ['phone']],
    ]);
  });

  it('finds a misspelt name with its postal code, and an archived customer by a home phone', async () => {
    const typo = await call('accounts.duplicates', { fullName: 'Martin Haugand', postalCode: '4013' });
    expect(typo.value.matches.map((m: { account: { ariaAccountNo: number } }) => m.account.ariaAccountNo)).toEqual([42000006]);
    const home = await call('accounts.duplicates', { phone: '33 67 49 72' });
    expect(home.value.matches).toMatchObject([{ matchedBy: ['phone'], account: { ariaAccountNo: 42000010, acctStatusCode: -99, contactDetails: { fullName: 'Jan Bøe' } } }]);
  });

  it('finds nothing for a new customer, and refuses a check with nothing to check', async () => {
    expect(await call('accounts.duplicates', { emailAddress: 'helt.ny@example.no', fullName: 'Helt Ny', postalCode: '9990' })).toMatchObject({
      ok: true,
      value: { matches: [], more: false, failed: [] },
    });
    const none = await call('accounts.duplicates', { fullName: 'Helt Ny' });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'postalCode' }] } });
    const badPhone = await call('accounts.duplicates', { phone: '12ab' });
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'phone' }] } });
  });
});
