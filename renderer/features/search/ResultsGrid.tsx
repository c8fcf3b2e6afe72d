// Search results: a virtualised ARIA grid (up to 1,000 rows stay fast). The quick-search
// box drives it as a combobox (↑ ↓ Enter); focused itself it takes ↑ ↓ Home End Enter.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountResultRow } from '../../../shared/amps';
import { BalanceText } from '../../components/Balance';
import { StatusChip } from '../../components/StatusChip';

export const RESULTS_GRID_ID = 'search-results-grid';
export const resultRowId = (i: number) => `search-row-${i}`;
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 34;
const COLUMNS = 'minmax(180px,2fr) minmax(120px,1.1fr) 160px minmax(150px,1.2fr) minmax(100px,1fr) minmax(120px,1fr) minmax(180px,1.6fr)';

const phoneOf = (r: AccountResultRow) => r.contactDetails.cellPhone || r.contactDetails.homePhone || r.contactDetails.workPhone || '';
export const nameOf = (r: AccountResultRow) =>
  r.contactDetails.fullName?.trim() || [r.contactDetails.firstName, r.contactDetails.lastName].filter(Boolean).join(' ') || String(r.ariaAccountNo);

const cellSx = { px: 1.25, overflow: 'hidden', whiteSpace: 'nowrap', display: 'flex', alignItems: 'center', minWidth: 0 } as const;

/** Text that ends in "…" when the column is too narrow (the cell itself is a flex box). */
const Clip = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>
    {children}
  </Box>
);

const Row = memo(function Row({ row, index, active, onOpen, onHover }: { row: AccountResultRow; index: number; active: boolean; onOpen(i: number): void; onHover(i: number): void }) {
  const c = row.contactDetails;
  return (
    <Box
      role="row"
      id={resultRowId(index)}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-account-no={row.ariaAccountNo}
      onClick={() => onOpen(index)}
      onMouseMove={active ? undefined : () => onHover(index)}
      sx={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        height: ROW_HEIGHT,
        cursor: 'pointer',
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: active ? 'rgba(27,79,138,0.09)' : 'background.paper',
        boxShadow: active ? 'inset 3px 0 0 #1b4f8a' : undefined,
        '&:hover': { bgcolor: active ? 'rgba(27,79,138,0.12)' : 'action.hover' },
      }}
    >
      <Box role="gridcell" sx={{ ...cellSx, fontWeight: 500 }}>
        <Clip>{nameOf(row)}</Clip>
      </Box>
      <Box role="gridcell" sx={{ ...cellSx, flexDirection: 'column', alignItems: 'flex-start', justifyContent: 'center', lineHeight: 1.2 }}>
        <span>{row.ariaAccountNo}</span>
        {row.ariaAccountID ? (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {row.ariaAccountID}
          </Typography>
        ) : null}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <StatusChip code={row.acctStatusCode} />
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <BalanceText balance={row.acctBalance} currency={row.acctCurrencyCode} />
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <Clip>{c.postalCity ?? ''}</Clip>
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <Clip>{phoneOf(row)}</Clip>
      </Box>
      <Box role="gridcell" sx={cellSx} title={c.emailAddress ?? undefined}>
        <Clip>{c.emailAddress ?? ''}</Clip>
      </Box>
    </Box>
  );
});

interface Props {
  rows: AccountResultRow[];
  activeIndex: number;
  label: string;
  onActivate(index: number): void;
  onOpen(index: number): void;
}

export function ResultsGrid({ rows, activeIndex, label, onActivate, onOpen }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The grid is its own scroll container (so it is the focusable scrolling region); the
  // header row sticks at the top and the rows start HEADER_HEIGHT below it.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows.length, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
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

  const headers = ['name', 'account', 'status', 'balance', 'city', 'phone', 'email'] as const;
  return (
    <Box
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
      sx={{ flex: 1, minHeight: 0, overflowY: 'auto', position: 'relative', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
    >
      <Box role="rowgroup" sx={{ position: 'sticky', top: 0, zIndex: 1 }}>
        <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: COLUMNS, height: HEADER_HEIGHT, bgcolor: '#f7f8fa', borderBottom: 1, borderColor: 'divider' }}>
          {headers.map((h) => (
            <Box key={h} role="columnheader" sx={{ ...cellSx, fontWeight: 600, color: 'text.secondary', fontSize: '0.75rem', textTransform: 'uppercase', letterSpacing: '0.03em' }}>
              <Clip>{t(`search.column.${h}`)}</Clip>
            </Box>
          ))}
        </Box>
      </Box>
      <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <Box key={v.key} sx={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start - HEADER_HEIGHT}px)` }}>
            <Row row={rows[v.index]!} index={v.index} active={v.index === activeIndex} onOpen={onOpen} onHover={onActivate} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
