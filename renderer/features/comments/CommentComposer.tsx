// Writing a comment: a character counter and a live preview of the parts the API will
// store (shared splitComment / labelCommentParts, 004's 450-character rule), templates
// with placeholders, and a confirmation that lists the parts before anything is written.
import NotesIcon from '@mui/icons-material/Notes';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_PART_LIMIT, LIMITS, commentLength, labelCommentParts, splitComment } from '../../../shared/amps';
import { fillTemplate } from '../../../shared/domain/commentTemplates';
import { containsCardNumber } from '../../../shared/domain/input/cardNumber';
import type { IpcError } from '../../../shared/ipc';
import { ConfirmWriteDialog } from '../../components/ConfirmWriteDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n';
import { useComments } from '../../state/commentsStore';
import { useDrafts } from '../../state/draftsStore';
import { selectOperatorName, useSession } from '../../state/sessionStore';
import { useUnsavedMark } from '../../state/unsavedStore';
import { useShell } from '../../state/shellStore';
import { useWorkspace } from '../../state/workspaceStore';
import { registerFocusTarget } from '../shell/focusTargets';
import { announceWrite } from '../outbox/writeNotice';

interface Template {
  name: string;
  text: string;
}

export function CommentComposer({ accountNo }: { accountNo: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setTextState] = useState('');
  const textRef = useRef('');
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const draft = useDrafts((s) => s.byAccount[accountNo]);
  /** Every change of the text is also the draft main keeps (D30). */
  const setText = (next: string | ((cur: string) => string)) => {
    const value = typeof next === 'function' ? next(textRef.current) : next;
    textRef.current = value;
    setTextState(value);
    useDrafts.getState().edit(accountNo, value);
  };
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const accountName = useWorkspace((s) => s.accounts[accountNo]?.label ?? String(accountNo));
  // {agent} is the person writing, by name ("Kari Nordmann"); the comment's author stays the
  // login name main signs it with. app.info's login name only if the session is not known yet.
  const agentName = useSession(selectOperatorName);
  const login = useShell((s) => s.info?.operator ?? '');
  const agent = agentName || login;
  // The preview follows the text without slowing typing down in very long comments.
  const deferred = useDeferredValue(text);
  const bodies = useMemo(() => splitComment(deferred), [deferred]);
  const parts = useMemo(() => labelCommentParts(bodies), [bodies]);
  const length = useMemo(() => commentLength(text), [text]);
  const tooLong = text.length > LIMITS.commentText;
  // A card number is refused on the field before anything leaves the page (D95).
  const hasCard = useMemo(() => containsCardNumber(text), [text]);
  const refused = tooLong || hasCard;
  const templates = t('comments.templates', { returnObjects: true }) as Template[];

  useEffect(() => registerFocusTarget(`composer:${accountNo}`, () => inputRef.current?.focus()), [accountNo]);
  // The stored draft comes back when the composer opens (unless typing has already begun);
  // closing it (tab closed, app reset) saves what is waiting.
  useEffect(() => {
    let live = true;
    void useDrafts
      .getState()
      .load(accountNo)
      .then((d) => {
        if (!live || !d || textRef.current) return;
        textRef.current = d.text;
        setTextState(d.text);
        setRestoredAt(d.updatedAt);
      });
    return () => {
      live = false;
      void useDrafts.getState().flush(accountNo);
    };
  }, [accountNo]);
  // Only a draft main could not store would be lost by closing.
  useUnsavedMark(`comment:${accountNo}`, accountNo, 'comment', draft?.state === 'error' || draft?.state === 'withheld');

  const review = () => {
    if (!text.trim() || refused) return;
    setError(null);
    setConfirming(true);
  };
  const save = async () => {
    setBusy(true);
    const res = await useComments.getState().add(accountNo, text);
    setBusy(false);
    if (res.ok) {
      setConfirming(false);
      textRef.current = '';
      setTextState('');
      setRestoredAt(null);
      void useDrafts.getState().discard(accountNo);
      announceWrite(res.value, (t) => t('comments.saved', { count: res.value.parts }));
    } else {
      setError(res.error);
    }
  };
  const insertTemplate = (tpl: Template) => {
    setMenu(null);
    const filled = fillTemplate(tpl.text, { account: accountName, accountNo: String(accountNo), agent, date: f.today() });
    setText((cur) => (cur.trim() ? `${cur.trimEnd()}\n${filled}` : filled));
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <Box component="section" aria-labelledby={`composer-title-${accountNo}`} sx={{ display: 'flex', flexDirection: 'column', gap: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography id={`composer-title-${accountNo}`} variant="h3" component="h2">
          {t('comments.newTitle')}
        </Typography>
        <Button sx={{ ml: 'auto' }} startIcon={<NotesIcon />} onClick={(e) => setMenu(e.currentTarget)} aria-haspopup="menu">
          {t('comments.templatesButton')}
        </Button>
        <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
          {templates.map((tpl) => (
            <MenuItem key={tpl.name} onClick={() => insertTemplate(tpl)} sx={{ maxWidth: 380, whiteSpace: 'normal' }}>
              <ListItemText primary={tpl.name} secondary={tpl.text} />
            </MenuItem>
          ))}
        </Menu>
      </Box>
      <TextField
        inputRef={inputRef}
        label={t('comments.textLabel')}
        multiline
        minRows={5}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            review();
          }
        }}
        error={refused}
        helperText={
          tooLong ? t('comments.tooLong', { max: f.number(LIMITS.commentText) }) : hasCard ? t('validation.cardNumber') : t('comments.placeholderHelp')
        }
        slotProps={{ htmlInput: { 'data-testid': 'comment-text', 'aria-describedby': `comment-counter-${accountNo}` } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography id={`comment-counter-${accountNo}`} variant="caption" color={tooLong ? 'error' : 'text.secondary'} data-testid="comment-counter" aria-live="polite">
          {t('comments.chars', { count: length })}
          {parts.length ? ` · ${t('comments.parts', { count: parts.length, limit: COMMENT_PART_LIMIT })}` : ''}
        </Typography>
        <Button sx={{ ml: 'auto' }} variant="contained" onClick={review} disabled={!text.trim() || refused}>
          {t('comments.review')}
        </Button>
      </Box>
      <Typography variant="caption" sx={{ minHeight: 20 }} color={draft?.state === 'error' || draft?.state === 'withheld' ? 'error' : 'text.secondary'} role="status" data-testid="draft-state" data-state={draft?.state ?? 'idle'}>
        {draft?.state === 'error'
          ? t('desk.drafts.failed')
          : draft?.state === 'withheld'
            ? t('desk.drafts.withheld')
          : draft?.state === 'saved' && text.trim()
            ? restoredAt && draft.savedAt === restoredAt
              ? t('desk.drafts.restored', { date: f.dateTime(restoredAt) })
              : t('desk.drafts.saved')
            : ''}
      </Typography>
      {parts.length > 1 ? (
        <Box aria-label={t('comments.previewLabel')} role="region" tabIndex={0} data-testid="comment-preview" sx={{ overflowY: 'auto', maxHeight: 320, display: 'grid', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {t('comments.previewHelp', { count: parts.length, limit: COMMENT_PART_LIMIT })}
          </Typography>
          {parts.map((p, i) => (
            <Box key={i} data-testid="comment-preview-part" className="subtle-surface" sx={{ p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Chip label={t('comments.partOf', { index: i + 1, total: parts.length })} sx={{ height: 18, fontSize: '0.7rem', mb: 0.5 }} />
              <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {t('comments.partLength', { count: commentLength(bodies[i] ?? '') })}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {p}
              </Typography>
            </Box>
          ))}
        </Box>
      ) : null}
      <ConfirmWriteDialog
        open={confirming}
        title={t('comments.confirmTitle')}
        summary={t('comments.confirmSummary', { count: parts.length, name: accountName, no: accountNo })}
        changes={[]}
        allowReason={false}
        busy={busy}
        error={null}
        confirmLabel={t('comments.save')}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        <Box sx={{ display: 'grid', gap: 1, mt: 1 }}>
          {labelCommentParts(splitComment(text)).map((p, i) => (
            <Typography key={i} variant="body2" className="subtle-surface" sx={{ whiteSpace: 'pre-wrap', p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              {p}
            </Typography>
          ))}
          {error ? <ErrorAlert error={error} title={t('comments.saveFailed')} /> : null}
        </Box>
      </ConfirmWriteDialog>
    </Box>
  );
}
