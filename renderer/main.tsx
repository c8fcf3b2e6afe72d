// The renderer's entry: fonts (bundled, the app runs offline), i18n, theme, the shell.
import './zodConfig';
import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { initI18n } from './i18n';
import { ThemeRoot } from './ThemeRoot';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeRoot>
      <App />
    </ThemeRoot>
  </StrictMode>,
);
