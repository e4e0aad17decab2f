import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/architecture.md). One `no-restricted-imports` entry per folder:
// a later entry replaces an earlier one for the same file, so each entry lists all of its
// folder's restrictions.
const SHIPPED = ['core/src/**', 'bot/src/**', 'tab/src/**', 'addin/src/**', 'manifest/src/**'];
const TEST_FILES = ['**/*.test.{ts,tsx}', '**/*.test-support.ts', '**/test-support.tsx'];

const noTestCode = [
  {
    group: ['@pc/testing', '@pc/testing/*', '@pc/demo', '@pc/demo/*'],
    message: 'Shipped code never imports test code or the demo workspace; pass what it needs in.',
  },
  {
    regex: String.raw`^(\.\./)+(test|demo)(/|$)`,
    message: 'Shipped code never imports test code or the demo workspace; pass what it needs in.',
  },
];
const noBotbuilder = [
  {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
    message: 'The Bot Framework SDK is imported only in bot/src/teams/.',
  },
];
const noAdapters = [
  {
    regex: String.raw`^(\.\./)+(cosmos|graph)(/|$)`,
    message: 'Edges reach Cosmos and Graph through core ports; adapters are wired in the composition root.',
  },
  {
    group: ['@azure/cosmos', '@microsoft/microsoft-graph-client'],
    message: 'Edges reach Cosmos and Graph through core ports; adapters are wired in the composition root.',
  },
];
const corePure = [
  {
    group: [
      ...['fs', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads'].flatMap(
        (m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`],
      ),
      '@azure/*',
      '@microsoft/*',
      'botbuilder*',
      'botframework-*',
      'restify*',
      'pino*',
      '@pc/bot',
      '@pc/bot/*',
    ],
    message: 'core is pure: no SDK and no I/O. Declare a port and implement it in bot/.',
  },
  {
    regex: String.raw`^(\.\./)+(bot|tab|addin|manifest|infra)(/|$)`,
    message: 'core depends on nothing above it.',
  },
];
const boundary = (files, patterns, ignores = []) => ({
  files,
  ignores: [...TEST_FILES, ...ignores],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.artifacts/**', 'coverage/**', 'infra/**/*.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  boundary(SHIPPED, [...noTestCode, ...noBotbuilder], ['bot/src/teams/**']),
  boundary(['bot/src/teams/**'], [...noTestCode, ...noAdapters]),
  boundary(['bot/src/http/**'], [...noTestCode, ...noBotbuilder, ...noAdapters]),
  boundary(['core/src/**'], [...noTestCode, ...corePure]),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
