// The MUI theme for the chosen mode (light, dark, or the system's), with the page's
// color-scheme set to match so native controls (scrollbars, date pickers) follow too.
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, type ReactNode } from 'react';
import { resolveMode, useThemeChoice } from './state/themeStore';
import { darkTheme, lightTheme } from './theme';

export function ThemeRoot({ children }: { children: ReactNode }) {
  const mode = useThemeChoice(resolveMode);
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);
  return (
    <ThemeProvider theme={mode === 'dark' ? darkTheme : lightTheme}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
