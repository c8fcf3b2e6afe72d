// LocalAuditSource: the desk's own audit log (docs/audit.md) as the supervisor workspace
// reads it. It opens the log's file read-only on a connection of its own, so the
// workspace's queries never hold the log's writer; every value is a bound parameter and the
// text filter is instr() over the log's folded search copy (no wildcards at all).
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { CoreError } from '../errors';
import { foldText } from '../audit/log';
import { ENTRY_COLUMNS, rowToEntry, type EntryRow } from '../audit/schema';
import type { AuditEntry } from '../audit/types';
import { categoryClauses, isCommentAction, SQL } from './categories';
import { dayKeyer } from './days';
import type { AuditSource, ListTotal, OperatorDayCount, SourceFilter, SourcePage } from './source';
import { say } from '../../../shared/ipc/say';

const MAX_LIMIT = 1000;
type Param = string | number;

/** A bare date is midnight UTC; anything else must parse as a date-time. */
export function instantOf(value: string, field: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
  if (Number.isNaN(t)) throw Object.assign(new CoreError('VALIDATION', say('notADate'), [{ path: field, message: 'Not a date' }]), { message: `${field} is not a date` });
  return new Date(t).toISOString();
}

export class LocalAuditSource implements AuditSource {
  readonly kind = 'desk' as const;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(file: string) {
    this.db = new DatabaseSync(file, { readOnly: true });
    this.db.exec('PRAGMA busy_timeout = 5000');
  }

  private prepared(sql: string): StatementSync {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private where(f: SourceFilter, pinSeq?: number): { sql: string; params: Param[] } {
    const c: string[] = [];
    const params: Param[] = [];
    if (f.from) {
      c.push('at >= ?');
      params.push(instantOf(f.from, 'from'));
    }
    if (f.to) {
      c.push('at < ?');
      params.push(instantOf(f.to, 'to'));
    }
    if (f.operatorId) {
      c.push('operator_id = ?');
      params.push(f.operatorId);
    }
    if (f.accountNo !== undefined) {
      c.push('account_no = ?');
      params.push(f.accountNo);
    }
    const text = f.text?.trim();
    if (text) {
      c.push('instr(search_text, ?) > 0');
      params.push(foldText(text));
    }
    if (pinSeq !== undefined) {
      c.push('seq <= ?');
      params.push(pinSeq);
    }
    c.push(
      ...categoryClauses(f.category, {
        noReason: SQL.noReason,
        flagged: `hash IN (SELECT t FROM (SELECT json_extract(detail_json, '$.target.hash') AS t, action,
            row_number() OVER (PARTITION BY json_extract(detail_json, '$.target.hash') ORDER BY at DESC, seq DESC) AS n
            FROM audit_entries WHERE ${SQL.review}) WHERE n = 1 AND action = 'review.flagged')`,
      }),
    );
    return { sql: c.length ? `WHERE ${c.join(' AND ')}` : '', params };
  }

  private rows(sql: string, params: Param[]): AuditEntry[] {
    return (this.prepared(sql).all(...params) as unknown as EntryRow[]).map(rowToEntry);
  }

  async list(f: SourceFilter, page: SourcePage = {}) {
    const given = page.pin?.startsWith('d:') ? Number(page.pin.slice(2)) : NaN;
    const pinned = Number.isSafeInteger(given);
    const pinSeq = pinned ? given : ((this.prepared('SELECT max(seq) AS s FROM audit_entries').get() as { s: number | null }).s ?? 0);
    const { sql, params } = this.where(f, pinSeq);
    const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? 200)), MAX_LIMIT);
    const offset = Math.max(0, Math.trunc(page.offset ?? 0));
    const entries = this.rows(`SELECT ${ENTRY_COLUMNS} FROM audit_entries ${sql} ORDER BY seq DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    // A pinned later page has the first page's total by definition: not counted again. The
    // desk's own log is small enough to count exactly (100,000 entries: tens of ms).
    const total: ListTotal | null = pinned ? null : { kind: 'exact', n: (this.prepared(`SELECT count(*) AS n FROM audit_entries ${sql}`).get(...params) as { n: number }).n };
    return { entries, total, pin: `d:${pinSeq}` };
  }

  async perDay(f: SourceFilter, timeZone: string): Promise<OperatorDayCount[]> {
    const { sql, params } = this.where({ ...f, category: 'activity' });
    const dayOf = dayKeyer(timeZone);
    const counts = new Map<string, OperatorDayCount>();
    const stmt = this.prepared(`SELECT at, operator_id, operator_name, action FROM audit_entries ${sql} AND operator_id IS NOT NULL`);
    for (const r of stmt.iterate(...params) as Iterable<{ at: string; operator_id: string; operator_name: string | null; action: string }>) {
      const day = dayOf(r.at);
      const key = `${day}\u0000${r.operator_id}`;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { day, operatorId: r.operator_id, operatorName: r.operator_name, comments: 0, changes: 0 }));
      if (isCommentAction(r.action)) c.comments++;
      else c.changes++;
    }
    return [...counts.values()].sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.operatorId < b.operatorId ? -1 : a.operatorId > b.operatorId ? 1 : 0));
  }

  async byHash(hashes: readonly string[]): Promise<AuditEntry[]> {
    if (!hashes.length) return [];
    const out: AuditEntry[] = [];
    for (let i = 0; i < hashes.length; i += 500) {
      const part = hashes.slice(i, i + 500);
      out.push(...this.rows(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE hash IN (${part.map(() => '?').join(',')})`, [...part]));
    }
    return out;
  }

  async reviewsOf(targetHashes: readonly string[]): Promise<AuditEntry[]> {
    if (!targetHashes.length) return [];
    const out: AuditEntry[] = [];
    for (let i = 0; i < targetHashes.length; i += 500) {
      const part = targetHashes.slice(i, i + 500);
      out.push(
        ...this.rows(
          `SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE kind = 'event' AND action LIKE 'review.%'
             AND json_extract(detail_json, '$.target.hash') IN (${part.map(() => '?').join(',')})`,
          [...part],
        ),
      );
    }
    return out;
  }

  async forAccount(accountNo: number, limit: number): Promise<AuditEntry[]> {
    return this.rows(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE account_no = ? ORDER BY seq DESC LIMIT ?`, [accountNo, limit]);
  }

  /** Review entries about this operator's entries, the reviewed entries (theirs only), and their acknowledgements. */
  async feedbackFor(operatorId: string): Promise<AuditEntry[]> {
    const reviews = this.rows(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE ${SQL.review} AND json_extract(detail_json, '$.target.operatorId') = ?`, [operatorId]);
    const targets = (await this.byHash([...new Set(reviews.map((r) => (r.detail as { target: { hash: string } }).target.hash))])).filter((t) => t.operator?.id === operatorId);
    const acks = this.rows(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE kind = 'event' AND action = 'review.acknowledged' AND operator_id = ?`, [operatorId]);
    return [...targets, ...reviews, ...acks];
  }

  async freshness() {
    return [];
  }

  async close() {
    this.db.close();
  }
}
