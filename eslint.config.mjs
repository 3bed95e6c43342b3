// ESLint flat config: `npm run lint` (eslint .). Syntax-level typescript-eslint rules (no type
// information, so it stays fast; `npm run typecheck` does the type checking), React hooks rules
// for the app, and two architectural rules: only src/platform/ may touch Taro.cloud, and
// bundled code (app, functions, platform adapters) never imports the @domain/actions barrel.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CLOUD_MESSAGE = 'pages go through src/platform/cloud-call (Taro.cloud does not exist on H5)';
const ACTIONS_BARREL_MESSAGE =
  'import the contract from its function module (@domain/actions/<fn>, or @domain/actions/define): the barrel drags every function\'s schemas into each page and function bundle';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.local-cloud/',
      '.local-cloud-data/',
      'node_modules/',
      'coverage/',
      '.swc/',
      '.temp/',
      '.cache/',
      'tests/e2e/screenshots/',
      '**/*.cjs', // bundles (the local cloud server) — never hand-written here
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },

  // CommonJS config files (jest, babel, stubs).
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // The app runs in WeChat's JS engine or a browser.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },

  {
    files: ['tests/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    // Tests read loosely typed JSON back from HTTP and stubs; `any` there is fine.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Only the platform adapter may use Taro.cloud: it does not exist on H5 (every call there
  // "succeeds" with errMsg '暂时不支持 API'), so pages must never reach it directly.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/platform/**'],
    rules: {
      // Taro.cloud.x and const { cloud } = Taro
      'no-restricted-properties': ['error', { object: 'Taro', property: 'cloud', message: CLOUD_MESSAGE }],
      'no-restricted-syntax': [
        'error',
        {
          // import { cloud } from '@tarojs/taro'
          selector: "ImportDeclaration[source.value='@tarojs/taro'] > ImportSpecifier[imported.name='cloud']",
          message: CLOUD_MESSAGE,
        },
      ],
    },
  },

  // What ships (pages, functions and the adapters they use) takes each contract from its own
  // function's module, so a bundle carries only the schemas it calls. Tests and tools may
  // still use the barrel's registry (allActions()).
  {
    files: ['src/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts', 'platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@domain/actions', message: ACTIONS_BARREL_MESSAGE },
            { name: '@domain/actions/index', message: ACTIONS_BARREL_MESSAGE },
          ],
          patterns: [{ regex: '(^|/)domain/actions(/index)?$', message: ACTIONS_BARREL_MESSAGE }],
        },
      ],
    },
  },

  // Tab pages (src/pages) are in the main package every resident downloads before the first
  // screen: they reach actions through refs (actionRefs, @domain/actions/ref) and import the
  // contracts for their types only, so no schema and no valibot ride along. Subpackage pages
  // import the definitions and check input before sending.
  {
    files: ['src/pages/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@domain/actions/(?!ref$)',
              allowTypeImports: true,
              message: "a tab page takes contracts as types (import type) and calls through actionRefs from '@domain/actions/ref': values bring every schema of the function and valibot into the main package",
            },
          ],
        },
      ],
    },
  },
);
