// TeamAuditSource: the team store (docs/team-store.md) through a supervisor's read-only
// PostgreSQL role (csr_team_supervisor). Every value is a bind parameter; the text filter
// is queries.ts's: ILIKE with %, _ and \ escaped, so they and quotes match themselves.
// Paging is pinned to the store's clock when the first page was read (received_at), so
// entries that desks ship meanwhile never shift the rows on screen.
import type pg from 'pg';
import type { AuditEntry } from '../audit/types';
import { countsPerOperatorPerDay, deskFreshness, likeLiteral } from '../team/queries';
import { checkSchema } from '../team/schema';
import { classify, type TeamStore } from '../team/store';
import { instantOf } from './local';
import { SQL } from './categories';
import type { AuditSource, OperatorDayCount, SourceFilter, SourcePage } from './source';

const MAX_LIMIT = 1000;
const COLS = 'entry, hash';

function parse(r: { entry: string; hash: string }): AuditEntry {
  return { ...(JSON.parse(r.entry) as Omit<AuditEntry, 'hash'>), hash: r.hash };
}

export class TeamAuditSource implements AuditSource {
  readonly kind = 'team' as const;

  constructor(private readonly store: TeamStore) {}

  /** The store answers and has the schema this app knows (throws TeamStoreError otherwise). */
  async check(): Promise<void> {
    try {
      await checkSchema(this.store.pool);
    } catch (e) {
      throw classify(e);
    }
  }

  private async q<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<T>> {
    try {
      return await this.store.pool.query<T>(sql, params);
    } catch (e) {
      throw classify(e);
    }
  }

  private where(f: SourceFilter, params: unknown[], pin?: string): string {
    const c: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.from) c.push(`at_ts >= ${p(instantOf(f.from, 'from'))}::timestamptz`);
    if (f.to) c.push(`at_ts < ${p(instantOf(f.to, 'to'))}::timestamptz`);
    if (f.operatorId) c.push(`operator_id = ${p(f.operatorId)}`);
    if (f.accountNo !== undefined) c.push(`account_no = ${p(f.accountNo)}`);
    const text = f.text?.trim();
    if (text) c.push(`search_text ILIKE '%' || ${p(likeLiteral(text))} || '%' ESCAPE '\\'`);
    if (pin) c.push(`received_at <= ${p(pin)}::timestamptz`);
    switch (f.category ?? 'activity') {
      case 'activity':
        c.push(SQL.intent);
        break;
      case 'comments':
        c.push(SQL.comment);
        break;
      case 'changes':
        c.push(SQL.change);
        break;
      case 'withoutReason':
        // btrim, as the partial index audit_entries_no_reason is written.
        c.push(SQL.change, "(reason IS NULL OR btrim(reason) = '')");
        break;
      case 'flagged':
        c.push(
          SQL.intent,
          `hash IN (SELECT l.t FROM (SELECT DISTINCT ON (detail -> 'target' ->> 'hash') detail -> 'target' ->> 'hash' AS t, action
              FROM team.audit_entries WHERE kind = 'event' AND action LIKE 'review.%' AND action <> 'review.acknowledged'
              ORDER BY detail -> 'target' ->> 'hash', at_ts DESC, desk_id DESC, seq DESC) l WHERE l.action = 'review.flagged')`,
        );
        break;
      case 'all':
        break;
    }
    return c.length ? `WHERE ${c.join(' AND ')}` : '';
  }

  async list(f: SourceFilter, page: SourcePage = {}) {
    let pin = page.pin?.startsWith('t:') ? page.pin.slice(2) : '';
    const pinned = !!pin && !Number.isNaN(Date.parse(pin));
    if (!pinned) {
      const r = await this.q<{ now: Date }>('SELECT now() AS now', []);
      pin = r.rows[0]!.now.toISOString();
    }
    const params: unknown[] = [];
    const w = this.where(f, params, pin);
    const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? 200)), MAX_LIMIT);
    const offset = Math.max(0, Math.trunc(page.offset ?? 0));
    const rows = await this.q<{ entry: string; hash: string }>(
      `SELECT ${COLS} FROM team.audit_entries ${w} ORDER BY at_ts DESC, desk_id DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    // A pinned later page has the first page's total by definition: not counted again.
    const total = pinned ? -1 : ((await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM team.audit_entries ${w}`, params)).rows[0]?.n ?? 0);
    return { entries: rows.rows.map(parse), total, pin: `t:${pin}` };
  }

  async perDay(f: SourceFilter, timeZone: string): Promise<OperatorDayCount[]> {
    // Without a text or account filter the counts are countsPerOperatorPerDay's: migration 4's
    // day table when the range is whole Oslo days (same meaning of comment and change, tested
    // against the entries), else the entries. Counting the entries for 30 days at 500,000
    // entries took 324 ms p95 (bench:team run 5).
    if (!f.text?.trim() && f.accountNo === undefined) {
      try {
        return await countsPerOperatorPerDay(this.store.pool, {
          ...(f.from ? { from: instantOf(f.from, 'from') } : {}),
          ...(f.to ? { to: instantOf(f.to, 'to') } : {}),
          ...(f.operatorId ? { operatorId: f.operatorId } : {}),
          timeZone,
        });
      } catch (e) {
        throw classify(e);
      }
    }
    const params: unknown[] = [timeZone];
    const w = this.where({ ...f, category: 'activity' }, params);
    const r = await this.q<{ day: string; operator_id: string; operator_name: string | null; comments: number; changes: number }>(
      `SELECT to_char((at_ts AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, operator_id, max(operator_name) AS operator_name,
              (count(*) FILTER (WHERE action LIKE 'comment.%' OR action = 'reason.add'))::int AS comments,
              (count(*) FILTER (WHERE action NOT LIKE 'comment.%' AND action <> 'reason.add'))::int AS changes
         FROM team.audit_entries ${w} AND operator_id IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    return r.rows.map((x) => ({ day: x.day, operatorId: x.operator_id, operatorName: x.operator_name, comments: x.comments, changes: x.changes }));
  }

  async byHash(hashes: readonly string[]): Promise<AuditEntry[]> {
    if (!hashes.length) return [];
    return (await this.q<{ entry: string; hash: string }>(`SELECT ${COLS} FROM team.audit_entries WHERE hash = ANY($1::text[])`, [hashes])).rows.map(parse);
  }

  async reviewsOf(targetHashes: readonly string[]): Promise<AuditEntry[]> {
    if (!targetHashes.length) return [];
    // Written as migration 3's index audit_entries_review_target is.
    return (
      await this.q<{ entry: string; hash: string }>(
        `SELECT ${COLS} FROM team.audit_entries WHERE kind = 'event' AND action LIKE 'review.%' AND (detail -> 'target' ->> 'hash') = ANY($1::text[])`,
        [targetHashes],
      )
    ).rows.map(parse);
  }

  async forAccount(accountNo: number, limit: number): Promise<AuditEntry[]> {
    return (
      await this.q<{ entry: string; hash: string }>(`SELECT ${COLS} FROM team.audit_entries WHERE account_no = $1 ORDER BY at_ts DESC, desk_id DESC, seq DESC LIMIT $2`, [accountNo, limit])
    ).rows.map(parse);
  }

  async freshness() {
    try {
      return await deskFreshness(this.store.pool);
    } catch (e) {
      throw classify(e);
    }
  }

  async close() {
    await this.store.close();
  }
}

/**
 * Feedback on one operator's work, read with a desk's own role through migration 3's
 * team.feedback_for_operator (the one thing a desk role may read of the audit): the
 * operator's reviewed entries, their reviews and the operator's acknowledgements.
 */
export async function teamFeedbackFor(store: TeamStore, operatorId: string): Promise<AuditEntry[]> {
  try {
    const r = await store.pool.query<{ entry: string; hash: string }>('SELECT entry, hash FROM team.feedback_for_operator($1)', [operatorId]);
    return r.rows.map(parse);
  } catch (e) {
    throw classify(e);
  }
}
