// The list's length from a first page's total (decision D90): an exact total is the list's
// length; "more than n" gives room for n + 1 rows and the list grows as its pages come back,
// until a short page says where it ends (and the total is exact from then on).
import type { SupervisionTotal } from '../../../shared/ipc';

export const SUPERVISION_PAGE = 200;

export type Room = { total: number; moreThan: number | null };

/** The list's room from a first page's total: "more than n" means at least n + 1 rows. */
export function roomOf(total: SupervisionTotal | null): Room {
  if (!total) return { total: 0, moreThan: null };
  return total.kind === 'exact' ? { total: total.n, moreThan: null } : { total: total.n + 1, moreThan: total.n };
}

/**
 * After page `page` came back with `rows` rows, while the total is "more than": a short page
 * is the end (the total is now exact); a full one makes room for one more row, whose
 * loading asks for the next page, so the list grows as it is scrolled.
 */
export function grown(s: Room, page: number, rows: number, pageSize = SUPERVISION_PAGE): Room {
  if (s.moreThan === null) return s;
  const end = page * pageSize + rows;
  if (rows < pageSize) return end > s.moreThan ? { total: end, moreThan: null } : s;
  return { total: Math.max(s.total, end + 1), moreThan: s.moreThan };
}
