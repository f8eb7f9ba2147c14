// Type-checked rules: the mistakes a benchmark tool cannot afford (floating promises, unsafe any) are type errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // syntax-error.mjs is broken on purpose: a test feeds it to the loader. .corescope/ holds compiled TypeScript workloads.
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'results/',
      'test-output/',
      'eslint.config.js',
      'test/fixtures/faults/syntax-error.mjs',
      '**/.corescope/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // prettier wraps code at 120 columns but never splits a string; this catches what it leaves (comments, long
    // expressions it cannot break). Strings stay whole so that a message can be found with grep.
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    // Plain-JavaScript workload files (examples, test fixtures) are written the way users write theirs: outside
    // the TypeScript project, so only the untyped rules apply, and Node's globals are known to them.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-undef': 'off' },
  },
);
