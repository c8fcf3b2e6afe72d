// The supervisor workspace reads through one interface, whatever it reads from
// (docs/supervision.md; decision D73):
//   LocalAuditSource  this desk's own audit log (alone, the embedded default, and the
//                     fallback whenever the team store cannot be read)
//   TeamAuditSource   the team store, through a supervisor's read-only PostgreSQL role
// Both answer the same questions with the same meaning of "comment", "change" and
// "without a reason" (./categories.ts), newest first, with paging pinned so entries that
// arrive meanwhile never shift the rows on screen.
import type { AuditEntry } from '../audit/types';
import type { SupervisionCategory } from '../../../shared/ipc/supervision';

export interface SourceFilter {
  /** ISO date-time (or a date = midnight UTC); inclusive. */
  from?: string;
  /** ISO date-time (or a date = midnight UTC); exclusive. */
  to?: string;
  operatorId?: string;
  accountNo?: number;
  /** Plain text (no wildcards): %, _, quotes and backslashes are themselves. */
  text?: string;
  /** Default 'activity' (comments and changes). */
  category?: SupervisionCategory;
}

export interface SourcePage {
  offset?: number;
  limit?: number;
  /** The pin a first page answered with (opaque to callers). */
  pin?: string;
  /**
   * A first page's count may stop above this many entries and say "more than" (the team
   * store's default is TEAM_COUNT_BOUND; the export asks for its own limit). The desk's own
   * log always counts exactly.
   */
  countUpTo?: number;
}

/**
 * How many entries a first page's filter matches: exactly, or "more than n" when counting
 * every one would cost too much (decision D90). Never an exact-looking number that is not.
 */
export type ListTotal = { kind: 'exact'; n: number } | { kind: 'moreThan'; n: number };

export interface OperatorDayCount {
  /** YYYY-MM-DD in the time zone asked for. */
  day: string;
  operatorId: string;
  operatorName: string | null;
  comments: number;
  changes: number;
}

export interface DeskFresh {
  deskId: string;
  lastSeq: number;
  lastReceivedAt: string | null;
}

export interface AuditSource {
  readonly kind: 'desk' | 'team';
  /**
   * Entries matching the filter, newest first; `pin` keeps later pages stable. `total` is
   * counted for a first page (no pin given) and null for a pinned later page, whose total is
   * the first page's by definition.
   */
  list(filter: SourceFilter, page?: SourcePage): Promise<{ entries: AuditEntry[]; total: ListTotal | null; pin: string }>;
  /** Comments and changes per operator per day (filter.category is ignored). */
  perDay(filter: SourceFilter, timeZone: string): Promise<OperatorDayCount[]>;
  /** The entries with these hashes (any desk the source holds). */
  byHash(hashes: readonly string[]): Promise<AuditEntry[]>;
  /** Review and acknowledgement entries that name one of these entries as their target. */
  reviewsOf(targetHashes: readonly string[]): Promise<AuditEntry[]>;
  /** Every entry about one account, newest first (at most `limit`). */
  forAccount(accountNo: number, limit: number): Promise<AuditEntry[]>;
  /** Per desk, how current the source's copy is (empty for the desk's own log). */
  freshness(): Promise<DeskFresh[]>;
  close(): Promise<void>;
}
