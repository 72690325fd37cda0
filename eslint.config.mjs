// @ts-check
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'stream', 'worker_threads', 'timers'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'admin/dist/**',
      'node_modules/**',
      '**/node_modules/**',
      '.data/**',
      'docker/**',
      'test-results/**',
      'admin/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'workflows/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // One transaction helper for every write: src/database/transaction.ts says why.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(transaction|startTransaction)$/]',
          message: 'Run transactions through transactionWithRetry (or rolledBackTransaction) from src/database/transaction.ts.',
        },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no clocks, no randomness outside the SDK.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).map((name) => ({
            name,
            message: 'Workflows must be deterministic; do I/O in an activity.',
          })),
          patterns: [{ group: ['../src/**'], allowTypeImports: true, message: 'Workflows may import activity types only.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'sut.**.expect', '**.waitFor', '**.waitForFunction'] }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs', 'jest.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
);
