// Lint with type information (typescript-eslint's type-checked rules): `npm run lint`, run by `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'state/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'smart'],
      // restify ≥ 9 wants `async (req, res)` handlers, and the Storage/TranscriptStore interfaces return
      // promises: an `async` body without `await` is how both are written (a throw becomes a rejection).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The command lines and scripts print for the person who runs them.
    files: ['cli/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', module: 'writable', require: 'readonly', console: 'readonly' } },
  },
  {
    // The chat page's own script runs in the browser, with Web Chat's global.
    files: ['bot/webchat/page.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', WebChat: 'readonly' } },
  },
  {
    // The live handoff page's script, in the browser.
    files: ['bot/admin/handoff.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', EventSource: 'readonly' } },
  },
);
