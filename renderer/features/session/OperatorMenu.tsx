// The signed-in operator in the top bar (name and role), with change password, the
// operators screen (admins, not on a kiosk), lock and sign out.
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operatorName } from '../../../shared/domain/operators';
import { useSession } from '../../state/sessionStore';
import { useShell } from '../../state/shellStore';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function OperatorMenu() {
  const { t } = useTranslation();
  const operator = useSession((s) => s.status?.operator ?? null);
  const kiosk = useShell((s) => s.info?.kiosk ?? false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  if (!operator) return null;
  const name = operatorName(operator);
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        startIcon={<AccountCircleIcon />}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'operator-menu' : undefined}
        aria-label={t('session.menu.label', { name })}
        data-testid="operator-menu"
        sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}
      >
        {name}
        <span className="visually-hidden">, {t(`session.role.${operator.role}`)}</span>
      </Button>
      <Menu id="operator-menu" anchorEl={anchor} open={!!anchor} onClose={close}>
        <MenuItem disabled divider sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          {t(`session.role.${operator.role}`)} · {operator.id}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setChanging(true);
          }}
        >
          {t('session.menu.changePassword')}
        </MenuItem>
        {operator.role === 'admin' && !kiosk ? (
          <MenuItem
            onClick={() => {
              close();
              useShell.getState().showScreen('operators');
            }}
          >
            {t('session.menu.operators')}
          </MenuItem>
        ) : null}
        <Divider />
        <MenuItem
          onClick={() => {
            close();
            void useSession.getState().lock();
          }}
        >
          {t('session.menu.lock')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            void useSession.getState().signOut();
          }}
        >
          {t('session.menu.signOut')}
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
