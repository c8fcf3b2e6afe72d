// Every write channel through the whole desk: router (access policy, contract) → service →
// write pipeline → durable outbox → signed client → (fault proxy) → sandbox, and back. For
// each channel four cases, each read back from the sandbox's database with SQL of its own:
//   APPLIED   — the change is in the database once, the answer says so;
//   REJECTED  — AMPS refuses: AMPS_REJECTED naming the field, nothing stored, nothing waiting;
//   QUEUED    — offline by choice, the desk restarts, back online: applied exactly once;
//   UNKNOWN   — the sandbox commits and the connection is reset before the answer: the desk
//               settles by reading, reports it applied, and never sends it a second time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type Desk, type Envelope } from './desk';

let desk: Desk;
let n = 0;

beforeAll(async () => {
  desk = await startDesk();
}, 60_000);
afterAll(async () => {
  await desk?.close();
});
afterEach(async () => {
  desk.proxy.mode = 'pass';
  desk.proxy.only = null;
  await desk.call('outbox.setOffline', { offline: false });
});

const sql = <T,>(query: string, ...params: (string | number | null)[]) => desk.sandboxDb.prepare(query).all(...params) as T[];
const one = <T,>(query: string, ...params: (string | number | null)[]) => sql<T>(query, ...params)[0];

/** A new account made with the tests' own client: its number and its one billing group. */
async function freshAccount(name = 'Kanal Kari'): Promise<{ no: number; bgNo: number }> {
  const id = `CHANNEL-${process.pid}-${++n}`;
  const r = await desk.setup.call('AcctCreateAccount', { acctCreateAccountRequestDetails: { ariaAccountID: id, currencyCode: 'NOK', accountContact: { fullName: name } } });
  const d = r.acctCreateAccountResponseDetails!;
  return { no: d.ariaAccountNo, bgNo: d.acctCreateAccountBillingGroupDetails[0]!.ariaBillingGroupNo! };
}

const address = (street: string, no: string, postal = '0150') => ({
  distAddrType: 'PERM',
  distStreetName: street,
  distStreetNo: no,
  distAddrPostalCode: postal,
  distAddrCity: 'Oslo',
  distAddrCountryCode: 'NO',
});

/** The account's permanent address number now, as the sandbox's history says (latest in effect). */
const permanentNow = (accountNo: number) =>
  one<{ d: number }>('SELECT dist_address_no AS d FROM perm_address_history WHERE account_no = ? AND mpi_no IS NULL AND effective_at <= ? ORDER BY effective_at DESC, id DESC LIMIT 1', accountNo, Date.now() + 1000)?.d ?? null;

interface Case {
  channel: string;
  endpoint: string;
  /** Sets the account up; returns the channel input and what to check. */
  prepare(): Promise<{
    accountNo: number;
    input: Record<string, unknown>;
    /** How many times the change is in the sandbox's database (0 before, 1 after). */
    count(): number;
    /** Further checks of the applied change (database and answer). */
    applied(value?: Record<string, unknown>): void;
  }>;
  reject(): Promise<{ accountNo: number; input: Record<string, unknown>; field: RegExp; untouched(): void }>;
}

// Three parts, split where 004 says: before the last space ahead of the 450-character mark
// (the only spaces are the two between the parts).
const PART1 = `Kunden-ringte-om-avisen:${'ø'.repeat(376)}`; // 400 characters
const PART2 = `Fakturaen-gjelder:${'å'.repeat(422)}`; // 440 characters
const PART3 = 'Avtalt-ny-levering-fra-mandag.';

const CASES: Case[] = [
  {
    channel: 'comments.add',
    endpoint: 'AcctCaptureComments',
    async prepare() {
      const { no } = await freshAccount();
      const rows = () => sql<{ author: string; text: string }>('SELECT author, text FROM comments WHERE account_no = ? ORDER BY comment_no', no);
      return {
        accountNo: no,
        input: { accountNo: no, text: `${PART1} ${PART2} ${PART3}` },
        count: () => rows().filter((r) => r.text === `(1/3): ${PART1}`).length,
        applied(value) {
          expect(rows()).toEqual([
            { author: 'demo-agent', text: `(1/3): ${PART1}` },
            { author: 'demo-agent', text: `(2/3): ${PART2}` },
            { author: 'demo-agent', text: `(3/3): ${PART3}` },
          ]);
          if (value) expect(value.parts).toBe(3);
        },
      };
    },
    async reject() {
      return {
        accountNo: 49_999_999,
        input: { accountNo: 49_999_999, text: 'Til en konto som ikke finnes' },
        field: /ariaAccountNo$/,
        untouched: () => expect(sql('SELECT 1 FROM comments WHERE text = ?', 'Til en konto som ikke finnes')).toEqual([]),
      };
    },
  },
  {
    channel: 'address.changePerm',
    endpoint: 'AcctChangePermAddress',
    async prepare() {
      const { no } = await freshAccount();
      const street = `Nygata ${n}`;
      const mine = () => sql<{ d: number }>('SELECT dist_address_no AS d FROM delivery_addresses WHERE account_no = ? AND street_name = ?', no, street);
      return {
        accountNo: no,
        input: { accountNo: no, change: { ariaAccountNo: no, distAddressType: 'PERM', acctDeliveryAddress: address(street, '12B') }, before: { permanentAddressNo: null, addressNos: [] } },
        count: () => mine().length,
        applied(value) {
          const [d] = mine();
          expect(d!.d).toBe(1);
          expect(one('SELECT city, postal_code, country_code, street_no, addr_type FROM delivery_addresses WHERE account_no = ? AND dist_address_no = 1', no)).toEqual({
            city: 'Oslo',
            postal_code: '0150',
            country_code: 'NO',
            street_no: '12B',
            addr_type: 'PERM',
          });
          expect(permanentNow(no)).toBe(1);
          if (value) expect(value.distAddressNo).toBe(1);
        },
      };
    },
    async reject() {
      const { no } = await freshAccount();
      return {
        accountNo: no,
        input: { accountNo: no, change: { ariaAccountNo: no, distAddressType: 'MOON', acctDeliveryAddress: { ...address('Månegata', '1'), distAddrType: 'MOON' } } },
        field: /distAddressType$/,
        untouched: () => expect(sql('SELECT 1 FROM delivery_addresses WHERE account_no = ?', no)).toEqual([]),
      };
    },
  },
  {
    channel: 'address.changePerm (existing address number)',
    endpoint: 'AcctChangePermAddress',
    async prepare() {
      const { no } = await freshAccount();
      // Two addresses; the second is the permanent one.
      for (const [street, nr] of [['Gamlegata', '1'], ['Midtgata', '2']] as const)
        await desk.setup.call('AcctChangePermAddress', { AcctChangePermAddressRequestDetails: { ariaAccountNo: no, distAddressType: 'PERM', acctDeliveryAddress: address(street, nr) } });
      expect(permanentNow(no)).toBe(2);
      const last = one<{ id: number }>('SELECT MAX(id) AS id FROM perm_address_history')!.id;
      const made = () => sql<{ d: number }>('SELECT dist_address_no AS d FROM perm_address_history WHERE account_no = ? AND id > ?', no, last);
      return {
        accountNo: no,
        input: { accountNo: no, change: { ariaAccountNo: no, distAddressNo: 1 }, before: { permanentAddressNo: 2, addressNos: [1, 2] } },
        count: () => made().length,
        applied(value) {
          expect(made()).toEqual([{ d: 1 }]);
          expect(permanentNow(no)).toBe(1);
          expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM delivery_addresses WHERE account_no = ?', no)!.n).toBe(2);
          if (value) expect(value.distAddressNo).toBe(1);
        },
      };
    },
    async reject() {
      const { no } = await freshAccount();
      return {
        accountNo: no,
        input: { accountNo: no, change: { ariaAccountNo: no, distAddressNo: 7 } },
        field: /distAddressNo$/,
        untouched: () => expect(sql('SELECT 1 FROM perm_address_history WHERE account_no = ?', no)).toEqual([]),
      };
    },
  },
  {
    channel: 'accounts.manage',
    endpoint: 'AcctManageAccount',
    async prepare() {
      const { no } = await freshAccount();
      expect(one('SELECT status FROM accounts WHERE account_no = ?', no)).toEqual({ status: 1 });
      return {
        accountNo: no,
        input: { accountNo: no, actions: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: 'DEACTIVATE' } }], before: { ariaStatusCode: 1 } },
        count: () => (one<{ status: number }>('SELECT status FROM accounts WHERE account_no = ?', no)!.status === 0 ? 1 : 0),
        applied(value) {
          expect(one('SELECT status, banned FROM accounts WHERE account_no = ?', no)).toEqual({ status: 0, banned: 0 });
          if (value) expect(value.results).toEqual([expect.objectContaining({ actionDirective: 'STATUS', resultCode: 0 })]);
        },
      };
    },
    async reject() {
      // A banned account cannot be changed (004): the desk's STATUS change is refused.
      const { no } = await freshAccount();
      await desk.setup.call('AcctManageAccount', { acctManageAccountDetails: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: 'BANNED' } }] });
      return {
        accountNo: no,
        input: { accountNo: no, actions: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: 'ACTIVATE' } }], before: { ariaStatusCode: -99 } },
        field: /acctManageAccountDetailsSTATUS\.newStatusCode$/,
        untouched: () => expect(one('SELECT status FROM accounts WHERE account_no = ?', no)).toEqual({ status: -99 }),
      };
    },
  },
  {
    channel: 'cards.complete',
    endpoint: 'AcctCompleteCCUpdate',
    async prepare() {
      const { no, bgNo } = await freshAccount('Kort Kari');
      const pmNo = await cardFromTheForm(no);
      const linked = () => one<{ pm: number | null }>('SELECT primary_pm_no AS pm FROM billing_groups WHERE bg_no = ?', bgNo)!.pm;
      return {
        accountNo: no,
        input: { accountNo: no, paymentMethodNo: pmNo, billingGroupNo: bgNo, createNewBillingGroup: false },
        count: () => (linked() === pmNo ? 1 : 0),
        applied(value) {
          expect(linked()).toBe(pmNo);
          expect(one('SELECT payment_option FROM billing_groups WHERE bg_no = ?', bgNo)).toEqual({ payment_option: 'METHODS' });
          expect(sql('SELECT pm_no, brand, last_four FROM payment_methods WHERE account_no = ?', no)).toEqual([{ pm_no: pmNo, brand: 'VISA', last_four: '1111' }]);
          expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM billing_groups WHERE account_no = ?', no)!.n).toBe(1);
          const pmId = one<{ id: string }>('SELECT pm_id AS id FROM payment_methods WHERE account_no = ? AND pm_no = ?', no, pmNo)!.id;
          if (value) expect(value.paymentMethodId).toBe(pmId);
        },
      };
    },
    async reject() {
      const { no, bgNo } = await freshAccount('Kort Kari');
      return {
        accountNo: no,
        input: { accountNo: no, paymentMethodNo: 99, billingGroupNo: bgNo, createNewBillingGroup: false },
        field: /ariaPaymentMethodNo$/,
        untouched: () => expect(one('SELECT primary_pm_no FROM billing_groups WHERE bg_no = ?', bgNo)).toEqual({ primary_pm_no: null }),
      };
    },
  },
  {
    channel: 'billingGroups.add',
    endpoint: 'AcctManageBillingGroup',
    async prepare() {
      const { no, bgNo } = await freshAccount();
      const name = `Kanalgruppe ${n}`;
      const mine = () => sql<{ name: string; payment_terms: string }>('SELECT name, payment_terms FROM billing_groups WHERE account_no = ? AND name = ?', no, name);
      return {
        accountNo: no,
        input: {
          accountNo: no,
          group: { billingGroupName: name, paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Kanal Kari' } },
          before: { groupNos: [bgNo] },
        },
        count: () => mine().length,
        applied(value) {
          expect(mine()).toEqual([{ name, payment_terms: 'VIPPS' }]);
          expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM billing_groups WHERE account_no = ?', no)!.n).toBe(2);
          if (value) expect((value.group as { billingGroupName: string } | null)?.billingGroupName).toBe(name);
        },
      };
    },
    async reject() {
      const { no } = await freshAccount();
      return {
        accountNo: no,
        input: { accountNo: no, group: { billingGroupName: 'Feil tittel', titleCode: 'ZZZ', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Kanal Kari' } } },
        field: /titleCode$/,
        untouched: () => expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM billing_groups WHERE account_no = ?', no)!.n).toBe(1),
      };
    },
  },
  {
    channel: 'billingGroups.modify',
    endpoint: 'AcctManageBillingGroup',
    async prepare() {
      const { no, bgNo } = await freshAccount();
      const name = `Omdøpt ${n}`;
      const now = () => one<{ name: string }>('SELECT name FROM billing_groups WHERE bg_no = ?', bgNo)!.name;
      return {
        accountNo: no,
        input: { accountNo: no, group: { ariaBillingGroupNo: bgNo, billingGroupName: name }, before: { billingGroupName: 'Default' } },
        count: () => (now() === name ? 1 : 0),
        applied(value) {
          expect(now()).toBe(name);
          if (value) expect((value.group as { billingGroupName: string } | null)?.billingGroupName).toBe(name);
        },
      };
    },
    async reject() {
      const { no, bgNo } = await freshAccount();
      return {
        accountNo: no,
        input: { accountNo: no, group: { ariaBillingGroupNo: 999_999, billingGroupName: 'Finnes ikke' } },
        field: /ariaBillingGroupNo$/,
        untouched: () => expect(one('SELECT name FROM billing_groups WHERE bg_no = ?', bgNo)).toEqual({ name: 'Default' }),
      };
    },
  },
  {
    channel: 'billingGroups.remove',
    endpoint: 'AcctManageBillingGroup',
    async prepare() {
      const { no, bgNo } = await freshAccount();
      // A second group to remove (an account keeps at least one).
      await desk.setup.call('AcctManageBillingGroup', {
        acctManageBillingGroupDetails: [
          { actionDirective: 'ADD', ariaAccountNo: no, acctManageBillingGroupDetailsADD: { billingGroupName: 'Skal bort', paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'VIPPS' }, statementContactDetails: { fullName: 'Kanal Kari' } } },
        ],
      });
      const extra = one<{ bg: number }>("SELECT bg_no AS bg FROM billing_groups WHERE account_no = ? AND name = 'Skal bort'", no)!.bg;
      const gone = () => one<{ removed: number; status: string }>('SELECT removed, status FROM billing_groups WHERE bg_no = ?', extra)!;
      return {
        accountNo: no,
        input: { accountNo: no, group: { ariaBillingGroupNo: extra }, label: 'Skal bort' },
        count: () => (gone().removed ? 1 : 0),
        applied(value) {
          expect(gone().removed).toBe(1);
          expect(one('SELECT removed FROM billing_groups WHERE bg_no = ?', bgNo)).toEqual({ removed: 0 });
          if (value) expect(value.removed).toBe(true);
        },
      };
    },
    async reject() {
      const { no, bgNo } = await freshAccount();
      return {
        accountNo: no,
        input: { accountNo: no, group: { ariaBillingGroupNo: 999_998 } },
        field: /ariaBillingGroupNo$/,
        untouched: () => expect(one('SELECT removed FROM billing_groups WHERE bg_no = ?', bgNo)).toEqual({ removed: 0 }),
      };
    },
  },
];

/** cards.prepare through the desk, then the provider's form submitted as a browser would (the card never passes the desk). */
async function cardFromTheForm(accountNo: number): Promise<number> {
  const prep = await desk.call('cards.prepare', { accountNo });
  if (!prep.ok) throw new Error(JSON.stringify(prep));
  const session = prep.value.sessionId as string;
  const res = await fetch(`${desk.sandboxUrl}/directpost/submit`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session, returnUrl: 'http://127.0.0.1:9/card-done', cardNumber: '4111 1111 1111 1111', expMonth: '07', expYear: String(new Date().getUTCFullYear() + 2), cvc: '123' }).toString(),
  });
  expect(res.status).toBe(303);
  const to = new URL(res.headers.get('location')!);
  expect(to.searchParams.get('error_code')).toBe('0');
  return Number(to.searchParams.get('ariaPaymentMethodNo'));
}

const value = (e: Envelope) => {
  if (!e.ok) throw new Error(`expected an answer, got ${JSON.stringify(e.error)}`);
  return e.value;
};

describe.each(CASES)('$channel through the whole desk', (c) => {
  it('APPLIED: stored once in the sandbox, answered APPLIED', async () => {
    const p = await c.prepare();
    expect(p.count()).toBe(0);
    const v = value(await desk.call(c.channel.split(' ')[0]!, p.input));
    expect(v.outcome).toBe('APPLIED');
    expect(p.count()).toBe(1);
    p.applied(v);
    expect(desk.sent(c.endpoint, p.accountNo)).toBe(1);
    expect(desk.auditOutcomes(v.requestId as string).map((e) => e.outcome)).toEqual([null, 'APPLIED']);
  });

  it('REJECTED: AMPS_REJECTED naming the field; nothing stored, nothing left waiting', async () => {
    const r = await c.reject();
    const e = await desk.call(c.channel.split(' ')[0]!, r.input);
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.error.code).toBe('AMPS_REJECTED');
    expect(e.error.fields?.map((f) => f.path).some((p) => r.field.test(p)), JSON.stringify(e.error)).toBe(true);
    r.untouched();
    expect(value(await desk.call('outbox.list', { accountNo: r.accountNo })).items).toEqual([]);
  });

  it('QUEUED offline, across a restart, then replayed: applied exactly once', async () => {
    const p = await c.prepare();
    expect(value(await desk.call('outbox.setOffline', { offline: true })).mode).toBe('chosen');
    const v = value(await desk.call(c.channel.split(' ')[0]!, p.input));
    expect(v.outcome).toBe('QUEUED');
    const items = value(await desk.call('outbox.list', { accountNo: p.accountNo })).items as { state: string; accountNo: number }[];
    expect(items.map((i) => [i.state, i.accountNo])).toEqual([['pending', p.accountNo]]);
    expect(p.count()).toBe(0);
    expect(desk.sent(c.endpoint, p.accountNo)).toBe(0);
    await desk.restart();
    expect(value(await desk.call('outbox.status', {}))).toMatchObject({ mode: 'chosen', pending: 1 });
    await desk.call('outbox.setOffline', { offline: false });
    expect(await desk.core.outbox.idle(20_000)).toBe(true);
    expect(p.count()).toBe(1);
    p.applied(); // nobody waits for a replayed item's answer: the database says it all
    expect(desk.sent(c.endpoint, p.accountNo)).toBe(1);
    expect(value(await desk.call('outbox.list', { accountNo: p.accountNo })).items).toEqual([]);
    expect(desk.auditOutcomes(v.requestId as string).map((e) => e.outcome)).toEqual([null, 'QUEUED', 'APPLIED']);
  }, 30_000);

  it('UNKNOWN: the answer is lost after the sandbox committed; settled by reading, never sent twice', async () => {
    const p = await c.prepare();
    desk.proxy.mode = 'reset';
    desk.proxy.only = new Set([c.endpoint]);
    const v = value(await desk.call(c.channel.split(' ')[0]!, p.input));
    desk.proxy.mode = 'pass';
    expect(v.outcome).toBe('APPLIED');
    expect(await desk.core.outbox.idle(20_000)).toBe(true);
    expect(p.count()).toBe(1);
    p.applied(v);
    expect(desk.sent(c.endpoint, p.accountNo)).toBe(1);
    const audit = desk.auditOutcomes(v.requestId as string);
    expect(audit.map((e) => e.outcome)).toEqual([null, 'UNKNOWN', 'APPLIED']);
    expect(audit[2]!.detail).toEqual({ settledByReading: true });
  }, 30_000);
});

