import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../state/shellStore';
import { SHORTCUTS } from './shortcuts';

const Key = ({ children }: { children: string }) => (
  <Box
    component="kbd"
    sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderBottomWidth: 2, borderRadius: 1, fontFamily: 'inherit', fontSize: '0.75rem', bgcolor: 'background.default' }}
  >
    {children}
  </Box>
);

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShell((s) => s.shortcutsOpen);
  const setOpen = useShell((s) => s.setShortcutsOpen);
  const titleId = useId();
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} maxWidth="xs">
      <DialogTitle id={titleId}>{t('shortcuts.title')}</DialogTitle>
      <DialogContent dividers>
        <Table size="small" aria-label={t('shortcuts.title')}>
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.id}>
                <TableCell component="th" scope="row">
                  {t(`shortcuts.${s.id}`)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {s.keys.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 ? ` ${t('shortcuts.or')} ` : null}
                      {combo.map((k, j) => (
                        <Fragment key={k}>
                          {j > 0 ? ' + ' : null}
                          <Key>{k}</Key>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                {t('shortcuts.resultKeys')}
              </TableCell>
              <TableCell>
                <Key>↑</Key> <Key>↓</Key> <Key>Enter</Key>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
