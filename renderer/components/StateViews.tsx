// Loading and empty states: the same calm look everywhere, announced to screen readers.
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, p: 3, color: 'text.secondary' }}>
      <CircularProgress size={18} aria-hidden />
      <Typography variant="body2">{label}</Typography>
    </Box>
  );
}

export function Empty({ title, hint, icon }: { title: string; hint?: ReactNode; icon?: ReactNode }) {
  return (
    <Box role="status" sx={{ p: 4, textAlign: 'center', color: 'text.secondary' }}>
      {icon ? <Box sx={{ mb: 1, '& svg': { fontSize: 36, opacity: 0.5 } }}>{icon}</Box> : null}
      <Typography variant="subtitle2" component="p" sx={{ color: 'text.primary' }}>
        {title}
      </Typography>
      {hint ? (
        <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
          {hint}
        </Typography>
      ) : null}
    </Box>
  );
}
