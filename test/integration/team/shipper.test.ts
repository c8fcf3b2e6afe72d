// The desk-side queue without PostgreSQL: order, batches, resuming from the durable cursor
// after an interruption, back-off, never blocking, and a damaged local log. (The same
// against a real PostgreSQL, with its faults, is in faults.test.ts.)
import { mkdtempSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../main/core/audit/types';
import { TeamShipper, type EntrySink } from '../../../main/core/team/shipper';
import { FakeAuditLog, sampleInput, seal } from './fakeAuditLog';

/** Keeps entries by hash, as the store does; can be told to fail. */
class FakeSink implements EntrySink {
  readonly byHash = new Map<string, AuditEntry>();
  readonly batches: number[][] = [];
  fail: ((batch: readonly AuditEntry[]) => Error | 'after-commit' | null) | null = null;
  attempts: number[] = [];
  async insertEntries(batch: readonly AuditEntry[]) {
    this.attempts.push(Date.now());
    const f = this.fail?.(batch) ?? null;
    if (f instanceof Error) throw f;
    let inserted = 0;
    for (const e of batch) {
      if (this.byHash.has(e.hash)) continue;
      this.byHash.set(e.hash, e);
      inserted++;
    }
    this.batches.push(batch.map((e) => e.seq));
    if (f === 'after-commit') throw Object.assign(new Error('Connection terminated unexpectedly'), {});
    return { inserted, already: batch.length - inserted };
  }
}

const dirs: string[] = [];
const shippers: TeamShipper[] = [];
function make(log: FakeAuditLog, sink: EntrySink, over: Partial<ConstructorParameters<typeof TeamShipper>[0]> = {}, dir?: string) {
  const d = dir ?? mkdtempSync(join(tmpdir(), 'team-ship-'));
  dirs.push(d);
  const s = new TeamShipper({ log, store: sink, file: join(d, 'team-ship.sqlite'), batchSize: 100, pollMs: 20, minBackoffMs: 10, maxBackoffMs: 80, random: () => 1, ...over });
  shippers.push(s);
  return { s, dir: d };
}
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
afterEach(async () => {
  for (const s of shippers.splice(0)) {
    await s.stop();
    s.close();
  }
});

describe('team shipper (desk side)', () => {
  it('ships every entry once, in order, in batches, and records when', async () => {
    const log = new FakeAuditLog('desk-1').fill(250);
    const sink = new FakeSink();
    const { s } = make(log, sink, { now: () => Date.parse('2026-12-01T09:00:00.000Z') });
    expect(s.status()).toMatchObject({ state: 'stopped', shippedSeq: 0, lastShipAt: null, lastError: null });
    s.start();
    await until(() => s.status().shippedSeq === 250);
    expect(sink.batches.map((b) => [b[0], b[b.length - 1], b.length])).toEqual([
      [1, 100, 100],
      [101, 200, 100],
      [201, 250, 50],
    ]);
    expect(s.status()).toMatchObject({ shippedSeq: 250, lastShipAt: '2026-12-01T09:00:00.000Z', lastError: null, failures: 0 });
    // New entries are picked up after a notify.
    log.fill(3);
    s.notify();
    await until(() => s.status().shippedSeq === 253);
    expect([...sink.byHash.values()].map((e) => e.seq)).toEqual(Array.from({ length: 253 }, (_, i) => i + 1));
  });

  it('resumes from its durable cursor after an interruption; an entry committed before a crash is not stored twice', async () => {
    const log = new FakeAuditLog('desk-2').fill(300);
    const sink = new FakeSink();
    // The store commits the second batch but the answer is lost, then the desk "crashes".
    sink.fail = (b) => (b[0]!.seq === 101 ? 'after-commit' : null);
    const first = make(log, sink);
    await first.s.shipOnce();
    await expect(first.s.shipOnce()).rejects.toThrow('Connection terminated');
    expect(first.s.status().shippedSeq).toBe(100);
    first.s.close();
    shippers.splice(shippers.indexOf(first.s), 1);
    // A new process on the same data folder goes on from seq 100.
    sink.fail = null;
    const second = make(log, sink, {}, first.dir);
    expect(second.s.status().shippedSeq).toBe(100);
    second.s.start();
    await until(() => second.s.status().shippedSeq === 300);
    expect(sink.batches.map((b) => b[0])).toEqual([1, 101, 101, 201]);
    expect(sink.byHash.size).toBe(300);
    // The cursor lives in a WAL-mode SQLite file in the data folder.
    const peek = new DatabaseSync(join(first.dir, 'team-ship.sqlite'));
    expect(peek.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(peek.prepare('SELECT shipped_seq, shipped_hash FROM ship_cursor').get()).toEqual({ shipped_seq: 300, shipped_hash: log.entries[299]!.hash });
    peek.close();
  });

  it('a cursor kept for another team store starts again from entry 1; one kept before the store was recorded stays', async () => {
    const log = new FakeAuditLog('desk-9').fill(120);
    const retire = async (s: TeamShipper) => {
      await s.stop();
      s.close();
      shippers.splice(shippers.indexOf(s), 1);
    };
    const a = new FakeSink();
    const first = make(log, a, { storeKey: 'postgres://a:5432/team' });
    first.s.start();
    await until(() => first.s.status().shippedSeq === 120);
    await retire(first.s);
    // The same store again: on from entry 120.
    const same = make(log, a, { storeKey: 'postgres://a:5432/team' }, first.dir);
    expect(same.s.status()).toMatchObject({ shippedSeq: 120 });
    await retire(same.s);
    // Another store: from entry 1, and no "last shipped" of the old one.
    const b = new FakeSink();
    const other = make(log, b, { storeKey: 'postgres://b:5432/team' }, first.dir);
    expect(other.s.status()).toMatchObject({ shippedSeq: 0, lastShipAt: null, lastError: null, failures: 0 });
    other.s.start();
    await until(() => other.s.status().shippedSeq === 120);
    expect([...b.byHash.values()].map((e) => e.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    await retire(other.s);
    // A cursor written before stores were recorded counted for the store configured then: kept.
    const old = make(log, new FakeSink());
    old.s.start();
    await until(() => old.s.status().shippedSeq === 120);
    await retire(old.s);
    const upgraded = make(log, new FakeSink(), { storeKey: 'postgres://a:5432/team' }, old.dir);
    expect(upgraded.s.status()).toMatchObject({ shippedSeq: 120 });
  });

  it('backs off, doubling up to the cap, says why and since when, and recovers', async () => {
    const log = new FakeAuditLog('desk-3').fill(5);
    const sink = new FakeSink();
    let failuresLeft = 5;
    sink.fail = () => (failuresLeft-- > 0 ? Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) : null);
    const { s } = make(log, sink);
    s.start();
    await until(() => s.status().failures === 2);
    expect(s.status()).toMatchObject({ state: 'backoff', shippedSeq: 0, lastShipAt: null, lastError: { fault: 'unreachable' } });
    expect(s.status().lastError!.message).toContain('The team store cannot be reached (ECONNREFUSED)');
    await until(() => s.status().shippedSeq === 5);
    // Delays 10, 20, 40, 80, 80 ms (random = 1): each gap at least the delay.
    const gaps = sink.attempts.slice(1).map((t, i) => t - sink.attempts[i]!);
    expect(gaps.length).toBe(5);
    [10, 20, 40, 80, 80].forEach((d, i) => expect(gaps[i]!).toBeGreaterThanOrEqual(d - 2));
    expect(s.status()).toMatchObject({ lastError: null, failures: 0, state: 'idle' });
  });

  it('never blocks the desk: appends go on while the store hangs', async () => {
    const log = new FakeAuditLog('desk-4').fill(2);
    let release!: () => void;
    const hang = new Promise<void>((r) => (release = r));
    const sink = new FakeSink();
    const slow: EntrySink = { insertEntries: async (b) => (await hang, sink.insertEntries(b)) };
    const { s } = make(log, slow);
    s.start();
    await until(() => s.status().state === 'shipping');
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) log.append(sampleInput(i));
    s.notify();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(s.status()).toMatchObject({ state: 'shipping', shippedSeq: 0 });
    release();
    await until(() => s.status().shippedSeq === 502);
    expect(sink.byHash.size).toBe(502);
  });

  it('ships the intact part of a damaged local log and stops at the damage', async () => {
    const log = new FakeAuditLog('desk-5').fill(6);
    log.entries[3] = { ...log.entries[3]!, reason: 'edited on disk' }; // seq 4 no longer matches its hash
    const sink = new FakeSink();
    const { s } = make(log, sink);
    await expect(s.shipOnce()).rejects.toThrow("This desk's audit log is damaged: entry 4 does not match its hash.");
    expect(s.status().shippedSeq).toBe(3);
    log.entries.splice(3, 1); // now seq 4 is missing
    await expect(s.shipOnce()).rejects.toThrow('entry 4 is missing (the log gave 5)');
    log.entries.splice(3, 0, seal({ ...log.entries[3]!, seq: 4, prevHash: 'e'.repeat(64), hash: undefined } as never));
    await expect(s.shipOnce()).rejects.toThrow('entry 4 does not follow entry 3');
    expect([...sink.byHash.keys()].length).toBe(3);
  });
});
