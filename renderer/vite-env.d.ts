// Side-effect imports of CSS (the bundled fonts): Vite handles them.
declare module '*.css';
