// The outbox's durable rows: node:sqlite in the desk's data folder, WAL, synchronous=FULL,
// so a row is on disk (fsynced) before insert() returns and before anything says "queued"
// (security.md; decision D53). One row per command; its state moves
//   pending → sending → applied | rejected | unknown → (settled) applied | pending | parked
// and a person moves parked items on (retry, edit, discard).
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Command, OutboxState, ParkKind } from '../../../shared/commands';
import type { EndpointName } from '../../../shared/amps';
import type { Operator } from '../services/context';

export interface AmpsRequestData {
  endpoint: EndpointName;
  payload: Record<string, unknown>;
}

/** A command carried out by Aria's core API instead (plan replacement, D71): POST /v1/core. */
export interface CoreRequestData {
  api: 'core';
  restCall: string;
  payload: Record<string, unknown>;
}

/** What a row sends: an AMPS endpoint, or a core API method. */
export type RequestData = AmpsRequestData | CoreRequestData;
export const isCoreRequest = (r: RequestData): r is CoreRequestData => (r as { api?: unknown }).api === 'core';

export interface Problem {
  kind: ParkKind;
  message: string;
  fields?: { path: string; message: string }[];
}

export interface OutboxRow {
  seq: number;
  id: string;
  profile: string;
  accountNo: number;
  type: Command['type'];
  command: Command;
  request: RequestData;
  operator: Operator;
  dependsOn: string | null;
  state: OutboxState;
  attempts: number;
  nextAt: number;
  createdAt: number;
  updatedAt: number;
  problem: Problem | null;
  result: unknown;
}

interface RawRow {
  seq: number;
  id: string;
  profile: string;
  account_no: number;
  type: string;
  command: string;
  request: string;
  operator: string;
  depends_on: string | null;
  state: string;
  attempts: number;
  next_at: number;
  created_at: number;
  updated_at: number;
  problem: string | null;
  result: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  profile TEXT NOT NULL,
  account_no INTEGER NOT NULL,
  type TEXT NOT NULL,
  command TEXT NOT NULL,
  request TEXT NOT NULL,
  operator TEXT NOT NULL,
  depends_on TEXT,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  problem TEXT,
  result TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS items_open ON items (state, profile, account_no, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

/** States that still need something: sending, settling or a person. */
export const OPEN_STATES: readonly OutboxState[] = ['pending', 'sending', 'unknown', 'parked'];
const OPEN_SQL = `('pending','sending','unknown','parked')`;

export class OutboxStore {
  private readonly db: DatabaseSync;
  private readonly stmts: Record<string, StatementSync>;

  constructor(file: string) {
    this.db = new DatabaseSync(file);
    try {
      // FULL: the WAL is fsynced on every commit, so a committed row survives power loss too.
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 2000;');
      this.db.exec(SCHEMA);
      const check = this.db.prepare('PRAGMA quick_check').get() as { quick_check: string } | undefined;
      if (check?.quick_check !== 'ok') throw new Error(`the outbox database is damaged (${check?.quick_check ?? 'no answer'})`);
    } catch (e) {
      this.db.close();
      throw e;
    }
    const s = (sql: string) => this.db.prepare(sql);
    this.stmts = {
      insert: s(`INSERT INTO items (id, profile, account_no, type, command, request, operator, depends_on, state, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`),
      get: s('SELECT * FROM items WHERE id = ?'),
      open: s(`SELECT * FROM items WHERE state IN ${OPEN_SQL} ORDER BY seq`),
      openOf: s(`SELECT * FROM items WHERE state IN ${OPEN_SQL} AND profile = ? ORDER BY seq`),
      setState: s('UPDATE items SET state = ?, attempts = ?, next_at = ?, problem = ?, result = ?, updated_at = ? WHERE id = ?'),
      setCommand: s('UPDATE items SET command = ?, request = ?, account_no = ?, updated_at = ? WHERE id = ?'),
      heads: s(`SELECT i.* FROM items i JOIN (SELECT MIN(seq) AS seq FROM items WHERE state IN ${OPEN_SQL} GROUP BY profile, account_no) h ON i.seq = h.seq ORDER BY i.seq`),
      after: s(`SELECT * FROM items WHERE state IN ${OPEN_SQL} AND profile = ? AND account_no = ? AND seq > ? ORDER BY seq LIMIT 1`),
      head: s(`SELECT * FROM items WHERE state IN ${OPEN_SQL} AND profile = ? AND account_no = ? ORDER BY seq LIMIT 1`),
      waiting: s(`SELECT 1 AS x FROM items WHERE state IN ${OPEN_SQL} AND (state = 'parked' OR next_at > ?) AND profile = ? AND account_no = ? AND id <> ? LIMIT 1`),
      counts: s(`SELECT profile = ? AS mine, state, COUNT(*) AS n FROM items WHERE state IN ${OPEN_SQL} GROUP BY 1, 2`),
      dependents: s(`SELECT * FROM items WHERE depends_on = ? AND state IN ${OPEN_SQL} ORDER BY seq`),
      metaGet: s('SELECT value FROM meta WHERE key = ?'),
      metaSet: s('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      prune: s(`DELETE FROM items WHERE state IN ('applied','rejected','discarded') AND updated_at < ?`),
    };
  }

  /** Inserts the rows of one write (the write and its reason comment) in one durable transaction. */
  insert(rows: Omit<OutboxRow, 'seq' | 'state' | 'attempts' | 'nextAt' | 'updatedAt' | 'problem' | 'result'>[]): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const r of rows)
        this.stmts.insert!.run(r.id, r.profile, r.accountNo, r.type, JSON.stringify(r.command), JSON.stringify(r.request), JSON.stringify(r.operator), r.dependsOn, r.createdAt, r.createdAt);
      this.db.exec('COMMIT');
    } catch (e) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // the transaction is already gone (e.g. the disk is full)
      }
      throw e;
    }
  }

  /** Runs fn's updates in one transaction: one fsync for several state changes. */
  batch(fn: () => void): void {
    if (this.db.isTransaction) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      this.db.exec('COMMIT');
    } catch (e) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // already rolled back
      }
      throw e;
    }
  }

  get(id: string): OutboxRow | undefined {
    const r = this.stmts.get!.get(id) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Every open item (all profiles), in queue order. */
  open(profile?: string): OutboxRow[] {
    const rows = (profile === undefined ? this.stmts.open!.all() : this.stmts.openOf!.all(profile)) as unknown as RawRow[];
    return rows.map(toRow);
  }

  /** The first open item of each account (what replay works on next). */
  heads(): OutboxRow[] {
    return (this.stmts.heads!.all() as unknown as RawRow[]).map(toRow);
  }

  head(profile: string, accountNo: number): OutboxRow | undefined {
    const r = this.stmts.head!.get(profile, accountNo) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** The account's next open item after `row`. */
  after(row: Pick<OutboxRow, 'profile' | 'accountNo' | 'seq'>): OutboxRow | undefined {
    const r = this.stmts.after!.get(row.profile, row.accountNo, row.seq) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Whether an item of the account (other than `except`) waits for a person or a retry. */
  hasWaiting(profile: string, accountNo: number, except: string, now: number): boolean {
    return !!this.stmts.waiting!.get(now, profile, accountNo, except);
  }

  counts(profile: string): { pending: number; parked: number; unknown: number; otherProfiles: number } {
    const out = { pending: 0, parked: 0, unknown: 0, otherProfiles: 0 };
    for (const r of this.stmts.counts!.all(profile) as { mine: number; state: string; n: number }[]) {
      if (!r.mine) out.otherProfiles += r.n;
      else if (r.state === 'parked') out.parked += r.n;
      else if (r.state === 'unknown') out.unknown += r.n;
      else out.pending += r.n;
    }
    return out;
  }

  dependents(id: string): OutboxRow[] {
    return (this.stmts.dependents!.all(id) as unknown as RawRow[]).map(toRow);
  }

  update(row: Pick<OutboxRow, 'id' | 'state' | 'attempts' | 'nextAt' | 'problem' | 'result'>, now: number): void {
    this.stmts.setState!.run(
      row.state,
      row.attempts,
      row.nextAt,
      row.problem ? JSON.stringify(row.problem) : null,
      row.result === undefined || row.result === null ? null : JSON.stringify(row.result),
      now,
      row.id,
    );
  }

  replaceCommand(id: string, command: Command, request: RequestData, now: number): void {
    this.stmts.setCommand!.run(JSON.stringify(command), JSON.stringify(request), command.accountNo, now, id);
  }

  meta(key: string): string | undefined {
    return (this.stmts.metaGet!.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.metaSet!.run(key, value);
  }

  /** Forgets finished items older than `before` (they are in the audit log). */
  prune(before: number): void {
    this.stmts.prune!.run(before);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

function toRow(r: RawRow): OutboxRow {
  return {
    seq: r.seq,
    id: r.id,
    profile: r.profile,
    accountNo: r.account_no,
    type: r.type as Command['type'],
    command: JSON.parse(r.command) as Command,
    request: JSON.parse(r.request) as RequestData,
    operator: JSON.parse(r.operator) as Operator,
    dependsOn: r.depends_on,
    state: r.state as OutboxState,
    attempts: r.attempts,
    nextAt: r.next_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    problem: r.problem ? (JSON.parse(r.problem) as Problem) : null,
    result: r.result ? JSON.parse(r.result) : null,
  };
}
