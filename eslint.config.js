// One ESLint config for the whole repo (flat config, typed rules for TypeScript).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    // bench/peers are stock Astro and Starlight sites measured as they are.
    ignores: [
      'bench/peers/**',
      '**/dist/**',
      '**/.astro/**',
      '**/node_modules/**',
      '.tools/**',
      '**/test/fixtures/**',
      'content/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // A `default:` branch is a deliberate catch-all for the many mdast node types we pass over.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `_name` marks a value we destructure only to leave it out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Architecture guard (DESIGN.md): schema imports nothing internal and never Astro.
    files: ['packages/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@frontline/*', 'astro', 'astro:*', 'astro/*'],
              message: '@frontline/schema must not import other Frontline packages or Astro.',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 19: no god functions in the schema package.
    files: ['packages/schema/src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // guides may import only schema.
    files: ['packages/guides/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@frontline/cli', '@frontline/site', 'astro', 'astro:*'],
              message: '@frontline/guides imports only @frontline/schema.',
            },
          ],
        },
      ],
    },
  },
  // Astro components: the plugin's recommended rules; their frontmatter is type-checked by `astro check`.
  ...astro.configs.recommended,
  {
    // lms may import only schema (it sits beside guides).
    files: ['packages/lms/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@frontline/cli', '@frontline/site', '@frontline/guides', 'astro', 'astro:*'],
              message: '@frontline/lms imports only @frontline/schema.',
            },
          ],
        },
      ],
    },
  },
  {
    // The LMS runtime ships in every package as it is: a classic browser script.
    files: ['packages/lms/assets/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // Browser files served as they are.
    files: ['apps/site/public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // Config files run in Node.
    files: ['**/*.config.{js,mjs,ts}', '**/astro.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
