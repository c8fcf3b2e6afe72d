// The desk's audit log (docs/audit.md): append-only, hash-chained, on node:sqlite with
// WAL and synchronous=FULL, so an entry is on disk before append() returns.
//
// Signatures: the desk has an Ed25519 key pair. The private key is kept in the secret
// store (name `audit:<deskId>:signingKey`, PKCS#8 PEM) and only in memory besides; the
// public key is in the log file (and derivable from the secret). Two things are signed:
// - the head: the last entry's {seq, hash}, re-signed in the same transaction as every
//   append, so cutting entries off the end (even after the last checkpoint) is detected;
// - checkpoints: every `checkpointEvery` entries (default 100), on close, and on open when
//   entries were written after the last one; kept for good, so a verifier (or the team
//   store) can tell which prefix of the log the desk had signed when.
// The key loads from the secret store asynchronously (`ready`); entries appended before
// it is there are covered by the next signature. A log whose signed head no longer
// matches its last entry when opened is never re-signed: the damage stays visible.
import { generateKeyPairSync, createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SecretStore } from '../secrets/secretStore';
import { CoreError } from '../errors';
import { canonicalJson, checkpointMessage, headMessage } from './hash';
import { ENTRY_COLUMNS, META, readMeta, rowToEntry, SCHEMA, type EntryRow } from './schema';
import { checkText, scrubValue } from './scrub';
import type { AuditEntry, AuditFilter, AuditInput, AuditLog, AuditVerdict } from './types';
import { publicKeyToBase64, rowHash, verifyAuditDb, verifyAuditFile } from './verify';
import { say } from '../../../shared/ipc/say';

export const AUDIT_FILE = 'audit.sqlite';
export const DESK_ID_FILE = 'desk-id';
export const DEFAULT_CHECKPOINT_EVERY = 100;
export const MAX_PAGE = 1000;
export const signingKeyName = (deskId: string) => `audit:${deskId}:signingKey`;

export interface OpenAuditLogOptions {
  /** The SQLite file; default `<dataDir>/audit.sqlite`. */
  file?: string;
  dataDir?: string;
  secrets: SecretStore;
  now?: () => number;
  /** Only for a new log (tests); otherwise the log's own, or the data folder's (`desk-id`). */
  deskId?: string;
  checkpointEvery?: number;
  log?: (line: string) => void;
}

export type AuditKeyState = 'loading' | 'ready' | 'missing' | 'unreadable' | 'replaced';

export interface DeskAuditLog extends AuditLog {
  /** verify() on its own connection and snapshot, yielding to the event loop as it goes. */
  verifyAsync(): Promise<AuditVerdict>;
  /** Appends several entries in one transaction (one fsync): all or none. */
  appendBatch(inputs: readonly AuditInput[]): AuditEntry[];
  readonly deskId: string;
  readonly file: string;
  /** Settles once the signing key is loaded (or known to be unusable); never rejects. */
  readonly ready: Promise<void>;
  keyState(): AuditKeyState;
  /** Entries matching the filter (limit and offset ignored). */
  count(filter?: AuditFilter): number;
  /** The last entry's seq (0 when empty). */
  lastSeq(): number;
  /** Writes a signed checkpoint at the last entry now (null when there is nothing new or no key). */
  checkpoint(): { seq: number; hash: string } | null;
  /** The desk's public key (SPKI DER, base64), for verifiers and the team store. */
  publicKey(): string | null;
}

/** The desk's id for a data folder: made once (random), kept in `<dataDir>/desk-id`. */
export function loadOrCreateDeskId(dataDir: string): string {
  const file = join(dataDir, DESK_ID_FILE);
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9-]{8,64}$/.test(id)) return id;
  } catch {
    /* not made yet */
  }
  mkdirSync(dataDir, { recursive: true });
  const id = randomUUID();
  try {
    writeFileSync(file, `${id}\n`, { flag: 'wx', mode: 0o644 });
    return id;
  } catch {
    return readFileSync(file, 'utf8').trim(); // made by someone else in between
  }
}

/** Folds text for the plain-text filter (case, compatibility forms). */
export const foldText = (s: string) => s.normalize('NFKC').toLowerCase();

function collectWords(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectWords(v, out);
  else if (typeof value === 'object') for (const v of Object.values(value)) collectWords(v, out);
}

const ISO_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A bare date means midnight UTC; anything else must parse as a date-time. */
function boundary(value: string, field: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
  if (Number.isNaN(t)) throw Object.assign(new CoreError('VALIDATION', say('notADate'), [{ path: field, message: 'Not a date' }]), { message: `${field} is not a date` });
  return new Date(t).toISOString();
}

export function openAuditLog(opts: OpenAuditLogOptions): DeskAuditLog {
  const file = opts.file ?? (opts.dataDir ? join(opts.dataDir, AUDIT_FILE) : undefined);
  if (!file) throw new Error('openAuditLog needs a file or a dataDir');
  mkdirSync(dirname(file), { recursive: true });
  const now = opts.now ?? Date.now;
  const every = Math.max(1, opts.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY);
  const log = opts.log ?? (() => {});

  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec(SCHEMA);

  const setMeta = db.prepare('INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  let deskId = readMeta(db, META.deskId);
  if (!deskId) {
    deskId = opts.deskId ?? (opts.dataDir ? loadOrCreateDeskId(opts.dataDir) : randomUUID());
    setMeta.run(META.deskId, deskId);
    setMeta.run(META.version, '1');
  }
  const desk = deskId;

  const insert = db.prepare(
    `INSERT INTO audit_entries (${ENTRY_COLUMNS}, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCheckpoint = db.prepare('INSERT INTO audit_checkpoints (seq, desk_id, hash, at, signature) VALUES (?, ?, ?, ?, ?)');
  const lastRow = () => db.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const lastCheckpointSeq = () => (db.prepare('SELECT max(seq) AS s FROM audit_checkpoints').get() as { s: number | null }).s ?? 0;

  let tip = lastRow() ?? { seq: 0, hash: '' };
  // Is the signed head what this file ends with? If not, never sign over the difference.
  const headText = readMeta(db, META.head);
  let headTrusted: boolean;
  try {
    const head = headText ? (JSON.parse(headText) as { seq: number; hash: string }) : null;
    headTrusted = head ? head.seq === tip.seq && head.hash === tip.hash : tip.seq === 0;
  } catch {
    headTrusted = false;
  }
  if (!headTrusted) log(`audit log: ${file} does not end with the entry it signed last; its signatures will not be renewed`);

  let closed = false;
  // The signing key.
  let key: KeyObject | null = null;
  let state: AuditKeyState = 'loading';
  const logPublicKey = readMeta(db, META.publicKey);
  let ready: Promise<void>;
  if (logPublicKey === undefined && tip.seq === 0) {
    // A new log: a new key, usable at once; the private half goes to the secret store.
    const pair = generateKeyPairSync('ed25519');
    key = pair.privateKey;
    state = 'ready';
    setMeta.run(META.publicKey, publicKeyToBase64(pair.publicKey));
    const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    ready = opts.secrets.set(signingKeyName(desk), pem).catch(() => {
      log('audit log: the signing key could not be saved in the secret store');
    });
  } else {
    ready = (async () => {
      try {
        const pem = await opts.secrets.get(signingKeyName(desk));
        if (!pem) {
          state = 'missing';
          log('audit log: the desk’s signing key is not in the secret store; new entries are not signed');
          return;
        }
        const k = createPrivateKey(pem);
        if (logPublicKey === undefined || publicKeyToBase64(createPublicKey(k)) !== logPublicKey) {
          state = 'replaced';
          log('audit log: the log file names another public key than the desk’s; new entries are not signed');
          return;
        }
        key = k;
        state = 'ready';
        if (closed) return;
        // A head that does not carry the desk's signature is not trusted either.
        if (headTrusted && headText) {
          const head = JSON.parse(headText) as { seq: number; hash: string; signature: string };
          if (!verify(null, Buffer.from(headMessage({ deskId: desk, seq: head.seq, hash: head.hash }), 'utf8'), createPublicKey(k), Buffer.from(String(head.signature), 'base64'))) {
            headTrusted = false;
            log(`audit log: the signed head of ${file} has a bad signature; its signatures will not be renewed`);
          }
        }
        if (headTrusted) {
          signHead();
          if (tip.seq > lastCheckpointSeq()) writeCheckpoint();
        }
      } catch {
        state = 'unreadable';
        log('audit log: the desk’s signing key could not be read; new entries are not signed');
      }
    })();
  }

  const sig = (message: string) => sign(null, Buffer.from(message, 'utf8'), key!).toString('base64');

  function signHead(t = tip) {
    if (!key || !headTrusted) return;
    setMeta.run(META.head, JSON.stringify({ seq: t.seq, hash: t.hash, signature: sig(headMessage({ deskId: desk, seq: t.seq, hash: t.hash })) }));
  }

  function writeCheckpoint(t = tip): { seq: number; hash: string } | null {
    if (!key || !headTrusted || t.seq === 0 || t.seq <= lastCheckpointSeq()) return null;
    const at = new Date(now()).toISOString();
    insertCheckpoint.run(t.seq, desk, t.hash, at, sig(checkpointMessage({ deskId: desk, seq: t.seq, hash: t.hash, at })));
    return { seq: t.seq, hash: t.hash };
  }

  const inTransaction = <T>(fn: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (e) {
      // A failed COMMIT (the disk is full) has rolled back already: keep the real error.
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };

  function where(filter: AuditFilter): { sql: string; params: (string | number)[] } {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    if (filter.from) {
      clauses.push('at >= ?');
      params.push(boundary(filter.from, 'from'));
    }
    if (filter.to) {
      clauses.push('at < ?');
      params.push(boundary(filter.to, 'to'));
    }
    if (filter.operatorId !== undefined) {
      clauses.push('operator_id = ?');
      params.push(filter.operatorId);
    }
    if (filter.accountNo !== undefined) {
      clauses.push('account_no = ?');
      params.push(filter.accountNo);
    }
    if (filter.maxSeq !== undefined) {
      clauses.push('seq <= ?');
      params.push(filter.maxSeq);
    }
    if (filter.kind) {
      clauses.push('kind = ?');
      params.push(filter.kind);
    }
    const text = filter.text?.trim();
    if (text) {
      // instr() knows no wildcards: % _ ' " are matched as themselves.
      clauses.push('instr(search_text, ?) > 0');
      params.push(foldText(text));
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  function assertOpen() {
    if (closed) throw new CoreError('INTERNAL', say('auditClosed'));
  }

  /** The key verify checks signatures with: the desk's own, when it could be loaded. */
  function verifyKey(): { publicKey: KeyObject | null; notes: string[]; replaced?: AuditVerdict } {
    const notes: string[] = [];
    if (state === 'replaced')
      return {
        publicKey: null,
        notes,
        replaced: {
          ok: false,
          entries: tip.seq,
          keySource: 'secret-store',
          problem: { seq: 0, what: 'checkpoint', cause: 'key-replaced', message: 'The log file names another public key than the desk’s own key: its signatures were replaced' },
        },
      };
    if (key) return { publicKey: createPublicKey(key), notes };
    if (state === 'loading') notes.push('The desk’s key is still loading; signatures were checked with the key in the log file.');
    else if (state === 'missing') notes.push('The desk’s signing key is not in its secret store; signatures were checked with the key in the log file.');
    else if (state === 'unreadable') notes.push('The desk’s signing key could not be read from its secret store; signatures were checked with the key in the log file.');
    return { publicKey: null, notes };
  }

  interface Prepared {
    at: string;
    body: Omit<AuditEntry, 'seq' | 'deskId' | 'at' | 'prevHash' | 'hash'>;
    searchText: string;
  }

  /** Checks and scrubs an input; throws (VALIDATION) before anything is written. */
  function prepare(input: AuditInput): Prepared {
    const at = input.at ?? new Date(now()).toISOString();
    if (!ISO_AT.test(at)) throw Object.assign(new CoreError('VALIDATION', say('auditEntryInvalid'), [{ path: 'at', message: 'Not an ISO date-time' }]), { message: 'The audit entry’s time must be ISO 8601 UTC with milliseconds' });
    if (typeof input.action !== 'string' || !input.action) throw Object.assign(new CoreError('VALIDATION', say('auditEntryInvalid'), [{ path: 'action', message: 'Required' }]), { message: 'The audit entry needs an action' });
    if (!['intent', 'outcome', 'event'].includes(input.kind)) throw Object.assign(new CoreError('VALIDATION', say('auditEntryInvalid'), [{ path: 'kind', message: 'Unknown kind' }]), { message: 'The audit entry’s kind must be intent, outcome or event' });
    if (input.reason) checkText(input.reason, 'reason');
    const operator = input.operator ? { id: String(input.operator.id), displayName: String(input.operator.displayName), role: input.operator.role } : null;
    const body = {
      kind: input.kind,
      operator,
      action: input.action,
      accountNo: input.accountNo ?? null,
      requestId: input.requestId ?? null,
      profile: input.profile ?? null,
      before: scrubValue(input.before, 'before'),
      after: scrubValue(input.after, 'after'),
      outcome: input.outcome ?? null,
      reason: input.reason ?? null,
      detail: scrubValue(input.detail, 'detail'),
    };
    const words: string[] = [body.kind, body.action, body.reason ?? '', body.outcome ?? '', body.requestId ?? '', body.profile ?? ''];
    if (operator) words.push(operator.id, operator.displayName, operator.role);
    if (body.accountNo !== null) words.push(String(body.accountNo));
    collectWords(body.before, words);
    collectWords(body.after, words);
    collectWords(body.detail, words);
    return { at, body, searchText: foldText(words.filter(Boolean).join('\n')) };
  }

  /** Writes one prepared entry after `last` (inside a transaction). */
  function insertOne(p: Prepared, last: { seq: number; hash: string }): AuditEntry {
    const b = p.body;
    const row: EntryRow = {
      seq: last.seq + 1,
      desk_id: desk,
      at: p.at,
      kind: b.kind,
      operator_id: b.operator?.id ?? null,
      operator_name: b.operator?.displayName ?? null,
      operator_role: b.operator?.role ?? null,
      action: b.action,
      account_no: b.accountNo,
      request_id: b.requestId,
      profile: b.profile,
      // Stored as canonical JSON, so the verifier hashes the columns as they are.
      before_json: canonicalJson(b.before),
      after_json: canonicalJson(b.after),
      outcome: b.outcome,
      reason: b.reason,
      detail_json: canonicalJson(b.detail),
      prev_hash: last.hash,
      hash: '',
    };
    row.hash = rowHash(row);
    insert.run(
      row.seq,
      row.desk_id,
      row.at,
      row.kind,
      row.operator_id,
      row.operator_name,
      row.operator_role,
      row.action,
      row.account_no,
      row.request_id,
      row.profile,
      row.before_json,
      row.after_json,
      row.outcome,
      row.reason,
      row.detail_json,
      row.prev_hash,
      row.hash,
      p.searchText,
    );
    return { seq: row.seq, deskId: desk, at: p.at, ...b, prevHash: last.hash, hash: row.hash };
  }

  /** Signs the new head, and writes a checkpoint when one is due. */
  function sealed(t: { seq: number; hash: string }, checkpointDue: boolean) {
    signHead(t);
    if (checkpointDue) writeCheckpoint(t);
  }

  return {
    deskId: desk,
    file,
    ready,
    keyState: () => state,
    lastSeq: () => tip.seq,
    publicKey: () => readMeta(db, META.publicKey) ?? null,

    append(input: AuditInput): AuditEntry {
      assertOpen();
      const p = prepare(input);
      const written = inTransaction(() => {
        const entry = insertOne(p, lastRow() ?? { seq: 0, hash: '' });
        sealed({ seq: entry.seq, hash: entry.hash }, entry.seq % every === 0);
        return entry;
      });
      tip = { seq: written.seq, hash: written.hash };
      return written;
    },

    appendBatch(inputs: readonly AuditInput[]): AuditEntry[] {
      assertOpen();
      if (!inputs.length) return [];
      const prepared = inputs.map(prepare); // every entry is checked before any is written
      const written = inTransaction(() => {
        let last = lastRow() ?? { seq: 0, hash: '' };
        const out: AuditEntry[] = [];
        for (const p of prepared) {
          const entry = insertOne(p, last);
          last = { seq: entry.seq, hash: entry.hash };
          if (entry.seq % every === 0) writeCheckpoint(last);
          out.push(entry);
        }
        sealed(last, false);
        return out;
      });
      const end = written[written.length - 1]!;
      tip = { seq: end.seq, hash: end.hash };
      return written;
    },

    list(filter: AuditFilter = {}): AuditEntry[] {
      assertOpen();
      const { sql, params } = where(filter);
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 100)), MAX_PAGE);
      const offset = Math.max(0, Math.trunc(filter.offset ?? 0));
      const order = filter.order === 'desc' ? 'DESC' : 'ASC';
      const rows = prepared(`SELECT ${ENTRY_COLUMNS} FROM audit_entries ${sql} ORDER BY seq ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as unknown as EntryRow[];
      return rows.map(rowToEntry);
    },

    count(filter: AuditFilter = {}): number {
      assertOpen();
      const { sql, params } = where(filter);
      return (prepared(`SELECT count(*) AS n FROM audit_entries ${sql}`).get(...params) as { n: number }).n;
    },

    since(seq: number, limit: number): AuditEntry[] {
      assertOpen();
      const n = Math.min(Math.max(1, Math.trunc(limit)), 10_000);
      const rows = prepared(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?`).all(seq, n) as unknown as EntryRow[];
      return rows.map(rowToEntry);
    },

    verify(): AuditVerdict {
      assertOpen();
      const { publicKey, notes, replaced } = verifyKey();
      if (replaced) return replaced;
      return verifyAuditDb(db, { publicKey, keySource: publicKey ? 'secret-store' : 'log', notes });
    },

    async verifyAsync(): Promise<AuditVerdict> {
      assertOpen();
      const { publicKey, notes, replaced } = verifyKey();
      if (replaced) return replaced;
      return verifyAuditFile(file, { publicKey, keySource: publicKey ? 'secret-store' : 'log', notes });
    },

    checkpoint() {
      assertOpen();
      return inTransaction(() => writeCheckpoint());
    },

    close() {
      if (closed) return;
      try {
        inTransaction(() => writeCheckpoint());
      } catch {
        /* closing anyway */
      }
      closed = true;
      db.close();
    },
  };
}
