// Checks the whole team store: for every desk, seq 1, 2, 3 … without gaps, each entry's
// prev_hash the previous entry's hash, each hash the sha256 of its entry text, the text
// canonical JSON of an AuditEntry of that desk and seq, every derived column what the text
// says, and the desk's head in team.desks the last entry. Read-only; reads in keyset pages
// so a store of millions of entries runs in constant memory. Needs a role that may read
// (csr_team_supervisor or the owner).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { canonicalJson } from '../../../shared/amps/signature';

export interface TeamVerdict {
  ok: boolean;
  desks: number;
  entries: number;
  /** The first problem found, in words. */
  problem?: { deskId: string; seq: number | null; message: string };
}

interface Row {
  desk_id: string;
  seq: string;
  prev_hash: string;
  hash: string;
  entry: string;
  at: string;
  kind: string;
  operator_id: string | null;
  action: string;
  account_no: string | null;
  outcome: string | null;
  reason: string | null;
}

/** As the store derives text columns: \u0000 and lone surrogates read as U+FFFD. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what the store replaces
const STORE_REPLACES = new RegExp('\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]', 'g');
const derived = (v: unknown): string | null =>
  typeof v === 'string' ? v.replace(STORE_REPLACES, '\ufffd') : v == null ? null : String(v);

function checkRow(r: Row, expectedSeq: number, prevHash: string): string | null {
  const seq = Number(r.seq);
  if (seq !== expectedSeq) return seq > expectedSeq ? `entries ${expectedSeq}${seq - 1 > expectedSeq ? `–${seq - 1}` : ''} are missing (removed)` : `entry ${seq} is out of order`;
  if (r.prev_hash !== prevHash) return `entry ${seq} does not follow entry ${seq - 1} (its previous hash differs: inserted or reordered)`;
  if (createHash('sha256').update(r.entry, 'utf8').digest('hex') !== r.hash) return `entry ${seq} does not match its hash (edited)`;
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(r.entry) as Record<string, unknown>;
  } catch {
    return `entry ${seq} is not JSON`;
  }
  if (canonicalJson(e) !== r.entry) return `entry ${seq} is not in canonical form`;
  if (e.deskId !== r.desk_id || e.seq !== seq || e.prevHash !== r.prev_hash || 'hash' in e) return `entry ${seq} names another desk, seq or previous hash than its row`;
  const op = e.operator as { id?: unknown } | null | undefined;
  const columns: Array<[string, unknown, unknown]> = [
    ['at', r.at, e.at],
    ['kind', r.kind, e.kind],
    ['operator_id', r.operator_id, op && typeof op === 'object' ? derived(op.id) : null],
    ['action', r.action, derived(e.action)],
    ['account_no', r.account_no, typeof e.accountNo === 'number' ? String(Math.trunc(e.accountNo)) : null],
    ['outcome', r.outcome, e.outcome ?? null],
    ['reason', r.reason, derived(e.reason)],
  ];
  for (const [name, col, want] of columns) if ((col ?? null) !== (want ?? null)) return `entry ${seq}: column ${name} disagrees with the entry (edited)`;
  return null;
}

export async function verifyTeamStore(db: Pick<pg.ClientBase, 'query'>, pageSize = 5000): Promise<TeamVerdict> {
  const heads = new Map<string, { last_seq: string; last_hash: string }>();
  for (const h of (await db.query<{ desk_id: string; last_seq: string; last_hash: string }>('SELECT desk_id, last_seq, last_hash FROM team.desks ORDER BY desk_id')).rows)
    heads.set(h.desk_id, h);
  let entries = 0;
  let desk: string | null = null;
  let expected = 1;
  let prev = '';
  const seen = new Set<string>();
  const closeDesk = (): TeamVerdict['problem'] | undefined => {
    if (desk === null) return undefined;
    const h = heads.get(desk);
    if (!h) return { deskId: desk, seq: null, message: `desk ${desk} has entries but no head row` };
    if (Number(h.last_seq) !== expected - 1 || h.last_hash !== prev)
      return { deskId: desk, seq: Number(h.last_seq), message: `desk ${desk}: the store's head says entry ${h.last_seq} but the last entry held is ${expected - 1} (entries removed at the end)` };
    return undefined;
  };
  let after: [string, string] = ['', '0'];
  for (;;) {
    const page = await db.query<Row>(
      `SELECT desk_id, seq, prev_hash, hash, entry, at, kind, operator_id, action, account_no, outcome, reason
         FROM team.audit_entries WHERE (desk_id, seq) > ($1, $2::bigint) ORDER BY desk_id, seq LIMIT $3`,
      [after[0], after[1], pageSize],
    );
    for (const r of page.rows) {
      if (r.desk_id !== desk) {
        const p = closeDesk();
        if (p) return { ok: false, desks: seen.size, entries, problem: p };
        desk = r.desk_id;
        seen.add(desk);
        expected = 1;
        prev = '';
      }
      const problem = checkRow(r, expected, prev);
      if (problem) return { ok: false, desks: seen.size, entries, problem: { deskId: desk, seq: Number(r.seq), message: `desk ${desk}: ${problem}` } };
      entries++;
      expected++;
      prev = r.hash;
    }
    if (page.rows.length < pageSize) break;
    const last = page.rows[page.rows.length - 1]!;
    after = [last.desk_id, last.seq];
  }
  const p = closeDesk();
  if (p) return { ok: false, desks: seen.size, entries, problem: p };
  for (const [id, h] of heads)
    if (!seen.has(id) && Number(h.last_seq) > 0)
      return { ok: false, desks: seen.size, entries, problem: { deskId: id, seq: Number(h.last_seq), message: `desk ${id}: the store's head says entry ${h.last_seq} but no entry is held (removed)` } };
  return { ok: true, desks: seen.size, entries };
}
