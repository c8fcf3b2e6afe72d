// The supervisor's questions to the team store. Every value travels as a bind parameter;
// the text filter is a plain substring match (case-insensitive) in which %, _ and \ are
// escaped, so they match themselves. Reads need the supervisor role (or the owner).
//
// What counts as what (the write pipeline's entries, docs/audit.md):
//   a comment  = an 'intent' entry whose action starts with 'comment.', or is 'reason.add'
//                (the reason for a change, stored as its own comment: D24)
//   a change   = any other 'intent' entry (a write to an account the operator asked for)
//   without a reason = a change whose reason is null or blank
import type pg from 'pg';
import type { AuditEntry, AuditKind } from '../audit/types';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface TeamAuditFilter {
  /** ISO date-time or date; inclusive. */
  from?: string;
  /** ISO date-time or date; exclusive. */
  to?: string;
  operatorId?: string;
  accountNo?: number;
  deskId?: string;
  /** Plain text: %, _, quotes and backslashes match themselves. */
  text?: string;
  kind?: AuditKind;
  /** Rows per page (default 200, at most 5000). */
  limit?: number;
  /** Keyset paging: the last row of the previous page. */
  after?: { at: string; deskId: string; seq: number };
}

export interface TeamAuditRow {
  entry: AuditEntry;
  receivedAt: string;
}

/** Escapes LIKE's wildcards (and its escape character) so a term is matched as text. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const MAX_LIMIT = 5000;

function where(f: TeamAuditFilter, params: unknown[], extra: string[] = []): string {
  const c = [...extra];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.from) c.push(`at_ts >= ${p(f.from)}::timestamptz`);
  if (f.to) c.push(`at_ts < ${p(f.to)}::timestamptz`);
  if (f.operatorId) c.push(`operator_id = ${p(f.operatorId)}`);
  if (f.accountNo !== undefined) c.push(`account_no = ${p(f.accountNo)}`);
  if (f.deskId) c.push(`desk_id = ${p(f.deskId)}`);
  if (f.kind) c.push(`kind = ${p(f.kind)}`);
  if (f.text) c.push(`search_text ILIKE '%' || ${p(likeLiteral(f.text))} || '%' ESCAPE '\\'`);
  if (f.after) c.push(`(at_ts, desk_id, seq) < (${p(f.after.at)}::timestamptz, ${p(f.after.deskId)}, ${p(f.after.seq)}::bigint)`);
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
}

const limitOf = (n: number | undefined) => Math.max(1, Math.min(MAX_LIMIT, Math.trunc(n ?? 200)));

function rows(r: pg.QueryResult<{ entry: string; hash: string; received_at: Date }>): TeamAuditRow[] {
  return r.rows.map((x) => ({ entry: { ...(JSON.parse(x.entry) as Omit<AuditEntry, 'hash'>), hash: x.hash }, receivedAt: x.received_at.toISOString() }));
}

/** The planner's estimate of how many entries match (EXPLAIN: no rows are read). */
async function estimate(db: Queryable, w: string, params: unknown[]): Promise<number> {
  const r = await db.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM team.audit_entries ${w}`, params);
  return r.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
}

/**
 * Entries matching the filter, newest first.
 *
 * With a text filter there are two plans, and each is slow where the other is fast: walking
 * the time index newest first and testing each entry's text reads about limit × (entries in
 * range ÷ matches) rows — few for a common word, all of them for a rare one; matching through
 * the trigram index first and then sorting reads every match — few for a rare word, tens of
 * thousands for a common one. The costs meet where matches ≈ √(limit × entries in range), so
 * the planner's estimates of both (EXPLAIN, ~1 ms; migration 4 made the text estimate finer)
 * choose. The planner alone misjudges this: it assumes matches spread evenly along the walk.
 */
export async function searchTeamAudit(db: Queryable, f: TeamAuditFilter = {}): Promise<TeamAuditRow[]> {
  const params: unknown[] = [];
  const w = where(f, params);
  const limit = limitOf(f.limit);
  if (f.text && [...f.text].length >= 3) {
    const pRange: unknown[] = [];
    const wRange = where({ ...f, text: undefined }, pRange);
    const [matches, inRange] = await Promise.all([estimate(db, w, params), estimate(db, wRange, pRange)]);
    if (matches * matches < limit * inRange) {
      params.push(limit);
      return rows(
        await db.query(
          `WITH m AS MATERIALIZED (SELECT desk_id, seq FROM team.audit_entries ${w})
           SELECT a.entry, a.hash, a.received_at FROM m JOIN team.audit_entries a USING (desk_id, seq)
            ORDER BY a.at_ts DESC, a.desk_id DESC, a.seq DESC LIMIT $${params.length}`,
          params,
        ),
      );
    }
    // A common word: the planner's own plan (the ordered walk, or the index of another filter).
  }
  params.push(limit);
  return rows(await db.query(`SELECT entry, hash, received_at FROM team.audit_entries ${w} ORDER BY at_ts DESC, desk_id DESC, seq DESC LIMIT $${params.length}`, params));
}

const CHANGE = "kind = 'intent' AND action NOT LIKE 'comment.%' AND action <> 'reason.add'";
const NO_REASON = "(reason IS NULL OR btrim(reason) = '')";

/** Changes made without a reason, newest first (same filters; kind is implied). */
export async function changesWithoutReason(db: Queryable, f: Omit<TeamAuditFilter, 'kind'> = {}): Promise<TeamAuditRow[]> {
  const params: unknown[] = [];
  const w = where(f, params, [CHANGE, NO_REASON]);
  params.push(limitOf(f.limit));
  return rows(await db.query(`SELECT entry, hash, received_at FROM team.audit_entries ${w} ORDER BY at_ts DESC, desk_id DESC, seq DESC LIMIT $${params.length}`, params));
}

export interface OperatorDay {
  /** YYYY-MM-DD in the time zone asked for. */
  day: string;
  operatorId: string;
  operatorName: string | null;
  comments: number;
  changes: number;
}

const ROLLUP_ZONE = 'Europe/Oslo';
const osloClock = new Intl.DateTimeFormat('en-GB', { timeZone: ROLLUP_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/** Absent, or exactly midnight in Oslo (where a day of team.operator_day_counts starts). */
export const osloMidnight = (iso: string | undefined) => {
  if (iso === undefined) return true;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t % 1000 === 0 && osloClock.format(new Date(t)) === '00:00:00';
};

/**
 * Comments and changes per operator per day (default time zone Europe/Oslo), by day then
 * operator. A comment is an 'intent' entry whose action starts with 'comment.' or is
 * 'reason.add'; a change any other 'intent'. Read from team.operator_day_counts (migration 4,
 * kept by the insert trigger) for Oslo days from midnight to midnight; otherwise (another
 * time zone, part days, a desk or account filter) counted from the entries. Same answer.
 */
export async function countsPerOperatorPerDay(
  db: Queryable,
  f: Pick<TeamAuditFilter, 'from' | 'to' | 'operatorId' | 'deskId' | 'accountNo'> & { timeZone?: string } = {},
): Promise<OperatorDay[]> {
  const zone = f.timeZone ?? 'Europe/Oslo';
  const params: unknown[] = [zone];
  type Row = { day: string; operator_id: string; operator_name: string | null; comments: string; changes: string };
  let r: pg.QueryResult<Row>;
  if (zone === ROLLUP_ZONE && !f.deskId && f.accountNo === undefined && osloMidnight(f.from) && osloMidnight(f.to)) {
    const c: string[] = [];
    const rp: unknown[] = [];
    const p = (v: unknown) => (rp.push(v), `$${rp.length}`);
    if (f.from) c.push(`day >= (${p(f.from)}::timestamptz AT TIME ZONE '${ROLLUP_ZONE}')::date`);
    if (f.to) c.push(`day < (${p(f.to)}::timestamptz AT TIME ZONE '${ROLLUP_ZONE}')::date`);
    if (f.operatorId) c.push(`operator_id = ${p(f.operatorId)}`);
    r = await db.query<Row>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, operator_id, operator_name, comments, changes
         FROM team.operator_day_counts ${c.length ? `WHERE ${c.join(' AND ')}` : ''}
        ORDER BY day, operator_id`,
      rp,
    );
  } else {
    const w = where(f, params, ["kind = 'intent'", 'operator_id IS NOT NULL']);
    r = await db.query<Row>(
      `SELECT to_char((at_ts AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, operator_id, max(operator_name) AS operator_name,
              count(*) FILTER (WHERE action LIKE 'comment.%' OR action = 'reason.add') AS comments,
              count(*) FILTER (WHERE action NOT LIKE 'comment.%' AND action <> 'reason.add') AS changes
         FROM team.audit_entries ${w}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
  }
  return r.rows.map((x) => ({ day: x.day, operatorId: x.operator_id, operatorName: x.operator_name, comments: Number(x.comments), changes: Number(x.changes) }));
}

export interface DeskFreshness {
  deskId: string;
  lastSeq: number;
  /** When the store last took an entry from this desk: how old its copy of that desk is. */
  lastReceivedAt: string | null;
}

/** Per desk, how current the store is (for "data as of …" in the supervisor view). */
export async function deskFreshness(db: Queryable): Promise<DeskFreshness[]> {
  const r = await db.query<{ desk_id: string; last_seq: string; last_received_at: Date | null }>('SELECT desk_id, last_seq, last_received_at FROM team.desks ORDER BY desk_id');
  return r.rows.map((x) => ({ deskId: x.desk_id, lastSeq: Number(x.last_seq), lastReceivedAt: x.last_received_at?.toISOString() ?? null }));
}
