// The comment timeline, virtualised (1,000 comments scroll without long frames). A part
// of a split comment shows its "n of m" label apart from the text.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCommentPart, type RetrievedComment } from '../../../shared/amps';
import { useCodeLabel } from '../../components/codeLabel';
import { useFormat } from '../../i18n';

const Item = memo(function Item({ c, index, total }: { c: RetrievedComment; index: number; total: number }) {
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
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {c.acctCommentAuthor}
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

export function CommentTimeline({ comments, label }: { comments: RetrievedComment[]; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: comments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (i) => comments[i]!.acctCommentNo,
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
            <Item c={comments[v.index]!} index={v.index} total={comments.length} />
          </div>
        ))}
      </div>
    </Box>
  );
}
