// The audit.* channels (shared/ipc/contract.ts; supervisors and admins, enforced by the
// router's policy): the supervisor screen's list, verdict and CSV export.
import type { Handlers } from '../router';
import type { Operator } from '../services/context';
import { CoreError } from '../errors';
import { toCsv } from './csv';
import type { DeskAuditLog } from './log';
import { eventEntry, type AuditEntry, type AuditFilter } from './types';
import { say } from '../../../shared/ipc/say';

/** More than this many rows is refused: narrow the filter (a spreadsheet would not open it either). */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE = 1000;

type AuditHandlers = Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.exportCsv'>;

export function auditHandlers(audit: DeskAuditLog, operator: () => Operator | null, now: () => number = Date.now): AuditHandlers {
  return {
    async 'audit.list'(input) {
      const filter = input as AuditFilter;
      const entries = audit.list(filter);
      return { entries, total: audit.count(filter), offset: filter.offset ?? 0 };
    },

    async 'audit.verify'() {
      const started = performance.now();
      const verdict = await audit.verifyAsync();
      return { ...verdict, checkedAt: new Date(now()).toISOString(), ms: Math.round(performance.now() - started) };
    },

    async 'audit.exportCsv'(input) {
      const filter = input as AuditFilter;
      const total = audit.count(filter);
      if (total > MAX_EXPORT_ROWS)
        throw new CoreError('VALIDATION', say('exportTooMany', { count: total, max: MAX_EXPORT_ROWS }), [
          { path: 'from', message: 'Too many entries' },
        ]);
      function* all(): Generator<AuditEntry> {
        for (let offset = 0; offset < total; offset += PAGE) yield* audit.list({ ...filter, limit: PAGE, offset, order: 'asc' });
      }
      const { csv, rows } = toCsv(all());
      const stamp = new Date(now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      // Exporting takes the log off the desk: that is itself recorded.
      const op = operator();
      audit.append(eventEntry(op, 'audit.exported', filter.accountNo ?? null, { rows, filter: { ...filter } }));
      return { csv, rows, fileName: `audit-${stamp}.csv` };
    },
  };
}
