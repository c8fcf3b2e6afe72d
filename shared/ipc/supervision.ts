// The supervisor workspace's channels (issue 9; main/core/supervision, docs/supervision.md):
// inputs and answers. The channels themselves are registered in contract.ts (its
// "Supervisor workspace" block) with their roles: the workspace is SUPERVISORS', the
// feedback channels are every operator's, answered for the signed-in operator only.
import { z } from 'zod';
import { NO_CARD_NUMBER, noCardNumber } from '../domain/input/cardNumber';
import { auditEntryView } from './auditEntry';
import { IPC_ERROR_CODES } from './envelope';
import { saySchema } from './say';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const instant = z.union([isoDay, z.iso.datetime({ offset: true, error: 'expected an ISO date-time' })]);

/** Which entries a list shows (docs/supervision.md, "What counts as what"). */
export const SUPERVISION_CATEGORIES = ['activity', 'comments', 'changes', 'withoutReason', 'flagged', 'all'] as const;
export type SupervisionCategory = (typeof SUPERVISION_CATEGORIES)[number];

/** The workspace's filter: dates (from inclusive, to exclusive), operator, account, plain text. */
export const supervisionFilter = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  operatorId: z.string().max(100).optional(),
  accountNo: z.number().int().positive().optional(),
  /** Plain text: %, _, quotes and backslashes match themselves. */
  text: z.string().max(200).optional(),
  category: z.enum(SUPERVISION_CATEGORIES).optional(),
});
export type SupervisionFilter = z.infer<typeof supervisionFilter>;

/** An entry named without ambiguity: its desk, its place in that desk's chain, its hash. */
export const entryRef = z.strictObject({
  deskId: z.string().min(1).max(200),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected an entry hash'),
});
export type EntryRef = z.infer<typeof entryRef>;


const who = z.object({ id: z.string(), displayName: z.string() });
/** The latest review of an entry (derived from review entries), and its acknowledgement. */
export const reviewView = z.object({
  state: z.enum(['reviewed', 'flagged']),
  note: z.string(),
  by: who.nullable(),
  at: z.string(),
  ref: entryRef,
  acknowledged: z.object({ by: who.nullable(), at: z.string() }).nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const supervisedRow = z.object({ entry: auditEntryView, review: reviewView.nullable() });
export type SupervisedRow = z.infer<typeof supervisedRow>;

export const deskFreshnessView = z.object({ deskId: z.string(), lastSeq: z.number().int(), lastReceivedAt: z.string().nullable() });

/** Where the workspace reads from right now, and why (a team store that failed falls back). */
export const supervisionSourceView = z.object({
  source: z.enum(['desk', 'team']),
  /** This desk's id (the desk-log source reads only it). */
  deskId: z.string(),
  /** Why the team store is not being read although one is configured (null when it is, or none is configured). */
  fallback: z.enum(['noReader', 'unreachable', 'auth', 'schema', 'config', 'other']).nullable(),
  /** The fallback's reason in English, for support (the screen says it in its own words). */
  fallbackDetail: z.string().nullable(),
  /** Per desk, how old the team store's copy is (team source only). */
  desks: z.array(deskFreshnessView),
});
export type SupervisionSourceView = z.infer<typeof supervisionSourceView>;

export const supervisionListInput = supervisionFilter.extend({
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  /** From the first page's answer: keeps paging stable while entries arrive. */
  pin: z.string().max(100).optional(),
});
export const supervisionTotal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), n: z.number().int().min(0) }),
  z.object({ kind: z.literal('moreThan'), n: z.number().int().min(0) }),
]);
export type SupervisionTotal = z.infer<typeof supervisionTotal>;
export const supervisionPage = z.object({
  rows: z.array(supervisedRow),
  /**
   * Matching entries, exactly or "more than n" (the team store stops counting at 10,000
   * unless its day table answers exactly; decision D90); null on a pinned later page (the
   * first page's total holds).
   */
  total: supervisionTotal.nullable(),
  offset: z.number().int(),
  pin: z.string(),
  source: supervisionSourceView,
});
export type SupervisionPage = z.infer<typeof supervisionPage>;

export const operatorDayView = z.object({ day: z.string(), operatorId: z.string(), operatorName: z.string().nullable(), comments: z.number().int(), changes: z.number().int() });
export type OperatorDayView = z.infer<typeof operatorDayView>;
export const perDayAnswer = z.object({ days: z.array(operatorDayView), from: z.string(), to: z.string(), source: supervisionSourceView });

/** An AMPS comment of the account, and whether an audit entry accounts for it. */
export const timelineComment = z.object({
  commentNo: z.number(),
  at: z.string(),
  /** The login name AMPS keeps. */
  author: z.string(),
  /** The author's name from the operator directory (as comments.list gives it); null for anyone else. */
  authorName: z.string().nullable(),
  text: z.string(),
  applicationId: z.string().nullable(),
  /** desk: an audited write made it (entryHash names the intent); outside: no audit entry does. */
  origin: z.enum(['desk', 'outside']),
  entryHash: z.string().nullable(),
});
export type TimelineComment = z.infer<typeof timelineComment>;
export const accountAnswer = z.object({
  accountNo: z.number().int(),
  rows: z.array(supervisedRow),
  comments: z.array(timelineComment),
  /** The comments could not be read from the billing system (the audit entries still show). */
  commentsError: z
    .object({ code: z.enum(IPC_ERROR_CODES), message: z.string(), resultCode: z.number().optional(), say: saySchema.optional() })
    .nullable(),
  source: supervisionSourceView,
});
export type AccountAnswer = z.infer<typeof accountAnswer>;

export const reviewInput = z.strictObject({
  target: entryRef,
  state: z.enum(['reviewed', 'flagged']),
  note: z.string().max(1000).refine(noCardNumber, NO_CARD_NUMBER),
});
export const reviewAnswer = z.object({ review: reviewView });

/** One piece of feedback on the signed-in operator's own work. */
export const feedbackItem = z.object({ entry: auditEntryView, review: reviewView });
export type FeedbackItem = z.infer<typeof feedbackItem>;
export const feedbackAnswer = z.object({ items: z.array(feedbackItem), teamError: z.string().nullable() });
export const acknowledgeInput = z.strictObject({ review: entryRef });
export const acknowledgeAnswer = z.object({ acknowledged: z.object({ at: z.string() }) });
export const supervisionCsv = z.object({ csv: z.string(), rows: z.number().int(), fileName: z.string() });
