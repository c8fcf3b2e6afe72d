import HistoryIcon from '@mui/icons-material/History';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../state/workspaceStore';

export function RecentAccounts() {
  const { t } = useTranslation();
  const recent = useWorkspace((s) => s.recent);
  const open = useWorkspace((s) => s.open);
  return (
    <Box component="nav" aria-labelledby="recent-title">
      <Typography id="recent-title" variant="overline" component="h2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <HistoryIcon sx={{ fontSize: 16 }} aria-hidden />
        {t('recent.title')}
      </Typography>
      {recent.length ? (
        <List dense disablePadding>
          {recent.map((r) => (
            <ListItem key={r.accountNo} disablePadding>
              <ListItemButton onClick={() => open(r.accountNo, r.name)} sx={{ borderRadius: 1, py: 0.25 }}>
                <ListItemText primary={r.name} secondary={r.accountNo} slotProps={{ primary: { noWrap: true }, secondary: { variant: 'caption' } }} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          {t('recent.empty')}
        </Typography>
      )}
    </Box>
  );
}
