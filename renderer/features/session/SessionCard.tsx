// The frame of the screens shown instead of the workspace (sign-in, first admin, lock,
// recovery): a centred card with one heading, so a screen reader lands on what to do.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export function SessionCard({ id, title, intro, icon, children, wide }: { id: string; title: string; intro?: ReactNode; icon?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100%', p: 3, bgcolor: 'grey.50' }} data-testid={id}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: wide ? 640 : 440 }} aria-labelledby={`${id}-title`} component="section">
        {icon}
        <Typography id={`${id}-title`} variant="h1" component="h1" sx={{ mb: 1 }}>
          {title}
        </Typography>
        {intro ? (
          <Typography variant="body2" sx={{ mb: 2 }} component="div">
            {intro}
          </Typography>
        ) : null}
        {children}
      </Paper>
    </Box>
  );
}
