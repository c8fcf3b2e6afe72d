// The log, newest first, as a virtualized listbox: only the rows on screen exist in the
// DOM and only their pages are fetched, so 100,000 entries scroll like 100. Keyboard:
// ↑ ↓ move, Page Up/Down by a screen, Home/End to the ends; the selected entry shows in
// the details panel.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE } from '../../i18n/format';
import { entryAt, useAudit } from '../../state/auditStore';
import { actionLabel, changeSummary, stateColor, stateLabel } from './auditWords';

export const AUDIT_ROW_HEIGHT = 56;
export const auditRowId = (index: number) => `audit-row-${index}`;

export function useTimeFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'nb' ? 'nb' : 'en';
  return useMemo(() => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'short', timeStyle: 'medium' }), [locale]);
}

const Row = memo(function Row({ index, top, selected, onPick }: { index: number; top: number; selected: boolean; onPick: (i: number) => void }) {
  const { t } = useTranslation();
  const entry = useAudit((s) => entryAt(s, index));
  const total = useAudit((s) => s.total);
  const time = useTimeFormat();
  return (
    <Box
      role="option"
      id={auditRowId(index)}
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-seq={entry?.seq}
      onClick={() => onPick(index)}
      sx={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: AUDIT_ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        px: 1.5,
        py: 0.5,
        boxSizing: 'border-box',
        borderBottom: 1,
        borderColor: 'divider',
        cursor: 'pointer',
        bgcolor: selected ? 'action.selected' : undefined,
        '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
        overflow: 'hidden',
      }}
    >
      {entry ? (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, whiteSpace: 'nowrap' }}>
            <Typography variant="body2" component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums', minWidth: 150 }}>
              {time.format(Date.parse(entry.at))}
            </Typography>
            <Typography variant="body2" component="span" sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {actionLabel(t, entry.action)}
            </Typography>
            <Chip size="small" variant="outlined" color={stateColor(entry)} label={stateLabel(t, entry)} sx={{ height: 20 }} />
            {entry.accountNo !== null ? (
              <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
                {t('audit.accountShort', { accountNo: entry.accountNo })}
              </Typography>
            ) : null}
            <Box sx={{ flex: 1 }} />
            <Typography variant="body2" component="span" sx={{ color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {entry.operator ? entry.operator.displayName : t('audit.noOperator')}
            </Typography>
          </Box>
          <Typography variant="body2" component="div" sx={{ color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {[changeSummary(t, entry), entry.reason ? t('audit.reasonShort', { reason: entry.reason }) : ''].filter(Boolean).join(' · ') || '\u00a0'}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary', lineHeight: `${AUDIT_ROW_HEIGHT - 8}px` }}>
          {t('audit.loadingRow')}
        </Typography>
      )}
    </Box>
  );
});

export function AuditList() {
  const { t } = useTranslation();
  const total = useAudit((s) => s.total);
  const selected = useAudit((s) => s.selected);
  const select = useAudit((s) => s.select);
  const ensureRange = useAudit((s) => s.ensureRange);
  const pagesLoaded = useAudit((s) => s.pages);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => AUDIT_ROW_HEIGHT, overscan: 10 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange, pagesLoaded]);

  // A new list (filter applied): back to the top.
  useEffect(() => {
    v.scrollToOffset(0);
  }, [total, v]);

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
      sx={{ height: '100%', overflow: 'auto', position: 'relative', outline: 'none', '&:focus-visible': { boxShadow: (th) => `inset 0 0 0 2px ${th.palette.primary.main}` } }}
    >
      <Box role="presentation" sx={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((it) => (
          <Row
            key={it.key}
            index={it.index}
            top={it.start}
            selected={it.index === selected}
            onPick={(i) => {
              select(i);
              scroller.current?.focus();
            }}
          />
        ))}
      </Box>
    </Box>
  );
}
