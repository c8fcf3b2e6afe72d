// TeamAuditSource: the team store (docs/team-store.md) through a supervisor's read-only
// PostgreSQL role (csr_team_supervisor). Every value is a bind parameter; the text filter
// is queries.ts's: ILIKE with %, _ and \ escaped, so they and quotes match themselves.
// Paging is pinned to the store's clock when the first page was read (received_at), so
// entries that desks ship meanwhile never shift the rows on screen.
import type pg from 'pg';
import type { AuditEntry } from '../audit/types';
import { countsPerOperatorPerDay, deskFreshness, likeLiteral, osloMidnight } from '../team/queries';
import { checkSchema } from '../team/schema';
import { classify, type TeamStore } from '../team/store';
import { instantOf } from './local';
import { categoryClauses } from './categories';
import type { AuditSource, ListTotal, OperatorDayCount, SourceFilter, SourcePage } from './source';

const MAX_LIMIT = 1000;
/**
 * A first page's count stops above this many entries and says "more than 10,000" (D90):
 * counting every one of 250,000 comments and changes took 387 ms p95 (bench:team run 5).
 * Whole Oslo days without a text, account or report filter are counted exactly from
 * migration 4's day table instead, however many they are.
 */
export const TEAM_COUNT_BOUND = 10_000;
type Client = pg.PoolClient;
const COLS = 'entry, hash';

function parse(r: { entry: string; hash: string }): AuditEntry {
  return { ...(JSON.parse(r.entry) as Omit<AuditEntry, 'hash'>), hash: r.hash };
}

export class TeamAuditSource implements AuditSource {
  readonly kind = 'team' as const;

  constructor(
    private readonly store: TeamStore,
    private readonly opts: { countBound?: number } = {},
  ) {}

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
    c.push(
      ...categoryClauses(f.category, {
        // btrim, as the partial index audit_entries_no_reason is written.
        noReason: "(reason IS NULL OR btrim(reason) = '')",
        flagged: `hash IN (SELECT l.t FROM (SELECT DISTINCT ON (detail -> 'target' ->> 'hash') detail -> 'target' ->> 'hash' AS t, action
              FROM team.audit_entries WHERE kind = 'event' AND action LIKE 'review.%' AND action <> 'review.acknowledged'
              ORDER BY detail -> 'target' ->> 'hash', at_ts DESC, desk_id DESC, seq DESC) l WHERE l.action = 'review.flagged')`,
      }),
    );
    return c.length ? `WHERE ${c.join(' AND ')}` : '';
  }

  async list(f: SourceFilter, page: SourcePage = {}) {
    const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? 200)), MAX_LIMIT);
    const offset = Math.max(0, Math.trunc(page.offset ?? 0));
    const given = page.pin?.startsWith('t:') ? page.pin.slice(2) : '';
    if (given && !Number.isNaN(Date.parse(given))) {
      // A pinned later page has the first page's total by definition: not counted again.
      const params: unknown[] = [];
      const w = this.where(f, params, given);
      const rows = await this.q<{ entry: string; hash: string }>(this.pageSql(w, params), [...params, limit, offset]);
      return { entries: rows.rows.map(parse), total: null, pin: page.pin! };
    }
    // A first page: its rows and its total from one snapshot (REPEATABLE READ), pinned to
    // the store's clock read inside that snapshot (to the microsecond), so every entry the
    // snapshot holds was received at or before the pin and the day table's counts (kept by
    // the insert trigger in the shipment's own transaction) agree with the rows exactly.
    const client = await this.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const pin = (
        await client.query<{ pin: string }>(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS pin`)
      ).rows[0]!.pin;
      const params: unknown[] = [];
      const w = this.where(f, params, pin);
      // A text filter is not counted (D96): its first page is read one row longer, and that
      // row says "more than a page"; the list grows as it is scrolled until a short page makes
      // the count exact. (Counting a common surname's matches, even only up to 10,000, walked
      // tens of thousands of rows: 120–260 ms at 500,000 entries.) An export counts.
      const uncounted = !!f.text?.trim() && page.countUpTo === undefined;
      const rows = await client.query<{ entry: string; hash: string }>(this.pageSql(w, params), [...params, uncounted ? limit + 1 : limit, offset]);
      const found = rows.rows.slice(0, limit);
      // A first page shorter than what was read holds every match: that is the total, uncounted.
      const total: ListTotal =
        rows.rows.length < (uncounted ? limit + 1 : limit)
          ? { kind: 'exact', n: offset + found.length }
          : uncounted
            ? { kind: 'moreThan', n: offset + limit }
            : await this.total(client, f, pin, Math.max(0, Math.trunc(page.countUpTo ?? this.opts.countBound ?? TEAM_COUNT_BOUND)));
      await client.query('COMMIT');
      return { entries: found.map(parse), total, pin: `t:${pin}` };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw classify(e);
    } finally {
      client.release();
    }
  }

  private async connect(): Promise<Client> {
    try {
      return await this.store.pool.connect();
    } catch (e) {
      throw classify(e);
    }
  }

  private pageSql(w: string, params: unknown[]) {
    return `SELECT ${COLS} FROM team.audit_entries ${w} ORDER BY at_ts DESC, desk_id DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  }

  /**
   * The first page's total (D90). Comments, changes or both over whole Oslo days (or no
   * dates), optionally of one operator, without a text or account filter: exact, from
   * migration 4's day table (the same meaning of comment and change, counted in the same
   * transaction as each shipment) plus the comments and changes that name no operator
   * (which the day table leaves out). Anything else: counted up to `bound`, above which it
   * is "more than bound".
   */
  private async total(client: Client, f: SourceFilter, pin: string, bound: number): Promise<ListTotal> {
    const category = f.category ?? 'activity';
    const from = f.from ? instantOf(f.from, 'from') : undefined;
    const to = f.to ? instantOf(f.to, 'to') : undefined;
    const bounded = async (w: string, params: unknown[]) => {
      const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM team.audit_entries ${w} LIMIT $${params.length + 1}) s`, [...params, bound + 1]);
      return r.rows[0]!.n;
    };
    if (!f.text?.trim() && f.accountNo === undefined && (category === 'activity' || category === 'comments' || category === 'changes') && osloMidnight(from) && osloMidnight(to)) {
      const c: string[] = [];
      const dp: unknown[] = [];
      const p = (v: unknown) => (dp.push(v), `$${dp.length}`);
      if (from) c.push(`day >= (${p(from)}::timestamptz AT TIME ZONE 'Europe/Oslo')::date`);
      if (to) c.push(`day < (${p(to)}::timestamptz AT TIME ZONE 'Europe/Oslo')::date`);
      if (f.operatorId) c.push(`operator_id = ${p(f.operatorId)}`);
      const r = await client.query<{ comments: string; changes: string }>(
        `SELECT coalesce(sum(comments), 0) AS comments, coalesce(sum(changes), 0) AS changes FROM team.operator_day_counts ${c.length ? `WHERE ${c.join(' AND ')}` : ''}`,
        dp,
      );
      const counted = category === 'comments' ? Number(r.rows[0]!.comments) : category === 'changes' ? Number(r.rows[0]!.changes) : Number(r.rows[0]!.comments) + Number(r.rows[0]!.changes);
      if (f.operatorId) return { kind: 'exact', n: counted };
      const params: unknown[] = [];
      const anonymous = await bounded(`${this.where(f, params, pin)} AND operator_id IS NULL`, params);
      return anonymous > bound ? { kind: 'moreThan', n: counted + bound } : { kind: 'exact', n: counted + anonymous };
    }
    const params: unknown[] = [];
    const n = await bounded(this.where(f, params, pin), params);
    return n > bound ? { kind: 'moreThan', n: bound } : { kind: 'exact', n };
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
