// Tampering with the audit log's SQLite file directly, as someone with the file (but not
// the desk's private key) would: with plain SQL, triggers dropped, nothing from the app's
// API. Each kind of tampering must be found and named.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openAuditLog, type AuditVerdict } from '../../../../main/core/audit';
import { clock, filledLog, input, openWith } from './helpers';

type Row = Record<string, string | number | null>;

/** Opens the file as an attacker: no triggers in the way. */
function attack(file: string, fn: (db: DatabaseSync) => void) {
  const db = new DatabaseSync(file);
  for (const t of ['audit_entries_no_update', 'audit_entries_no_delete', 'audit_checkpoints_no_update', 'audit_checkpoints_no_delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  fn(db);
  db.close();
}

/**
 * The attacker's own hash of a row, written from the documented rule without the app's
 * code: canonical JSON by hand (keys in sorted order, no spaces), sha256 hex.
 */
function attackerHash(db: DatabaseSync, seq: number): string {
  const r = db.prepare('SELECT * FROM audit_entries WHERE seq = ?').get(seq) as Row;
  const s = JSON.stringify;
  const op = r.operator_id === null ? 'null' : `{"displayName":${s(r.operator_name)},"id":${s(r.operator_id)},"role":${s(r.operator_role)}}`;
  // before/after/detail hold flat JSON written by the app ({"text":"…"} or null): already canonical.
  const canonical =
    `{"accountNo":${s(r.account_no)},"action":${s(r.action)},"after":${r.after_json},"at":${s(r.at)},"before":${r.before_json},` +
    `"deskId":${s(r.desk_id)},"detail":${r.detail_json},"kind":${s(r.kind)},"operator":${op},"outcome":${s(r.outcome)},` +
    `"prevHash":${s(r.prev_hash)},"profile":${s(r.profile)},"reason":${s(r.reason)},"requestId":${s(r.request_id)},"seq":${r.seq}}`;
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Rewrites entries from `from` on with freshly computed hashes (a consistent forged chain). */
function rechain(db: DatabaseSync, from: number) {
  const seqs = (db.prepare('SELECT seq FROM audit_entries WHERE seq >= ? ORDER BY seq').all(from) as { seq: number }[]).map((r) => r.seq);
  for (const seq of seqs) {
    const prev = (db.prepare('SELECT hash FROM audit_entries WHERE seq = ?').get(seq - 1) as { hash: string } | undefined)?.hash ?? '';
    db.prepare('UPDATE audit_entries SET prev_hash = ? WHERE seq = ?').run(prev, seq);
    db.prepare('UPDATE audit_entries SET hash = ? WHERE seq = ?').run(attackerHash(db, seq), seq);
  }
}

/** Moves entries from `from` on by `by` places (seq is the primary key: go via negatives). */
function renumber(db: DatabaseSync, from: number, by: number) {
  db.prepare('UPDATE audit_entries SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE audit_entries SET seq = -seq + ? WHERE seq < 0').run(by);
}

async function verdictOf(file: string, secrets: Awaited<ReturnType<typeof filledLog>>['secrets']): Promise<AuditVerdict> {
  const log = openAuditLog({ file, secrets, now: clock() });
  await log.ready;
  const v = log.verify();
  // The screen's verifier (own connection, in steps) says exactly the same.
  expect(await log.verifyAsync()).toEqual(v);
  log.close();
  return v;
}

describe('verify finds tampering in the file', () => {
  it('intact: ok, with every entry and checkpoint counted', async () => {
    const { file, secrets } = await filledLog(25, 10);
    expect(await verdictOf(file, secrets)).toEqual({ ok: true, entries: 25, checkpoints: 3, signedThrough: 25, keySource: 'secret-store' });
  });

  it('an entry edited in place: "entry 17 was edited"', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => db.prepare(`UPDATE audit_entries SET after_json = '{"text":"Something else"}' WHERE seq = 17`).run());
    const v = await verdictOf(file, secrets);
    expect(v.ok).toBe(false);
    expect(v.problem).toMatchObject({ seq: 17, what: 'edited', message: 'Entry 17 was edited' });
  });

  it('an edited operator, time or account, each found', async () => {
    for (const sql of ["operator_id = 'ola'", "at = '2026-12-01T09:00:00.000Z'", 'account_no = 999', "outcome = 'REJECTED'", "desk_id = 'other'"]) {
      const { file, secrets } = await filledLog(12, 10);
      attack(file, (db) => db.prepare(`UPDATE audit_entries SET ${sql} WHERE seq = 4`).run());
      const v = await verdictOf(file, secrets);
      expect(v.problem?.seq, sql).toBe(4);
      expect(v.ok).toBe(false);
    }
  });

  it('an entry edited with its hash recomputed: still named', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare(`UPDATE audit_entries SET after_json = '{"text":"Forged"}' WHERE seq = 17`).run();
      db.prepare('UPDATE audit_entries SET hash = ? WHERE seq = 17').run(attackerHash(db, 17));
    });
    const v = await verdictOf(file, secrets);
    expect(v.problem).toMatchObject({ seq: 17, what: 'edited' });
    expect(v.problem?.message).toMatch(/^Entry 17 was edited/);
  });

  it('an edit with the whole rest of the chain recomputed: the signed checkpoint no longer matches', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare(`UPDATE audit_entries SET after_json = '{"text":"Forged"}' WHERE seq = 7`).run();
      rechain(db, 7);
    });
    const v = await verdictOf(file, secrets);
    expect(v.problem).toMatchObject({ seq: 10, what: 'checkpoint', cause: 'mismatch' });
    expect(v.problem?.message).toMatch(/Entries up to 10 were rewritten/);
  });

  it('an entry removed: "entry 5 was removed"', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => db.prepare('DELETE FROM audit_entries WHERE seq = 5').run());
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 5, what: 'removed', message: 'Entry 5 was removed' });
  });

  it('entries removed and the rest renumbered to close the gap', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare('DELETE FROM audit_entries WHERE seq IN (5, 6)').run();
      renumber(db, 7, -2);
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 5, last: 6, what: 'removed' });
  });

  it('an entry inserted (the rest renumbered): "an entry was inserted at position 9"', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      renumber(db, 9, 1);
      db.prepare(
        `INSERT INTO audit_entries SELECT 9, desk_id, at, kind, operator_id, operator_name, operator_role, 'billingGroups.remove', account_no, request_id, profile, before_json, after_json, outcome, reason, detail_json, prev_hash, hash, search_text FROM audit_entries WHERE seq = 8`,
      ).run();
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 9, what: 'inserted', message: 'An entry was inserted at position 9' });
  });

  it('a well-formed entry inserted with a correct hash and link: still found', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      renumber(db, 9, 1);
      db.prepare(
        `INSERT INTO audit_entries SELECT 9, desk_id, at, kind, operator_id, operator_name, operator_role, 'billingGroups.remove', account_no, request_id, profile, before_json, after_json, outcome, reason, detail_json, hash, '', search_text FROM audit_entries WHERE seq = 8`,
      ).run();
      db.prepare('UPDATE audit_entries SET hash = ? WHERE seq = 9').run(attackerHash(db, 9));
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 9, what: 'inserted' });
  });

  it('two entries swapped: "out of order"', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare('UPDATE audit_entries SET seq = -1 WHERE seq = 5').run();
      db.prepare('UPDATE audit_entries SET seq = 5 WHERE seq = 6').run();
      db.prepare('UPDATE audit_entries SET seq = 6 WHERE seq = -1').run();
    });
    const v = await verdictOf(file, secrets);
    expect(v.problem).toMatchObject({ seq: 5, what: 'reordered' });
    expect(v.problem?.message).toBe('Entries are out of order: entry 6 stands where entry 5 belongs');
  });

  it('an entry moved further down: "out of order"', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      // Entry 3 moved to after entry 6: 4, 5, 6 move up one place.
      db.prepare('UPDATE audit_entries SET seq = -3 WHERE seq = 3').run();
      for (const s of [4, 5, 6]) db.prepare('UPDATE audit_entries SET seq = ? WHERE seq = ?').run(s - 1, s);
      db.prepare('UPDATE audit_entries SET seq = 6 WHERE seq = -3').run();
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 3, what: 'reordered' });
  });

  it('a checkpoint with a bad signature', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      const { signature } = db.prepare('SELECT signature FROM audit_checkpoints WHERE seq = 10').get() as { signature: string };
      const bytes = Buffer.from(signature, 'base64');
      bytes[5] = bytes[5]! ^ 0x01;
      db.prepare('UPDATE audit_checkpoints SET signature = ? WHERE seq = 10').run(bytes.toString('base64'));
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 10, what: 'checkpoint', cause: 'bad-signature', message: 'The checkpoint at entry 10 has a bad signature' });
  });

  it('the tail cut off after the last checkpoint (and the close checkpoint removed with it)', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare('DELETE FROM audit_entries WHERE seq > 22').run();
      db.prepare('DELETE FROM audit_checkpoints WHERE seq > 20').run();
    });
    const v = await verdictOf(file, secrets);
    expect(v.problem).toMatchObject({ seq: 23, last: 25, what: 'removed' });
    expect(v.problem?.message).toBe('Entries 23–25 were removed from the end of the log (the desk signed 25 entries)');
  });

  it('the tail cut off as after a crash (no close checkpoint): the signed head still names the last entry', async () => {
    const dir = (await import('./helpers')).tempDir();
    const { log, secrets } = await openWith(dir, { checkpointEvery: 10 });
    for (let i = 1; i <= 25; i++) log.append(input(i));
    const file = log.file;
    attack(file, (db) => db.prepare('DELETE FROM audit_entries WHERE seq = 25').run());
    const again = openAuditLog({ file, secrets, now: clock() });
    await again.ready;
    again.append(input(26)); // the app goes on writing: it must not cover up what is missing
    const v = again.verify();
    expect(v.ok).toBe(false);
    expect(v.problem).toMatchObject({ what: 'checkpoint', cause: 'mismatch', seq: 25 });
    again.close();
    log.close();
  });

  it('the tail cut off and the signed head removed too', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare('DELETE FROM audit_entries WHERE seq > 22').run();
      db.prepare('DELETE FROM audit_checkpoints WHERE seq > 20').run();
      db.prepare("DELETE FROM audit_meta WHERE key = 'head'").run();
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 21, what: 'checkpoint', cause: 'head-missing' });
  });

  it('entries added at the end with a correct chain: after the last signed entry', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare(`INSERT INTO audit_entries SELECT 26, desk_id, at, kind, operator_id, operator_name, operator_role, action, account_no, request_id, profile, before_json, after_json, outcome, reason, detail_json, hash, '', search_text FROM audit_entries WHERE seq = 25`).run();
      db.prepare('UPDATE audit_entries SET hash = ? WHERE seq = 26').run(attackerHash(db, 26));
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ seq: 26, what: 'inserted' });
  });

  it('everything re-signed with another key: the desk key in the secret store tells', async () => {
    const { file, secrets } = await filledLog(25, 10);
    attack(file, (db) => {
      db.prepare(`UPDATE audit_entries SET after_json = '{"text":"Forged"}' WHERE seq = 3`).run();
      rechain(db, 3);
      const pair = generateKeyPairSync('ed25519');
      const desk = (db.prepare("SELECT value FROM audit_meta WHERE key = 'deskId'").get() as { value: string }).value;
      db.prepare("UPDATE audit_meta SET value = ? WHERE key = 'publicKey'").run(pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'));
      for (const c of db.prepare('SELECT seq FROM audit_checkpoints').all() as { seq: number }[]) {
        const { hash, at } = db.prepare('SELECT hash, at FROM audit_entries WHERE seq = ?').get(c.seq) as { hash: string; at: string };
        const msg = `{"at":${JSON.stringify(at)},"deskId":${JSON.stringify(desk)},"hash":"${hash}","seq":${c.seq},"type":"csr-desk-audit-checkpoint","v":1}`;
        db.prepare('UPDATE audit_checkpoints SET hash = ?, signature = ? WHERE seq = ?').run(hash, sign(null, Buffer.from(msg), pair.privateKey).toString('base64'), c.seq);
      }
    });
    expect((await verdictOf(file, secrets)).problem).toMatchObject({ what: 'checkpoint', cause: 'key-replaced' });
  });
});
