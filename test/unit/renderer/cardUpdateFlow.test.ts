// The card update's steps with their time limits and retries (issue 10 item 4, D63), with
// fake timers and a scripted provider: what the agent sees at each moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardUpdateFlow, TIMING, type FlowApi } from '../../../renderer/features/cardUpdate/cardUpdateFlow';

const SESSION = { sessionId: 'S'.repeat(32), formUrl: 'http://127.0.0.1:9/directpost/form?session=SSS', expiresAt: '2026-12-01T12:15:00.000Z' };
const NOW = Date.parse('2026-12-01T12:00:00Z');
type Status = { state: 'prepared' | 'open' | 'accepted' | 'expired' | 'unknown'; paymentMethodNo: number | null; refusedCards: number; formOpen: boolean | null };
const ok = <T>(value: T) => ({ ok: true as const, value });
const fail = (code: string) => ({ ok: false as const, error: { code, message: code } });

function setup(opts: { opened?: boolean } = {}) {
  const statuses: Array<Status | ReturnType<typeof fail>> = [];
  let last: Status = { state: 'prepared', paymentMethodNo: null, refusedCards: 0, formOpen: opts.opened ? true : null };
  const api = {
    prepare: vi.fn(async () => ok(SESSION)),
    openForm: vi.fn(async () => ok({ opened: opts.opened ?? false, formUrl: SESSION.formUrl })),
    closeForm: vi.fn(async () => ok({ closed: true })),
    status: vi.fn(async () => {
      const next = statuses.shift();
      if (next && 'ok' in next) return next;
      if (next) last = next;
      return ok(last);
    }),
    complete: vi.fn(async () => ok({ outcome: 'APPLIED' as const, paymentMethodId: 'PM-1', billingGroupId: 'BG-1' })),
  };
  const openPage = vi.fn();
  const onAccepted = vi.fn();
  const flow = new CardUpdateFlow({ api: api as unknown as FlowApi, accountNo: 42, lang: 'en', openPage, onAccepted, now: () => Date.now() });
  const status = (s: Partial<Status> | ReturnType<typeof fail>) => statuses.push('ok' in s ? (s as ReturnType<typeof fail>) : { ...last, ...(s as Partial<Status>) });
  return { flow, api, openPage, onAccepted, status };
}
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('card update flow', () => {
  it('walks session → form → card → confirm → done, opening a page of its own in a browser and linking the accepted card', async () => {
    const { flow, api, openPage, onAccepted, status } = setup();
    await flow.prepare();
    expect(api.prepare).toHaveBeenCalledWith({ accountNo: 42, lang: 'en' });
    expect(flow.state).toMatchObject({ step: 'form', busy: false, problem: null });
    await flow.openForm();
    expect(openPage).toHaveBeenCalledWith(SESSION.formUrl);
    expect(flow.state).toMatchObject({ step: 'form', busy: true });
    status({ state: 'open' });
    await tick(0);
    expect(flow.state).toMatchObject({ step: 'card', busy: true });
    status({ refusedCards: 1 });
    await tick(TIMING.pollMs);
    expect(flow.state.refusedCards).toBe(1);
    status({ state: 'accepted', paymentMethodNo: 7 });
    await tick(TIMING.pollMs);
    expect(flow.state).toMatchObject({ step: 'confirm', busy: false, paymentMethodNo: 7 });
    expect(onAccepted).toHaveBeenCalledWith(7);
    expect(api.closeForm).toHaveBeenCalledWith({ sessionId: SESSION.sessionId });
    const polls = api.status.mock.calls.length;
    await tick(TIMING.pollMs * 5);
    expect(api.status.mock.calls.length).toBe(polls); // polling stopped

    await flow.link({ billingGroupNo: 3, createNewBillingGroup: false }, '  new card  ', [{ path: 'primaryPaymentMethodID', before: null, after: 'VISA 1111' }]);
    expect(api.complete).toHaveBeenCalledWith({
      accountNo: 42, paymentMethodNo: 7, billingGroupNo: 3, createNewBillingGroup: false, lang: 'en', reason: 'new card',
      changes: [{ path: 'primaryPaymentMethodID', before: null, after: 'VISA 1111' }],
    });
    expect(flow.state).toMatchObject({ step: 'done', outcome: 'APPLIED', problem: null });
  });

  it('in the desktop app main opens the window: the renderer opens nothing itself, and a closed window is said', async () => {
    const { flow, openPage, status } = setup({ opened: true });
    await flow.prepare();
    await flow.openForm();
    expect(openPage).not.toHaveBeenCalled();
    status({ state: 'open' });
    await tick(0);
    status({ formOpen: false });
    await tick(TIMING.pollMs);
    expect(flow.state).toMatchObject({ step: 'card', busy: false, problem: { kind: 'closed' } });
    await flow.retry(); // opens the same session's form again
    expect(flow.state.session).toEqual(SESSION);
    expect(flow.state).toMatchObject({ step: 'form', busy: true, problem: null });
  });

  it('a session that does not answer in time offers a retry, which prepares again', async () => {
    const { flow, api } = setup();
    api.prepare.mockImplementationOnce(() => new Promise(() => {}));
    const p = flow.prepare();
    await tick(TIMING.prepareMs - 1);
    expect(flow.state).toMatchObject({ step: 'prepare', busy: true, problem: null });
    await tick(1);
    await p;
    expect(flow.state).toMatchObject({ step: 'prepare', busy: false, problem: { kind: 'timeout' } });
    await flow.retry();
    expect(api.prepare).toHaveBeenCalledTimes(2);
    expect(flow.state).toMatchObject({ step: 'form', problem: null });
  });

  it('a form that is never served times out on the form step; the retry opens it again', async () => {
    const { flow, openPage } = setup();
    await flow.prepare();
    await flow.openForm();
    await tick(TIMING.formOpenMs - TIMING.pollMs);
    expect(flow.state.problem).toBeNull();
    await tick(TIMING.pollMs * 2);
    expect(flow.state).toMatchObject({ step: 'form', busy: false, problem: { kind: 'timeout' } });
    await flow.retry();
    expect(openPage).toHaveBeenCalledTimes(2);
  });

  it('an expired session stops the card step; the retry starts a new session', async () => {
    const { flow, api, status } = setup();
    await flow.prepare();
    await flow.openForm();
    status({ state: 'open' });
    await tick(0);
    status({ state: 'expired' });
    await tick(TIMING.pollMs);
    expect(flow.state).toMatchObject({ step: 'card', problem: { kind: 'expired' } });
    await flow.retry();
    expect(api.prepare).toHaveBeenCalledTimes(2);
    expect(flow.state).toMatchObject({ step: 'form', paymentMethodNo: null, refusedCards: 0 });
  });

  it('the card step ends at the session’s own expiry even if the provider keeps saying open', async () => {
    const { flow, status } = setup();
    await flow.prepare();
    await flow.openForm();
    status({ state: 'open' });
    await tick(0);
    await tick(15 * 60_000 - TIMING.pollMs * 2);
    expect(flow.state.problem).toBeNull();
    await tick(TIMING.pollMs * 3);
    expect(flow.state).toMatchObject({ step: 'card', problem: { kind: 'expired' } });
  });

  it('rides out a few failed status calls, stops after too many, and the retry resumes asking', async () => {
    const { flow, api, status } = setup();
    await flow.prepare();
    await flow.openForm();
    status({ state: 'open' });
    await tick(0);
    for (let i = 0; i < TIMING.pollFailures - 1; i++) status(fail('UNREACHABLE'));
    await tick(TIMING.pollMs * (TIMING.pollFailures - 1));
    expect(flow.state.problem).toBeNull();
    status(fail('UNREACHABLE'));
    await tick(TIMING.pollMs);
    expect(flow.state).toMatchObject({ step: 'card', busy: false, problem: { kind: 'error', error: { code: 'UNREACHABLE' } } });
    status({ state: 'accepted', paymentMethodNo: 9 });
    await flow.retry();
    await tick(0);
    expect(flow.state).toMatchObject({ step: 'confirm', paymentMethodNo: 9 });
    expect(api.prepare).toHaveBeenCalledTimes(1);
  });

  it('a slow link is said to be slow, never failed, and the answer still lands', async () => {
    const { flow, api, status } = setup();
    let answer!: (v: unknown) => void;
    api.complete.mockImplementationOnce(() => new Promise((r) => (answer = r)) as never);
    await flow.prepare();
    await flow.openForm();
    status({ state: 'accepted', paymentMethodNo: 5 });
    await tick(0);
    const p = flow.link({ billingGroupNo: 1, createNewBillingGroup: true }, '', []);
    await tick(TIMING.linkSlowMs);
    expect(flow.state).toMatchObject({ step: 'link', busy: true, problem: { kind: 'slow' } });
    answer(ok({ outcome: 'UNKNOWN', paymentMethodId: null, billingGroupId: null }));
    await p;
    expect(flow.state).toMatchObject({ step: 'done', outcome: 'UNKNOWN', problem: null });
  });

  it('a refused link stays on the link step with the refusal, to retry', async () => {
    const { flow, api, status } = setup();
    api.complete.mockResolvedValueOnce(fail('AMPS_REJECTED') as never);
    await flow.prepare();
    await flow.openForm();
    status({ state: 'accepted', paymentMethodNo: 5 });
    await tick(0);
    await flow.link({ billingGroupNo: 1, createNewBillingGroup: false }, '', []);
    expect(flow.state).toMatchObject({ step: 'link', busy: false, problem: { kind: 'error', error: { code: 'AMPS_REJECTED' } } });
  });

  it('cancelling stops asking and closes the form', async () => {
    const { flow, api } = setup();
    await flow.prepare();
    await flow.openForm();
    await tick(0);
    flow.stop();
    const n = api.status.mock.calls.length;
    await tick(TIMING.pollMs * 4);
    expect(api.status.mock.calls.length).toBe(n);
    expect(api.closeForm).toHaveBeenCalled();
  });
});
