// Verifies an audit log file by reading its rows directly (docs/audit.md, "Verify"):
// 1. the hash chain, entry by entry: each entry's hash is recomputed from its fields, its
//    seq must be the next number and its prevHash the previous entry's hash. At the first
//    break it works out what happened and says so in words: "entry 17 was edited", "entry
//    5 was removed", "an entry was inserted at position 9", "entries 5 and 6 are out of order";
// 2. every checkpoint: its Ed25519 signature, and that the entry it names still has the
//    hash it signed (entries after the last one it names were not cut off);
// 3. the signed head (the last entry, re-signed on every append): a tail cut off after the
//    last checkpoint, or entries added outside the app, show up here.
// The first problem found (in that order) is the verdict.
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { checkpointMessage, headMessage } from './hash';
import { ENTRY_COLUMNS, META, readMeta, rowToEntry, type CheckpointRow, type EntryRow } from './schema';
import type { AuditEntry, AuditVerdict } from './types';

export interface VerifyOptions {
  /** The desk's public key from an independent source (secret store, pinned by the caller). */
  publicKey?: KeyObject | null;
  keySource?: AuditVerdict['keySource'];
  notes?: string[];
}

type Problem = NonNullable<AuditVerdict['problem']>;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Rows read per step; the async verifier yields to the event loop between steps. */
const CHUNK = 2000;

const range = (first: number, last: number) => (first === last ? `entry ${first}` : `entries ${first}–${last}`);
const were = (first: number, last: number) => (first === last ? 'was' : 'were');

export function publicKeyFromBase64(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}
export const publicKeyToBase64 = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).toString('base64');

/**
 * The entry's hash straight from its row: the canonical JSON of the entry assembled from the
 * columns (before/after/detail are stored as canonical JSON, so they go in as stored). For
 * a row the app wrote this equals auditEntryHash(rowToEntry(row)) (tested); a JSON column
 * that is no longer canonical (edited by hand) gives another hash, as it should.
 */
export function rowHash(r: EntryRow, seq: number = r.seq): string {
  return sha256Hex(canonicalEntryText(r, seq));
}

const s = JSON.stringify;
export function canonicalEntryText(r: EntryRow, seq: number = r.seq): string {
  const op =
    r.operator_id === null && r.operator_name === null && r.operator_role === null
      ? 'null'
      : `{"displayName":${s(r.operator_name ?? '')},"id":${s(r.operator_id ?? '')},"role":${s(r.operator_role ?? '')}}`;
  return (
    `{"accountNo":${s(r.account_no)},"action":${s(r.action)},"after":${r.after_json},"at":${s(r.at)},"before":${r.before_json},` +
    `"deskId":${s(r.desk_id)},"detail":${r.detail_json},"kind":${s(r.kind)},"operator":${op},"outcome":${s(r.outcome)},` +
    `"prevHash":${s(r.prev_hash)},"profile":${s(r.profile)},"reason":${s(r.reason)},"requestId":${s(r.request_id)},"seq":${s(seq)}}`
  );
}

function entryOf(r: EntryRow): AuditEntry | null {
  try {
    return rowToEntry(r);
  } catch {
    return null; // a JSON column that no longer parses: edited
  }
}

/** Verifies at once (blocks until done). */
export function verifyAuditDb(db: DatabaseSync, opts: VerifyOptions = {}): AuditVerdict {
  const steps = verifySteps(db, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Verifies a log file on its own read-only connection, in one read transaction (a
 * consistent snapshot while the app goes on appending), yielding to the event loop every
 * 2,000 entries so the desk stays responsive.
 */
export async function verifyAuditFile(file: string, opts: VerifyOptions = {}): Promise<AuditVerdict> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    db.exec('BEGIN');
    const steps = verifySteps(db, opts);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    try {
      db.exec('COMMIT');
    } catch {
      /* no transaction left */
    }
    db.close();
  }
}

function* verifySteps(db: DatabaseSync, opts: VerifyOptions): Generator<void, AuditVerdict> {
  const notes = [...(opts.notes ?? [])];
  const deskId = readMeta(db, META.deskId);
  const logKeyText = readMeta(db, META.publicKey);
  let key: KeyObject | null = opts.publicKey ?? null;
  let keySource: AuditVerdict['keySource'] = key ? (opts.keySource ?? 'pinned') : 'none';
  let keyProblem: Problem | undefined;
  if (key && logKeyText !== undefined && logKeyText !== publicKeyToBase64(key))
    keyProblem = { seq: 0, what: 'checkpoint', cause: 'key-replaced', message: 'The log file names another public key than the desk’s own key: its signatures were replaced' };
  if (!key && logKeyText !== undefined) {
    try {
      key = publicKeyFromBase64(logKeyText);
      keySource = 'log';
      notes.push('Signatures were checked with the public key stored in the log file itself, not an independent copy.');
    } catch {
      keyProblem = { seq: 0, what: 'checkpoint', cause: 'key-replaced', message: 'The log’s public key is damaged' };
    }
  }

  // 1. The chain, in chunks: one hash per entry.
  const hashes: string[] = [''];
  let expected = 1;
  let prev = '';
  let entries = 0;
  let bad: { index: number } | undefined;
  const firstChunk = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries ORDER BY seq LIMIT ${CHUNK}`);
  const nextChunk = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ${CHUNK}`);
  let rows = firstChunk.all() as unknown as EntryRow[];
  while (rows.length) {
    for (const r of rows) {
      if (!bad) {
        if (rowHash(r) === r.hash && (deskId === undefined || r.desk_id === deskId) && r.seq === expected && r.prev_hash === prev) {
          hashes.push(r.hash);
          prev = r.hash;
          expected++;
        } else bad = { index: entries };
      }
      entries++;
    }
    if (rows.length < CHUNK) break;
    yield;
    rows = nextChunk.all(rows[rows.length - 1]!.seq) as unknown as EntryRow[];
  }
  const base = { entries, keySource, ...(notes.length ? { notes } : {}) };
  if (bad) {
    const all = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries ORDER BY seq`).all() as unknown as EntryRow[];
    return { ok: false, ...base, problem: classify(all, bad.index, expected, prev, deskId) };
  }
  const last = expected - 1;
  if (keyProblem) return { ok: false, ...base, problem: keyProblem };

  // 2. Checkpoints.
  const checkpoints = db.prepare('SELECT seq, desk_id, hash, at, signature FROM audit_checkpoints ORDER BY seq').all() as unknown as CheckpointRow[];
  let signedThrough = 0;
  for (const c of checkpoints) {
    if (key) {
      const valid = (deskId === undefined || c.desk_id === deskId) && verifySig(key, checkpointMessage({ deskId: c.desk_id, seq: c.seq, hash: c.hash, at: c.at }), c.signature);
      if (!valid)
        return { ok: false, ...base, checkpoints: checkpoints.length, signedThrough, problem: { seq: c.seq, what: 'checkpoint', cause: 'bad-signature', message: `The checkpoint at entry ${c.seq} has a bad signature` } };
    }
    if (c.seq > last)
      return {
        ok: false,
        ...base,
        checkpoints: checkpoints.length,
        signedThrough,
        problem: { seq: last + 1, last: c.seq, what: 'removed', message: `${cap(range(last + 1, c.seq))} ${were(last + 1, c.seq)} removed (the checkpoint at entry ${c.seq} signed ${c.seq === last + 1 ? 'it' : 'them'})` },
      };
    if (hashes[c.seq] !== c.hash)
      return {
        ok: false,
        ...base,
        checkpoints: checkpoints.length,
        signedThrough,
        problem: {
          seq: c.seq,
          what: 'checkpoint',
          cause: 'mismatch',
          message: `Entries up to ${c.seq} were rewritten after the checkpoint at entry ${c.seq} signed them (the chain no longer leads to the signed entry)`,
        },
      };
    if (key) signedThrough = Math.max(signedThrough, c.seq);
  }

  // 3. The signed head.
  const headText = readMeta(db, META.head);
  const cps = checkpoints.length;
  if (headText === undefined) {
    if (last > 0 && logKeyText === undefined && !opts.publicKey)
      return { ok: false, ...base, checkpoints: cps, signedThrough, problem: { seq: 1, what: 'checkpoint', cause: 'key-replaced', message: 'The log has entries but no public key: its signing key was removed' } };
    if (last > signedThrough && key)
      return { ok: false, ...base, checkpoints: cps, signedThrough, problem: { seq: signedThrough + 1, last, what: 'checkpoint', cause: 'head-missing', message: 'The signed record of the log’s last entry is missing' } };
  } else if (key) {
    let head: { seq: number; hash: string; signature: string } | null;
    try {
      head = JSON.parse(headText) as { seq: number; hash: string; signature: string };
    } catch {
      head = null;
    }
    if (!head || typeof head.seq !== 'number' || !verifySig(key, headMessage({ deskId: deskId ?? '', seq: head.seq, hash: String(head.hash) }), String(head.signature)))
      return { ok: false, ...base, checkpoints: cps, signedThrough, problem: { seq: head?.seq ?? last, what: 'checkpoint', cause: 'bad-signature', message: 'The signed record of the log’s last entry has a bad signature' } };
    if (head.seq > last)
      return {
        ok: false,
        ...base,
        checkpoints: cps,
        signedThrough,
        problem: { seq: last + 1, last: head.seq, what: 'removed', message: `${cap(range(last + 1, head.seq))} ${were(last + 1, head.seq)} removed from the end of the log (the desk signed ${head.seq} entries)` },
      };
    if (head.seq > 0 && hashes[head.seq] !== head.hash)
      return {
        ok: false,
        ...base,
        checkpoints: cps,
        signedThrough,
        problem: { seq: head.seq, what: 'checkpoint', cause: 'mismatch', message: `Entry ${head.seq} is not the entry the desk signed last: entries at the end were removed or replaced` },
      };
    signedThrough = Math.max(signedThrough, head.seq);
  }
  if (key && last > signedThrough)
    return {
      ok: false,
      ...base,
      checkpoints: cps,
      signedThrough,
      problem: {
        seq: signedThrough + 1,
        last,
        what: 'inserted',
        message: `${cap(range(signedThrough + 1, last))} ${were(signedThrough + 1, last)} added after the last entry the desk signed (${signedThrough}): not written by the app, or written while its key could not be read`,
      },
    };
  if (!key && last > 0) notes.push('No public key: the signatures could not be checked, only the hash chain.');
  return { ok: true, entries, checkpoints: cps, signedThrough, keySource, ...(notes.length ? { notes } : {}) };
}

function verifySig(key: KeyObject, message: string, signatureBase64: string): boolean {
  try {
    return verifySignature(null, Buffer.from(message, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The entry number under which this row's content hashes to its stored hash (it was renumbered), if any. */
function originalSeq(r: EntryRow, storedHash: string, near: number, max: number): number | undefined {
  const at = (seq: number) => seq >= 1 && rowHash(r, seq) === storedHash;
  if (at(near)) return near;
  const reach = Math.min(max + 1, 2000);
  for (let d = 1; d <= reach; d++) {
    if (at(near + d)) return near + d;
    if (at(near - d)) return near - d;
  }
  return undefined;
}

/** What happened at the first row that breaks the chain, in words. */
function classify(rows: EntryRow[], i: number, expected: number, prev: string, deskId: string | undefined): Problem {
  const r = rows[i]!;
  const e = entryOf(r);
  if (e && deskId !== undefined && r.desk_id !== deskId) return { seq: r.seq, what: 'inserted', message: `Entry ${r.seq} comes from another desk: it was inserted` };
  const intact = rowHash(r) === r.hash;
  // The genuine entry number `expected` links to `prev`; is it further down?
  const genuineLater = (from: number) => rows.slice(from).some((x) => x.prev_hash === prev);
  if (intact) {
    if (r.seq > expected) return { seq: expected, last: r.seq - 1, what: 'removed', message: `${cap(range(expected, r.seq - 1))} ${were(expected, r.seq - 1)} removed` };
    // Right number, intact, but it does not link to the entry before it.
    const before = i > 0 ? rows[i - 1]! : undefined;
    if (before && r.prev_hash === before.prev_hash)
      return { seq: before.seq, what: 'inserted', message: `An entry was inserted at position ${before.seq}` };
    const edited = Math.max(1, expected - 1);
    return { seq: edited, what: 'edited', message: `Entry ${edited} was edited (its hash was recomputed, so entry ${expected} no longer links to it)` };
  }
  const o = originalSeq(r, r.hash, r.seq, rows.length);
  if (o === undefined) {
    const next = rows[i + 1];
    if (next && next.prev_hash === prev) return { seq: r.seq, what: 'inserted', message: `An entry was inserted at position ${r.seq}` };
    return { seq: r.seq, what: 'edited', message: `Entry ${r.seq} was edited` };
  }
  if (o > expected) {
    if (genuineLater(i + 1))
      return { seq: expected, what: 'reordered', message: `Entries are out of order: entry ${o} stands where entry ${expected} belongs` };
    return { seq: expected, last: o - 1, what: 'removed', message: `${cap(range(expected, o - 1))} ${were(expected, o - 1)} removed (the entries after ${o === expected + 1 ? 'it' : 'them'} were renumbered)` };
  }
  if (o < expected) {
    const before = i > 0 ? rows[i - 1]! : undefined;
    if (before && o === expected - 1 && r.prev_hash === before.prev_hash)
      return { seq: before.seq, what: 'inserted', message: `An entry was inserted at position ${before.seq}` };
    return { seq: r.seq, what: 'reordered', message: `Entries are out of order: entry ${o} stands at position ${r.seq}` };
  }
  return { seq: expected, what: 'edited', message: `Entry ${expected} was edited (its number was changed to ${r.seq})` };
}
