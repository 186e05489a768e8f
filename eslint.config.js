import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'public/', 'custom-elements.json', 'src/i18n/locales/', 'server/dist/', 'server/src/i18n/translations.generated.ts', '**/.login-help-data/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    settings: { wc: { elementBaseClasses: ['LitElement', 'LoginHelpConfigElement', 'LoginHelpPanelConfigElement', 'LoginHelpForm'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests: .only silences the rest of the suite.' },
      ],
    },
  },
  {
    files: ['*.js', '*.ts', 'scripts/**/*.js', 'test/e2e/**/*.js', 'test/seed/**/*.js', 'demo/**/*.mjs', 'demo/cms-server.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // chai's `expect(x).to.be.true` is an expression by design; tests may assert non-null.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // login-help-server runs on Node only.
    files: ['server/**/*.ts', 'server/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['server/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // wc/guard-super-call wants `if (super.x)` guards that LitElement's own lifecycle does not need.
    files: ['src/**/*.ts'],
    rules: { 'wc/guard-super-call': 'off' },
  },
);
