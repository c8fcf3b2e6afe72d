import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, openAuditLog, REMOVED, signingKeyName } from '../../../../main/core/audit';
import { MemorySecretStore } from '../../../../main/core/secrets/secretStore';
import { CoreError } from '../../../../main/core/errors';
import { clock, filledLog, input, kari, ola, openWith, tempDir } from './helpers';

/** Every byte the log left in its folder (db, WAL, shm). */
const folderBytes = (dir: string) =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');

describe('audit log: entries and the hash', () => {
  it('hashes an entry as sha256 of the documented canonical JSON (fixed vector)', async () => {
    const dir = tempDir();
    const log = openAuditLog({ dataDir: dir, secrets: new MemorySecretStore(), deskId: 'desk-test-1', now: clock() });
    const e = log.append({
      kind: 'intent',
      operator: kari,
      action: 'comment.add',
      accountNo: 1001,
      requestId: 'r-1',
      profile: 'sandbox',
      before: null,
      after: { text: 'Hei på deg' },
      outcome: null,
      reason: null,
      detail: null,
    });
    // The canonical JSON written by hand (keys sorted, no spaces) and its sha256, from sha256sum.
    const canonical =
      '{"accountNo":1001,"action":"comment.add","after":{"text":"Hei på deg"},"at":"2026-12-01T08:00:00.000Z","before":null,"deskId":"desk-test-1","detail":null,"kind":"intent","operator":{"displayName":"Kari Nordmann","id":"kari","role":"agent"},"outcome":null,"prevHash":"","profile":"sandbox","reason":null,"requestId":"r-1","seq":1}';
    expect(createHash('sha256').update(canonical, 'utf8').digest('hex')).toBe('79876bac54ab0a246f451948e30fd5773add1eb1b1ff166cdb29247a4f0094b8');
    expect(e.hash).toBe('79876bac54ab0a246f451948e30fd5773add1eb1b1ff166cdb29247a4f0094b8');
    expect(e).toMatchObject({ seq: 1, deskId: 'desk-test-1', at: '2026-12-01T08:00:00.000Z', prevHash: '' });
    // The exported function gives the same for the entry read back (what the team store recomputes).
    expect(auditEntryHash(log.list()[0]!)).toBe(e.hash);
    log.close();
  });

  it('gives every stored entry the hash the documented rule gives it (what the team store recomputes)', async () => {
    const { log } = await openWith(tempDir());
    const odd = [
      input(1, { operator: null, accountNo: null, requestId: null, profile: null, before: { z: 1, a: { y: [3, { b: 2, a: 1 }], x: 'ø' } }, after: 1e21, detail: [null, true, -0.5, 'emoji 👩‍👩‍👧 "q" \\ \n'] }),
      input(2, { kind: 'event', action: 'session.signIn', before: 'text', after: [], detail: {}, reason: 'ÆØÅ æøå' }),
      input(3, { before: { 'key with space': 'v', '': 'empty key', Ä: 1, a: 2, B: 3 } }),
    ];
    for (const i of odd) log.append(i);
    for (const e of log.list()) {
      const { hash, ...rest } = e;
      // Independent of the app's canonicalJson: sort keys with a replacer-free re-serialisation.
      const sortDeep = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(sortDeep) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])])) : v;
      expect(createHash('sha256').update(JSON.stringify(sortDeep(rest)), 'utf8').digest('hex'), `entry ${e.seq}`).toBe(hash);
      expect(auditEntryHash(e)).toBe(hash);
    }
    expect(log.verify().ok).toBe(true);
    expect(await log.verifyAsync()).toEqual(log.verify());
    log.close();
  });

  it('numbers entries 1, 2, 3 and chains each to the one before', async () => {
    const { log } = await openWith(tempDir());
    const a = log.append(input(1));
    const b = log.append(input(2));
    const c = log.append(input(3));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
    expect(log.list()).toEqual([a, b, c]);
    log.close();
  });

  it('is on disk (WAL, another connection sees it) as soon as append returns; continues the chain after reopening', async () => {
    const dir = tempDir();
    const secrets = new MemorySecretStore();
    const { log } = await openWith(dir, { secrets });
    const a = log.append(input(1));
    const other = new DatabaseSync(join(dir, 'audit.sqlite'), { readOnly: true });
    expect((other.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect(other.prepare('SELECT seq, hash FROM audit_entries').all()).toEqual([{ seq: 1, hash: a.hash }]);
    other.close();
    log.close();
    const { log: again } = await openWith(dir, { secrets });
    const b = again.append(input(2));
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash, deskId: a.deskId });
    expect(again.verify()).toMatchObject({ ok: true, entries: 2 });
    again.close();
  });

  it('offers no way to change or remove an entry, and the file refuses UPDATE and DELETE', async () => {
    const dir = tempDir();
    const { log } = await openWith(dir);
    log.append(input(1));
    expect(Object.keys(log).filter((k) => /update|delete|remove|edit|set/i.test(k))).toEqual([]);
    const db = new DatabaseSync(join(dir, 'audit.sqlite'));
    expect(() => db.prepare("UPDATE audit_entries SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_entries').run()).toThrow(/append-only/);
    db.close();
    log.close();
  });

  it('makes one desk id per data folder', async () => {
    const dir = tempDir();
    const secrets = new MemorySecretStore();
    const { log } = await openWith(dir, { secrets });
    const id = log.deskId;
    log.close();
    expect(readFileSync(join(dir, 'desk-id'), 'utf8').trim()).toBe(id);
    const { log: again } = await openWith(dir, { secrets });
    expect(again.deskId).toBe(id);
    again.close();
    const { log: other } = await openWith(tempDir());
    expect(other.deskId).not.toBe(id);
    expect(other.deskId).toMatch(/^[0-9a-f-]{36}$/);
    other.close();
  });

  it('appends a batch in one go, chained and checkpointed like single appends; a bad entry refuses the whole batch', async () => {
    const dir = tempDir();
    const { log } = await openWith(dir, { checkpointEvery: 10 });
    log.append(input(1));
    const batch = log.appendBatch(Array.from({ length: 24 }, (_, i) => input(i + 2)));
    expect(batch.map((e) => e.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
    expect(batch[0]!.prevHash).toBe(log.list()[0]!.hash);
    expect(() => log.appendBatch([input(26), input(27, { after: { n: '4111111111111111' } })])).toThrow(/card number/);
    expect(log.lastSeq()).toBe(25);
    expect(log.verify()).toMatchObject({ ok: true, entries: 25, checkpoints: 2, signedThrough: 25 });
    log.close();
  });

  it('refuses an entry without an action or with a malformed time, naming the field', async () => {
    const { log } = await openWith(tempDir());
    expect(() => log.append(input(1, { action: '' }))).toThrow(/action/);
    expect(() => log.append(input(1, { at: '2026-12-01 08:00' }))).toThrow(/time/);
    expect(log.lastSeq()).toBe(0);
    log.close();
  });
});

describe('audit log: what is never stored', () => {
  it('replaces secret and signature fields wherever they are, and they appear nowhere in the files', async () => {
    const dir = tempDir();
    const { log } = await openWith(dir);
    const e = log.append(
      input(1, {
        before: { userID: 'kari', authKey: 'CANARY-authkey-1', nested: [{ signingSecret: 'CANARY-secret-2' }] },
        after: { msgAuthDetails: { signatureValue: 'CANARY-sig-3', clientNo: 7 }, newPassword: 'CANARY-pw-4', text: 'kept' },
        detail: { ariaSessionID: 'CANARY-session-5', Authorization: 'Bearer CANARY-6', profileSigningSecret: 'CANARY-7' },
      }),
    );
    expect(e.before).toEqual({ userID: 'kari', authKey: REMOVED, nested: [{ signingSecret: REMOVED }] });
    expect(e.after).toEqual({ msgAuthDetails: REMOVED, newPassword: REMOVED, text: 'kept' });
    expect(e.detail).toEqual({ ariaSessionID: REMOVED, Authorization: REMOVED, profileSigningSecret: REMOVED });
    log.close();
    expect(folderBytes(dir).includes('CANARY')).toBe(false);
    expect(folderBytes(dir).includes('kept')).toBe(true);
  });

  it('refuses a Luhn-valid 13–19 digit run in before, after, detail or the reason, and stores nothing of it', async () => {
    const dir = tempDir();
    const { log } = await openWith(dir);
    const refused: [string, Parameters<typeof input>[1]][] = [
      ['after', { after: { note: 'card 4111111111111111 please' } }],
      ['before', { before: { pan: undefined, n: 5555555555554444 } }],
      ['detail', { detail: { text: 'Visa 4012 8888 8888 1881' } }],
      ['detail', { detail: ['ok', { deep: { deeper: '5105-1051-0510-5100' } }] }],
      ['after', { after: { amex: '3782 822463 10005' } }],
      ['after', { after: { t: 'x6011111111111117y' } }], // 16 digits between letters
      ['reason', { reason: 'Customer read out 4242424242424242 on the phone' }],
    ];
    for (const [field, over] of refused) {
      let err: unknown;
      try {
        log.append(input(1, over));
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(over)).toBeInstanceOf(CoreError);
      expect((err as CoreError).code).toBe('VALIDATION');
      expect((err as CoreError).message).toContain(field);
      expect((err as CoreError).message).not.toMatch(/\d{4}/);
    }
    expect(log.lastSeq()).toBe(0);
    // Not card numbers: Luhn-invalid, too short, too long, account numbers, ISO times.
    const fine = log.append(
      input(1, {
        after: {
          a: '4111111111111112',
          b: '411111111111',
          c: '41111111111111111111',
          accountNo: 1000123,
          at: '2026-12-01T08:00:00.000Z',
          phone: '+47 912 34 567',
        },
        // A review names its target by the chain's SHA-256 hash; about one in 240 holds a
        // Luhn-valid run between its letters, as this one does (411171119111112).
        detail: { target: { deskId: 'd', seq: 7, hash: 'ab411171119111112cdef0123456789abcdef0123456789abcdef0123456789a' } },
      }),
    );
    expect(fine.seq).toBe(1);
    log.close();
    const bytes = folderBytes(dir);
    for (const pan of ['4111111111111111', '5555555555554444', '4012888888881881', '4242424242424242', '4012 8888', '5105-1051'])
      expect(new RegExp(`(?<!\\d)${pan}(?!\\d)`).test(bytes), pan).toBe(false);
  });

  it('refuses hostile shapes as bad input (deep nesting, huge values) and keeps NUL as text', async () => {
    const { log } = await openWith(tempDir());
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(() => log.append(input(1, { detail: deep }))).toThrow(/nested too deeply/);
    expect(() => log.append(input(1, { after: { t: 'x'.repeat(300_000) } }))).toThrow(/too large/);
    const e = log.append(input(1, { reason: 'a\u0000b', after: { t: 'nul\u0000here' } }));
    expect(log.list()[0]).toEqual(e);
    expect(log.verify().ok).toBe(true);
    log.close();
  });
});

describe('audit log: list, since, count', () => {
  async function sample() {
    const { log } = await openWith(tempDir());
    log.append(input(1, { at: '2026-11-30T23:59:59.999Z', operator: kari, accountNo: 1001, after: { text: '100% sure' } }));
    log.append(input(2, { at: '2026-12-01T00:00:00.000Z', operator: ola, accountNo: 1002, after: { text: 'under_score' } }));
    log.append(input(3, { at: '2026-12-01T12:00:00.000Z', operator: kari, accountNo: 1002, reason: 'Kunden ba om det — «ÆØÅ»' }));
    log.append(input(4, { at: '2026-12-02T00:00:00.000Z', operator: null, action: 'session.signIn', accountNo: null, after: null, detail: { note: "it's \"quoted\"" } }));
    return log;
  }
  const seqs = (es: { seq: number }[]) => es.map((e) => e.seq);

  it('filters by date range (from inclusive, to exclusive; a bare date is midnight UTC)', async () => {
    const log = await sample();
    expect(seqs(log.list({ from: '2026-12-01', to: '2026-12-02' }))).toEqual([2, 3]);
    expect(seqs(log.list({ from: '2026-12-01T00:00:00.001Z' }))).toEqual([3, 4]);
    expect(seqs(log.list({ to: '2026-12-01T00:00:00.000Z' }))).toEqual([1]);
    expect(() => log.list({ from: 'yesterday' })).toThrow(/from/);
    log.close();
  });

  it('filters by operator, account and kind', async () => {
    const log = await sample();
    expect(seqs(log.list({ operatorId: 'kari' }))).toEqual([1, 3]);
    expect(seqs(log.list({ accountNo: 1002 }))).toEqual([2, 3]);
    expect(seqs(log.list({ operatorId: 'ola', accountNo: 1002 }))).toEqual([2]);
    expect(seqs(log.list({ kind: 'outcome' }))).toEqual([2, 4]);
    log.close();
  });

  it('matches text as plain text: % _ and quotes are themselves; case and æøå fold', async () => {
    const log = await sample();
    expect(seqs(log.list({ text: '%' }))).toEqual([1]);
    expect(seqs(log.list({ text: '_' }))).toEqual([2]);
    expect(seqs(log.list({ text: "it's" }))).toEqual([4]);
    expect(seqs(log.list({ text: '"quoted"' }))).toEqual([4]);
    expect(seqs(log.list({ text: 'æøå' }))).toEqual([3]);
    expect(seqs(log.list({ text: 'KUNDEN' }))).toEqual([3]);
    expect(seqs(log.list({ text: 'Ola Hansen' }))).toEqual([2]);
    expect(seqs(log.list({ text: "' OR 1=1 --" }))).toEqual([]);
    expect(seqs(log.list({ text: 'sign' }))).toEqual([4]);
    log.close();
  });

  it('pages (limit, offset, newest first) and counts what the filter matches', async () => {
    const log = await sample();
    expect(seqs(log.list({ limit: 2 }))).toEqual([1, 2]);
    expect(seqs(log.list({ limit: 2, offset: 2 }))).toEqual([3, 4]);
    expect(seqs(log.list({ order: 'desc', limit: 3 }))).toEqual([4, 3, 2]);
    expect(log.count()).toBe(4);
    expect(log.count({ operatorId: 'kari', limit: 1 })).toBe(2);
    expect(seqs(log.list({ order: 'desc', maxSeq: 3, offset: 1 }))).toEqual([2, 1]);
    expect(log.count({ maxSeq: 2 })).toBe(2);
    expect(seqs(log.since(2, 10))).toEqual([3, 4]);
    expect(seqs(log.since(0, 1))).toEqual([1]);
    log.close();
  });
});

describe('audit log: checkpoints and the desk key', () => {
  it('signs a checkpoint every N entries and on close; the private key is only in the secret store', async () => {
    const { file, secrets, deskId, dir } = await filledLog(23, 10);
    const db = new DatabaseSync(file, { readOnly: true });
    expect((db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq)).toEqual([10, 20, 23]);
    db.close();
    const pem = await secrets.get(signingKeyName(deskId));
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const body = pem!.split('\n').slice(1, -2).join('');
    expect(folderBytes(dir).includes(body)).toBe(false);
    expect(folderBytes(dir).includes('PRIVATE KEY')).toBe(false);
  });

  it('checkpoints on open when entries were written after the last one', async () => {
    const dir = tempDir();
    const secrets = new MemorySecretStore();
    const { log } = await openWith(dir, { secrets, checkpointEvery: 100 });
    for (let i = 1; i <= 5; i++) log.append(input(i));
    // No close: as after a crash.
    const { log: again } = await openWith(dir, { secrets, checkpointEvery: 100 });
    const db = new DatabaseSync(join(dir, 'audit.sqlite'), { readOnly: true });
    expect(db.prepare('SELECT seq FROM audit_checkpoints').all()).toEqual([{ seq: 5 }]);
    db.close();
    expect(again.verify()).toMatchObject({ ok: true, entries: 5, checkpoints: 1, signedThrough: 5, keySource: 'secret-store' });
    again.close();
    log.close();
  });

  it('verifies an intact log: entries, checkpoints, signed through the last entry', async () => {
    const { dir, secrets } = await filledLog(23, 10);
    const { log } = await openWith(dir, { secrets });
    expect(log.verify()).toEqual({ ok: true, entries: 23, checkpoints: 3, signedThrough: 23, keySource: 'secret-store' });
    log.close();
  });

  it('keeps appending when the key is gone from the secret store, and verify says those entries are unsigned', async () => {
    const { dir } = await filledLog(3, 10);
    const { log } = await openWith(dir, { secrets: new MemorySecretStore() });
    expect(log.keyState()).toBe('missing');
    log.append(input(4));
    const v = log.verify();
    expect(v.ok).toBe(false);
    expect(v.problem).toMatchObject({ seq: 4, what: 'inserted' });
    expect(v.notes?.join(' ')).toMatch(/not in its secret store/);
    log.close();
    expect(existsSync(join(dir, 'audit.sqlite'))).toBe(true);
  });
});

// An EHF billing group's EAN (13 digits, GS1 check digit) may also be Luhn-valid: it is an
// identifier to audit, not a card number (7080420000692 passes both checks).
import { containsCardNumber as cardIn } from '../../../../main/core/audit/scrub';
describe('card numbers against EAN numbers', () => {
  it('reads a Luhn-valid EAN-13 as the EAN it is, and still refuses card numbers', () => {
    expect(cardIn('EAN number: 7080420000692')).toBe(false);
    expect(cardIn('4111111111111111')).toBe(true);
    expect(cardIn('4111 1111 1111 1111')).toBe(true);
    expect(cardIn('4222222222222')).toBe(true); // 13 digits, Luhn-valid, not a GS1 EAN
  });
});
