// Faults between a desk and a real PostgreSQL: wrong credentials, a refused connection, a
// connection dropped mid-batch (pg_terminate_backend), an answer lost after the commit, and
// PostgreSQL restarted mid-ship. After each: nothing lost, nothing twice, in order.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { saveTeamSettings, readTeamSettings, teamConnection } from '../../../main/core/team/config';
import { TeamShipper, type EntrySink } from '../../../main/core/team/shipper';
import { TeamStore, type TeamStoreError } from '../../../main/core/team/store';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { FakeAuditLog } from './fakeAuditLog';

let db: TeamDb;
let desk: { user: string; password: string; url: string };
const cleanup: Array<() => Promise<void> | void> = [];

/** A desk as the app sets one up: settings file with the URL, password in the secret store. */
async function deskStore(url: string, password: string, extra: { host?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'team-fault-'));
  const secrets = new MemorySecretStore();
  const u = new URL(url);
  u.password = '';
  if (extra.host) u.searchParams.set('host', extra.host);
  await saveTeamSettings(dir, secrets, { url: u.toString() }, password);
  const settings = readTeamSettings(dir, {})!;
  const store = TeamStore.fromConnection({ ...(await teamConnection(settings, secrets)), connectTimeoutMs: 2000 });
  cleanup.push(() => store.close());
  return { dir, store };
}

function shipper(log: FakeAuditLog, store: EntrySink, dir: string, over: Partial<ConstructorParameters<typeof TeamShipper>[0]> = {}) {
  const s = new TeamShipper({ log, store, file: join(dir, 'team-ship.sqlite'), batchSize: 100, pollMs: 50, minBackoffMs: 50, maxBackoffMs: 400, ...over });
  cleanup.push(async () => {
    await s.stop();
    s.close();
  });
  return s;
}

/** What the store holds for a desk, read with a superuser connection (independent of the code under test). */
async function held(deskId: string, onDb = db): Promise<{ seqs: number[]; hashes: string[] }> {
  const c = await onDb.superuser();
  try {
    const r = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM team.audit_entries WHERE desk_id = $1 ORDER BY received_at, seq', [deskId]);
    return { seqs: r.rows.map((x) => Number(x.seq)), hashes: r.rows.map((x) => x.hash) };
  } finally {
    await c.end();
  }
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const everyOnce = (log: FakeAuditLog) => ({ seqs: log.entries.map((e) => e.seq), hashes: log.entries.map((e) => e.hash) });

describeTeam('team store faults (PostgreSQL)', () => {
  beforeAll(async () => {
    db = await createTeamDb('faults');
    desk = await db.login('desk');
  }, 60_000);
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f();
    await db?.drop();
  });

  it('wrong credentials: the desk says so, keeps everything, and ships it all once the password is right', async () => {
    const log = new FakeAuditLog('desk-auth').fill(250);
    const bad = await deskStore(desk.url, 'not-the-password');
    const s1 = shipper(log, bad.store, bad.dir);
    const err = (await s1.shipOnce().catch((e: unknown) => e)) as TeamStoreError;
    expect(err.fault).toBe('auth');
    expect(err.message).toBe("The team store refused this desk's user name or password.");
    expect(s1.status().shippedSeq).toBe(0);
    expect((await held('desk-auth')).seqs).toEqual([]);
    await s1.stop();
    s1.close();
    cleanup.pop();

    const good = await deskStore(desk.url, desk.password);
    const s2 = shipper(log, good.store, bad.dir); // same data folder, same cursor
    s2.start();
    await until(() => s2.status().shippedSeq === 250);
    expect(await held('desk-auth')).toEqual(everyOnce(log));
  });

  it('a refused connection: unreachable, entries wait, then all ship once', async () => {
    const port = await new Promise<number>((res) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => res(p));
      });
    });
    const log = new FakeAuditLog('desk-refused').fill(120);
    const u = new URL(desk.url);
    u.port = String(port);
    const off = await deskStore(u.toString(), desk.password);
    const s1 = shipper(log, off.store, off.dir);
    s1.start();
    await until(() => s1.status().failures >= 2);
    expect(s1.status()).toMatchObject({ state: 'backoff', shippedSeq: 0, lastShipAt: null, lastError: { fault: 'unreachable' } });
    expect(s1.status().lastError!.message).toContain('entries wait on this desk');
    log.fill(30); // the desk keeps working
    await s1.stop();
    s1.close();
    cleanup.pop();

    const on = await deskStore(desk.url, desk.password);
    const s2 = shipper(log, on.store, off.dir);
    s2.start();
    await until(() => s2.status().shippedSeq === 150);
    expect(s2.status().lastError).toBeNull();
    expect(await held('desk-refused')).toEqual(everyOnce(log));
  });

  it('a connection dropped mid-batch (pg_terminate_backend): the batch is not half stored, and is shipped again', async () => {
    const log = new FakeAuditLog('desk-dropped').fill(300);
    const { dir, store } = await deskStore(desk.url, desk.password);
    const s = shipper(log, store, dir);
    await s.shipOnce(); // 1..100 in; the desk row exists now
    const su = await db.superuser();
    let killed = 0;
    try {
      // Hold the desk's head row so the next batch waits inside its INSERT, then kill that backend.
      await su.query('BEGIN');
      await su.query('LOCK TABLE team.desks IN EXCLUSIVE MODE');
      const inFlight = s.shipOnce().catch((e: unknown) => e as TeamStoreError);

      await until(async () => {
        await su.query('SELECT pg_stat_clear_snapshot()'); // inside a transaction the view is a snapshot
        const r = await su.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE usename = $1 AND state = 'active' AND wait_event_type = 'Lock'",
          [desk.user],
        );
        if (!r.rows.length) return false;
        for (const { pid } of r.rows) killed += (await su.query('SELECT pg_terminate_backend($1) AS ok', [pid])).rows[0].ok ? 1 : 0;
        return true;
      });
      const err = await inFlight;
      expect((err as TeamStoreError).fault).toMatch(/dropped|unreachable/);
      await su.query('COMMIT');
    } finally {
      await su.end();
    }
    expect(killed).toBe(1);
    expect(s.status().shippedSeq).toBe(100);
    expect((await held('desk-dropped')).seqs.length).toBe(100);
    s.start();
    await until(() => s.status().shippedSeq === 300);
    expect(await held('desk-dropped')).toEqual(everyOnce(log));
  });

  it('an answer lost after the commit: the batch is shipped again and stored once', async () => {
    const log = new FakeAuditLog('desk-lost').fill(200);
    const { dir, store } = await deskStore(desk.url, desk.password);
    let lose = true;
    const lossy: EntrySink = {
      async insertEntries(b) {
        const r = await store.insertEntries(b);
        if (lose && b[0]!.seq === 101) {
          lose = false;
          throw Object.assign(new Error('Connection terminated unexpectedly'), {});
        }
        return r;
      },
    };
    const lines: string[] = [];
    const s = shipper(log, lossy, dir, { onLog: (l) => lines.push(l) });
    s.start();
    await until(() => s.status().shippedSeq === 200);
    expect(lines).toContain('team store: 100 of 100 entries were already there (shipped before an interruption)');
    expect(await held('desk-lost')).toEqual(everyOnce(log));
  });
});

describeTeam('PostgreSQL restarted mid-ship', () => {
  const script = resolve(__dirname, '../../../scripts/pg-test-server.sh');
  let priv: { url: string; dir: string } | null = null;
  let pdb: TeamDb;
  beforeAll(async () => {
    // A private server on a Unix socket only, so restarting it disturbs no other test.
    const out = execFileSync('bash', [script, 'start'], { env: { ...process.env, CSR_TEST_PG_SOCKET_ONLY: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const env = Object.fromEntries([...out.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
    priv = { url: env.CSR_TEST_PG_URL!, dir: env.CSR_TEST_PG_DIR! };
    pdb = await createTeamDb('restart', priv.url);
  }, 90_000);
  afterAll(() => {
    if (priv) execFileSync('bash', [script, 'stop', priv.dir], { stdio: 'ignore' });
  });

  it('nothing lost, nothing twice', async () => {
    const d = await pdb.login('desk');
    const log = new FakeAuditLog('desk-restart').fill(3000);
    const { dir, store } = await deskStore(d.url, d.password, { host: new URL(priv!.url).searchParams.get('host')! });
    // Slow the batches a little so that the restart falls in the middle of shipping.
    const slowed: EntrySink = { insertEntries: async (b) => (await new Promise((r) => setTimeout(r, 40)), store.insertEntries(b)) };
    const lines: string[] = [];
    const s = shipper(log, slowed, dir, { onLog: (l) => lines.push(l) });
    s.start();
    await until(() => s.status().shippedSeq >= 500);
    // Asynchronously: the shipper goes on trying while the server is down.
    const restarting = promisify(execFile)('bash', [script, 'restart', priv!.dir]);
    await until(() => lines.some((l) => /closed|cannot be reached/.test(l)));
    await restarting;
    expect(s.status().shippedSeq).toBeLessThan(3000);
    await until(() => s.status().shippedSeq === 3000, 60_000);
    expect(await held('desk-restart', pdb)).toEqual(everyOnce(log));
  }, 90_000);
});

