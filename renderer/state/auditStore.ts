// The supervisor's audit screen: the filter as typed, the entries it matches (loaded page
// by page as the list scrolls, so 100,000 rows cost only what is on screen), the verify
// verdict and the CSV export. Paging is pinned to the newest entry seen when the filter
// was applied (maxSeq), so entries written meanwhile never shift the rows under the eye.
import { create } from 'zustand';
import type { AuditEntryView, AuditVerdictView, ChannelInput, IpcError, Role } from '../../shared/ipc';
import { invoke } from './ipc';

export const AUDIT_PAGE = 200;

/** The filter fields as typed (strings: nothing typed is lost, even when not valid yet). */
export interface AuditFilterForm {
  from: string;
  to: string;
  operator: string;
  account: string;
  text: string;
}
export const EMPTY_FILTER: AuditFilterForm = { from: '', to: '', operator: '', account: '', text: '' };

/** A field the filter could not use, and why (an i18n key under audit.filterError). */
export type FilterProblem = { field: keyof AuditFilterForm; key: 'accountDigits' | 'toBeforeFrom' | 'notADate' };

type Query = Omit<ChannelInput<'audit.list'>, 'limit' | 'offset' | 'order' | 'maxSeq'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Local midnight of a YYYY-MM-DD date as an ISO instant (the desk's own calendar day). */
function localMidnight(date: string, addDays = 0): string | null {
  if (!DATE.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(y, m - 1, d + addDays);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** The query the typed filter stands for, or the first field that needs correcting. */
export function toQuery(f: AuditFilterForm): { query: Query } | { problem: FilterProblem } {
  const q: Query = {};
  if (f.from) {
    const from = localMidnight(f.from);
    if (!from) return { problem: { field: 'from', key: 'notADate' } };
    q.from = from;
  }
  if (f.to) {
    // "To 3 December" includes that whole day: up to the next local midnight.
    const to = localMidnight(f.to, 1);
    if (!to) return { problem: { field: 'to', key: 'notADate' } };
    if (q.from && to <= q.from) return { problem: { field: 'to', key: 'toBeforeFrom' } };
    q.to = to;
  }
  const account = f.account.trim();
  if (account) {
    if (!/^\d{1,15}$/.test(account) || Number(account) < 1) return { problem: { field: 'account', key: 'accountDigits' } };
    q.accountNo = Number(account);
  }
  if (f.operator.trim()) q.operatorId = f.operator.trim().toLowerCase();
  if (f.text.trim()) q.text = f.text.trim().slice(0, 200);
  return { query: q };
}

/** Supervisors and admins review the log; main refuses everyone else anyway. */
export function mayReviewAudit(role: Role | null | undefined): boolean {
  // The role of the signed-in operator (sessionStore); main enforces it on audit.* too.
  return role === 'supervisor' || role === 'admin';
}

interface AuditState {
  form: AuditFilterForm;
  problem: FilterProblem | null;
  query: Query;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: IpcError | null;
  total: number;
  maxSeq: number | undefined;
  /** Loaded pages of the newest-first list, by page number. */
  pages: Record<number, AuditEntryView[]>;
  selected: number;
  verdict: AuditVerdictView | null;
  verifying: boolean;
  verifyError: IpcError | null;
  exporting: boolean;
  exportError: IpcError | null;
  setField(field: keyof AuditFilterForm, value: string): void;
  clearFilter(): void;
  /** Applies the typed filter (when it is valid) and loads the first page. */
  apply(): Promise<void>;
  reload(): Promise<void>;
  ensureRange(first: number, last: number): void;
  select(index: number): void;
  verify(): Promise<void>;
  exportCsv(): Promise<{ fileName: string; csv: string; rows: number } | null>;
}

/** Bumped whenever the list starts over: answers for an older list are dropped. */
let generation = 0;
const inFlight = new Set<string>();

export const useAudit = create<AuditState>()((set, get) => {
  async function loadPage(page: number, gen: number) {
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const { query, maxSeq } = get();
    const res = await invoke((api) =>
      api.audit.list({ ...query, order: 'desc', limit: AUDIT_PAGE, offset: page * AUDIT_PAGE, ...(maxSeq !== undefined ? { maxSeq } : {}) }),
    );
    inFlight.delete(key);
    if (gen !== generation) return;
    if (!res.ok) {
      set({ status: 'error', error: res.error });
      return;
    }
    set((s) => ({ pages: { ...s.pages, [page]: res.value.entries } }));
  }

  return {
    form: EMPTY_FILTER,
    problem: null,
    query: {},
    status: 'idle',
    error: null,
    total: 0,
    maxSeq: undefined,
    pages: {},
    selected: 0,
    verdict: null,
    verifying: false,
    verifyError: null,
    exporting: false,
    exportError: null,

    setField(field, value) {
      set((s) => ({ form: { ...s.form, [field]: value } }));
    },
    clearFilter() {
      set({ form: EMPTY_FILTER, problem: null });
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
      set({ status: 'loading', error: null });
      const res = await invoke((api) => api.audit.list({ ...get().query, order: 'desc', limit: AUDIT_PAGE, offset: 0 }));
      if (gen !== generation) return;
      if (!res.ok) {
        set({ status: 'error', error: res.error, pages: {}, total: 0 });
        return;
      }
      const first = res.value.entries;
      set({ status: 'ready', total: res.value.total, maxSeq: first[0]?.seq ?? 0, pages: { 0: first }, selected: 0 });
    },

    ensureRange(first, last) {
      const { pages, total, status } = get();
      if (status !== 'ready' || total === 0) return;
      const gen = generation;
      for (let p = Math.floor(Math.max(0, first) / AUDIT_PAGE); p <= Math.floor(Math.min(total - 1, last) / AUDIT_PAGE); p++) if (!pages[p]) void loadPage(p, gen);
    },

    select(index) {
      const { total } = get();
      if (total === 0) return;
      set({ selected: Math.max(0, Math.min(total - 1, index)) });
    },

    async verify() {
      set({ verifying: true, verifyError: null });
      const res = await invoke((api) => api.audit.verify({}));
      if (res.ok) set({ verdict: res.value, verifying: false });
      else set({ verifyError: res.error, verifying: false });
    },

    async exportCsv() {
      set({ exporting: true, exportError: null });
      const res = await invoke((api) => api.audit.exportCsv(get().query));
      if (!res.ok) {
        set({ exporting: false, exportError: res.error });
        return null;
      }
      set({ exporting: false });
      return res.value;
    },
  };
});

/** The entry at a row of the newest-first list, if its page is loaded. */
export const entryAt = (s: Pick<AuditState, 'pages'>, index: number): AuditEntryView | undefined => s.pages[Math.floor(index / AUDIT_PAGE)]?.[index % AUDIT_PAGE];
