// The list of changes that wait: each with its account, what it does, its state, and for a
// change that needs a person, why, with retry, edit and discard. Keyboard: every action is
// a button in the row; Escape closes.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../../shared/commands';
import type { IpcError } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n';
import { useOutbox } from '../../state/outboxStore';
import { useShell, type Words } from '../../state/shellStore';
import { useWorkspace } from '../../state/workspaceStore';
import { EditItemDialog } from './EditItemDialog';
import { itemProblem, itemState, itemWhat, stateColor } from './outboxWords';

export function OutboxDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const items = useOutbox((s) => s.items);
  const [editing, setEditing] = useState<OutboxItemView | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState<OutboxItemView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const act = async (run: () => Promise<{ ok: boolean; error?: IpcError }>, done: Words) => {
    setError(null);
    const res = await run();
    if (res.ok) useShell.getState().notify('success', done);
    else setError(res.error ?? null);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth data-testid="outbox-list">
      <DialogTitle id={titleId}>{t('outbox.list.title')}</DialogTitle>
      <DialogContent dividers>
        {error ? (
          <Box sx={{ mb: 2 }}>
            <ErrorAlert error={error} />
          </Box>
        ) : null}
        {!items.length ? (
          <Typography color="text.secondary">{t('outbox.list.empty')}</Typography>
        ) : (
          <Table size="small" aria-label={t('outbox.list.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('outbox.list.account')}</TableCell>
                <TableCell>{t('outbox.list.what')}</TableCell>
                <TableCell>{t('outbox.list.state')}</TableCell>
                <TableCell>{t('outbox.list.madeBy')}</TableCell>
                <TableCell align="right">{t('outbox.list.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  onOpenAccount={() => {
                    useWorkspace.getState().open(item.accountNo);
                    onClose();
                  }}
                  onRetry={() => void act(() => useOutbox.getState().retry(item.id), (t) => t('outbox.list.retried'))}
                  onEdit={() => setEditing(item)}
                  onDiscard={() => setConfirmDiscard(item)}
                />
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
      {editing ? <EditItemDialog item={editing} onClose={() => setEditing(null)} /> : null}
      {confirmDiscard ? (
        <Dialog open onClose={() => setConfirmDiscard(null)} aria-labelledby={`${titleId}-discard`}>
          <DialogTitle id={`${titleId}-discard`}>{t('outbox.list.discardTitle')}</DialogTitle>
          <DialogContent>
            <Typography>{t(confirmDiscard.accountNo === 0 ? 'outbox.list.discardTextNew' : 'outbox.list.discardText', { what: itemWhat(t, confirmDiscard), account: confirmDiscard.accountNo })}</Typography>
            {confirmDiscard.problem?.kind === 'undecided' ? (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('outbox.list.discardUndecided')}
              </Alert>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirmDiscard(null)}>{t('common.cancel')}</Button>
            <Button
              color="error"
              variant="contained"
              data-testid="outbox-discard-confirm"
              onClick={() => {
                const id = confirmDiscard.id;
                setConfirmDiscard(null);
                void act(() => useOutbox.getState().discard(id), (t) => t('outbox.list.discarded'));
              }}
            >
              {t('outbox.list.discard')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Dialog>
  );
}

function ItemRow(props: { item: OutboxItemView; onOpenAccount(): void; onRetry(): void; onEdit(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { item } = props;
  const parked = item.state === 'parked';
  const problem = itemProblem(t, item);
  const editable = (parked && item.problem?.kind !== 'undecided') || (item.state === 'pending' && !item.reasonFor && item.attempts > 0);
  return (
    <TableRow data-testid="outbox-item" data-state={item.state} data-type={item.type}>
      <TableCell>
        {item.accountNo === 0 ? (
          // A new account (account.create, D60) has no number until the billing system answers.
          <Typography variant="body2" component="span" color="text.secondary">
            {t('createAccount.outboxNew')}
          </Typography>
        ) : (
          <Link component="button" type="button" onClick={props.onOpenAccount} sx={{ verticalAlign: 'baseline' }}>
            {item.accountNo}
          </Link>
        )}
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {itemWhat(t, item)}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: 420, overflowWrap: 'anywhere' }}>
          {item.detail}
        </Typography>
      </TableCell>
      <TableCell>
        <Chip size="small" color={stateColor(item)} label={itemState(t, item)} />
        {problem ? (
          <Typography variant="caption" sx={{ display: 'block', mt: 0.5, maxWidth: 360 }} data-testid="outbox-problem">
            {problem.text}
            {problem.fields.map((f) => (
              <Box component="span" key={f} sx={{ display: 'block' }}>
                {f}
              </Box>
            ))}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>
        <Typography variant="body2">{item.operator}</Typography>
        <Typography variant="caption" color="text.secondary">
          {f.dateTime(item.createdAt)}
        </Typography>
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {parked ? (
          <Button size="small" onClick={props.onRetry} data-testid="outbox-retry">
            {t('outbox.list.retry')}
          </Button>
        ) : null}
        {editable ? (
          <Button size="small" onClick={props.onEdit} data-testid="outbox-edit">
            {t('outbox.list.edit')}
          </Button>
        ) : null}
        {parked || item.state === 'pending' ? (
          <Button size="small" color="error" onClick={props.onDiscard} data-testid="outbox-discard">
            {t('outbox.list.discard')}
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
