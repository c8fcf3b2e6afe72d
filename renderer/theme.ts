// A dense, calm theme for a tool used all day: small controls, quiet surfaces, one
// accent colour, and a focus ring that is always visible for keyboard users. Light and
// dark (D33): the dark palette keeps every pair the light one has at WCAG AA contrast: its
// `*.main` colours are light (text on dark surfaces) with dark `contrastText` for filled
// chips and buttons, and its `*.dark` shades are lighter still, since components write
// balances in `error.dark` / `success.dark`.
import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

const PALETTES = {
  light: {
    mode: 'light' as const,
    primary: { main: '#1b4f8a', dark: '#123a66', light: '#4a78ad', contrastText: '#ffffff' },
    secondary: { main: '#5b6b7c' },
    success: { main: '#2e7d32' },
    warning: { main: '#a15c00' },
    // Dark enough for white text (filled notices, chips): WCAG AA (the outbox's queued notices).
    info: { main: '#0b5c8e' },
    error: { main: '#c62828' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    text: { primary: '#1c2430', secondary: '#4f5b69' },
    divider: '#dde2e8',
    focus: '#1565c0',
    subtle: '#fafbfc',
  },
  dark: {
    mode: 'dark' as const,
    primary: { main: '#8ab8ee', dark: '#a9cbf2', light: '#5d8fca', contrastText: '#0b1a2b' },
    secondary: { main: '#9aa8b8' },
    success: { main: '#81c995', dark: '#a5d8b1', light: '#5fae76', contrastText: '#0d2613' },
    warning: { main: '#f0b35a', dark: '#f5c987', light: '#c98a2c', contrastText: '#2a1a00' },
    error: { main: '#f28b82', dark: '#f6aea9', light: '#d9655b', contrastText: '#2b0b08' },
    info: { main: '#8ab4f8', dark: '#aecbfa', light: '#5d8fca', contrastText: '#0b1a2b' },
    background: { default: '#12171e', paper: '#1a212b' },
    text: { primary: '#e6ebf1', secondary: '#aeb8c4' },
    divider: '#323d4a',
    focus: '#8ab8ee',
    subtle: '#222a35',
  },
};

export function makeTheme(mode: ThemeMode): Theme {
  const { focus, subtle, ...palette } = PALETTES[mode];
  const focusRing = { outline: `2px solid ${focus}`, outlineOffset: 2 };
  return createTheme({
    palette,
    shape: { borderRadius: 6 },
    spacing: 8,
    typography: {
      fontFamily: 'Roboto, system-ui, sans-serif',
      fontSize: 13,
      h1: { fontSize: '1.35rem', fontWeight: 500 },
      h2: { fontSize: '1.15rem', fontWeight: 500 },
      h3: { fontSize: '1rem', fontWeight: 600 },
      subtitle2: { fontWeight: 600 },
      overline: { fontSize: '0.68rem', letterSpacing: '0.06em', fontWeight: 600, lineHeight: 1.8 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          'html, body, #root': { height: '100%' },
          body: { overflow: 'hidden' },
          ':focus-visible': focusRing,
          // A quiet surface inside a card (comment parts), in either theme.
          '.subtle-surface': { background: subtle },
          '.visually-hidden': {
            position: 'absolute',
            width: 1,
            height: 1,
            padding: 0,
            margin: -1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
            whiteSpace: 'nowrap',
            border: 0,
          },
        },
      },
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiIconButton: { defaultProps: { size: 'small' }, styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiSelect: { defaultProps: { size: 'small' } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTab: { styleOverrides: { root: { minHeight: 40, textTransform: 'none', '&.Mui-focusVisible': focusRing } } },
      MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
      MuiTooltip: { defaultProps: { enterDelay: 400 } },
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { outlined: { borderColor: palette.divider }, root: { backgroundImage: 'none' } } },
      MuiAppBar: { styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'sm' } },
      MuiTableCell: { styleOverrides: { root: { padding: '6px 10px' }, head: { fontWeight: 600, color: palette.text.secondary } } },
      MuiAlert: { styleOverrides: { root: { alignItems: 'flex-start' } } },
      // Helper text stays readable on disabled fields (it explains why they are disabled).
      MuiFormHelperText: { styleOverrides: { root: { '&.Mui-disabled': { color: palette.text.secondary } } } },
    },
  });
}

export const lightTheme = makeTheme('light');
export const darkTheme = makeTheme('dark');
/** The light theme (tests render with it unless they pick one). */
export const theme = lightTheme;
