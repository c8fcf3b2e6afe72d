// "Discard unsaved changes?" — asked before closing a tab, a form or Settings would lose
// something typed (renderer/state/unsavedStore). Keep editing is the default button.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsaved } from '../../state/unsavedStore';

export function DiscardChangesDialog() {
  const { t } = useTranslation();
  const question = useUnsaved((s) => s.question);
  const titleId = useId();
  const bodyId = useId();
  return (
    <Dialog
      open={!!question}
      onClose={() => question?.answer(false)}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      maxWidth="xs"
      data-testid="discard-dialog"
    >
      <DialogTitle id={titleId}>{t('desk.unsaved.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" id={bodyId}>
          {t('desk.unsaved.body', { what: (question?.what ?? []).map((w) => t(`desk.unsaved.what.${w}`)).join(', ') })}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => question?.answer(false)} autoFocus variant="contained">
          {t('desk.unsaved.keep')}
        </Button>
        <Button color="error" onClick={() => question?.answer(true)}>
          {t('desk.unsaved.discard')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
