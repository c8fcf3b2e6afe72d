// A dense, calm theme for a tool used all day: small controls, quiet surfaces, one
// accent colour, and a focus ring that is always visible for keyboard users.
import { createTheme } from '@mui/material/styles';

const focusRing = { outline: '2px solid #1565c0', outlineOffset: 2 };

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1b4f8a', dark: '#123a66', light: '#4a78ad', contrastText: '#ffffff' },
    secondary: { main: '#5b6b7c' },
    success: { main: '#2e7d32' },
    warning: { main: '#a15c00' },
    error: { main: '#c62828' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    text: { primary: '#1c2430', secondary: '#4f5b69' },
    divider: '#dde2e8',
  },
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
    MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { outlined: { borderColor: '#dde2e8' } } },
    MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'sm' } },
    MuiTableCell: { styleOverrides: { root: { padding: '6px 10px' }, head: { fontWeight: 600, color: '#4f5b69' } } },
    MuiAlert: { styleOverrides: { root: { alignItems: 'flex-start' } } },
    // Helper text stays readable on disabled fields (it explains why they are disabled).
    MuiFormHelperText: { styleOverrides: { root: { '&.Mui-disabled': { color: '#4f5b69' } } } },
  },
});
