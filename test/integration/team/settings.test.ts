// Settings → Team store through the router (teamStore.get / save / test / status), against a
// real PostgreSQL: "Test connection" says in words-to-be (problem codes) what is wrong —
// wrong password, refused connection, a schema too new or too old, a user with too few or
// too many privileges — and saving applies at once (the shipper restarts) without ever
// sending a password back.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/app';
import type { CallContext } from '../../../main/core/router';
import { MemorySecretStore } from '../../../main/core/secrets/secretStore';
import { KNOWN_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/team/migrations';
import type { Envelope } from '../../../shared/ipc';
import { TEST_SCRYPT } from '../../helpers/operators';
import { createTeamDb, describeTeam, type TeamDb } from './pg';

const ctx: CallContext = { transport: 'test', trustedSender: true };
let db: TeamDb;
const cores: Core[] = [];
const bare = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};
const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function adminDesk() {
  const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'team-set-')), secrets: new MemorySecretStore(), transport: 'web', version: 'test', scrypt: TEST_SCRYPT, checkOutputs: true });
  cores.push(core);
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown = {}) => (await core.router.call(channel, input, ctx)) as Envelope<T>;
  expect(await call('session.setupFirstAdmin', { id: 'ingrid', displayName: 'Ingrid Admin', password: 'ingrid-first-pw' })).toMatchObject({ ok: true });
  return { core, call };
}

const freePort = () =>
  new Promise<number>((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => res(p));
    });
  });

describeTeam('Settings → Team store (PostgreSQL)', () => {
  beforeAll(async () => {
    db = await createTeamDb('settings');
  }, 60_000);
  afterAll(async () => {
    for (const c of cores) c.close();
    await new Promise((r) => setTimeout(r, 300));
    await db?.drop();
  });

  it('Test connection: each login checked for reachability, password, schema and privileges', async () => {
    const { call } = await adminDesk();
    const desk = await db.login('desk');
    const sup = await db.login('supervisor');
    const dir = await db.login('directory');
    const ok = await call<{ ok: boolean; logins: Array<Record<string, unknown>> }>('teamStore.test', {
      form: { url: bare(desk.url), password: desk.password, readerUrl: bare(sup.url), readerPassword: sup.password, directoryUrl: bare(dir.url), directoryPassword: dir.password },
    });
    expect(ok).toMatchObject({
      ok: true,
      value: {
        ok: true,
        logins: [
          { login: 'desk', user: desk.user, ok: true, storeVersion: KNOWN_SCHEMA_VERSION, operators: 0 },
          { login: 'reader', user: sup.user, ok: true },
          { login: 'directory', user: dir.user, ok: true },
        ],
      },
    });

    const wrong = await call('teamStore.test', { form: { url: bare(desk.url), password: 'not-the-password' } });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, logins: [{ login: 'desk', ok: false, problem: 'auth' }] } });

    const u = new URL(bare(desk.url));
    u.port = String(await freePort());
    expect(await call('teamStore.test', { form: { url: u.toString(), password: desk.password } })).toMatchObject({ ok: true, value: { logins: [{ problem: 'refused' }] } });

    const noDb = new URL(bare(desk.url));
    noDb.pathname = '/csr_team_no_such_db';
    expect(await call('teamStore.test', { form: { url: noDb.toString(), password: desk.password } })).toMatchObject({ ok: true, value: { logins: [{ problem: 'noDatabase' }] } });

    // The owner is no desk: it could change history, and the test says so.
    const owner = await call('teamStore.test', { form: { url: bare(db.url(db.owner.user, db.owner.password)), password: db.owner.password } });
    expect(owner).toMatchObject({ ok: true, value: { logins: [{ ok: false, problem: 'privileges' }] } });
    if (owner.ok) expect((owner.value as { logins: Array<{ excess: string[] }> }).logins[0]!.excess).toEqual(expect.arrayContaining(['UPDATE on team.audit_entries', 'DELETE on team.audit_entries']));
    // A supervisor used as the desk's login lacks what a desk needs (it reads operators without their hashes only).
    const asDesk = await call('teamStore.test', { form: { url: bare(sup.url), password: sup.password } });
    expect(asDesk).toMatchObject({ ok: true, value: { logins: [{ problem: 'privileges', missing: ['INSERT (entry) on team.audit_entries', 'INSERT (hash) on team.audit_entries', 'SELECT on team.operators'] }] } });

    // Bad input names the field; nothing is typed back.
    expect(await call('teamStore.test', { form: { url: 'postgres://desk:secret@db/x' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'form.url' }] } });
    expect(await call('teamStore.test', { form: { url: bare(desk.url) } })).toMatchObject({ ok: true, value: { logins: [{ problem: 'noPassword' }] } });
  }, 60_000);

  it('a schema too new or too old is named with both versions', async () => {
    const { call } = await adminDesk();
    const desk = await db.login('desk');
    const c = await db.asRole(db.owner.user, db.owner.password);
    try {
      await c.query("INSERT INTO team.schema_version (version, name, checksum) VALUES ($1, 'from a newer desk', 'x')", [KNOWN_SCHEMA_VERSION + 1]);
      expect(await call('teamStore.test', { form: { url: bare(desk.url), password: desk.password } })).toMatchObject({
        ok: true,
        value: { logins: [{ problem: 'schemaNew', storeVersion: KNOWN_SCHEMA_VERSION + 1, appVersion: KNOWN_SCHEMA_VERSION }] },
      });
    } finally {
      await c.query('DELETE FROM team.schema_version WHERE version = $1', [KNOWN_SCHEMA_VERSION + 1]);
      await c.end();
    }
    const old = await createTeamDb('settings_old', undefined, MIGRATIONS.slice(0, 1));
    try {
      const od = await old.login('desk');
      expect(await call('teamStore.test', { form: { url: bare(od.url), password: od.password } })).toMatchObject({
        ok: true,
        value: { logins: [{ problem: 'schemaOld', storeVersion: 1, appVersion: KNOWN_SCHEMA_VERSION }] },
      });
    } finally {
      await old.drop();
    }
  }, 60_000);

  it('saving applies at once, keeps passwords write-only, and Work alone stops shipping', async () => {
    const { core, call } = await adminDesk();
    expect(await call('teamStore.get')).toMatchObject({ ok: true, value: { configured: false, url: '', hasPassword: false } });
    expect(await call('teamStore.status')).toMatchObject({ ok: true, value: { configured: false, queued: null } });
    const desk = await db.login('desk');
    // A URL with its password, and no password at all, are refused naming the field.
    expect(await call('teamStore.save', { url: desk.url })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'url' }] } });
    expect(await call('teamStore.save', { url: bare(desk.url) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'password' }] } });
    // The team directory on, with no admin in it and no directory login: refused (it would lock every admin out).
    expect(await call('teamStore.save', { url: bare(desk.url), password: desk.password, directory: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'directory' }] },
    });
    const saved = await call('teamStore.save', { url: bare(desk.url), password: desk.password, tls: 'disable' });
    expect(saved).toMatchObject({ ok: true, value: { configured: true, url: bare(desk.url), tls: 'disable', hasPassword: true, directory: false } });
    expect(JSON.stringify(saved)).not.toContain(desk.password);
    // Shipping started without a restart: the admin's sign-in (an audit entry) reaches the store.
    await until(async () => {
      const s = await call<{ lastShipAt: string | null; queued: number | null }>('teamStore.status');
      return s.ok && s.value.lastShipAt !== null && s.value.queued === 0;
    });
    const su = await db.superuser();
    try {
      const n = (await su.query('SELECT count(*)::int AS n FROM team.audit_entries WHERE desk_id = $1', [core.audit.deskId])).rows[0].n;
      expect(n).toBe(core.audit.lastSeq());
    } finally {
      await su.end();
    }
    // Saving again without typing the password keeps the stored one.
    expect(await call('teamStore.save', { url: bare(desk.url), tls: 'disable' })).toMatchObject({ ok: true, value: { hasPassword: true } });
    // Work alone: settings and passwords go; shipping stops.
    expect(await call('teamStore.save', { url: '' })).toMatchObject({ ok: true, value: { configured: false, hasPassword: false } });
    expect(core.team.enabled).toBe(false);
    expect(await call('teamStore.status')).toMatchObject({ ok: true, value: { configured: false } });
  }, 60_000);

  it('a desk moved to another team store ships its whole log there (the cursor belongs to the store it counted for)', async () => {
    const { core, call } = await adminDesk();
    const count = async (d: TeamDb) => {
      const su = await d.superuser();
      try {
        return (await su.query('SELECT count(*)::int AS n FROM team.audit_entries WHERE desk_id = $1', [core.audit.deskId])).rows[0].n as number;
      } finally {
        await su.end();
      }
    };
    const upToDate = () =>
      until(async () => {
        const s = await call<{ lastShipAt: string | null; queued: number | null }>('teamStore.status');
        return s.ok && s.value.lastShipAt !== null && s.value.queued === 0;
      });
    const first = await db.login('desk');
    expect(await call('teamStore.save', { url: bare(first.url), password: first.password })).toMatchObject({ ok: true });
    await upToDate();
    expect(await count(db)).toBe(core.audit.lastSeq());
    // The team moves to a new server (or database): Work alone, then the new store.
    expect(await call('teamStore.save', { url: '' })).toMatchObject({ ok: true });
    const other = await createTeamDb('settings_moved');
    try {
      const desk = await other.login('desk');
      const switchedAt = new Date().toISOString();
      expect(await call('teamStore.save', { url: bare(desk.url), password: desk.password })).toMatchObject({ ok: true, value: { configured: true } });
      // The status does not give the old store's copy as the new one's.
      const st = await call<{ lastShipAt: string | null }>('teamStore.status');
      expect(st.ok && (st.value.lastShipAt === null || st.value.lastShipAt >= switchedAt)).toBe(true);
      await upToDate();
      expect(await count(other)).toBe(core.audit.lastSeq());
      expect(await call('teamStore.status')).toMatchObject({ ok: true, value: { lastError: null } });
      // And back to the first store: the entries it holds are not refused, the new ones follow.
      expect(await call('teamStore.save', { url: bare(first.url), password: first.password })).toMatchObject({ ok: true });
      await upToDate();
      expect(await count(db)).toBe(core.audit.lastSeq());
    } finally {
      expect(await call('teamStore.save', { url: '' })).toMatchObject({ ok: true });
      await other.drop();
    }
  }, 90_000);
});
