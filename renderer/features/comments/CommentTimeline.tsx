// The comment timeline, virtualised (1,000 comments scroll without long frames). A part
// of a split comment shows its "n of m" label apart from the text. Comments that wait in
// the outbox are rows of their own, in time order, marked with their state (waiting, being
// checked, needs a person) and never shown as stored (./pendingComments.ts).
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmpsDateTime, parseCommentPart } from '../../../shared/amps';
import type { ListedComment } from '../../../shared/ipc';
import { useCodeLabel } from '../../components/codeLabel';
import { useFormat } from '../../i18n';
import { itemState, stateColor } from '../outbox/outboxWords';
import type { PendingComment } from './pendingComments';

type Row = { kind: 'stored'; c: ListedComment; at: number } | { kind: 'pending'; p: PendingComment; at: number };

/** Stored and pending comments, newest first (stored parts of one comment keep their order). */
function merge(comments: readonly ListedComment[], pending: readonly PendingComment[]): Row[] {
  const rows: Row[] = comments.map((c) => ({ kind: 'stored', c, at: parseAmpsDateTime(c.acctCommentDateTime) }));
  if (!pending.length) return rows;
  const waiting: Row[] = pending.map((p) => ({ kind: 'pending', p, at: Date.parse(p.createdAt) }));
  // Both lists are newest first: a stable merge keeps each one's own order.
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < rows.length || j < waiting.length) {
    if (j < waiting.length && (i >= rows.length || !(waiting[j]!.at < rows[i]!.at))) out.push(waiting[j++]!);
    else out.push(rows[i++]!);
  }
  return out;
}

const PendingItem = memo(function PendingItem({ p, index, total }: { p: PendingComment; index: number; total: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Box
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      data-testid="comment-pending"
      data-state={p.item.state}
      data-outbox-id={p.id}
      sx={{ px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider', borderLeft: 4, borderLeftColor: p.item.state === 'parked' ? 'error.main' : 'warning.main', bgcolor: 'action.hover' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 0.25, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {p.author}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="time" dateTime={p.createdAt}>
          {f.dateTime(p.createdAt)}
        </Typography>
        <Chip size="small" color={stateColor(p.item)} label={t('trust.pendingComment.chip')} sx={{ height: 18, fontSize: '0.7rem' }} />
        <Typography variant="caption" color="text.secondary">
          {itemState(t, p.item)}
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: 'italic' }}>
        {p.text}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('trust.pendingComment.note')}
      </Typography>
    </Box>
  );
});

const Item = memo(function Item({ c, index, total }: { c: ListedComment; index: number; total: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useCodeLabel();
  const part = parseCommentPart(c.acctCommentText);
  return (
    <Box
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      data-comment-no={c.acctCommentNo}
      sx={{ px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 0.25 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} title={c.authorName ? c.acctCommentAuthor : undefined} data-testid="comment-author">
          {c.authorName ?? c.acctCommentAuthor}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="time" dateTime={c.acctCommentDateTime}>
          {f.dateTime(c.acctCommentDateTime)}
        </Typography>
        {part ? <Chip label={t('comments.partOf', { index: part.index, total: part.total })} variant="outlined" sx={{ height: 18, fontSize: '0.7rem' }} data-testid="comment-part" /> : null}
        {c.acctApplicationID ? (
          <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
            {code('application', c.acctApplicationID)}
          </Typography>
        ) : null}
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {part ? part.body : c.acctCommentText}
      </Typography>
    </Box>
  );
});

export function CommentTimeline({ comments, pending = NONE, label }: { comments: ListedComment[]; pending?: readonly PendingComment[]; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => merge(comments, pending), [comments, pending]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.kind === 'stored' ? r.c.acctCommentNo : `pending-${r.p.id}`;
    },
  });
  return (
    <Box
      ref={scrollRef}
      data-virtual-scroll
      data-testid="comment-timeline"
      tabIndex={0}
      role="region"
      aria-label={label}
      sx={{ flex: 1, minHeight: 0, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', contain: 'strict' }}
    >
      {/* Inline styles for what changes per row: a class per position would flood the stylesheet. */}
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}>
            {rows[v.index]!.kind === 'stored' ? (
              <Item c={(rows[v.index] as Extract<Row, { kind: 'stored' }>).c} index={v.index} total={rows.length} />
            ) : (
              <PendingItem p={(rows[v.index] as Extract<Row, { kind: 'pending' }>).p} index={v.index} total={rows.length} />
            )}
          </div>
        ))}
      </div>
    </Box>
  );
}

const NONE: readonly PendingComment[] = [];
