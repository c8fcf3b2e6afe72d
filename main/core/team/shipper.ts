// Ships the desk's audit log to the team store: a durable queue of the outbox's kind. The
// queue is the audit log itself; what this file keeps is the cursor — the last seq (and its
// hash) that the team store confirmed — in node:sqlite (WAL, synchronous=FULL) in the data
// folder. Entries go in order, in batches, each batch one all-or-nothing INSERT that the
// store makes idempotent by hash, so every interruption (crash between the store's commit
// and the cursor's, dropped connection, restart of either side) ends in a re-ship that
// stores nothing twice. Nothing here is ever awaited by an agent's write: a store that
// cannot be reached only means the cursor stays behind; status() says since when.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AuditEntry, AuditLog } from '../audit/types';
import { classify, entryText, TeamStoreError, type InsertResult, type TeamFault } from './store';

/** What the shipper needs of the team store (TeamStore, or a stand-in in tests). */
export interface EntrySink {
  insertEntries(entries: readonly AuditEntry[]): Promise<InsertResult>;
}

export interface ShipperOptions {
  log: Pick<AuditLog, 'since'>;
  store: EntrySink;
  /** The cursor's file, e.g. <data folder>/team-ship.sqlite. */
  file: string;
  batchSize?: number;
  /** How often to look for new entries when nothing woke it (default 5 s). */
  pollMs?: number;
  /** Back-off after a failure: from minBackoffMs doubling up to maxBackoffMs (defaults 1 s, 5 min). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  now?: () => number;
  onLog?: (line: string) => void;
  /** Jitter source (tests pass () => 1). */
  random?: () => number;
  /**
   * Which team store the cursor counts for (teamStoreKey(url)). A cursor kept for another
   * store (the desk moved to a new server or database) starts again from entry 1: the store
   * skips what it already holds, so shipping everything again is always safe.
   */
  storeKey?: string;
}

export type ShipState = 'idle' | 'shipping' | 'backoff' | 'stopped';

export interface ShipStatus {
  state: ShipState;
  /** The last seq the team store confirmed (0: nothing yet). */
  shippedSeq: number;
  /** When the team store last confirmed a batch (ISO), null if never: how old its copy is. */
  lastShipAt: string | null;
  lastAttemptAt: string | null;
  /** The last failure, in words, until a batch succeeds again. */
  lastError: { fault: TeamFault; message: string; at: string } | null;
  /** Failures in a row. */
  failures: number;
  /** When the next attempt is due during a back-off (ISO). */
  nextAttemptAt: string | null;
}

interface CursorRow {
  shipped_seq: number;
  shipped_hash: string;
  last_ship_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  failures: number;
}

export class TeamShipper {
  private readonly db: DatabaseSync;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private state: ShipState = 'stopped';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private nextAttemptAt: number | null = null;
  private wanted = false;

  constructor(private readonly o: ShipperOptions) {
    this.batchSize = o.batchSize ?? 500;
    this.pollMs = o.pollMs ?? 5_000;
    this.minBackoffMs = o.minBackoffMs ?? 1_000;
    this.maxBackoffMs = o.maxBackoffMs ?? 300_000;
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    mkdirSync(dirname(o.file), { recursive: true });
    this.db = new DatabaseSync(o.file);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ship_cursor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      shipped_seq INTEGER NOT NULL,
      shipped_hash TEXT NOT NULL,
      last_ship_at TEXT,
      last_attempt_at TEXT,
      last_error TEXT,
      failures INTEGER NOT NULL DEFAULT 0
    )`);
    this.db.exec("INSERT OR IGNORE INTO ship_cursor (id, shipped_seq, shipped_hash) VALUES (1, 0, '')");
    const columns = this.db.prepare('PRAGMA table_info(ship_cursor)').all() as unknown as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'store')) this.db.exec('ALTER TABLE ship_cursor ADD COLUMN store TEXT');
    if (o.storeKey !== undefined) {
      const { store } = this.db.prepare('SELECT store FROM ship_cursor WHERE id = 1').get() as unknown as { store: string | null };
      // A cursor from before the store was recorded counted for the store configured then.
      if (store === null) this.db.prepare('UPDATE ship_cursor SET store = ? WHERE id = 1').run(o.storeKey);
      else if (store !== o.storeKey) {
        this.db
          .prepare("UPDATE ship_cursor SET store = ?, shipped_seq = 0, shipped_hash = '', last_ship_at = NULL, last_attempt_at = NULL, last_error = NULL, failures = 0 WHERE id = 1")
          .run(o.storeKey);
        o.onLog?.('team store: this desk ships to another team store now; shipping its log from entry 1 (entries the store holds are skipped)');
      }
    }
  }

  private cursor(): CursorRow {
    return this.db.prepare('SELECT shipped_seq, shipped_hash, last_ship_at, last_attempt_at, last_error, failures FROM ship_cursor WHERE id = 1').get() as unknown as CursorRow;
  }

  status(): ShipStatus {
    const c = this.cursor();
    return {
      state: this.state,
      shippedSeq: c.shipped_seq,
      lastShipAt: c.last_ship_at,
      lastAttemptAt: c.last_attempt_at,
      lastError: c.last_error ? (JSON.parse(c.last_error) as ShipStatus['lastError']) : null,
      failures: c.failures,
      nextAttemptAt: this.state === 'backoff' && this.nextAttemptAt !== null ? new Date(this.nextAttemptAt).toISOString() : null,
    };
  }

  /** Starts shipping in the background. */
  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'idle';
    this.schedule(0);
  }

  /** New entries were appended: ship soon, unless backing off. */
  notify(): void {
    if (this.state === 'idle') this.schedule(0);
    else if (this.state === 'shipping') this.wanted = true;
  }

  /** Stops after the batch in flight (if any); the cursor is as the store last confirmed. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  close(): void {
    this.db.close();
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.state === 'stopped' || this.running) return;
      this.running = this.loop().finally(() => (this.running = null));
    }, ms);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    this.state = 'shipping';
    for (;;) {
      this.wanted = false;
      let more: boolean;
      try {
        more = await this.shipOnce();
      } catch (e) {
        if ((this.state as ShipState) === 'stopped') return;
        const f = classify(e);
        const failures = this.recordFailure(f.fault, f.message);
        const cap = f.transient ? this.maxBackoffMs : Math.max(this.maxBackoffMs, 60_000);
        const base = Math.min(cap, this.minBackoffMs * 2 ** Math.min(failures - 1, 30));
        const delay = Math.round(base * (0.5 + 0.5 * this.random()));
        this.o.onLog?.(`team store: ${f.message} (attempt ${failures}, next in ${Math.round(delay / 1000)} s)`);
        this.state = 'backoff';
        this.nextAttemptAt = this.now() + delay;
        this.schedule(delay);
        return;
      }
      if ((this.state as ShipState) === 'stopped') return;
      if (!more && !this.wanted) {
        this.state = 'idle';
        this.schedule(this.pollMs);
        return;
      }
    }
  }

  /**
   * One batch. Returns whether a full batch went (so there may be more). Exposed for tests
   * and for a "ship now" button; never run two at once (the loop does not).
   */
  async shipOnce(): Promise<boolean> {
    const c = this.cursor();
    const batch = this.o.log.since(c.shipped_seq, this.batchSize);
    if (!batch.length) return false;
    // Ship the intact part; a damaged entry stops the queue there (and is reported).
    const damage = this.checkLocal(batch, c);
    const good = damage ? batch.slice(0, damage.index) : batch;
    if (good.length) {
      this.db.prepare('UPDATE ship_cursor SET last_attempt_at = ? WHERE id = 1').run(new Date(this.now()).toISOString());
      const r = await this.o.store.insertEntries(good);
      const last = good[good.length - 1]!;
      this.recordSuccess(last.seq, last.hash);
      if (r.already) this.o.onLog?.(`team store: ${r.already} of ${good.length} entries were already there (shipped before an interruption)`);
    }
    if (damage) throw new TeamStoreError('local', `This desk's audit log is damaged: ${damage.problem}. Nothing from there on is shipped; run npm run audit:verify.`);
    return batch.length === this.batchSize;
  }

  /** The local log must hand out a contiguous, intact chain from the cursor on. */
  private checkLocal(batch: AuditEntry[], c: CursorRow): { index: number; problem: string } | null {
    let seq = c.shipped_seq;
    let prev = c.shipped_hash;
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i]!;
      const problem =
        e.seq !== seq + 1
          ? `entry ${seq + 1} is missing (the log gave ${e.seq})`
          : e.prevHash !== prev
            ? `entry ${e.seq} does not follow entry ${seq}`
            : createHash('sha256').update(entryText(e), 'utf8').digest('hex') !== e.hash
              ? `entry ${e.seq} does not match its hash`
              : null;
      if (problem) return { index: i, problem };
      seq = e.seq;
      prev = e.hash;
    }
    return null;
  }

  private recordSuccess(seq: number, hash: string) {
    const at = new Date(this.now()).toISOString();
    this.db.prepare('UPDATE ship_cursor SET shipped_seq = ?, shipped_hash = ?, last_ship_at = ?, last_error = NULL, failures = 0 WHERE id = 1').run(seq, hash, at);
  }

  private recordFailure(fault: TeamFault, message: string): number {
    const at = new Date(this.now()).toISOString();
    this.db.prepare('UPDATE ship_cursor SET last_error = ?, failures = failures + 1 WHERE id = 1').run(JSON.stringify({ fault, message, at }));
    return this.cursor().failures;
  }
}
