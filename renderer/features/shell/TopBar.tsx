// The one bar: product, the open tabs (search + accounts), the active profile, language,
// shortcuts and settings. Tabs close with their × (mouse), Delete on the tab, or Alt+W.
import BrightnessAutoIcon from '@mui/icons-material/BrightnessAuto';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import DarkModeIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeIcon from '@mui/icons-material/LightModeOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import SearchIcon from '@mui/icons-material/Search';
import SettingsIcon from '@mui/icons-material/Settings';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tab from '@mui/material/Tab';
import Tabs, { tabsClasses } from '@mui/material/Tabs';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestCloseAccount, requestScreen } from '../../state/navigation';
import { useShell } from '../../state/shellStore';
import { chooseLocale, chooseTheme } from '../../state/prefsSync';
import { THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../../state/themeStore';
import { mayReviewAudit } from '../../state/auditStore';
import { useWorkspace, type TabId } from '../../state/workspaceStore';
import { selectIsAdmin, useSession } from '../../state/sessionStore';
// Supervisor workspace and "My feedback" (issue 9)
import { SupervisionTopBarButtons } from '../supervision/TopBarButtons';
import { OperatorMenu } from '../session/OperatorMenu';

export const tabDomId = (id: TabId) => `ws-tab-${id}`;
export const panelDomId = (id: TabId) => `ws-panel-${id}`;

function AccountTabLabel({ accountNo }: { accountNo: number }) {
  const { t } = useTranslation();
  const label = useWorkspace((s) => s.accounts[accountNo]?.label ?? String(accountNo));
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, maxWidth: 220 }}>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {label}
      </Box>
      {/* Mouse affordance only; keyboard users press Delete on the tab or Alt+W. */}
      <Box
        component="span"
        aria-hidden
        title={t('tabs.close')}
        data-testid={`close-tab-${accountNo}`}
        onClick={(e) => {
          e.stopPropagation();
          void requestCloseAccount(accountNo);
        }}
        sx={{ display: 'inline-flex', borderRadius: 1, p: '1px', color: 'text.secondary', '&:hover': { bgcolor: 'action.hover', color: 'text.primary' } }}
      >
        <CloseIcon sx={{ fontSize: 14 }} />
      </Box>
    </Box>
  );
}

const THEME_ICON: Record<ThemeChoice, typeof DarkModeIcon> = { system: BrightnessAutoIcon, light: LightModeIcon, dark: DarkModeIcon };

/** Light, dark or the system's, in a small menu (remembered on this machine). */
function ThemeSwitch() {
  const { t } = useTranslation();
  const choice = useThemeChoice((s) => s.choice);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const Icon = THEME_ICON[choice];
  const label = t('desk.theme.button', { choice: t(`desk.theme.${choice}`) });
  return (
    <>
      <Tooltip title={label}>
        <IconButton aria-label={label} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} data-testid="theme-switch">
          <Icon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('desk.theme.label') } }}>
        {THEME_CHOICES.map((c) => {
          const ItemIcon = THEME_ICON[c];
          return (
            <MenuItem
              key={c}
              role="menuitemradio"
              aria-checked={c === choice}
              selected={c === choice}
              onClick={() => {
                chooseTheme(c);
                setAnchor(null);
              }}
            >
              <ListItemIcon>
                <ItemIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{t(`desk.theme.${c}`)}</ListItemText>
              {c === choice ? <CheckIcon fontSize="small" sx={{ ml: 2 }} /> : null}
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const tabs = useWorkspace((s) => s.tabs);
  const active = useWorkspace((s) => s.active);
  const activate = useWorkspace((s) => s.activate);
  const screen = useShell((s) => s.screen);
  const setShortcutsOpen = useShell((s) => s.setShortcutsOpen);
  const kiosk = useShell((s) => s.info?.kiosk ?? false);
  const admin = useSession(selectIsAdmin);
  const profile = useShell((s) => s.info?.profile ?? null);
  const auditAllowed = useSession((s) => mayReviewAudit(s.status?.operator?.role));
  const lang = i18n.language === 'nb' ? 'nb' : 'en';

  return (
    <AppBar position="static" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      {/* Tighter below 1536 px, so the tab strip keeps its room at 1280×720 with every top-bar button. */}
      <Toolbar variant="dense" sx={{ gap: { xs: 1, xl: 2 }, minHeight: 44 }}>
        <Typography component="p" variant="subtitle1" sx={{ fontWeight: 700, color: 'primary.dark', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography>
        <Tabs
          value={screen === 'workspace' ? active : false}
          onChange={(_e, v: TabId) => {
            void requestScreen('workspace').then((left) => left && activate(v));
          }}
          variant="scrollable"
          scrollButtons="auto"
          aria-label={t('tabs.label')}
          // The row of tabs is as wide as its tabs: a sticky tab cannot leave its container, and a
          // row only as wide as the strip let the Search tab slide out once the tabs scrolled far.
          sx={{ flex: 1, minWidth: 0, [`& .${tabsClasses.list}`]: { width: 'max-content', minWidth: '100%' } }}
        >
          <Tab
            value="search"
            // Always in view, however many accounts are open: it sticks to the start of the strip,
            // with a rule on its right so the tabs scrolling under it do not look like part of it.
            sx={{ position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}
            id={tabDomId('search')}
            aria-controls={panelDomId('search')}
            icon={<SearchIcon sx={{ fontSize: 18 }} />}
            iconPosition="start"
            label={t('tabs.search')}
          />
          {tabs.map((no) => (
            <Tab
              key={no}
              value={no}
              id={tabDomId(no)}
              aria-controls={panelDomId(no)}
              label={<AccountTabLabel accountNo={no} />}
              onKeyDown={(e) => {
                if (e.key === 'Delete') void requestCloseAccount(no);
              }}
            />
          ))}
        </Tabs>
        {profile ? (
          <Tooltip title={t('topbar.profileTooltip', { url: profile.baseUrl })}>
            <Chip
              variant="outlined"
              color={profile.kind === 'sandbox' ? 'warning' : 'default'}
              label={profile.kind === 'sandbox' ? t('topbar.sandbox', { name: profile.name }) : profile.name}
              data-testid="active-profile"
            />
          </Tooltip>
        ) : null}
        <ToggleButtonGroup
          size="small"
          exclusive
          value={lang}
          onChange={(_e, v: 'en' | 'nb' | null) => v && chooseLocale(v)}
          aria-label={t('topbar.language')}
        >
          <ToggleButton value="en" lang="en" title="English" sx={{ py: 0.25, px: 1 }}>
            EN<span className="visually-hidden"> English</span>
          </ToggleButton>
          <ToggleButton value="nb" lang="nb" title="Norsk bokmål" sx={{ py: 0.25, px: 1 }}>
            NB<span className="visually-hidden"> Norsk bokmål</span>
          </ToggleButton>
        </ToggleButtonGroup>
        <ThemeSwitch />
        <Tooltip title={t('topbar.shortcuts')}>
          <IconButton aria-label={t('topbar.shortcuts')} onClick={() => setShortcutsOpen(true)}>
            <KeyboardIcon />
          </IconButton>
        </Tooltip>
        <SupervisionTopBarButtons />
        {auditAllowed ? (
          <Tooltip title={t('topbar.audit')}>
            <IconButton
              aria-label={t('topbar.audit')}
              aria-pressed={screen === 'audit'}
              onClick={() => void requestScreen(screen === 'audit' ? 'workspace' : 'audit')}
              color={screen === 'audit' ? 'primary' : 'default'}
              data-testid="open-audit"
            >
              <FactCheckIcon />
            </IconButton>
          </Tooltip>
        ) : null}
        {kiosk || !admin ? null : (
          <Tooltip title={t('topbar.settings')}>
            <IconButton
              aria-label={t('topbar.settings')}
              aria-pressed={screen === 'settings'}
              onClick={() => void requestScreen(screen === 'settings' ? 'workspace' : 'settings')}
              color={screen === 'settings' ? 'primary' : 'default'}
            >
              <SettingsIcon />
            </IconButton>
          </Tooltip>
        )}
        <OperatorMenu />
      </Toolbar>
    </AppBar>
  );
}
