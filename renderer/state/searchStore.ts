// Account search: the quick box (recognised as you type, debounced) and the advanced
// panel. Every run gets a sequence number; an answer that is not the latest is dropped,
// so an older response never overwrites a newer one.
import { create } from 'zustand';
import { DELIVERY_MATCH_ROWS, type ChannelInput, type DeliveryPlace, type IpcError, type SearchResultRow } from '../../shared/ipc';
import { wordsOnADeliveryAddress } from '../features/search/deliveryMatch';
import { buildQuickSearch, recogniseQuery, type QuickKind, type QuickSearchInput, type Recognition } from '../../shared/domain/quickSearch';
import { invoke } from './ipc';
import { mark } from './marks';
import { nextSort, sortRows, type ResultSort, type SortKey } from './searchSort';

export type SearchInput = ChannelInput<'accounts.search'>;
export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';
export const SEARCH_LIMITS = [50, 200, 1000] as const;
export const DEBOUNCE_MS = 60;


export interface SearchState {
  query: string;
  recognition: Recognition | null;
  /** The kind the user chose from the chip menu; null = as recognised. */
  override: QuickKind | null;
  /** The kind the shown results were found as (after any fallback), null for advanced. */
  matchedAs: QuickKind | null;
  /** Kinds tried before matchedAs that found nothing. */
  triedKinds: QuickKind[];
  mode: 'quick' | 'advanced';
  /** The last advanced criteria run (kept so a higher limit can re-run them). */
  advancedInput: SearchInput | null;
  limit: number;
  status: SearchStatus;
  /**
   * A search of the text is due (the debounce is waiting for the typing to stop). Until it
   * runs, the results region treats the text as being searched: the last grid stays hidden
   * and reused, and no "type at least 3 characters" hint flashes between fast keystrokes.
   */
  scheduled: boolean;
  /** The shown rows: the answer's (ranked) order, or sorted by `sort`. */
  rows: SearchResultRow[];
  /** The answer's own order, kept so "no sort" brings the ranking back. */
  rankedRows: SearchResultRow[];
  /** The column the agent sorted by; null = as ranked. */
  sort: ResultSort | null;
  more: boolean;
  error: IpcError | null;
  seq: number;
  /**
   * Of a name search's rows, by account number, where a delivery address explains each word
   * the row cannot (D103): read after the answer, so the rows say "on a delivery address"
   * until it comes, and for good when it cannot be read.
   */
  deliveryPlaces: Readonly<Record<number, Readonly<Record<string, DeliveryPlace>>>>;
  /** The text the shown rows were found for (null when none are shown): Enter opens a row only for this text. */
  resultsFor: string | null;
  activeIndex: number;
  setQuery(query: string): void;
  /** Searches now (Enter), even for text too short to search as you type. */
  submit(): void;
  setOverride(kind: QuickKind | null): void;
  runAdvanced(input: SearchInput): Promise<void>;
  setLimit(limit: number): void;
  moveActive(delta: number): void;
  setActive(index: number): void;
  /** Sorts by a column: ascending, descending, then back to the ranking. The highlighted row stays highlighted. */
  toggleSort(key: SortKey, locale: string): void;
  reset(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** How long a name search's answer must stand before main is asked where its words fit a delivery address (D103). */
export const DELIVERY_SETTLE_MS = 400;
let lastInputAt = -Infinity;
const clearTimer = () => {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
};

const initial = {
  query: '',
  recognition: null,
  override: null,
  matchedAs: null,
  triedKinds: [],
  mode: 'quick' as const,
  advancedInput: null,
  limit: SEARCH_LIMITS[0] as number,
  status: 'idle' as SearchStatus,
  scheduled: false,
  rows: [],
  rankedRows: [],
  sort: null,
  more: false,
  error: null,
  deliveryPlaces: {},
  resultsFor: null,
  activeIndex: -1,
};

/** What any change of the text clears at once: old rows, their highlight and the kind they were found as. */
const cleared = { status: 'idle' as SearchStatus, scheduled: false, rows: [], rankedRows: [], sort: null, more: false, error: null, deliveryPlaces: {}, matchedAs: null, triedKinds: [], activeIndex: -1, resultsFor: null };

export const useSearch = create<SearchState>()((set, get) => {
  /** The kinds to try, in order: the user's choice alone, or the recognised ones (up to 3). */
  function plan(): QuickKind[] {
    const { recognition, override } = get();
    if (!recognition) return [];
    if (override) return [override];
    return recognition.explicit ? recognition.kinds.slice(0, 1) : recognition.kinds.slice(0, 3);
  }

  async function runQuick() {
    clearTimer();
    const seq = get().seq + 1;
    const { recognition, limit, query } = get();
    const kinds = plan();
    const inputs = kinds
      .map((k) => [k, recognition ? buildQuickSearch(k, recognition.term) : null] as const)
      .filter((x): x is readonly [QuickKind, QuickSearchInput] => x[1] !== null);
    if (!inputs.length) {
      set({ seq, ...cleared });
      return;
    }
    set({ seq, ...cleared, status: 'loading', mode: 'quick' });
    mark('csr:search-start');
    const search = (input: QuickSearchInput) => invoke((api) => api.accounts.search({ ...input, limit }));
    // Numbers are exact lookups and cheap: ask as the two likeliest kinds at once, so an
    // 8-digit number costs one round trip whether it turns out a phone or an account.
    // Text searches are "like" scans: ask one kind at a time.
    const parallel = /^[\d\s+-]+$/.test(recognition!.term);
    const started = parallel ? inputs.slice(0, 2).map(([, input]) => search(input)) : [];
    const tried: QuickKind[] = [];
    for (const [i, [kind, input]] of inputs.entries()) {
      const res = await (started[i] ?? search(input));
      if (get().seq !== seq) return; // a newer search started: this answer is stale
      if (!res.ok) {
        set({ ...cleared, status: 'error', error: res.error, matchedAs: kind, triedKinds: tried });
        return;
      }
      // Nothing found as this kind: try the next one the text could be.
      if (res.value.rows.length === 0 && i < inputs.length - 1) {
        tried.push(kind);
        continue;
      }
      mark('csr:search-answer');
      set({
        status: 'done',
        rows: res.value.rows,
        rankedRows: res.value.rows,
        more: res.value.more,
        matchedAs: kind,
        triedKinds: tried,
        resultsFor: query,
        activeIndex: res.value.rows.length ? 0 : -1,
      });
      if (kind === 'name') {
        // Only for an answer that stays: typing on makes a new search, and each keystroke's
        // answer asking about up to 50 accounts would load the billing system for nothing.
        const term = recognition!.term;
        const rows = res.value.rows;
        setTimeout(() => {
          if (get().seq === seq) void loadDeliveryPlaces(seq, term, rows);
        }, DELIVERY_SETTLE_MS);
      }
      return;
    }
  }

  /** For the rows a delivery address explains: where on it each word fits (D103), for this answer only. */
  async function loadDeliveryPlaces(seq: number, term: string, rows: readonly SearchResultRow[]) {
    const asked = rows
      .map((r) => ({ accountNo: r.ariaAccountNo, words: wordsOnADeliveryAddress(term, r).slice(0, 20) }))
      .filter((r) => r.words.length)
      .slice(0, DELIVERY_MATCH_ROWS);
    if (!asked.length) return;
    const res = await invoke((api) => api.accounts.deliveryMatches({ rows: asked }));
    if (get().seq !== seq || !res.ok) return;
    set({ deliveryPlaces: Object.fromEntries(res.value.rows.map((r) => [r.accountNo, Object.fromEntries(r.words.map((w) => [w.word, w.on]))])) });
  }

  return {
    ...initial,
    seq: 0,

    setQuery(query) {
      const recognition = recogniseQuery(query);
      // A new text keeps a forced kind only if the text can still be searched as it.
      const override = get().override && recognition && buildQuickSearch(get().override!, recognition.term) ? get().override : null;
      clearTimer();
      // Any change of the text: the rows, highlight and chip of the old text go at once, and
      // whatever is in flight for it is dropped (issue 11: "12" + Enter opened Tove Hansen).
      // One change of state, so no subscriber ever sees the old rows' text with the new
      // state or the other way round (the search box writes the store's text back into
      // the field when they differ).
      const typedAt = performance.now();
      const searchable = !!recognition?.term && (recognition.complete || !!override);
      // Debounced on both edges: a keystroke after a pause searches at once; keystrokes
      // closer together than DEBOUNCE_MS wait until the typing stops.
      const paused = typedAt - lastInputAt > DEBOUNCE_MS;
      if (recognition?.term) lastInputAt = typedAt;
      const scheduled = searchable && !paused;
      if (query !== get().query || get().mode !== 'quick') set((s) => ({ seq: s.seq + 1, ...cleared, query, recognition, override, mode: 'quick', scheduled }));
      else set({ query, recognition, override, mode: 'quick', scheduled });
      if (!searchable) return;
      if (paused) void runQuick();
      else timer = setTimeout(() => void runQuick(), DEBOUNCE_MS);
    },

    submit() {
      if (get().mode === 'advanced' && get().advancedInput) {
        void get().runAdvanced(get().advancedInput!);
        return;
      }
      if (get().recognition?.term) void runQuick();
    },

    setOverride(kind) {
      set({ override: kind });
      if (get().recognition?.term) void runQuick();
    },

    async runAdvanced(input) {
      clearTimer();
      const seq = get().seq + 1;
      const limit = get().limit;
      set({ seq, ...cleared, status: 'loading', mode: 'advanced', advancedInput: input });
      const res = await invoke((api) => api.accounts.search({ ...input, limit }));
      if (get().seq !== seq) return;
      if (res.ok) set({ status: 'done', rows: res.value.rows, rankedRows: res.value.rows, more: res.value.more, activeIndex: res.value.rows.length ? 0 : -1 });
      else set({ ...cleared, status: 'error', error: res.error });
    },

    setLimit(limit) {
      set({ limit });
      const s = get();
      if (s.mode === 'advanced' && s.advancedInput) void s.runAdvanced(s.advancedInput);
      else if (s.recognition?.term) void runQuick();
    },

    moveActive(delta) {
      const { rows, activeIndex } = get();
      if (!rows.length) return;
      const next = Math.max(0, Math.min(rows.length - 1, (activeIndex < 0 ? -1 : activeIndex) + delta));
      set({ activeIndex: next });
    },

    setActive: (index) => set({ activeIndex: index }),

    toggleSort(key, locale) {
      const { rows, rankedRows, activeIndex, sort } = get();
      const next = nextSort(sort, key);
      const active = rows[activeIndex];
      const sorted = next ? sortRows(rankedRows, next, locale) : rankedRows;
      set({ sort: next, rows: sorted, activeIndex: active ? sorted.indexOf(active) : activeIndex });
    },

    reset() {
      clearTimer();
      set((s) => ({ ...initial, seq: s.seq + 1 }));
    },
  };
});

/** The next limit to offer when the answer was MORE; null when already at the largest. */
export function nextLimit(limit: number): number | null {
  return SEARCH_LIMITS.find((l) => l > limit) ?? null;
}
