// An account change whose answer is lost after the sandbox made it (reset, 502, half a body):
// the pipeline settles it by reading the account (settleAccount, D59) — applied once, never
// reported failed, never sent twice; a change that did not land (the sandbox refused it, the
// answer lost) reads as "not applied" and is sent again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AmpsClient } from '../../../main/core/amps/client';
import type { RunningSandbox } from '../../../main/sandbox/index';
import { client, rig, startOutboxSandbox, startProxy, type FaultProxy, type Rig } from './helpers';

let sb: RunningSandbox;
let proxy: FaultProxy;
let reader: AmpsClient;
let r: Rig | undefined;
let seq = 0;

beforeAll(async () => {
  sb = await startOutboxSandbox();
  proxy = await startProxy(() => sb.url);
  reader = client(sb.url, 5000);
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

async function newAccount() {
  seq++;
  const made = await reader.call('AcctCreateAccount', {
    acctCreateAccountRequestDetails: { ariaAccountID: `SETTLE-${seq}`, currencyCode: 'NOK', accountContact: { fullName: 'Settle Siri', cellPhone: '+4791234567' } },
  });
  return made.acctCreateAccountResponseDetails!.ariaAccountNo;
}
const read = async (no: number) => (await reader.call('AcctRetrieveAccount', { acctRetrieveAccountCriteria: { ariaAccountNo: no } })).acctRetrieveAccountResponseDetails!;
const sends = () => proxy.seen.filter((s) => s.endpoint === 'AcctManageAccount').length;

describe('settling an account change by reading the account', () => {
  for (const mode of ['reset', 'http502', 'garbage'] as const) {
    it(`a new mobile number whose answer is lost (${mode}): applied once, settled by reading`, async () => {
      const no = await newAccount();
      r = rig({ A: () => proxy.url });
      proxy.mode = mode;
      proxy.only = new Set(['AcctManageAccount']);
      const before = sends();
      const a = await r.pipeline.submit({
        type: 'account.manage',
        accountNo: no,
        actions: [{ actionDirective: 'MODIFY', acctManageAccountDetailsMODIFY: { ariaAccountNo: no, ownerContactDetails: { fullName: 'Settle Siri', cellPhone: '+4793456789' } } }],
        before: { 'ownerContactDetails.cellPhone': '+4791234567' },
      });
      expect(a.main).toMatchObject({ outcome: 'APPLIED', result: { results: [{ actionDirective: 'MODIFY', resultCode: 0, resultText: 'settled by reading the account' }] } });
      expect((await read(no)).acctRetrieveAccountDetails.acctContactDetails.cellPhone).toBe('+4793456789');
      expect(sends() - before).toBe(1);
      const outcome = r.audit.entries.filter((e) => e.kind === 'outcome').at(-1)!;
      expect(outcome).toMatchObject({ outcome: 'APPLIED', detail: { settledByReading: true } });
    });
  }

  it('a ban whose answer is lost: the account reads archived, applied once', async () => {
    const no = await newAccount();
    r = rig({ A: () => proxy.url });
    proxy.mode = 'reset';
    proxy.only = new Set(['AcctManageAccount']);
    const before = sends();
    const a = await r.pipeline.submit({
      type: 'account.manage',
      accountNo: no,
      actions: [{ actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: 'BANNED' } }],
      before: { ariaStatusCode: 1 },
    });
    expect(a.main.outcome).toBe('APPLIED');
    expect((await read(no)).acctRetrieveAccountDetails.ariaStatusCode).toBe(-99);
    expect(sends() - before).toBe(1);
  });

  it('two actions whose answer is lost: both read back, applied once', async () => {
    const no = await newAccount();
    r = rig({ A: () => proxy.url });
    proxy.mode = 'garbage';
    proxy.only = new Set(['AcctManageAccount']);
    const before = sends();
    const a = await r.pipeline.submit({
      type: 'account.manage',
      accountNo: no,
      actions: [
        { actionDirective: 'STATUS', acctManageAccountDetailsSTATUS: { ariaAccountNo: no, newStatusCode: 'DEACTIVATE' } },
        { actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newUserID: `u-${no}` } },
      ],
      before: { ariaStatusCode: 1, userID: '' },
    });
    expect(a.main).toMatchObject({ outcome: 'APPLIED', result: { results: [{ resultCode: 0 }, { resultCode: 0 }] } });
    expect((await read(no)).acctRetrieveAccountDetails).toMatchObject({ ariaStatusCode: 0, userID: `u-${no}` });
    expect(sends() - before).toBe(1);
  });

  it('a refused change whose answer is lost reads as not made, is sent again, and waits for a person when refused again', async () => {
    const taken = await newAccount();
    const no = await newAccount();
    const takenId = (await read(taken)).ariaAccountID!;
    r = rig({ A: () => proxy.url });
    proxy.mode = 'reset';
    proxy.only = new Set(['AcctManageAccount']);
    const before = sends();
    const start = proxy.seen.length;
    const submitted = r.pipeline.submit({
      type: 'account.manage',
      accountNo: no,
      actions: [{ actionDirective: 'ASSIGN', acctManageAccountDetailsASSIGN: { ariaAccountNo: no, newAriaAccountID: takenId } }],
      before: { ariaAccountID: `SETTLE-${seq}` },
    });
    // The first (refused) answer is lost; the second goes through.
    await new Promise((res) => setTimeout(res, 200));
    proxy.mode = 'pass';
    const a = await submitted;
    await r.pipeline.idle();
    // Read back as not made (still its own ID), sent once more, refused: parked for a person, never "applied".
    expect(a.main.outcome).not.toBe('APPLIED');
    // Every send after the first came only after reading the account showed it was not made.
    const order = proxy.seen.slice(start).map((x) => x.endpoint).filter((e) => e === 'AcctManageAccount' || e === 'AcctRetrieveAccount');
    expect(sends() - before).toBeGreaterThanOrEqual(2);
    order.forEach((e, i) => {
      if (e === 'AcctManageAccount' && i > 0) expect(order[i - 1]).toBe('AcctRetrieveAccount');
    });
    expect((await read(no)).ariaAccountID).toBe(`SETTLE-${seq}`);
    expect(r.pipeline.list(no)).toMatchObject([{ state: 'parked', problem: { kind: 'rejected' } }]);
  });
});
