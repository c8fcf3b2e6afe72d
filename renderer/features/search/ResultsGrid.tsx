// Search results: a virtualised ARIA grid (up to 1,000 rows stay fast). The quick-search
// box drives it as a combobox (↑ ↓ Enter); focused itself it takes ↑ ↓ Home End Enter.
// Rows are plain elements styled by one stylesheet (class names, no per-row sx) and
// positioned with inline transforms, so a new answer costs React work and nothing else.
// A row whose match came from a delivery address (D103) is taller by one line, which its
// note has to itself across the whole row: the height is known from the answer, so no row
// is measured.
import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { DeliveryPlace, SearchResultRow } from '../../../shared/ipc';
import { accountStatusKey, accountStatusTone } from '../../../shared/domain/accountStatus';
import { statusLabel } from '../../components/StatusChip';
import { describeBalance } from '../../../shared/domain/balance';
import { useBalanceText } from '../../components/Balance';
import { SORT_KEYS, nameOf, phoneOf, type ResultSort, type SortKey } from '../../state/searchSort';
import { deliveryNote } from './deliveryMatch';

export const RESULTS_GRID_ID = 'search-results-grid';
export const resultRowId = (i: number) => `search-row-${i}`;
const ROW_HEIGHT = 40;
// The note's line under a row's cells (D103): the row's full width, not the name column's
// 150–200 px, so "«Fjellhytta»: navn på en leveringsadresse; «Kristiansand»: poststed på en
// leveringsadresse" reads in full at 1280 × 720 without hovering.
const NOTE_LINE = 18;
const NOTED_ROW_HEIGHT = ROW_HEIGHT + NOTE_LINE;
const HEADER_HEIGHT = 34;
// The minimums fit 1280 px with the recent list beside (no sideways scroll, issue 11 item 8).
const COLUMNS = 'minmax(150px,1.8fr) minmax(110px,1.1fr) minmax(110px,0.9fr) minmax(140px,1.3fr) minmax(90px,1fr) minmax(110px,1fr) minmax(140px,1.6fr)';

export { nameOf };

const Grid = styled('div')(({ theme }) => ({
  flex: 1,
  minHeight: 0,
  overflowY: 'auto',
  position: 'relative',
  border: `1px solid ${theme.palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  background: theme.palette.background.paper,
  fontSize: theme.typography.body2.fontSize,
  '& .row': { display: 'grid', gridTemplateColumns: COLUMNS, gridTemplateRows: `${ROW_HEIGHT - 1}px`, height: ROW_HEIGHT, borderBottom: `1px solid ${theme.palette.divider}`, cursor: 'pointer', background: theme.palette.background.paper, position: 'relative' },
  '& .row.noted': { height: NOTED_ROW_HEIGHT },
  // The note stays in the name's cell (a screen reader reads the two together) but is laid
  // out across the row, from the name's left edge, on the line below the cells.
  '& .note': {
    position: 'absolute', left: 10, right: 10, top: ROW_HEIGHT - 2, height: NOTE_LINE,
    lineHeight: `${NOTE_LINE - 2}px`, fontSize: '0.75rem', color: theme.palette.text.secondary, fontWeight: 400,
  },
  '& .row:hover': { background: theme.palette.action.hover },
  '& .row[aria-selected="true"]': { background: 'rgba(27,79,138,0.09)', boxShadow: 'inset 3px 0 0 #1b4f8a' },
  '& .slot': { position: 'absolute', top: 0, left: 0, right: 0 },
  '& .head': { position: 'sticky', top: 0, zIndex: 1 },
  '& .headrow': {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    height: HEADER_HEIGHT,
    background: theme.palette.mode === 'dark' ? theme.palette.background.default : '#f7f8fa',
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  '& .cell': { padding: '0 10px', overflow: 'hidden', whiteSpace: 'nowrap', display: 'flex', alignItems: 'center', minWidth: 0 },
  '& .headrow .cell': { fontWeight: 600, color: theme.palette.text.secondary, fontSize: '0.75rem', textTransform: 'uppercase', letterSpacing: '0.03em', padding: '0 4px' },
  '& .sort': {
    all: 'unset', boxSizing: 'border-box', display: 'inline-flex', alignItems: 'center', gap: 2, maxWidth: '100%', height: 26,
    padding: '0 6px', borderRadius: 4, cursor: 'pointer', font: 'inherit', color: 'inherit', textTransform: 'inherit', letterSpacing: 'inherit',
  },
  '& .sort:hover': { background: theme.palette.action.hover },
  '& .sort:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
  '& .sort svg': { fontSize: '0.95rem', flexShrink: 0 },
  '& [aria-sort="ascending"] .sort, & [aria-sort="descending"] .sort': { color: theme.palette.primary.main },
  '& .clip': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  '& .name': { fontWeight: 500 },
  '& .ids': { flexDirection: 'column', alignItems: 'flex-start', justifyContent: 'center', lineHeight: 1.2 },
  '& .sub': { fontSize: '0.75rem', color: theme.palette.text.secondary, maxWidth: '100%', fontWeight: 400 },
  '& .status': { display: 'inline-flex', alignItems: 'center', height: 22, padding: '0 8px', borderRadius: 11, fontSize: '0.75rem', fontWeight: 500, border: '1px solid transparent' },
  '& .status-success': { background: theme.palette.success.main, color: theme.palette.success.contrastText },
  '& .status-warning': { background: theme.palette.warning.main, color: theme.palette.warning.contrastText },
  '& .status-error': { background: theme.palette.error.main, color: theme.palette.error.contrastText },
  '& .status-default': { borderColor: '#9aa5b1', color: theme.palette.text.primary },
  '& .owes': { color: theme.palette.error.dark, fontWeight: 500 },
  '& .owed': { color: theme.palette.success.dark },
  '& .settled': { color: theme.palette.text.secondary },
}));

interface RowText {
  status(code: number): string;
  balance(amount: number, currency?: string | null): string;
}

const Row = memo(function Row({
  row,
  index,
  active,
  text,
  note,
  onOpen,
  onHover,
}: {
  row: SearchResultRow;
  index: number;
  active: boolean;
  text: RowText;
  /** Which words of the search matched a delivery address, not what the row shows, and where on it (D102, D103). */
  note: string | null;
  onOpen(i: number): void;
  onHover(i: number): void;
}) {
  const c = row.contactDetails;
  const tone = accountStatusTone(accountStatusKey(row.acctStatusCode));
  const balanceKind = describeBalance(row.acctBalance, row.acctCurrencyCode).kind;
  return (
    <div
      className={note ? 'row noted' : 'row'}
      role="row"
      id={resultRowId(index)}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-account-no={row.ariaAccountNo}
      onClick={() => onOpen(index)}
      onMouseMove={active ? undefined : () => onHover(index)}
    >
      <div role="gridcell" className="cell name">
        <span className="clip">{nameOf(row)}</span>
        {note ? (
          // The title only for a note longer than the row (more words than anyone types).
          <span className="note clip" data-testid="matched-delivery" title={note}>
            {note}
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell ids">
        <span>{row.ariaAccountNo}</span>
        {row.ariaAccountID ? <span className="sub clip" title={row.ariaAccountID}>{row.ariaAccountID}</span> : null}
      </div>
      <div role="gridcell" className="cell">
        <span className={`status status-${tone}`}>{text.status(row.acctStatusCode)}</span>
      </div>
      <div role="gridcell" className="cell">
        <span className={`clip ${balanceKind}`}>{text.balance(row.acctBalance, row.acctCurrencyCode)}</span>
      </div>
      <div role="gridcell" className="cell">
        <span className="clip">{c.postalCity ?? ''}</span>
      </div>
      <div role="gridcell" className="cell">
        <span className="clip">{phoneOf(row)}</span>
      </div>
      <div role="gridcell" className="cell" title={c.emailAddress ?? undefined}>
        <span className="clip">{c.emailAddress ?? ''}</span>
      </div>
    </div>
  );
});

interface Props {
  rows: readonly SearchResultRow[];
  activeIndex: number;
  label: string;
  /** The column the rows are sorted by; null = as ranked by the search. */
  sort: ResultSort | null;
  /** The text the rows were found for as words (the name kind), or null. */
  words?: string | null;
  /** By account number, where on a delivery address each word a row cannot explain fits (D103). */
  deliveryPlaces?: Readonly<Record<number, Readonly<Record<string, DeliveryPlace>>>>;
  onSort(key: SortKey): void;
  onActivate(index: number): void;
  onOpen(index: number): void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const NO_PLACES: Readonly<Record<number, Readonly<Record<string, DeliveryPlace>>>> = {};

// Memoised: while the next answer is awaited, SearchScreen keeps the grid with the same
// props (hidden), and rendering it again would cost the keystroke a measure of the grid.
export const ResultsGrid = memo(function ResultsGrid({ rows, activeIndex, label, sort, words = null, deliveryPlaces = NO_PLACES, onSort, onActivate, onOpen }: Props) {
  const { t } = useTranslation();
  const balance = useBalanceText();
  const text = useMemo<RowText>(
    () => ({ status: (code) => statusLabel(t, code), balance }),
    [t, balance],
  );
  // Per answer (and when where they fit arrives), not per frame: what each row matched on a delivery address.
  const notes = useMemo(() => (words ? rows.map((r) => deliveryNote(t, words, r, deliveryPlaces[r.ariaAccountNo])) : null), [rows, words, deliveryPlaces, t]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Each row's height follows from whether it has a note, nothing is measured in the page. The
  // key says both (the index, so React reuses rows between answers), and a new key function
  // with each set of notes has the virtualizer lay the rows out again.
  const getItemKey = useCallback((i: number) => (notes?.[i] ? `${i}-noted` : i), [notes]);
  // The grid is its own scroll container (so it is the focusable scrolling region); the
  // header row sticks at the top and the rows start HEADER_HEIGHT below it.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (notes?.[i] ? NOTED_ROW_HEIGHT : ROW_HEIGHT),
    getItemKey,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // A new answer starts at its highlighted row (the grid is reused between answers), and the
  // highlight moved by the keyboard stays in view. Row heights are known from the answer, so
  // whether the row is already in view is known from the virtualizer's layout, scroll position
  // and size without asking the page: scrollToIndex reads scrollHeight, which forces a layout
  // of the new rows in the middle of painting an answer (bench:ui), for a row that is usually
  // already shown.
  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= rows.length) return;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const item = virtualizer.measurementsCache[activeIndex]; // start and end include the header (scrollMargin)
    const shown = activeIndex === 0 ? offset === 0 : !!item && height > 0 && item.start >= offset + HEADER_HEIGHT && item.end <= offset + height;
    if (!shown) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys on a column's sort button are the button's own (Enter / Space sort).
    if (e.target !== e.currentTarget) return;
    const last = rows.length - 1;
    const go = (i: number) => {
      e.preventDefault();
      onActivate(Math.max(0, Math.min(last, i)));
    };
    if (e.key === 'ArrowDown') go(activeIndex + 1);
    else if (e.key === 'ArrowUp') go(activeIndex - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(last);
    else if (e.key === 'PageDown') go(activeIndex + 10);
    else if (e.key === 'PageUp') go(activeIndex - 10);
    else if (e.key === 'Enter' && activeIndex >= 0) {
      e.preventDefault();
      onOpen(activeIndex);
    }
  };

  const headers = SORT_KEYS;
  return (
    <Grid
      ref={scrollRef}
      data-virtual-scroll
      id={RESULTS_GRID_ID}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={headers.length}
      aria-activedescendant={activeIndex >= 0 ? resultRowId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="head">
        <div role="row" aria-rowindex={1} className="headrow">
          {headers.map((h) => {
            const dir = sort?.key === h ? sort.dir : null;
            return (
              <div key={h} role="columnheader" className="cell" aria-sort={dir ? ARIA_SORT[dir] : 'none'}>
                <button
                  type="button"
                  className="sort"
                  onClick={() => onSort(h)}
                  title={t(dir === 'asc' ? 'search.sortDesc' : dir === 'desc' ? 'search.sortNone' : 'search.sortAsc', { column: t(`search.column.${h}`) })}
                  data-testid={`sort-${h}`}
                >
                  <span className="clip">{t(`search.column.${h}`)}</span>
                  {dir === 'asc' ? <ArrowUpwardIcon aria-hidden /> : dir === 'desc' ? <ArrowDownwardIcon aria-hidden /> : null}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div key={v.key} className="slot" style={{ transform: `translateY(${v.start - HEADER_HEIGHT}px)` }}>
            <Row row={rows[v.index]!} index={v.index} active={v.index === activeIndex} text={text} note={notes?.[v.index] ?? null} onOpen={onOpen} onHover={onActivate} />
          </div>
        ))}
      </div>
    </Grid>
  );
});
