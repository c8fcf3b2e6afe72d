// The workspace's rows, newest first, as a virtualized listbox (the desk log's pattern,
// renderer/features/audit/AuditList): only the rows on screen exist in the DOM and only
// their pages are fetched, so 100,000 rows scroll like 100. ↑ ↓, Page Up/Down, Home/End
// move; Enter opens the account. Each row: when, what, the account, who, on which desk (team
// store), the change in words and the review state.
import Box from '@mui/material/Box';
import type { TFunction } from 'i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { ReviewView } from '../../../shared/ipc';
import { useTimeFormat } from '../audit/AuditList';
import { actionLabel, changeSummary } from '../audit/auditWords';
import { useRowAt, useSupervision } from './store';

export const ROW_HEIGHT = 56;
export const rowId = (index: number) => `supervision-row-${index}`;

const styles = {
  '& .sv-row': {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
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
  '& .sv-line': { display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, whiteSpace: 'nowrap', lineHeight: '24px' },
  '& .sv-time': { color: 'text.secondary', fontVariantNumeric: 'tabular-nums', minWidth: 150 },
  '& .sv-what': { fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .sv-muted': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .sv-grow': { flex: 1 },
  '& .sv-summary': { color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', lineHeight: '20px' },
  '& .sv-state': { border: 1, borderRadius: 10, px: 1, fontSize: 12, lineHeight: '18px', borderColor: 'divider', color: 'text.secondary' },
  '& .sv-flagged': { borderColor: 'error.main', color: 'error.dark', fontWeight: 500 },
  '& .sv-reviewed': { borderColor: 'success.main', color: 'success.dark' },
  '& .sv-none': { borderColor: 'warning.main', color: 'warning.dark' },
} as const;

export function reviewWords(t: TFunction, r: ReviewView | null): string {
  if (!r) return t('supervision.review.none');
  const state = t(`supervision.review.${r.state}`);
  return r.acknowledged ? `${state} · ${t('supervision.review.acknowledgedShort')}` : state;
}

const Row = memo(function Row({ index, top, selected, team, onPick }: { index: number; top: number; selected: boolean; team: boolean; onPick: (i: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = useRowAt(index);
  const total = useSupervision((s) => s.total);
  // "More than n": the size is not known yet (ARIA: -1).
  const known = useSupervision((s) => s.moreThan === null);
  const time = useTimeFormat();
  const e = row?.entry;
  return (
    <div
      role="option"
      className="sv-row"
      id={rowId(index)}
      aria-selected={selected}
      aria-setsize={known ? total : -1}
      aria-posinset={index + 1}
      data-hash={e?.hash}
      data-review={row?.review?.state ?? ''}
      onClick={() => onPick(index)}
      style={{ transform: `translateY(${top}px)` }}
    >
      {e ? (
        <>
          <div className="sv-line">
            <span className="sv-time">{time.format(Date.parse(e.at))}</span>
            <span className="sv-what">{actionLabel(t, e.action)}</span>
            {row.review ? <span className={`sv-state sv-${row.review.state}`}>{reviewWords(t, row.review)}</span> : null}
            {e.kind === 'intent' && !e.reason && !e.action.startsWith('comment.') && e.action !== 'reason.add' ? <span className="sv-state sv-none">{t('supervision.noReasonChip')}</span> : null}
            {e.accountNo !== null ? <span className="sv-muted">{t('audit.accountShort', { accountNo: e.accountNo })}</span> : null}
            <span className="sv-grow" />
            <span className="sv-muted">{e.operator ? e.operator.displayName : t('audit.noOperator')}</span>
            {team ? <span className="sv-muted">{t('supervision.deskShort', { desk: e.deskId.slice(0, 8) })}</span> : null}
          </div>
          <div className="sv-summary">{[changeSummary(t, f, e), e.reason ? t('audit.reasonShort', { reason: e.reason }) : ''].filter(Boolean).join(' · ') || '\u00a0'}</div>
        </>
      ) : (
        <div className="sv-summary" style={{ lineHeight: `${ROW_HEIGHT - 8}px` }}>
          {t('audit.loadingRow')}
        </div>
      )}
    </div>
  );
});

export function SupervisionList({ onOpen }: { onOpen: (index: number) => void }) {
  const { t } = useTranslation();
  const total = useSupervision((s) => s.total);
  const selected = useSupervision((s) => s.selected);
  const select = useSupervision((s) => s.select);
  const ensureRange = useSupervision((s) => s.ensureRange);
  const team = useSupervision((s) => s.source?.source === 'team');
  const view = useSupervision((s) => s.view);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, ensureRange]);
  // Back to the top for a new first page (not when a "more than" list grows as it scrolls).
  const pin = useSupervision((s) => s.pin);
  useEffect(() => {
    v.scrollToOffset(0);
  }, [pin, view, v]);

  const pick = useCallback(
    (i: number) => {
      select(i);
      scroller.current?.focus();
    },
    [select],
  );
  const perScreen = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(selected);
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
      aria-label={t(`supervision.listLabel.${view}`)}
      aria-activedescendant={total ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      data-testid="supervision-list"
      sx={{ height: '100%', overflow: 'auto', position: 'relative', outline: 'none', '&:focus-visible': { boxShadow: (th) => `inset 0 0 0 2px ${th.palette.primary.main}` }, ...styles }}
    >
      <Box role="presentation" sx={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((it) => (
          <Row key={it.key} index={it.index} top={it.start} selected={it.index === selected} team={team} onPick={pick} />
        ))}
      </Box>
    </Box>
  );
}
