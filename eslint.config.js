// Lint enforces the architecture (ARCHITECTURE.md): dependencies point one way, core → cli, and
// the core stays pure (no I/O, no clock, no randomness), so it runs unchanged in a browser.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads', 'process', 'crypto', 'url', 'readline'];

export default tseslint.config(
  { ignores: ['node_modules/**', '**/node_modules/**', 'coverage/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-void': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    // The core: pure domain code. No Node APIs, no globals that reach outside, no upward imports.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`)], message: 'core does no I/O: pass data in as arguments.' },
            { group: ['peakpath', '@peakpath/*', '**/cli/**', '**/store/**', '**/server/**', '**/web/**'], message: 'core depends on nothing above it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'core does no I/O.' },
        { name: 'process', message: 'core reads no environment: pass settings in.' },
        { name: 'setTimeout', message: 'core has no clock.' },
        { name: 'setInterval', message: 'core has no clock.' },
        { name: 'performance', message: 'core has no clock.' },
        { name: 'XMLHttpRequest', message: 'core does no I/O.' },
        { name: 'localStorage', message: 'core does no I/O.' },
        { name: 'console', message: 'core reports through return values, not the console.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core has no hidden randomness: pass a seeded generator in.' },
        { object: 'Date', property: 'now', message: 'core has no clock: pass the time in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'core has no clock: pass dates in.' }],
    },
  },
  {
    // The CLI builds on the public API of the core only.
    files: ['packages/cli/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/src/**', '!**/core/src/index.ts'], message: 'use the public API: import from "@peakpath/core".' }] },
      ],
    },
  },
);
