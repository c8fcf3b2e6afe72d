// Comments of one account: the filtered timeline and the composer side by side.
import RefreshIcon from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, INVALID_DATE } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { selectVisibleComments, useComments } from '../../state/commentsStore';
import { useOutbox } from '../../state/outboxStore';
import { CommentComposer } from './CommentComposer';
import { CommentTimeline } from './CommentTimeline';
import { passesFilters, pendingComments } from './pendingComments';

export function CommentsPanel({ accountNo, active }: { accountNo: number; active: boolean }) {
  const { t } = useTranslation();
  const entry = useComments((s) => s.byAccount[accountNo]);
  const visible = useMemo(() => selectVisibleComments(entry), [entry]);
  // Comments of this account still in the outbox: shown in the timeline as pending, not as done.
  const outboxItems = useOutbox((s) => s.items);
  const pending = useMemo(
    () => pendingComments(outboxItems, accountNo, entry?.comments ?? []).filter((p) => passesFilters(p, { from: entry?.from ?? '', to: entry?.to ?? '', author: entry?.author ?? '' })),
    [outboxItems, accountNo, entry?.comments, entry?.from, entry?.to, entry?.author],
  );
  // The authors by name where the desk knows them (the filter still matches the login name AMPS keeps).
  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const c of entry?.comments ?? []) if (!byId.has(c.acctCommentAuthor)) byId.set(c.acctCommentAuthor, c.authorName ?? c.acctCommentAuthor);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entry?.comments]);

  useEffect(() => {
    if (active && !useComments.getState().byAccount[accountNo]) void useComments.getState().load(accountNo);
  }, [active, accountNo]);

  const store = useComments.getState();
  const from = entry?.from ?? '';
  const to = entry?.to ?? '';
  const badRange = !!from && !!to && from > to;

  return (
    <Box sx={{ display: 'flex', gap: 2, height: '100%', minHeight: 420 }}>
      <Box component="section" aria-labelledby={`timeline-title-${accountNo}`} sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography id={`timeline-title-${accountNo}`} variant="h2" component="h2" sx={{ mr: 1 }}>
            {t('comments.title')}
          </Typography>
          {/* Date inputs in the app's language (dd.mm.åååå in Bokmål); a date that does not exist is said, not searched. */}
          <DateInput label={t('comments.from')} name="commentsFrom" value={from} onChange={(v) => v !== INVALID_DATE && store.setRange(accountNo, v, to)} sx={{ width: 170 }} error={badRange} />
          <DateInput
            label={t('comments.to')}
            name="commentsTo"
            value={to}
            onChange={(v) => v !== INVALID_DATE && store.setRange(accountNo, from, v)}
            sx={{ width: 170 }}
            error={badRange}
            helperText={badRange ? t('comments.badRange') : undefined}
          />
          <TextField select label={t('comments.author')} value={entry?.author ?? ''} onChange={(e) => store.setAuthor(accountNo, e.target.value)} sx={{ width: 180 }}>
            <MenuItem value="">{t('comments.allAuthors')}</MenuItem>
            {authors.map(([id, name]) => (
              <MenuItem key={id} value={id}>
                {name}
              </MenuItem>
            ))}
          </TextField>
          {from || to || entry?.author ? (
            <Button
              onClick={() => {
                store.setAuthor(accountNo, '');
                store.setRange(accountNo, '', '');
              }}
            >
              {t('comments.clearFilters')}
            </Button>
          ) : null}
          <Button startIcon={<RefreshIcon />} onClick={() => void store.load(accountNo)} sx={{ ml: 'auto' }}>
            {t('common.reload')}
          </Button>
        </Box>
        <Typography variant="caption" color="text.secondary" role="status" data-testid="comment-count" data-state={entry?.status ?? 'idle'}>
          {entry?.status === 'ready' && entry.comments.length ? t('comments.count', { count: visible.length, total: entry.comments.length }) : ''}
        </Typography>
        {entry?.error ? <ErrorAlert error={entry.error} title={t('comments.loadFailed')} onRetry={() => void store.load(accountNo)} /> : null}
        {!entry || (entry.status === 'loading' && !entry.comments.length) ? <Loading label={t('comments.loading')} /> : null}
        {entry?.status === 'ready' && !visible.length && !pending.length ? (
          <Paper variant="outlined">
            <Empty title={entry.comments.length ? t('comments.noneMatch') : t('comments.none')} hint={t('comments.noneHint')} />
          </Paper>
        ) : null}
        {visible.length || pending.length ? <CommentTimeline comments={visible} pending={pending} label={t('comments.timelineLabel')} /> : null}
      </Box>
      <Paper variant="outlined" sx={{ width: 420, flexShrink: 0, p: 2, display: 'flex', flexDirection: 'column', overflowY: 'auto' }}>
        <CommentComposer accountNo={accountNo} />
      </Paper>
    </Box>
  );
}
