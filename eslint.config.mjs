// ESLint: the recommended rules of ESLint, typescript-eslint (without type information, so that a
// run stays in seconds) and eslint-plugin-astro. Formatting is Prettier's business, not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Editors' content, vendored schemas, build outputs, and the deliberately broken page of a fixture.
    // (ESLint does not read .gitignore: its build and test outputs are listed here again.)
    ignores: [
      'content/',
      'vendor/',
      'dist/',
      '.dist.*/',
      '.astro/',
      '.tmp/',
      'test-results/',
      'tests/fixtures/page-checks/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // French typography puts no-break and narrow no-break spaces in text on purpose (« … », before ; : ! ?).
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true },
      ],
      // An unused name is said on purpose with a leading _ (a parameter kept for its signature) or is
      // the property a rest destructuring leaves out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Node runs the scripts as they are (CONTRIBUTING.md): it imports JSON only when told it is JSON.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/\\.json$/]:not([attributes.length>0])',
          message: "Importez le JSON avec « with { type: 'json' } » : Node exécute les scripts tels quels.",
        },
      ],
    },
  },
  {
    // Browser code: the pages' scripts run in the visitor's browser, not in Node.
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
