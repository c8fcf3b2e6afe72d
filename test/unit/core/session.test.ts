// The desk session through the real router: first admin on a fresh folder, sign-in and
// out, idle lock and unlock by the same operator, password change, admin work, and the
// operator as the userID of every signed request and the author of every comment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../main/core/app';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import type { SecurityEvent } from '../../../main/core/session/securityEvents';
import type { Envelope } from '../../../shared/ipc';
import { DEMO_LOGIN, TEST_SCRYPT } from '../../helpers/operators';

const ctx: CallContext = { transport: 'test', trustedSender: true };

function deskWith(over: Partial<CoreOptions> = {}) {
  const clock = { t: Date.parse('2026-12-01T09:00:00Z') };
  const events: SecurityEvent[] = [];
  const core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'csr-session-')),
    secrets: new MemorySecretStore(),
    transport: 'web',
    version: 'test',
    scrypt: TEST_SCRYPT,
    now: () => clock.t,
    onSecurityEvent: (e) => events.push(e),
    checkOutputs: true,
    ...over,
  });
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown = {}) => (await core.router.call(channel, input, ctx)) as Envelope<T>;
  const status = async () => ((await call<{ state: string }>('session.status')) as { ok: true; value: { state: string; operator: { id: string } | null; mustChangePassword: boolean; idleLockSeconds: number } }).value;
  return { core, call, status, clock, events };
}

describe('a fresh data folder', () => {
  it('asks for the first admin; only then can anyone sign in, and only once', async () => {
    const { call, status, events } = deskWith();
    expect(await status()).toMatchObject({ state: 'setup', operator: null });
    expect(await call('accounts.search', { contact: { lastName: 'Hansen' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bad = await call('session.setupFirstAdmin', { id: 'x y', displayName: '', password: 'short' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['displayName', 'id', 'password']);
    expect(await call('session.setupFirstAdmin', { id: 'Kari', displayName: 'Kari Nordmann', password: 'kari-first-pw' })).toMatchObject({
      ok: true,
      value: { state: 'signedIn', operator: { id: 'kari', displayName: 'Kari Nordmann', role: 'admin' }, mustChangePassword: false },
    });
    expect(await call('session.setupFirstAdmin', { id: 'mallory', displayName: 'M', password: 'mallory-pw-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('operators.list')).toMatchObject({ ok: true, value: { operators: [{ id: 'kari', role: 'admin' }] } });
    expect(events.map((e) => e.type === 'session' && e.action)).toEqual(['session.firstAdmin']);
  });
});

describe('sign-in', () => {
  it('wrong password, lockout message with seconds, the events recorded, then sign-in and sign-out', async () => {
    const { call, status, clock, events } = deskWith({ demoOperators: true });
    await call('session.status');
    expect(await status()).toMatchObject({ state: 'signedOut' });
    expect(await call('session.signIn', { id: 'demo-agent', password: 'wrong-one' })).toMatchObject({ ok: true, value: { failure: { reason: 'wrong', retryAfterSeconds: null }, status: { state: 'signedOut' } } });
    for (let i = 0; i < 3; i++) await call('session.signIn', { id: 'demo-agent', password: 'wrong-one' });
    expect(await call('session.signIn', { id: 'demo-agent', password: 'wrong-one' })).toMatchObject({ ok: true, value: { failure: { reason: 'locked', retryAfterSeconds: 30 } } });
    expect(await call('session.signIn', DEMO_LOGIN.agent)).toMatchObject({ value: { failure: { reason: 'locked', retryAfterSeconds: 30 } } });
    clock.t += 31_000;
    expect(await call('session.signIn', { id: ' Demo-Agent ', password: 'demo-agent-password' })).toMatchObject({
      ok: true,
      value: { failure: null, status: { state: 'signedIn', operator: { id: 'demo-agent', role: 'agent' } } },
    });
    expect(await call('app.info')).toMatchObject({ ok: true, value: { operator: 'demo-agent' } });
    expect(await call('session.signOut')).toMatchObject({ ok: true, value: { state: 'signedOut', operator: null } });
    expect(await call('comments.list', { accountNo: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const actions = events.flatMap((e) => (e.type === 'session' ? [e.action] : []));
    expect(actions).toEqual([
      ...Array(4).fill('session.signInFailed'),
      'session.lockedOut',
      'session.lockedOut',
      'session.signIn',
      'session.signOut',
    ]);
    expect(JSON.stringify(events)).not.toMatch(/password/);
  });
});

describe('idle lock', () => {
  it('locks after the idle time; pings keep it open; only the same operator’s password unlocks', async () => {
    const { call, status, clock, events } = deskWith({ demoOperators: true, idleLockSeconds: 60 });
    await call('session.signIn', DEMO_LOGIN.supervisor);
    expect(await status()).toMatchObject({ state: 'signedIn', idleLockSeconds: 60 });
    clock.t += 50_000;
    await call('session.ping');
    clock.t += 50_000; // 100 s since sign-in, 50 s since the last input
    expect(await status()).toMatchObject({ state: 'signedIn' });
    clock.t += 10_000;
    expect(await call('accounts.get', { accountNo: 5 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await status()).toMatchObject({ state: 'locked', operator: { id: 'demo-supervisor' } });
    await call('session.ping'); // input on the lock screen does not unlock
    expect(await status()).toMatchObject({ state: 'locked' });
    expect(await call('session.unlock', { password: DEMO_LOGIN.agent.password })).toMatchObject({ ok: true, value: { failure: { reason: 'wrong' }, status: { state: 'locked' } } });
    expect(await call('session.unlock', { password: DEMO_LOGIN.supervisor.password })).toMatchObject({ ok: true, value: { failure: null, status: { state: 'signedIn' } } });
    expect(events.flatMap((e) => (e.type === 'session' ? [e.action] : []))).toEqual(['session.signIn', 'session.idleLock', 'session.unlockFailed', 'session.unlock']);
    // Locking by choice works the same way.
    expect(await call('session.lock')).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('defaults: 15 minutes at a desk, 2 minutes on a kiosk', async () => {
    expect(await deskWith().status()).toMatchObject({ idleLockSeconds: 900 });
    expect(await deskWith({ kiosk: true }).status()).toMatchObject({ idleLockSeconds: 120 });
    expect(await deskWith({ kiosk: true, kioskIdleLockSeconds: 30, idleLockSeconds: 600 }).status()).toMatchObject({ idleLockSeconds: 30 });
  });
});

describe('operators managed by an admin', () => {
  it('a new operator must choose their own password before anything else', async () => {
    const { call, status } = deskWith({ demoOperators: true });
    await call('session.signIn', DEMO_LOGIN.admin);
    expect(await call('operators.add', { id: 'ola', displayName: 'Ola Nordmann', role: 'agent', password: 'given-by-admin' })).toMatchObject({
      ok: true,
      value: { id: 'ola', role: 'agent', mustChangePassword: true },
    });
    await call('session.signIn', { id: 'ola', password: 'given-by-admin' });
    expect(await status()).toMatchObject({ state: 'signedIn', mustChangePassword: true });
    expect(await call('comments.list', { accountNo: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('session.changePassword', { current: 'given-by-admin', next: 'given-by-admin' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'next' }] } });
    expect(await call('session.changePassword', { current: 'not-it-really', next: 'olas-own-password' })).toMatchObject({ ok: true, value: { failure: { reason: 'wrong' } } });
    expect(await call('session.changePassword', { current: 'given-by-admin', next: 'olas-own-password' })).toMatchObject({ ok: true, value: { failure: null, status: { mustChangePassword: false } } });
    // Through to the service now (which has no AMPS here), not refused.
    const after = await call('comments.list', { accountNo: 1 });
    expect(after.ok ? 'ok' : after.error.code).not.toMatch(/FORBIDDEN|UNAUTHENTICATED|LOCKED/);
  });

  it('disabling ends that operator’s session; the last admin cannot be disabled; reset clears a lockout', async () => {
    const { call, status } = deskWith({ demoOperators: true });
    await call('session.signIn', DEMO_LOGIN.admin);
    expect(await call('operators.setDisabled', { id: 'demo-admin', disabled: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'id', message: 'last admin' }] } });
    for (let i = 0; i < 5; i++) await call('session.signIn', { id: 'demo-agent', password: 'wrong-wrong' });
    // Failed sign-ins of someone else do not end the admin's session.
    expect(await status()).toMatchObject({ state: 'signedIn', operator: { id: 'demo-admin' } });
    expect(await call('operators.list')).toMatchObject({ ok: true, value: { operators: expect.arrayContaining([expect.objectContaining({ id: 'demo-agent', failedAttempts: 5, lockedUntil: expect.any(String) })]) } });
    expect(await call('operators.resetPassword', { id: 'demo-agent', password: 'fresh-start-1' })).toMatchObject({ ok: true, value: { lockedUntil: null, mustChangePassword: true } });
    await call('operators.add', { id: 'admin2', displayName: 'Second Admin', role: 'admin', password: 'second-admin-pw' });
    expect(await call('operators.setDisabled', { id: 'demo-admin', disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(await status()).toMatchObject({ state: 'signedOut' });
    expect(await call('session.signIn', DEMO_LOGIN.admin)).toMatchObject({ ok: true, value: { failure: { reason: 'disabled' } } });
  });
});

describe('the operator is who AMPS sees', () => {
  it('every signed request carries the signed-in operator as userID, and every comment is theirs', async () => {
    const sent: Array<{ endpoint: string; body: Record<string, unknown> }> = [];
    const fakeAmps: typeof fetch = async (url, init) => {
      const endpoint = String(url).split('/').pop()!;
      sent.push({ endpoint, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
      const answer =
        endpoint === 'AcctCaptureComments'
          ? { resultInfo: { resultCode: 0, resultText: 'OK' }, acctCommentNos: [1] }
          : { resultInfo: { resultCode: 0, resultText: 'OK' }, acctRetrieveCommentsList: [] };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const { call } = deskWith({ demoOperators: true, fetch: fakeAmps });
    await call('session.signIn', DEMO_LOGIN.admin);
    await call('profiles.save', { name: 'Prod', baseUrl: 'https://amps.example.no/api', clientNo: 42, userID: 'profile-user', signatureVersion: '2.0', authKey: 'k'.repeat(16), signingSecret: 's'.repeat(32) });
    await call('profiles.activate', { name: 'Prod' });
    await call('session.signIn', DEMO_LOGIN.agent);
    expect(await call('comments.add', { accountNo: 7, text: 'Called about the invoice' })).toMatchObject({ ok: true });
    await call('comments.list', { accountNo: 7 });
    await call('session.signIn', DEMO_LOGIN.supervisor);
    await call('comments.list', { accountNo: 7 });
    const who = sent.map((s) => [s.endpoint, (s.body.msgAuthDetails as { userID: string }).userID]);
    expect(who).toEqual([
      ['AcctCaptureComments', 'demo-agent'],
      ['AcctRetrieveComments', 'demo-agent'],
      ['AcctRetrieveComments', 'demo-supervisor'],
    ]);
    expect((sent[0]!.body.acctCaptureCommentCriteria as { acctCommentAuthor: string }).acctCommentAuthor).toBe('demo-agent');
  });
});
