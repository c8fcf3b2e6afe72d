// The desk as the app builds it (createCore) with a team store configured: the real audit
// log (main/core/audit) is shipped to PostgreSQL in the background, entry for entry; a
// desk without a team store, or without its password, works as before.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { TEAM_PASSWORD_KEY } from '../../../main/core/team/config';
import { createTeamDb, describeTeam, type TeamDb } from './pg';
import { sha256, testCanonical } from './fakeAuditLog';

let db: TeamDb;
const cores: Core[] = [];
const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};
const intent = (i: number) => ({
  kind: 'intent' as const,
  operator: { id: 'kari', displayName: 'Kari Nordmann', role: 'agent' as const },
  action: 'comment.add',
  accountNo: 4000 + i,
  requestId: `r-${i}`,
  profile: 'Sandbox (embedded)',
  before: null,
  after: { text: `Ringte kunden (${i}) – 50% avslag, "sitat"` },
  outcome: null,
  reason: i % 2 ? 'Kunden ba om det' : null,
  detail: null,
});

describeTeam('createCore with a team store', () => {
  beforeAll(async () => {
    db = await createTeamDb('app');
  }, 60_000);
  afterAll(async () => {
    for (const c of cores) c.close();
    await new Promise((r) => setTimeout(r, 200));
    await db?.drop();
  });

  it("ships the real audit log's entries, in order and once, with the password from the secret store", async () => {
    const desk = await db.login('desk');
    const dataDir = mkdtempSync(join(tmpdir(), 'team-app-'));
    const u = new URL(desk.url);
    u.password = '';
    writeFileSync(join(dataDir, 'team-store.json'), JSON.stringify({ url: u.toString() }));
    const secrets = new MemorySecretStore();
    await secrets.set(TEAM_PASSWORD_KEY, desk.password);
    const core = createCore({ dataDir, secrets, transport: 'web', version: 'test' });
    cores.push(core);
    expect(core.team.status()).toMatchObject({ configured: true, url: u.toString(), problem: null });
    for (let i = 0; i < 30; i++) core.audit.append(intent(i));
    core.team.notify();
    await until(() => core.team.status().shipping?.shippedSeq === core.audit.lastSeq());
    expect(core.team.status().queued).toBe(0);
    const local = core.audit.since(0, 1000);
    expect(local.length).toBeGreaterThanOrEqual(30);
    // Each local entry's hash, computed here independently, is the one the store holds, in order.
    for (const e of local) {
      const { hash, ...rest } = e;
      expect(sha256(testCanonical(rest))).toBe(hash);
    }
    const c = await db.superuser();
    try {
      const rows = (await c.query('SELECT seq, hash, operator_id, reason FROM team.audit_entries WHERE desk_id = $1 ORDER BY seq', [core.audit.deskId])).rows;
      expect(rows.map((r) => [Number(r.seq), r.hash])).toEqual(local.map((e) => [e.seq, e.hash]));
      expect(rows.filter((r) => r.operator_id === 'kari').length).toBe(30);
    } finally {
      await c.end();
    }
    expect(core.team.status().shipping).toMatchObject({ lastError: null, failures: 0 });
    expect(Date.now() - Date.parse(core.team.status().shipping!.lastShipAt!)).toBeLessThan(60_000);
  });

  it('without its password the desk keeps working and says why it does not ship; alone it ships nothing', async () => {
    const desk = await db.login('desk');
    const dataDir = mkdtempSync(join(tmpdir(), 'team-app-'));
    const u = new URL(desk.url);
    u.password = '';
    writeFileSync(join(dataDir, 'team-store.json'), JSON.stringify({ url: u.toString() }));
    const core = createCore({ dataDir, secrets: new MemorySecretStore(), transport: 'web', version: 'test' });
    cores.push(core);
    core.audit.append(intent(1));
    await until(() => core.team.status().problem !== null);
    expect(core.team.status()).toEqual({
      configured: true,
      url: u.toString(),
      shipping: null,
      queued: null,
      directory: null,
      problemFault: 'config',
      problem: "The team store's password is not in this desk's secret store. Enter it in Settings.",
    });
    const alone = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'team-app-')), secrets: new MemorySecretStore(), transport: 'web', version: 'test' });
    cores.push(alone);
    expect(alone.team.status()).toEqual({ configured: false, url: null, shipping: null, queued: null, problem: null, problemFault: null, directory: null });
  });
});
