// The supervisor workspace's state (docs/supervision.md): the filter as typed (the desk
// log's rules: renderer/state/auditStore's toQuery), which view is shown, the rows of the
// list loaded page by page as they scroll into view (pinned to the first page's answer, so
// entries shipped meanwhile never shift the rows), the chart's counts, reviews and the
// account drill-down. Main decides the source (desk log or team store) and says which.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { AccountAnswer, ChannelOutput, IpcError, OperatorDayView, ReviewView, SupervisedRow, SupervisionCategory, SupervisionSourceView } from '../../../shared/ipc';
import { EMPTY_FILTER, toQuery, type AuditFilterForm, type FilterProblem } from '../../state/auditStore';
import { invoke } from '../../state/ipc';
import { grown, roomOf, SUPERVISION_PAGE } from './total';

export { SUPERVISION_PAGE };
export type SupervisionView = Exclude<SupervisionCategory, 'all'> | 'chart';
export const VIEWS: readonly SupervisionView[] = ['activity', 'comments', 'changes', 'withoutReason', 'flagged', 'chart'];

type Query = Exclude<ReturnType<typeof toQuery>, { problem: FilterProblem }>['query'];

interface SupervisionState {
  form: AuditFilterForm;
  problem: FilterProblem | null;
  query: Query;
  view: SupervisionView;
  source: SupervisionSourceView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: IpcError | null;
  /** Rows the list has room for: the exact total, or (moreThan set) the rows known so far plus one still loading. */
  total: number;
  /** The first page said "more than this many" (D90); null once the total is exact. */
  moreThan: number | null;
  pin: string | undefined;
  pages: Record<number, SupervisedRow[]>;
  selected: number;
  /** Reviews made in this session, by target hash (shown at once, before a reload). */
  reviewed: Record<string, ReviewView>;
  chart: { status: 'idle' | 'loading' | 'ready' | 'error'; days: OperatorDayView[]; from: string; to: string; error: IpcError | null };
  exporting: boolean;
  exportError: IpcError | null;
  drill: { accountNo: number; status: 'loading' | 'ready' | 'error'; data: AccountAnswer | null; error: IpcError | null } | null;
  setField(field: keyof AuditFilterForm, value: string): void;
  clearFilter(): void;
  setView(view: SupervisionView): void;
  apply(): Promise<void>;
  reload(): Promise<void>;
  ensureRange(first: number, last: number): void;
  select(index: number): void;
  review(row: SupervisedRow, state: 'reviewed' | 'flagged', note: string): Promise<{ ok: true } | { ok: false; error: IpcError }>;
  exportCsv(): Promise<ChannelOutput<'supervision.exportCsv'> | null>;
  openAccount(accountNo: number): Promise<void>;
  closeAccount(): void;
  /** From the chart: one operator on one day, in the list. */
  showOperatorDay(operatorId: string, day: string): Promise<void>;
}

let generation = 0;
const inFlight = new Set<string>();

const withMine = (row: SupervisedRow | undefined, mine: ReviewView | undefined): SupervisedRow | undefined =>
  row && mine && (!row.review || mine.at >= row.review.at) ? { ...row, review: mine } : row;

/** The row at `index` with a review made in this session (outside React: a new object when merged). */
export function rowAt(s: Pick<SupervisionState, 'pages' | 'reviewed'>, index: number): SupervisedRow | undefined {
  const row = s.pages[Math.floor(index / SUPERVISION_PAGE)]?.[index % SUPERVISION_PAGE];
  return withMine(row, row ? s.reviewed[row.entry.hash] : undefined);
}

/** The same, for components: selects stable parts (a selector must not make new objects) and merges them once. */
export function useRowAt(index: number): SupervisedRow | undefined {
  const row = useSupervision((s) => s.pages[Math.floor(index / SUPERVISION_PAGE)]?.[index % SUPERVISION_PAGE]);
  const mine = useSupervision((s) => (row ? s.reviewed[row.entry.hash] : undefined));
  return useMemo(() => withMine(row, mine), [row, mine]);
}

const category = (view: SupervisionView): SupervisionCategory => (view === 'chart' ? 'activity' : view);

export const useSupervision = create<SupervisionState>()((set, get) => {
  async function loadPage(page: number, gen: number) {
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const { query, view, pin } = get();
    const res = await invoke((api) =>
      api.supervision.list({ ...query, category: category(view), limit: SUPERVISION_PAGE, offset: page * SUPERVISION_PAGE, ...(pin && page > 0 ? { pin } : {}) }),
    );
    inFlight.delete(key);
    if (gen !== generation) return;
    if (!res.ok) {
      set({ status: 'error', error: res.error });
      return;
    }
    const prev = get().source;
    // The source changed under the list (the team store went away, or came back): start over.
    if (page > 0 && prev && prev.source !== res.value.source.source) {
      void get().reload();
      return;
    }
    set((s) => ({
      pages: { ...s.pages, [page]: res.value.rows },
      source: res.value.source,
      // Only a first page is counted; later pages are pinned to it.
      ...(page === 0 ? { pin: res.value.pin, status: 'ready' as const } : {}),
      ...grown(page === 0 ? roomOf(res.value.total) : { total: s.total, moreThan: s.moreThan }, page, res.value.rows.length),
    }));
  }

  async function loadChart(gen: number) {
    const { query } = get();
    set((s) => ({ chart: { ...s.chart, status: 'loading', error: null } }));
    const res = await invoke((api) => api.supervision.perDay(query));
    if (gen !== generation) return;
    if (!res.ok) {
      set((s) => ({ chart: { ...s.chart, status: 'error', error: res.error } }));
      return;
    }
    set({ chart: { status: 'ready', days: res.value.days, from: res.value.from, to: res.value.to, error: null }, source: res.value.source });
  }

  return {
    form: EMPTY_FILTER,
    problem: null,
    query: {},
    view: 'activity',
    source: null,
    status: 'idle',
    error: null,
    total: 0,
    moreThan: null,
    pin: undefined,
    pages: {},
    selected: 0,
    reviewed: {},
    chart: { status: 'idle', days: [], from: '', to: '', error: null },
    exporting: false,
    exportError: null,
    drill: null,

    setField(field, value) {
      set((s) => ({ form: { ...s.form, [field]: value } }));
    },
    clearFilter() {
      set({ form: EMPTY_FILTER, problem: null });
    },
    setView(view) {
      if (view === get().view) return;
      set({ view });
      void get().reload();
    },

    async apply() {
      const parsed = toQuery(get().form);
      if ('problem' in parsed) {
        set({ problem: parsed.problem });
        return;
      }
      set({ problem: null, query: parsed.query });
      await get().reload();
    },

    async reload() {
      const gen = ++generation;
      set({ status: 'loading', error: null, pages: {}, total: 0, moreThan: null, pin: undefined, selected: 0, reviewed: {} });
      if (get().view === 'chart') {
        await loadChart(gen);
        if (gen === generation) set({ status: 'ready' });
        return;
      }
      await loadPage(0, gen);
    },

    ensureRange(first, last) {
      const { pages, status } = get();
      if (status !== 'ready') return;
      for (let p = Math.floor(first / SUPERVISION_PAGE); p <= Math.floor(last / SUPERVISION_PAGE); p++) if (!pages[p]) void loadPage(p, generation);
    },

    select(index) {
      set({ selected: index });
    },

    async review(row, state, note) {
      const res = await invoke((api) => api.supervision.review({ target: { deskId: row.entry.deskId, seq: row.entry.seq, hash: row.entry.hash }, state, note }));
      if (!res.ok) return { ok: false, error: res.error };
      set((s) => ({ reviewed: { ...s.reviewed, [row.entry.hash]: res.value.review } }));
      const drill = get().drill;
      if (drill) void get().openAccount(drill.accountNo);
      return { ok: true };
    },

    async exportCsv() {
      set({ exporting: true, exportError: null });
      const { query, view } = get();
      const res = await invoke((api) => api.supervision.exportCsv({ ...query, category: category(view) }));
      set({ exporting: false, exportError: res.ok ? null : res.error });
      return res.ok ? res.value : null;
    },

    async openAccount(accountNo) {
      const keep = get().drill?.accountNo === accountNo ? get().drill?.data ?? null : null;
      set({ drill: { accountNo, status: 'loading', data: keep, error: null } });
      const res = await invoke((api) => api.supervision.account({ accountNo }));
      if (get().drill?.accountNo !== accountNo) return;
      set({ drill: res.ok ? { accountNo, status: 'ready', data: res.value, error: null } : { accountNo, status: 'error', data: keep, error: res.error } });
    },
    closeAccount() {
      set({ drill: null });
    },

    async showOperatorDay(operatorId, day) {
      set((s) => ({ form: { ...s.form, operator: operatorId, from: day, to: day }, view: 'activity' }));
      await get().apply();
    },
  };
});
