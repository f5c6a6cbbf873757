// Lint enforces the architecture (ARCHITECTURE.md): dependencies point one way, core ← node ← cli,
// each package on the public API of the ones below; the core stays pure (no I/O, no clock, no
// randomness, no environment), so it runs unchanged in a browser. test/architecture.test.ts feeds
// each rule code that breaks it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every Node built-in, with or without `node:`, and its subpaths (`fs`, `node:fs`, `fs/promises`, `node:test`, …). */
const NODE_BUILTIN = `^(?:node:.*|(?:${builtinModules.map(escape).join('|')})(?:/.*)?)$`;

const PURE = 'core does no I/O and runs in a browser too: pass data, time and randomness in as arguments.';
const UP = 'core depends on nothing above it.';

/** `no-restricted-imports` for core code; `above` names the core folders that a layer (`layer`) must not import. */
function coreImports(above = [], layer = '') {
  return [
    'error',
    {
      patterns: [
        { regex: NODE_BUILTIN, caseSensitive: true, message: PURE },
        { group: ['peakpath', 'peakpath/*', '@peakpath/*', '**/cli/**', '**/node/src/**', '**/dist/**', '**/store/**', '**/server/**', '**/web/**', '**/test/**', '**/bench/**'], message: UP },
        ...(above.length === 0 ? [] : [{ group: above.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]), message: `core/src/${layer} sits below ${above.join(', ')}: it imports none of them.` }]),
      ],
    },
  ];
}

/** What a layer above the core may import of the packages below: their public APIs, never their files. */
const PUBLIC_API = { group: ['**/core/src/**', '**/core/dist/**', '**/node/src/**', '**/node/dist/**'], message: 'use the public API: import from "@peakpath/core" or "@peakpath/node".' };

const STORE_API = { group: ['**/store/src/**', '**/store/dist/**'], message: 'use the public API: import from "@peakpath/store".' };
const REPORT_API = { group: ['**/report/src/**', '**/report/dist/**'], message: 'use the public API: import from "@peakpath/report".' };
const SERVER_API = { group: ['**/server/src/**', '**/server/dist/**'], message: 'use the public API: import from "@peakpath/server".' };

const clock = 'core has no clock: pass the time in.';

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
      'no-restricted-imports': coreImports(),
      'no-restricted-globals': [
        'error',
        // The routes to every other global: globalThis.process, window.fetch, self.crypto, global.Buffer.
        ...['globalThis', 'window', 'self', 'global'].map((name) => ({ name, message: `core reaches no global object (${name}): ${PURE}` })),
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'navigator', 'location', 'document', 'Worker'].map((name) => ({ name, message: PURE })),
        { name: 'process', message: 'core reads no environment: pass settings in.' },
        ...['require', 'module', 'exports', '__dirname', '__filename', 'Buffer'].map((name) => ({ name, message: `${name} is Node's: ${PURE}` })),
        { name: 'crypto', message: 'core has no hidden randomness: pass ids and a seeded generator in.' },
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'performance'].map((name) => ({ name, message: clock })),
        { name: 'console', message: 'core reports through return values, not the console.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core has no hidden randomness: pass a seeded generator in.' },
        { object: 'Date', property: 'now', message: clock },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: `${clock} (new Date() reads the clock, and parses in the machine's time zone)` },
        { selector: "CallExpression[callee.name='Date']", message: clock },
        { selector: "ImportExpression:not([source.value=/^\\./])", message: `core imports dynamically only its own modules (a relative path): ${PURE}` },
        { selector: "MetaProperty[meta.name='import']", message: `core locates no files (import.meta): ${PURE}` },
      ],
      // Code built from strings would escape every rule above.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Layers inside the core point one way too: the methods and the reading and accounting layers
    // below them do not reach up into the engines that use them.
    files: ['packages/core/src/methods/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': coreImports(['inventory', 'pathway', 'plan'], 'methods') },
  },
  {
    files: ['packages/core/src/reading/**/*.ts', 'packages/core/src/accounting/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': coreImports(['methods', 'inventory', 'pathway', 'plan'], 'reading and accounting') },
  },
  {
    // @peakpath/node builds on the core's public API, and knows nothing of the CLI.
    files: ['packages/node/**/*.ts', 'packages/node/**/*.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [PUBLIC_API, { group: ['peakpath', 'peakpath/*', '**/cli/**'], message: '@peakpath/node depends on nothing above it.' }] },
      ],
    },
  },
  {
    // @peakpath/report builds on the public APIs of core and node; it knows nothing of the store, the server, the CLI or the web app.
    files: ['packages/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [PUBLIC_API, { group: ['peakpath', 'peakpath/*', '@peakpath/store', '@peakpath/server', '**/cli/**', '**/store/**', '**/server/**', '**/web/**'], message: '@peakpath/report depends only on core and node below it.' }] },
      ],
    },
  },
  {
    // @peakpath/store builds on the core's public API; it knows nothing of the server, the CLI or the web app.
    files: ['packages/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [PUBLIC_API, { group: ['peakpath', 'peakpath/*', '@peakpath/server', '@peakpath/node', '**/cli/**', '**/server/**', '**/web/**'], message: '@peakpath/store depends only on the core below it.' }] },
      ],
    },
  },
  {
    // @peakpath/server builds on the public APIs of core, node and store; it knows nothing of the CLI or the web app.
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [PUBLIC_API, STORE_API, REPORT_API, { group: ['peakpath', 'peakpath/*', '**/cli/**', '**/web/**'], message: '@peakpath/server depends on nothing above it.' }] },
      ],
    },
  },
  {
    // The web app: browser code on the core's public API only (it runs the engines in the browser) and the
    // HTTP API (fetch); it imports nothing of node, store, server or the CLI.
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [PUBLIC_API, { regex: NODE_BUILTIN, caseSensitive: true, message: 'the web app runs in a browser: no Node built-ins.' }, { group: ['peakpath', '@peakpath/node', '@peakpath/store', '@peakpath/server', '**/cli/**', '**/node/src/**', '**/store/**', '**/server/**'], message: 'the web app reaches the server through the HTTP API only.' }] },
      ],
    },
  },
  {
    // The CLI, the benchmarks and the tests use the public APIs of the packages below them.
    files: ['packages/cli/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', 'packages/core/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PUBLIC_API, STORE_API, SERVER_API, REPORT_API] }] },
  },
);
