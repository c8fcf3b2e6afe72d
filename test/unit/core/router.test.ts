import { describe, expect, it, vi } from 'vitest';
import { createRouter, type CallContext, type Handlers } from '../../../main/core/router';
import { AmpsError } from '../../../main/core/amps/errors';
import { CoreError } from '../../../main/core/errors';
import { SecretUnreadableError } from '../../../main/core/secrets/secretStore';
import { CHANNELS, say } from '../../../shared/ipc';

const ctx: CallContext = { transport: 'test', trustedSender: true };

/** Every handler fails loudly unless a test overrides it. */
function handlers(over: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => { throw new Error(`unexpected call to ${c}`); })]));
  return { ...all, ...over } as Handlers;
}

describe('router', () => {
  it('runs the handler with the validated input and wraps the value', async () => {
    const search = vi.fn(async () => ({ rows: [], more: false, limit: 5 }));
    const r = createRouter(handlers({ 'accounts.search': search }));
    const res = await r.call('accounts.search', { contact: { lastName: 'Hansen' }, limit: 5 }, ctx);
    expect(res).toEqual({ ok: true, value: { rows: [], more: false, limit: 5 } });
    expect(search).toHaveBeenCalledWith({ contact: { lastName: 'Hansen' }, limit: 5 }, ctx);
  });

  it('refuses unknown channels, including prototype names', async () => {
    const r = createRouter(handlers());
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'accounts']) {
      const res = await r.call(name, {}, ctx);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('refuses an untrusted sender before looking at the input', async () => {
    const get = vi.fn();
    const r = createRouter(handlers({ 'accounts.get': get }));
    const res = await r.call('accounts.get', { accountNo: 1 }, { transport: 'electron', sender: 'about:blank', trustedSender: false });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(get).not.toHaveBeenCalled();
  });

  it('names the field when the input has the wrong type, and keeps serving', async () => {
    const r = createRouter(handlers({ 'accounts.get': async () => ({}) as never }));
    const res = await r.call('accounts.get', { accountNo: 'twelve' }, ctx);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.fields?.[0]?.path).toBe('accountNo');
      expect(res.error.message).toContain('accountNo');
    }
    // Still serving afterwards.
    expect((await r.call('app.info', {}, ctx)).ok).toBe(false); // handler throws → INTERNAL, not a crash
  });

  it('names nested fields (billing group EHF needs the EAN fields)', async () => {
    const r = createRouter(handlers());
    const res = await r.call(
      'billingGroups.add',
      {
        accountNo: 5,
        group: { paymentOption: 'TERMS', paymentTermInfo: { paymentTerms: 'EHF' }, statementContactNo: 7 },
      },
      ctx,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.fields?.map((f) => f.path)).toEqual(['group.paymentTermInfo.paymentEANNum', 'group.paymentTermInfo.paymentEANRequisitionNum']);
  });

  it('refuses extra keys and "__proto__" at the top level', async () => {
    const r = createRouter(handlers());
    const extra = await r.call('accounts.get', { accountNo: 1, admin: true }, ctx);
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const proto = await r.call('accounts.get', JSON.parse('{"accountNo":1,"__proto__":{"polluted":true}}'), ctx);
    expect(proto).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 10 MB string with a clear error and keeps serving', async () => {
    const answer = { outcome: 'APPLIED' as const, requestId: 'r1', parts: 1, commentNos: [1] };
    const r = createRouter(handlers({ 'comments.add': async () => answer }));
    const res = await r.call('comments.add', { accountNo: 1, text: 'x'.repeat(10 * 1024 * 1024) }, ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await r.call('comments.add', { accountNo: 1, text: 'hello' }, ctx)).toEqual({ ok: true, value: answer });
  });

  it('turns thrown errors into envelopes: AMPS refusals, unknown outcomes, our own errors, bugs', async () => {
    const cases: Array<[unknown, string]> = [
      [new AmpsError('REJECTED', 'unknown account', { endpoint: 'AcctRetrieveAccount', resultCode: -10 }), 'NOT_FOUND'],
      [new AmpsError('REJECTED', 'bad field', { endpoint: 'AcctManageBillingGroup', resultCode: -2, fields: [{ path: 'x', message: 'y' }] }), 'AMPS_REJECTED'],
      [new AmpsError('UNKNOWN_OUTCOME', 'timed out', { endpoint: 'AcctCaptureComments' }), 'UNKNOWN_OUTCOME'],
      [new AmpsError('UNREACHABLE', 'refused', { endpoint: 'AcctSearchAccount' }), 'UNREACHABLE'],
      [new CoreError('NOT_CONFIGURED', say('noActiveProfile')), 'NOT_CONFIGURED'],
      [new SecretUnreadableError('profile:Prod:authKey'), 'SECRET_UNREADABLE'],
      [new TypeError('x is undefined'), 'INTERNAL'],
    ];
    for (const [err, code] of cases) {
      const r = createRouter(handlers({ 'accounts.get': async () => { throw err; } }));
      const res = await r.call('accounts.get', { accountNo: 1 }, ctx);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe(code);
        expect(res.error.message).not.toMatch(/at .*\.ts:\d+/); // no stack traces cross
      }
    }
  });

  it('says which profile an unreadable secret belongs to', async () => {
    const r = createRouter(handlers({ 'accounts.get': async () => { throw new SecretUnreadableError('profile:Prod (Oslo):signingSecret'); } }));
    expect(await r.call('accounts.get', { accountNo: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'SECRET_UNREADABLE', profile: 'Prod (Oslo)' } });
  });

  it('consults the policy hook (room for roles)', async () => {
    const r = createRouter(handlers({ 'comments.list': async () => ({ comments: [] }) }), {
      authorize: (ch) => (ch === 'comments.list' ? { code: 'FORBIDDEN', message: 'You may not use comments.list' } : null),
    });
    expect(await r.call('comments.list', { accountNo: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('checks outputs when asked, so a handler cannot leak an unexpected shape', async () => {
    const r = createRouter(handlers({ 'comments.list': async () => ({ comments: 'nope' }) as never }), { checkOutputs: true });
    expect(await r.call('comments.list', { accountNo: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
