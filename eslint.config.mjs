// Lint: typescript-eslint recommended, plus the import fences (allow-lists per zone) that keep the shared core
// portable (it runs in the extension host, the webview, VS Code for the Web and the CLI) and the features apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importFences } from './scripts/eslint-import-fences.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'scratch/**', '.ppvnet-run/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Allow-lists, not deny-lists: each zone names what it may import (scripts/import-fences.mjs), so a new
    // dependency across a seam is a lint error until the fence is changed on purpose.
    files: ['src/**/*.ts', 'webview/**/*.{ts,tsx}'],
    plugins: { fences: importFences },
    rules: { 'fences/allowed-imports': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
);
