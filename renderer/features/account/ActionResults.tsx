// One row per action of an account change: what became of it, in words, with an icon that
// is not the only carrier of the meaning (the state is also said in text).
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import SyncIcon from '@mui/icons-material/Sync';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ActionRowView, RowState } from './accountManage';

const ICON: Record<RowState, React.ReactNode> = {
  made: <CheckCircleOutlineIcon color="success" fontSize="small" aria-hidden />,
  refused: <HighlightOffIcon color="error" fontSize="small" aria-hidden />,
  notMade: <RemoveCircleOutlineIcon color="action" fontSize="small" aria-hidden />,
  waiting: <HourglassEmptyIcon color="info" fontSize="small" aria-hidden />,
  checking: <SyncIcon color="warning" fontSize="small" aria-hidden />,
};

export function ActionResults({ rows, title }: { rows: ActionRowView[]; title?: string }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-label={title ?? t('manageAccount.results')} data-testid="action-results">
      {title ? (
        <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
      ) : null}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.75 }}>
        {rows.map((r, i) => (
          <Box component="li" key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }} data-testid={`action-row-${i}`} data-state={r.state}>
            <Box sx={{ pt: 0.25 }}>{ICON[r.state]}</Box>
            <Box>
              <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                {r.label}
              </Typography>
              <Typography variant="body2" component="span">
                {' — '}
                {t(`manageAccount.rowState.${r.state}`)}
              </Typography>
              {r.detail ? (
                <Typography variant="body2" color="text.secondary" component="p" sx={{ m: 0 }}>
                  {r.detail}
                </Typography>
              ) : null}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
