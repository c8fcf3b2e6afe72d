// One directory for the team, through the app as it is built (createCore, the router's
// channels): an admin on desk A configures the team store in Settings (teamStore.save) and
// adds an agent; the agent signs in on desk B; desk B signs the agent in again with the
// team store stopped (its cache); the agent, disabled centrally, is refused on desk B after
// its refresh. The server is a private one on a Unix socket, so stopping it disturbs no
// other test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import type { Envelope } from '../../../shared/ipc';
import { TEST_SCRYPT } from '../../helpers/operators';
import { createTeamDb, describeTeam, type TeamDb } from './pg';

const script = resolve(__dirname, '../../../scripts/pg-test-server.sh');
const ctx: CallContext = { transport: 'test', trustedSender: true };
let priv: { url: string; dir: string; host: string } | null = null;
let db: TeamDb;
const cores: Core[] = [];

/** A login's URL without its password, on the private server's socket. */
const bare = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};

function desk(dataDir = mkdtempSync(join(tmpdir(), 'team-dir-')), secrets = new MemorySecretStore()) {
  const core = createCore({ dataDir, secrets, transport: 'web', version: 'test', scrypt: TEST_SCRYPT, checkOutputs: true });
  cores.push(core);
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown = {}) => (await core.router.call(channel, input, ctx)) as Envelope<T>;
  const signIn = async (id: string, password: string) => {
    const r = await call<{ failure: { reason: string } | null; status: { state: string; operator: { id: string; role: string } | null } }>('session.signIn', { id, password });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { core, call, signIn, dataDir, secrets };
}

/** What team.operators holds, read with a superuser (not through the code under test). */
async function central(): Promise<Array<{ id: string; role: string; disabled: boolean }>> {
  const c = await db.superuser();
  try {
    return (await c.query('SELECT id, role, disabled FROM team.operators ORDER BY id')).rows;
  } finally {
    await c.end();
  }
}

describeTeam('one operator directory for the team (PostgreSQL)', () => {
  beforeAll(async () => {
    const out = execFileSync('bash', [script, 'start'], { env: { ...process.env, CSR_TEST_PG_SOCKET_ONLY: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const env = Object.fromEntries([...out.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
    priv = { url: env.CSR_TEST_PG_URL!, dir: env.CSR_TEST_PG_DIR!, host: new URL(env.CSR_TEST_PG_URL!).searchParams.get('host')! };
    db = await createTeamDb('directory', priv.url);
  }, 90_000);
  afterAll(async () => {
    for (const c of cores) c.close();
    await new Promise((r) => setTimeout(r, 300));
    if (priv) execFileSync('bash', [script, 'stop', priv.dir], { stdio: 'ignore' });
  });

  it('an agent added on desk A signs in on desk B, also with the store stopped, and is refused once disabled', async () => {
    const deskA = await db.login('desk');
    const deskB = await db.login('desk');
    const maint = await db.login('directory');

    // Desk A: its first admin (local directory), then Settings → Team store with a directory login.
    const a = desk();
    expect(await a.call('session.setupFirstAdmin', { id: 'ingrid', displayName: 'Ingrid Admin', password: 'ingrid-first-pw' })).toMatchObject({ ok: true });
    const saved = await a.call('teamStore.save', {
      url: bare(deskA.url),
      password: deskA.password,
      directory: true,
      directoryUrl: bare(maint.url),
      directoryPassword: maint.password,
    });
    expect(saved).toMatchObject({ ok: true, value: { configured: true, directory: true, hasPassword: true, hasDirectoryPassword: true, directoryUrl: bare(maint.url) } });
    // No password ever comes back.
    expect(JSON.stringify(saved)).not.toContain(deskA.password);
    expect(JSON.stringify(saved)).not.toContain(maint.password);
    expect(a.core.directory.kind).toBe('team');

    // The admin adds an admin for the team and an agent: they land in team.operators.
    expect(await a.call('operators.add', { id: 'Anna', displayName: 'Anna Admin', role: 'admin', password: 'anna-team-pw' })).toMatchObject({ ok: true, value: { id: 'anna', role: 'admin' } });
    expect(await a.call('operators.add', { id: 'kari', displayName: 'Kari Nordmann', role: 'agent', password: 'kari-team-pw' })).toMatchObject({
      ok: true,
      value: { id: 'kari', role: 'agent', disabled: false },
    });
    expect(await a.call('operators.add', { id: 'kari', displayName: 'Kari igjen', role: 'agent', password: 'kari-team-pw2' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'id', message: 'taken' }] },
    });
    expect(await central()).toEqual([
      { id: 'anna', role: 'admin', disabled: false },
      { id: 'kari', role: 'agent', disabled: false },
    ]);

    // Desk B, set up by its installation (settings file + the desk role's password), never saw Kari before.
    const secretsB = new MemorySecretStore();
    await secretsB.set('team-store:password', deskB.password);
    const dirB = mkdtempSync(join(tmpdir(), 'team-dir-'));
    writeFileSync(join(dirB, 'team-store.json'), JSON.stringify({ url: bare(deskB.url), directory: true }));
    const b = desk(dirB, secretsB);
    expect(await b.signIn('kari', 'kari-team-pw')).toMatchObject({ failure: null, status: { state: 'signedIn', operator: { id: 'kari', role: 'agent' } } });
    expect(await b.call('session.signOut')).toMatchObject({ ok: true });
    expect(await b.signIn('kari', 'wrong-password')).toMatchObject({ failure: { reason: 'wrong' }, status: { state: 'signedOut' } });

    // Desk B without the store: the team store stopped, Kari still signs in (this desk's copy).
    execFileSync('bash', [script, 'pause', priv!.dir], { stdio: 'ignore' });
    try {
      const t0 = Date.now();
      expect(await b.signIn('kari', 'kari-team-pw')).toMatchObject({ failure: null, status: { state: 'signedIn', operator: { id: 'kari' } } });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await b.call('session.signOut')).toMatchObject({ ok: true });
      // A change cannot be made on desk A while the store is down: said so, nothing changed.
      const off = await a.call('operators.setDisabled', { id: 'kari', disabled: true });
      expect(off).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(UNREACHABLE|UNKNOWN_OUTCOME)$/) } });
    } finally {
      execFileSync('bash', [script, 'resume', priv!.dir], { stdio: 'ignore' });
    }
    expect(await central()).toContainEqual({ id: 'kari', role: 'agent', disabled: false });

    // Desk A disables Kari; desk B refuses her at her next sign-in (it refreshes first).
    expect(await a.call('operators.setDisabled', { id: 'kari', disabled: true })).toMatchObject({ ok: true, value: { id: 'kari', disabled: true } });
    expect(await central()).toContainEqual({ id: 'kari', role: 'agent', disabled: true });
    expect(await b.signIn('kari', 'kari-team-pw')).toMatchObject({ failure: { reason: 'disabled' }, status: { state: 'signedOut' } });
    // Anna, the team's admin, signs in on desk B and sees the team's directory; desk B has no directory login.
    expect(await b.signIn('anna', 'anna-team-pw')).toMatchObject({ failure: null, status: { operator: { id: 'anna', role: 'admin' } } });
    expect(await b.call('operators.list')).toMatchObject({ ok: true, value: { operators: [{ id: 'anna' }, { id: 'kari', disabled: true }] } });
    expect(await b.call('operators.resetPassword', { id: 'kari', password: 'kari-new-pw' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await b.call('teamStore.status')).toMatchObject({ ok: true, value: { configured: true, directory: { operators: 2, canChange: false } } });
  }, 120_000);

  // Uses Anna, whom the test above added to the team directory.
  it('the lockout of the team directory is kept on the desk and survives a restart of the app', async () => {
    const d = await db.login('desk');
    const secrets = new MemorySecretStore();
    await secrets.set('team-store:password', d.password);
    const dataDir = mkdtempSync(join(tmpdir(), 'team-dir-'));
    writeFileSync(join(dataDir, 'team-store.json'), JSON.stringify({ url: bare(d.url), directory: true }));
    const first = desk(dataDir, secrets);
    for (let i = 0; i < 5; i++) await first.signIn('anna', 'not-annas-password');
    const locked = await first.signIn('anna', 'anna-team-pw');
    expect(locked).toMatchObject({ failure: { reason: 'locked' }, status: { state: 'signedOut' } });
    first.core.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = desk(dataDir, secrets);
    expect(await again.signIn('anna', 'anna-team-pw')).toMatchObject({ failure: { reason: 'locked' } });
  }, 60_000);
});
