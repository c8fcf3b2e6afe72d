// A stand-in for the desk's AuditLog (main/core/audit) that makes properly chained entries.
// Its hashes are computed here, independently of the code under test: node:crypto over this
// file's own canonical JSON (keys sorted by code unit, no whitespace, undefined left out).
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditInput, AuditLog } from '../../../main/core/audit/types';

export function testCanonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : testCanonical(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined);
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${testCanonical(o[k])}`).join(',')}}`;
}

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Seals an entry: hash over everything but the hash. */
export function seal(e: Omit<AuditEntry, 'hash'>): AuditEntry {
  return { ...e, hash: sha256(testCanonical(e)) };
}

let clock = Date.parse('2026-11-02T08:00:00.000Z');

export function sampleInput(i: number, over: Partial<AuditInput> = {}): AuditInput {
  const comment = i % 3 === 0;
  return {
    kind: i % 2 === 0 ? 'intent' : 'outcome',
    operator: { id: `agent-${i % 4}`, displayName: `Agent ${i % 4}`, role: 'agent' },
    action: comment ? 'comment.add' : 'billingGroup.modify',
    accountNo: 1000 + (i % 7),
    requestId: `req-${Math.floor(i / 2)}`,
    profile: 'Sandbox (embedded)',
    before: comment ? null : { billingGroupName: `Old ${i}` },
    after: comment ? { text: `Kunden ringte om faktura ${i}` } : { billingGroupName: `New ${i}` },
    outcome: i % 2 === 0 ? null : 'APPLIED',
    reason: i % 5 === 0 ? null : `reason ${i}`,
    detail: null,
    ...over,
  };
}

export class FakeAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  constructor(readonly deskId: string) {}

  append(input: AuditInput): AuditEntry {
    const prev = this.entries[this.entries.length - 1];
    const { at, ...rest } = input;
    clock += 1000;
    const e = seal({ ...rest, seq: this.entries.length + 1, deskId: this.deskId, at: at ?? new Date(clock).toISOString(), prevHash: prev?.hash ?? '' });
    this.entries.push(e);
    return e;
  }
  /** Appends n sample entries. */
  fill(n: number, over: (i: number) => Partial<AuditInput> = () => ({})): this {
    for (let i = 0; i < n; i++) this.append(sampleInput(this.entries.length + 1, over(this.entries.length + 1)));
    return this;
  }
  list(): AuditEntry[] {
    return [...this.entries];
  }
  since(seq: number, limit: number): AuditEntry[] {
    return this.entries.filter((e) => e.seq > seq).slice(0, limit);
  }
  verify() {
    return { ok: true, entries: this.entries.length };
  }
  close() {}
}
