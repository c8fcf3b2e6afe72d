// A log of entries, newest first, as a virtualized listbox: only the rows on screen exist in
// the DOM and only their pages are fetched (ensureRange), so 100,000 entries scroll like 100.
// ↑ ↓ move, Page Up/Down by a screen, Home/End to the ends, Enter (when given) opens the
// selected one. The desk log (features/audit) and the supervision workspace
// (features/supervision) both show their entries this way; each renders its own rows inside
// the classes below.
import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useCallback, useEffect, useRef, type DependencyList, type KeyboardEvent, type ReactNode } from 'react';

export const ENTRY_ROW_HEIGHT = 56;

/**
 * Rows are plain elements styled once by the list: hundreds of them mount while scrolling,
 * and per-row styled components would cost frames. A row is `.entry-row` with an
 * `.entry-line` (time, what, state chips, muted parts, a grow spacer) over an
 * `.entry-summary`; a chip is `.entry-state` and one of `.entry-state-success`, `-error`,
 * `-warning`, `-info`, with `.entry-strong` for the one that must stand out.
 */
const rowStyles = {
  '& .entry-row': {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ENTRY_ROW_HEIGHT,
    px: 1.5,
    py: 0.5,
    boxSizing: 'border-box',
    borderBottom: 1,
    borderColor: 'divider',
    cursor: 'pointer',
    overflow: 'hidden',
    typography: 'body2',
    '&:hover': { bgcolor: 'action.hover' },
    '&[aria-selected="true"]': { bgcolor: 'action.selected' },
  },
  '& .entry-line': { display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, whiteSpace: 'nowrap', lineHeight: '24px' },
  '& .entry-time': { color: 'text.secondary', fontVariantNumeric: 'tabular-nums', minWidth: 150 },
  '& .entry-what': { fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .entry-muted': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .entry-grow': { flex: 1 },
  '& .entry-summary': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', lineHeight: '20px' },
  '& .entry-loading': { lineHeight: `${ENTRY_ROW_HEIGHT - 8}px` },
  '& .entry-state': { border: 1, borderRadius: 10, px: 1, fontSize: 12, lineHeight: '18px', borderColor: 'divider', color: 'text.secondary' },
  '& .entry-state-success': { borderColor: 'success.main', color: 'success.dark' },
  '& .entry-state-error': { borderColor: 'error.main', color: 'error.dark' },
  '& .entry-state-warning': { borderColor: 'warning.main', color: 'warning.dark' },
  '& .entry-state-info': { borderColor: 'info.main', color: 'info.dark' },
  '& .entry-strong': { fontWeight: 500 },
} as const;

/** What a row needs: its index, where it sits, whether it is selected, and the click that picks it. */
export interface EntryRowProps {
  index: number;
  top: number;
  selected: boolean;
  onPick: (index: number) => void;
}

/** What the listbox reads from the list's store. */
export interface EntryListState {
  total: number;
  selected: number;
  select(index: number): void;
  /** Fetch the pages holding rows first..last (both inclusive) if they are not loaded. */
  ensureRange(first: number, last: number): void;
}

export interface EntryListboxProps {
  /** The list's store (a zustand hook such as useAudit). */
  list: <U>(selector: (s: EntryListState) => U) => U;
  /** The id of row `index` (aria-activedescendant names it). */
  rowId: (index: number) => string;
  renderRow: (props: EntryRowProps) => ReactNode;
  /** A change of any of these is a new list: scroll back to the top. */
  resetOn: DependencyList;
  /** Enter on the list: open the selected row. */
  onEnter?: ((index: number) => void) | undefined;
  label: string;
  testId: string;
}

export function EntryListbox({ list, rowId, renderRow, resetOn, onEnter, label, testId }: EntryListboxProps) {
  const total = list((s) => s.total);
  const selected = list((s) => s.selected);
  const select = list((s) => s.select);
  const ensureRange = list((s) => s.ensureRange);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ENTRY_ROW_HEIGHT, overscan: 10 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange]);

  useEffect(() => {
    v.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller says what makes a new list
  }, [v, ...resetOn]);

  const pick = useCallback(
    (i: number) => {
      select(i);
      scroller.current?.focus();
    },
    [select],
  );
  const perScreen = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ENTRY_ROW_HEIGHT * 10) / ENTRY_ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter(selected);
      return;
    }
    const keys: Record<string, number> = { ArrowDown: selected + 1, ArrowUp: selected - 1, PageDown: selected + perScreen, PageUp: selected - perScreen, Home: 0, End: total - 1 };
    if (!(e.key in keys) || !total) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(total - 1, keys[e.key]!));
    select(next);
    v.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <Box
      ref={scroller}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={total ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      data-testid={testId}
      sx={{ height: '100%', overflow: 'auto', position: 'relative', outline: 'none', '&:focus-visible': { boxShadow: (th) => `inset 0 0 0 2px ${th.palette.primary.main}` }, ...rowStyles }}
    >
      <Box role="presentation" sx={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((it) => (
          <Fragment key={it.key}>{renderRow({ index: it.index, top: it.start, selected: it.index === selected, onPick: pick })}</Fragment>
        ))}
      </Box>
    </Box>
  );
}
