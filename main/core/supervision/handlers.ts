// The supervision.* channels (shared/ipc/contract.ts; docs/supervision.md). The workspace
// channels are SUPERVISORS' in the contract (the router refuses agents FORBIDDEN before a
// handler runs); the feedback channels answer for the signed-in operator only — the
// operator comes from the desk's session, never from the renderer.
import type { ListedComment } from '../../../shared/ipc';
import type { AccountAnswer, EntryRef, ReviewView, SupervisedRow, SupervisionCategory, TimelineComment } from '../../../shared/ipc/supervision';
import { csvCell, CSV_COLUMNS, csvRow } from '../audit/csv';
import type { DeskAuditLog } from '../audit/log';
import { eventEntry, type AuditEntry } from '../audit/types';
import { CoreError } from '../errors';
import { toEnvelope, type Handlers } from '../router';
import type { Operator } from '../services/context';
import { ACK_ACTION, isCommentAction } from './categories';
import { ackDetail, deriveReviews, refOf, reviewDetail } from './reviews';
import { zoneMidnight } from './days';
import type { AuditSource, SourceFilter } from './source';
import type { SupervisionSources } from './sources';
import { teamFeedbackFor } from './team';
import { say } from '../../../shared/ipc/say';

export const MAX_EXPORT_ROWS = 200_000;
const EXPORT_PAGE = 1000;
const ACCOUNT_ROWS = 2000;
const TIME_ZONE = 'Europe/Oslo';
const CHART_DAYS = 30;

type SupervisionHandlers = Pick<
  Handlers,
  | 'supervision.source'
  | 'supervision.list'
  | 'supervision.perDay'
  | 'supervision.account'
  | 'supervision.exportCsv'
  | 'supervision.review'
  | 'supervision.feedback'
  | 'supervision.acknowledge'
>;

export interface SupervisionDeps {
  sources: SupervisionSources;
  audit: DeskAuditLog;
  /** The signed-in operator (throws UNAUTHENTICATED when nobody is). */
  operator: () => Operator;
  /** The account's AMPS comments, with the desk's operators' names (comments.list). */
  comments: (accountNo: number) => Promise<ListedComment[]>;
  /** Entries were appended: ship them to the team store soon. */
  appended?: () => void;
  /**
   * With a healthy team store, waits briefly (bounded) until entries up to `seq` are shipped,
   * so a review shows in the store's follow-up queue at once; never waits on a failing store.
   */
  waitShipped?: (seq: number) => Promise<void>;
  now?: () => number;
}

export const CSV_HEADER = ['desk_id', ...CSV_COLUMNS, 'review_state', 'review_note', 'reviewed_by', 'reviewed_at', 'acknowledged_at'];

export function supervisionCsvRow(e: AuditEntry, r: ReviewView | null): string {
  const extra = [e.deskId, r?.state ?? '', r?.note ?? '', r?.by?.id ?? '', r?.at ?? '', r?.acknowledged?.at ?? ''].map(csvCell);
  return [extra[0], csvRow(e), ...extra.slice(1)].join(',');
}

export function supervisionHandlers(d: SupervisionDeps): SupervisionHandlers {
  const now = d.now ?? Date.now;

  /** Runs a read on the picked source; a team store failing midway falls back to the desk's log. */
  async function read<T>(fn: (s: AuditSource) => Promise<T>) {
    const picked = await d.sources.pick();
    try {
      return { value: await fn(picked.source), view: picked.view };
    } catch (e) {
      if (picked.source.kind !== 'team' || e instanceof CoreError) throw e;
      d.sources.failed(e);
      const again = await d.sources.pick();
      return { value: await fn(again.source), view: again.view };
    }
  }

  /** Reviews of these entries: the source's, and this desk's own not shipped yet. */
  async function reviewsFor(source: AuditSource, entries: readonly AuditEntry[]): Promise<Map<string, ReviewView>> {
    const hashes = entries.map((e) => e.hash);
    const events = await source.reviewsOf(hashes);
    if (source.kind === 'team') events.push(...(await d.sources.local.reviewsOf(hashes)));
    return deriveReviews(events);
  }

  const withReviews = async (source: AuditSource, entries: AuditEntry[]): Promise<SupervisedRow[]> => {
    const reviews = await reviewsFor(source, entries);
    return entries.map((entry) => ({ entry, review: reviews.get(entry.hash) ?? null }));
  };

  const filterOf = (input: SourceFilter & { category?: SupervisionCategory }): SourceFilter => ({
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.operatorId?.trim() ? { operatorId: input.operatorId.trim().toLowerCase() } : {}),
    ...(input.accountNo !== undefined ? { accountNo: input.accountNo } : {}),
    ...(input.text?.trim() ? { text: input.text.trim() } : {}),
    category: input.category ?? 'activity',
  });

  const append = (entry: Parameters<DeskAuditLog['append']>[0]) => {
    const written = d.audit.append(entry);
    d.appended?.();
    return written;
  };

  /** Everything said about the signed-in operator's work: the desk's log and, in a team, the store. */
  async function feedbackEntries(operatorId: string): Promise<{ entries: AuditEntry[]; teamError: string | null }> {
    const entries = await d.sources.local.feedbackFor(operatorId);
    let teamError: string | null = null;
    try {
      const store = await d.sources.deskStore();
      if (store) entries.push(...(await teamFeedbackFor(store, operatorId)));
    } catch (e) {
      teamError = e instanceof Error ? e.message : String(e);
    }
    return { entries, teamError };
  }

  return {
    async 'supervision.source'() {
      return (await d.sources.pick()).view;
    },

    async 'supervision.list'(input) {
      const f = filterOf(input);
      const { value, view } = await read(async (s) => {
        const page = await s.list(f, { ...(input.offset !== undefined ? { offset: input.offset } : {}), ...(input.limit ? { limit: input.limit } : {}), ...(input.pin ? { pin: input.pin } : {}) });
        return { ...page, rows: await withReviews(s, page.entries) };
      });
      return { rows: value.rows, total: value.total, offset: input.offset ?? 0, pin: value.pin, source: view };
    },

    async 'supervision.perDay'(input) {
      const f = filterOf(input);
      // Without dates: the CHART_DAYS Oslo days up to and including today, so the chart stays
      // readable — from and to Oslo midnights, which the team store answers from its day table.
      const to = f.to ?? new Date(zoneMidnight(TIME_ZONE, now(), 1)).toISOString();
      const from = f.from ?? new Date(zoneMidnight(TIME_ZONE, Date.parse(to) - 1, 1 - CHART_DAYS)).toISOString();
      const { value, view } = await read((s) => s.perDay({ ...f, from, to }, TIME_ZONE));
      return { days: value, from, to, source: view };
    },

    async 'supervision.account'(input) {
      const { value, view } = await read(async (s) => {
        const entries = await s.forAccount(input.accountNo, ACCOUNT_ROWS);
        if (s.kind === 'team') {
          // This desk's entries the store does not hold yet.
          const held = new Set(entries.map((e) => e.hash));
          for (const e of await d.sources.local.forAccount(input.accountNo, ACCOUNT_ROWS)) if (!held.has(e.hash)) entries.push(e);
          entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.seq - a.seq));
        }
        return { entries, rows: await withReviews(s, entries) };
      });
      let comments: TimelineComment[] = [];
      let commentsError: AccountAnswer['commentsError'] = null;
      try {
        comments = timeline(await d.comments(input.accountNo), value.entries);
      } catch (e) {
        // As the router would have answered it: code, English, and the words for the screen.
        const answered = toEnvelope(e);
        if (!answered.ok) commentsError = answered.error;
      }
      return { accountNo: input.accountNo, rows: value.rows, comments, commentsError, source: view };
    },

    async 'supervision.exportCsv'(input) {
      const f = filterOf(input);
      const { value, view } = await read(async (s) => {
        // Counted up to the export's own limit (the list stops at TEAM_COUNT_BOUND, D90).
        const first = await s.list(f, { limit: 1, countUpTo: MAX_EXPORT_ROWS });
        const total = first.total ?? { kind: 'exact', n: 0 };
        if (total.kind === 'moreThan' || total.n > MAX_EXPORT_ROWS)
          throw new CoreError(
            'VALIDATION',
            say(total.kind === 'moreThan' ? 'exportTooManyAtLeast' : 'exportTooMany', { count: total.n, max: MAX_EXPORT_ROWS }),
            [{ path: 'from', message: 'Too many entries' }],
          );
        const lines = [CSV_HEADER.join(',')];
        for (let offset = 0; offset < total.n; offset += EXPORT_PAGE) {
          const page = await s.list(f, { offset, limit: EXPORT_PAGE, pin: first.pin });
          const reviews = await reviewsFor(s, page.entries);
          for (const e of page.entries) lines.push(supervisionCsvRow(e, reviews.get(e.hash) ?? null));
        }
        return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
      });
      append(eventEntry(d.operator(), 'supervision.exported', f.accountNo ?? null, { rows: value.rows, source: view.source, filter: f }));
      const stamp = new Date(now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return { csv: value.csv, rows: value.rows, fileName: `supervision-${view.source}-${stamp}.csv` };
    },

    async 'supervision.review'(input) {
      const op = d.operator();
      const note = input.note.trim();
      if (input.state === 'flagged' && !note)
        throw new CoreError('VALIDATION', say('reviewNeedsNote'), [{ path: 'note', message: 'Say what needs following up' }]);
      const { value: found } = await read((s) => s.byHash([input.target.hash]));
      const target = [...found, ...(await d.sources.local.byHash([input.target.hash]))].find((e) => e.deskId === input.target.deskId && e.seq === input.target.seq);
      if (!target) throw new CoreError('NOT_FOUND', say('reviewTargetMissing'), [{ path: 'target', message: 'not found' }]);
      if (target.kind !== 'intent') throw new CoreError('VALIDATION', say('reviewTargetKind'), [{ path: 'target', message: 'not a comment or change' }]);
      const written = append(eventEntry(op, `review.${input.state}`, target.accountNo, { target: { ...refOf(target), operatorId: target.operator?.id ?? null, action: target.action }, note }));
      await d.waitShipped?.(written.seq);
      const review = deriveReviews([written]).get(target.hash)!;
      return { review };
    },

    async 'supervision.feedback'() {
      const me = d.operator().id;
      const { entries, teamError } = await feedbackEntries(me);
      const reviews = deriveReviews(entries);
      const mine = new Map<string, AuditEntry>();
      for (const e of entries) if (e.kind === 'intent' && e.operator?.id === me) mine.set(e.hash, e);
      const items = [...reviews.entries()]
        .filter(([hash]) => mine.has(hash))
        .map(([hash, review]) => ({ entry: mine.get(hash)!, review }))
        .sort((a, b) => (a.review.at < b.review.at ? 1 : -1));
      return { items, teamError };
    },

    async 'supervision.acknowledge'(input) {
      const op = d.operator();
      const { entries } = await feedbackEntries(op.id);
      const review = entries.find((e) => e.hash === input.review.hash && e.deskId === input.review.deskId && e.seq === input.review.seq);
      const rd = review ? reviewDetail(review) : null;
      const target = rd ? entries.find((e) => e.hash === rd.target.hash && e.operator?.id === op.id) : undefined;
      // Only feedback on one's own work: anything else is not there for this operator.
      if (!review || !rd || !target) throw new CoreError('NOT_FOUND', say('feedbackMissing'), [{ path: 'review', message: 'not found' }]);
      const already = entries.find((e) => ackDetail(e)?.review.hash === review.hash && e.operator?.id === op.id);
      if (already) return { acknowledged: { at: already.at } };
      const written = append(eventEntry(op, ACK_ACTION, target.accountNo, { review: refOf(review), target: refOf(target) } satisfies { review: EntryRef; target: EntryRef }));
      await d.waitShipped?.(written.seq);
      return { acknowledged: { at: written.at } };
    },
  };
}

/**
 * The account's AMPS comments, each marked with where it came from: 'desk' when an audited
 * comment write (comment.add or a reason) was APPLIED and AMPS answered with its comment
 * number; 'outside' otherwise — written by another system, or by hand (docs/supervision.md).
 * An author who is one of the desk's operators keeps the name comments.list gave it.
 */
export function timeline(comments: readonly ListedComment[], entries: readonly AuditEntry[]): TimelineComment[] {
  const intentOf = new Map<string, AuditEntry>();
  for (const e of entries) if (e.kind === 'intent' && e.requestId && isCommentAction(e.action)) intentOf.set(`${e.deskId}\u0000${e.requestId}`, e);
  const byNo = new Map<number, string>();
  for (const e of entries) {
    if (e.kind !== 'outcome' || e.outcome !== 'APPLIED' || !e.requestId || !isCommentAction(e.action)) continue;
    const nos = (e.after as { commentNos?: unknown } | null)?.commentNos;
    if (!Array.isArray(nos)) continue;
    const intent = intentOf.get(`${e.deskId}\u0000${e.requestId}`);
    for (const n of nos) if (typeof n === 'number') byNo.set(n, intent?.hash ?? e.hash);
  }
  return comments
    .map((c) => ({
      commentNo: c.acctCommentNo,
      at: c.acctCommentDateTime,
      author: c.acctCommentAuthor,
      authorName: c.authorName ?? null,
      text: c.acctCommentText,
      applicationId: c.acctApplicationID ?? null,
      origin: byNo.has(c.acctCommentNo) ? ('desk' as const) : ('outside' as const),
      entryHash: byNo.get(c.acctCommentNo) ?? null,
    }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.commentNo - a.commentNo));
}
