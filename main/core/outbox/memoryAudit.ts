// An AuditLog kept in memory: what the pipeline is given where no desk audit log is wired
// (unit tests; the composition root until main/core/audit's log is there). It keeps the
// interface's contract (seq without gaps, prevHash chain) but nothing survives a restart.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditFilter, AuditInput, AuditLog, AuditVerdict } from '../audit/types';

export function memoryAuditLog(deskId = 'memory'): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  const hashOf = (e: Omit<AuditEntry, 'hash'>) => createHash('sha256').update(JSON.stringify(e)).digest('hex');
  return {
    entries,
    append(input: AuditInput): AuditEntry {
      const { at, ...rest } = input;
      const base = { seq: entries.length + 1, deskId, at: at ?? new Date().toISOString(), ...rest, prevHash: entries.at(-1)?.hash ?? '' };
      const entry = { ...base, hash: hashOf(base) };
      entries.push(entry);
      return entry;
    },
    list(filter: AuditFilter = {}): AuditEntry[] {
      return entries
        .filter((e) => (filter.accountNo === undefined || e.accountNo === filter.accountNo) && (!filter.kind || e.kind === filter.kind))
        .slice(filter.offset ?? 0, (filter.offset ?? 0) + (filter.limit ?? entries.length));
    },
    since: (seq: number, limit: number) => entries.filter((e) => e.seq > seq).slice(0, limit),
    verify: (): AuditVerdict => ({ ok: true, entries: entries.length }),
    close() {},
  };
}
