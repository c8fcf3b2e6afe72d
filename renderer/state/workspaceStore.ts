// Open accounts (tabs), the recent-accounts list and each open account's overview
// (AcctRetrieveAccount). Several accounts can be open at once; the "search" tab is fixed.
import { create } from 'zustand';
import type { ChannelOutput, IpcError } from '../../shared/ipc';
import { invoke } from './ipc';
import { useSearch } from './searchStore';

export type AccountDetails = ChannelOutput<'accounts.get'>;
export type AccountSection = 'overview' | 'billingGroups' | 'comments' | 'address' | 'plans';
export interface TitleFilterEntry {
  titleCode?: string;
  titleDomain?: string;
}

export interface AccountEntry {
  accountNo: number;
  /** What the tab says before the account has loaded (the name from the search row). */
  label: string;
  status: 'loading' | 'ready' | 'error';
  data: AccountDetails | null;
  error: IpcError | null;
  titleFilter: TitleFilterEntry[];
  section: AccountSection;
  /** Bumped on every load; an older answer never overwrites a newer one. */
  seq: number;
  /** Bumped each time the account is opened (or brought forward by opening it again): the view moves the focus to its heading. */
  opened: number;
  /**
   * The KID the account was found by, when it was (AcctRetrieveAccount returns no KID; the
   * agent still wants to copy the one the caller read out).
   */
  kid: string | null;
}

/** The KID of the search that listed this account, if it was searched as one. */
function foundByKid(accountNo: number): string | null {
  const s = useSearch.getState();
  if (s.matchedAs !== 'kid' || !s.rows.some((r) => r.ariaAccountNo === accountNo)) return null;
  const kid = (s.recognition?.term ?? '').replace(/\D/g, '');
  return kid || null;
}

export interface RecentAccount {
  accountNo: number;
  name: string;
  at: number;
}

export type TabId = 'search' | number;
const RECENT_MAX = 12;
const RECENT_KEY = 'csr-desk.recent';

interface WorkspaceState {
  tabs: number[];
  active: TabId;
  accounts: Record<number, AccountEntry>;
  recent: RecentAccount[];
  /** Not kept between launches in kiosk mode. */
  persistRecent: boolean;
  open(accountNo: number, label?: string): void;
  close(accountNo: number): void;
  activate(tab: TabId): void;
  cycle(delta: 1 | -1): void;
  load(accountNo: number): Promise<void>;
  setSection(accountNo: number, section: AccountSection): void;
  setTitleFilter(accountNo: number, filter: TitleFilterEntry[]): void;
  reset(opts?: { forgetRecent?: boolean }): void;
}

function readRecent(): RecentAccount[] {
  try {
    const raw = window.sessionStorage.getItem(RECENT_KEY);
    const list = raw ? (JSON.parse(raw) as RecentAccount[]) : [];
    return Array.isArray(list) ? list.filter((r) => typeof r.accountNo === 'number').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

function writeRecent(list: RecentAccount[], persist: boolean) {
  try {
    if (persist) window.sessionStorage.setItem(RECENT_KEY, JSON.stringify(list));
    else window.sessionStorage.removeItem(RECENT_KEY);
  } catch {
    // not kept; the list still works for this page
  }
}

const accountName = (d: AccountDetails) => {
  const c = d.acctRetrieveAccountDetails.acctContactDetails;
  return c.fullName?.trim() || [c.firstName, c.lastName].filter(Boolean).join(' ') || String(d.ariaAccountNo);
};

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  tabs: [],
  active: 'search',
  accounts: {},
  recent: readRecent(),
  persistRecent: true,

  open(accountNo, label) {
    const s = get();
    if (!s.accounts[accountNo]) {
      const entry: AccountEntry = {
        accountNo,
        label: label || String(accountNo),
        status: 'loading',
        data: null,
        error: null,
        titleFilter: [],
        section: 'overview',
        seq: 0,
        opened: 1,
        kid: foundByKid(accountNo),
      };
      set({ tabs: [...s.tabs, accountNo], accounts: { ...s.accounts, [accountNo]: entry }, active: accountNo });
      void get().load(accountNo);
    } else {
      const entry = s.accounts[accountNo]!;
      set({ active: accountNo, accounts: { ...s.accounts, [accountNo]: { ...entry, opened: entry.opened + 1, kid: foundByKid(accountNo) ?? entry.kid } } });
    }
  },

  close(accountNo) {
    const s = get();
    const idx = s.tabs.indexOf(accountNo);
    if (idx === -1) return;
    const tabs = s.tabs.filter((t) => t !== accountNo);
    const accounts = { ...s.accounts };
    delete accounts[accountNo];
    // Closing the tab in view moves to its neighbour (or back to search).
    const active: TabId = s.active === accountNo ? (tabs[Math.min(idx, tabs.length - 1)] ?? 'search') : s.active;
    set({ tabs, accounts, active });
  },

  activate: (tab) => set({ active: tab }),

  cycle(delta) {
    const s = get();
    const order: TabId[] = ['search', ...s.tabs];
    const i = order.indexOf(s.active);
    set({ active: order[(i + delta + order.length) % order.length]! });
  },

  async load(accountNo) {
    const entry = get().accounts[accountNo];
    if (!entry) return;
    const seq = entry.seq + 1;
    set((s) => ({ accounts: { ...s.accounts, [accountNo]: { ...entry, seq, status: entry.data ? entry.status : 'loading' } } }));
    const titleFilter = entry.titleFilter.length ? entry.titleFilter : undefined;
    const res = await invoke((api) => api.accounts.get({ accountNo, ...(titleFilter ? { titleFilter } : {}) }));
    const now = get().accounts[accountNo];
    if (!now || now.seq !== seq) return; // closed, or a newer load is under way
    if (res.ok) {
      const name = accountName(res.value);
      set((s) => {
        const recent = [{ accountNo, name, at: Date.now() }, ...s.recent.filter((r) => r.accountNo !== accountNo)].slice(0, RECENT_MAX);
        writeRecent(recent, s.persistRecent);
        return { accounts: { ...s.accounts, [accountNo]: { ...now, status: 'ready', data: res.value, error: null, label: name } }, recent };
      });
    } else {
      set((s) => ({ accounts: { ...s.accounts, [accountNo]: { ...now, status: 'error', error: res.error } } }));
    }
  },

  setSection(accountNo, section) {
    const entry = get().accounts[accountNo];
    if (entry) set((s) => ({ accounts: { ...s.accounts, [accountNo]: { ...entry, section } } }));
  },

  setTitleFilter(accountNo, filter) {
    const entry = get().accounts[accountNo];
    if (!entry) return;
    set((s) => ({ accounts: { ...s.accounts, [accountNo]: { ...entry, titleFilter: filter } } }));
    void get().load(accountNo);
  },

  reset(opts = {}) {
    const forget = opts.forgetRecent ?? false;
    if (forget) writeRecent([], false);
    set((s) => ({ tabs: [], active: 'search', accounts: {}, recent: forget ? [] : s.recent }));
  },
}));

export const selectActiveEntry = (s: WorkspaceState): AccountEntry | null => (s.active === 'search' ? null : (s.accounts[s.active] ?? null));
export { accountName };
