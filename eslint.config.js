// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer rule (see README "Code structure"): arrows point inward only.
 * Each message says why, so a failing lint teaches the rule instead of just refusing.
 */
const SHARED_MESSAGE =
  'shared/ is the pure domain: it runs unchanged in Node, the renderer and the main process. ' +
  'Keep Electron, Node, DOM, React, Dexie, renderer/ and electron/ out of it; pass what you need in as data.';
const RENDERER_MESSAGE =
  'renderer/ must run in any Chromium: reach the OS only through renderer/platform/ (the preload bridge), never electron or node:*.';
const ELECTRON_MESSAGE =
  'electron/ may use shared/ (IPC contract, domain) but never renderer/: the UI is loaded, not imported.';
const RENDERER_INNER_MESSAGE =
  'renderer/db/ and renderer/components/ are the inner layers of the UI: features/ and the app/ shell ' +
  'build on them, never the other way round. Move what both need (a type, a context, a label) inward ' +
  'into db/, components/ or shared/, or pass it in as a prop.';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'buffer',
  'events',
  'http',
  'https',
  'net',
  'zlib',
  'worker_threads',
];

/** The renderer's import limits, shared by the renderer block and its inner-layer block below. */
const RENDERER_RESTRICTIONS = {
  paths: [
    { name: 'electron', message: RENDERER_MESSAGE },
    ...nodeBuiltins.map((name) => ({ name, message: RENDERER_MESSAGE })),
  ],
  patterns: [
    { group: ['node:*'], message: RENDERER_MESSAGE },
    { group: ['**/electron/**'], message: RENDERER_MESSAGE },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'release/**',
      'test-results/**',
      'test/fixtures/files/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: SHARED_MESSAGE },
            { name: 'dexie', message: SHARED_MESSAGE },
            { name: 'react', message: SHARED_MESSAGE },
            { name: 'react-dom', message: SHARED_MESSAGE },
            ...nodeBuiltins.map((name) => ({ name, message: SHARED_MESSAGE })),
          ],
          patterns: [
            { group: ['node:*'], message: SHARED_MESSAGE },
            {
              group: ['react-dom/*', 'ag-grid-*', 'chart.js', 'chart.js/*'],
              message: SHARED_MESSAGE,
            },
            { group: ['**/renderer/**', '**/electron/**'], message: SHARED_MESSAGE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'process',
          'require',
        ].map((name) => ({ name, message: SHARED_MESSAGE })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', RENDERER_RESTRICTIONS],
    },
  },
  {
    // A later no-restricted-imports replaces the one above for these files, so it repeats it.
    files: ['renderer/db/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: RENDERER_RESTRICTIONS.paths,
          patterns: [
            ...RENDERER_RESTRICTIONS.patterns,
            { group: ['**/features/**', '**/app/**'], message: RENDERER_INNER_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: ELECTRON_MESSAGE }] },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
