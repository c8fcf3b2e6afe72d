// The selected row in full and its review: the latest review (who, when, the note, whether
// the agent acknowledged it), and a note with "Mark reviewed" / "Flag for follow-up". Both
// are entries of this desk's audit log (main/core/supervision, D74).
import FlagIcon from '@mui/icons-material/Flag';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, ReviewView, SupervisedRow } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EntryDetails } from '../audit/AuditDetails';
import { useTimeFormat } from '../audit/AuditList';
import { useShell } from '../../state/shellStore';
import { useSupervision } from './store';

export function ReviewState({ review, testId }: { review: ReviewView | null; testId?: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (!review) return <Typography variant="body2" data-testid={testId}>{t('supervision.review.notYet')}</Typography>;
  return (
    <Alert severity={review.state === 'flagged' ? 'warning' : 'success'} icon={review.state === 'flagged' ? <FlagIcon /> : <TaskAltIcon />} data-testid={testId} data-state={review.state} sx={{ py: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {t(`supervision.review.${review.state}By`, { name: review.by?.displayName ?? '—', time: time.format(Date.parse(review.at)) })}
      </Typography>
      {review.note ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {review.note}
        </Typography>
      ) : null}
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {review.acknowledged
          ? t('supervision.review.acknowledgedBy', { name: review.acknowledged.by?.displayName ?? '—', time: time.format(Date.parse(review.acknowledged.at)) })
          : t('supervision.review.notAcknowledged')}
      </Typography>
    </Alert>
  );
}

export function ReviewPanel({ row }: { row: SupervisedRow }) {
  const { t } = useTranslation();
  const notify = useShell((s) => s.notify);
  const team = useSupervision((s) => s.source?.source === 'team');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [noteMissing, setNoteMissing] = useState(false);
  // A different entry: a fresh note.
  useEffect(() => {
    setNote('');
    setError(null);
    setNoteMissing(false);
  }, [row.entry.hash]);

  const submit = async (state: 'reviewed' | 'flagged') => {
    if (state === 'flagged' && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    setSaving(true);
    setError(null);
    const res = await useSupervision.getState().review(row, state, note);
    setSaving(false);
    if (!res.ok) {
      if (res.error.fields?.some((f) => f.path === 'note')) setNoteMissing(true);
      else setError(res.error);
      return;
    }
    setNote('');
    notify('success', (t) => t(`supervision.review.saved.${state}`));
  };

  return (
    <Box>
      <EntryDetails entry={row.entry} testId="supervision-details" showDesk={team} />
      <Box sx={{ px: 2, pb: 2 }}>
        {/* A create's entries carry account 0 (D60): there is no account to open. */}
        {row.entry.accountNo !== null && row.entry.accountNo > 0 ? (
          <Button size="small" startIcon={<OpenInNewIcon />} onClick={() => void useSupervision.getState().openAccount(row.entry.accountNo!)} data-testid="supervision-drill">
            {t('supervision.drill.open', { accountNo: row.entry.accountNo })}
          </Button>
        ) : null}
        <Divider sx={{ my: 1.5 }} />
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1, fontWeight: 600 }}>
          {t('supervision.review.title')}
        </Typography>
        <ReviewState review={row.review} testId="supervision-review-state" />
        <TextField
          label={t('supervision.review.note')}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            if (e.target.value.trim()) setNoteMissing(false);
          }}
          multiline
          minRows={2}
          maxRows={6}
          fullWidth
          size="small"
          error={noteMissing}
          helperText={noteMissing ? t('supervision.review.noteRequired') : t('supervision.review.noteHint')}
          slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'supervision-review-note' } }}
          sx={{ mt: 1.5 }}
        />
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" color="success" startIcon={<TaskAltIcon />} disabled={saving} onClick={() => void submit('reviewed')} data-testid="supervision-mark-reviewed">
            {t('supervision.review.markReviewed')}
          </Button>
          <Button variant="contained" color="warning" startIcon={<FlagIcon />} disabled={saving} onClick={() => void submit('flagged')} data-testid="supervision-flag">
            {t('supervision.review.flag')}
          </Button>
        </Box>
        {error ? <ErrorAlert error={error} title={t('supervision.review.failed')} compact /> : null}
      </Box>
    </Box>
  );
}
