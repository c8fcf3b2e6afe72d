// Renderer build: root renderer/, output dist/renderer, relative base so Electron can load
// it from file:// or its app protocol as well as the web host. No inline scripts (CSP).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Keep every asset a file: nothing inlined as a data: script.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
