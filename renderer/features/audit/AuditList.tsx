// The log, newest first, as a virtualized listbox: only the rows on screen exist in the
// DOM and only their pages are fetched, so 100,000 entries scroll like 100. Keyboard:
// ↑ ↓ move, Page Up/Down by a screen, Home/End to the ends; the selected entry shows in
// the details panel.
import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { INTL_LOCALE } from '../../i18n/format';
import { entryAt, useAudit } from '../../state/auditStore';
import { actionLabel, changeSummary, stateColor, stateLabel } from './auditWords';

export const AUDIT_ROW_HEIGHT = 56;
export const auditRowId = (index: number) => `audit-row-${index}`;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language for every row (making one per row is what would cost). */
export function useTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'nb' ? 'nb' : 'en';
  let f = timeFormats.get(locale);
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'short', timeStyle: 'medium' })));
  return f;
}

// Rows are plain elements styled once by the list (below): hundreds of them mount while
// scrolling, and per-row styled components would cost frames.
const rowStyles = {
  '& .audit-row': {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: AUDIT_ROW_HEIGHT,
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
  '& .audit-line': { display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, whiteSpace: 'nowrap', lineHeight: '24px' },
  '& .audit-time': { color: 'text.secondary', fontVariantNumeric: 'tabular-nums', minWidth: 150 },
  '& .audit-what': { fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .audit-muted': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .audit-grow': { flex: 1 },
  '& .audit-summary': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', lineHeight: '20px' },
  '& .audit-state': { border: 1, borderRadius: 10, px: 1, fontSize: 12, lineHeight: '18px', borderColor: 'divider', color: 'text.secondary' },
  '& .audit-state-success': { borderColor: 'success.main', color: 'success.dark' },
  '& .audit-state-error': { borderColor: 'error.main', color: 'error.dark' },
  '& .audit-state-warning': { borderColor: 'warning.main', color: 'warning.dark' },
  '& .audit-state-info': { borderColor: 'info.main', color: 'info.dark' },
} as const;

const Row = memo(function Row({ index, top, selected, onPick }: { index: number; top: number; selected: boolean; onPick: (i: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const entry = useAudit((s) => entryAt(s, index));
  const total = useAudit((s) => s.total);
  const time = useTimeFormat();
  return (
    <div
      role="option"
      className="audit-row"
      id={auditRowId(index)}
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-seq={entry?.seq}
      onClick={() => onPick(index)}
      style={{ transform: `translateY(${top}px)` }}
    >
      {entry ? (
        <>
          <div className="audit-line">
            <span className="audit-time">{time.format(Date.parse(entry.at))}</span>
            <span className="audit-what">{actionLabel(t, entry.action)}</span>
            <span className={`audit-state audit-state-${stateColor(entry)}`}>{stateLabel(t, entry)}</span>
            {entry.accountNo !== null ? <span className="audit-muted">{t('audit.accountShort', { accountNo: entry.accountNo })}</span> : null}
            <span className="audit-grow" />
            <span className="audit-muted">{entry.operator ? entry.operator.displayName : t('audit.noOperator')}</span>
          </div>
          <div className="audit-summary">
            {[changeSummary(t, f, entry), entry.reason ? t('audit.reasonShort', { reason: entry.reason }) : ''].filter(Boolean).join(' · ') || '\u00a0'}
          </div>
        </>
      ) : (
        <div className="audit-summary" style={{ lineHeight: `${AUDIT_ROW_HEIGHT - 8}px` }}>
          {t('audit.loadingRow')}
        </div>
      )}
    </div>
  );
});

export function AuditList() {
  const { t } = useTranslation();
  const total = useAudit((s) => s.total);
  const selected = useAudit((s) => s.selected);
  const select = useAudit((s) => s.select);
  const ensureRange = useAudit((s) => s.ensureRange);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => AUDIT_ROW_HEIGHT, overscan: 10 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange]);

  // A new list (filter applied): back to the top.
  useEffect(() => {
    v.scrollToOffset(0);
  }, [total, v]);

  const pick = useCallback(
    (i: number) => {
      select(i);
      scroller.current?.focus();
    },
    [select],
  );
  const perScreen = Math.max(1, Math.floor((scroller.current?.clientHeight ?? AUDIT_ROW_HEIGHT * 10) / AUDIT_ROW_HEIGHT) - 1);
  const move = (to: number) => {
    if (!total) return;
    const next = Math.max(0, Math.min(total - 1, to));
    select(next);
    v.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + perScreen,
      PageUp: selected - perScreen,
      Home: 0,
      End: total - 1,
    };
    if (!(e.key in keys)) return;
    e.preventDefault();
    move(keys[e.key]!);
  };

  return (
    <Box
      ref={scroller}
      role="listbox"
      tabIndex={0}
      aria-label={t('audit.listLabel')}
      aria-activedescendant={total ? auditRowId(selected) : undefined}
      onKeyDown={onKeyDown}
      data-testid="audit-list"
      sx={{ height: '100%', overflow: 'auto', position: 'relative', outline: 'none', '&:focus-visible': { boxShadow: (th) => `inset 0 0 0 2px ${th.palette.primary.main}` }, ...rowStyles }}
    >
      <Box role="presentation" sx={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((it) => (
          <Row
            key={it.key}
            index={it.index}
            top={it.start}
            selected={it.index === selected}
            onPick={pick}
          />
        ))}
      </Box>
    </Box>
  );
}
