import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/lib/ and, for each, the folders it may import (README "Project layout").
 * Imports point one way, so no two folders import each other; a folder missing here stops lint,
 * so a new one is placed on purpose rather than left unchecked.
 */
const LIB_IMPORTS = {
  files: [],
  content: ['files'],
  grading: ['content', 'files'],
  'self-check': ['grading', 'content', 'files'],
  pdf: ['self-check', 'grading', 'content', 'files'],
  rubrics: ['self-check', 'grading', 'content', 'files'],
  review: ['pdf', 'self-check', 'grading', 'content', 'files'],
  school: ['review', 'rubrics', 'pdf', 'self-check', 'grading', 'content', 'files'],
  search: ['content', 'files'],
  site: ['content', 'files'],
};
const libEntries = readdirSync(new URL('./src/lib/', import.meta.url), { withFileTypes: true });
const unplaced = libEntries.filter((e) =>
  e.isDirectory() ? !(e.name in LIB_IMPORTS) : !e.name.endsWith('.md'),
);
if (unplaced.length) {
  throw new Error(
    `src/lib/: ${unplaced.map((e) => e.name).join(', ')} has no place in LIB_IMPORTS (eslint.config.js). ` +
      'Put each module in a folder, and each folder in LIB_IMPORTS with the folders it may import.',
  );
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  ...astro.configs['jsx-a11y-strict'],
  {
    // eslint-plugin-astro already registers the jsx-a11y plugin; the islands take its strict rules.
    files: ['**/*.tsx', '**/*.jsx'],
    languageOptions: jsxA11y.flatConfigs.strict.languageOptions,
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A scrollable table wrapper must be reachable by keyboard (WAI pattern: role=region + label).
      'astro/jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/lib',
              from: ['./src/components', './src/layouts', './src/pages', './scripts'],
              message:
                'src/lib/ decides and is pure TypeScript: it must not import components, pages or scripts.',
            },
            ...Object.entries(LIB_IMPORTS).map(([folder, allowed]) => ({
              target: `./src/lib/${folder}`,
              from: './src/lib',
              except: [folder, ...allowed].map((name) => `./${name}`),
              message: `src/lib/${folder}/ may import only ${allowed.length ? allowed.join(', ') : 'no other folder of src/lib'} (README "Project layout").`,
            })),
          ],
        },
      ],
    },
  },
);
