// Import boundaries of docs/architecture.md, checked by a machine:
//   shared ← renderer;  shared ← main/core ← main/electron.  Only main/electron imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'net', 'url', 'util', 'stream', 'worker_threads'];
const restrict = (patterns, message, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })), paths }],
});
// Code that runs unbundled in plain Node (the web host, the sandbox, scripts) imports each
// date-fns function from its own module: the package's index loads every function, which
// took the web host from 147 to 315 MB resident (docs/performance.md, "The web host's memory").
const dateFnsIndex = [{ name: 'date-fns', message: "Import each function from its own module (date-fns/addDays): the index loads all of date-fns, about 200 MB resident in plain Node." }];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'A focused test hides the rest of the suite.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['electron', ...nodeBuiltins, '**/main/**', '**/renderer/**', 'react', 'react-dom'], 'shared/ is pure TypeScript: no Node, no DOM, no electron, no main/ or renderer/ (architecture.md).', dateFnsIndex),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(['electron', ...nodeBuiltins, '**/main/**'], 'renderer/ talks to main only through window.csr; it imports shared/ only (architecture.md).'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/sandbox/**/*.ts', 'main/web-host/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/main/electron/**'], 'Only main/electron may import electron; main never imports renderer/ (architecture.md).', dateFnsIndex),
  },
);
