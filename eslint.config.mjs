// Lint: typescript-eslint recommended, plus the import fences that keep the shared core portable
// (it runs in the extension host, the webview, VS Code for the Web and the CLI).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on the editor.' },
          ...['react', 'react-dom', 'reactflow', 'elkjs'].map((name) => ({ name, message: 'src/core must not depend on the UI.' })),
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not use Node built-ins: it also runs in the webview and the browser.' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'src/core must not use Node built-ins.' },
          { group: ['**/webview/**', '../../extension', '**/src/vscode/**', '**/src/node/**', '**/src/cli/**'], message: 'src/core must not import the host, the CLI or the webview.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['webview/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview talks to the host only through the protocol.' }],
        patterns: [{ group: ['node:*', '**/src/vscode/**', '**/src/node/**', '**/src/cli/**', '**/src/extension'], message: 'The webview may import src/core only.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
);
