import { defineConfig } from 'vitest/config';

// One run covers every package: unit tests per package, then the browser tests against
// the built site (run `pnpm build` first; scripts/test.sh does).
export default defineConfig({
  test: {
    projects: [
      // Property and differential tests parse thousands of generated modules: on a busy 2-core
      // machine that takes more than the default 5 seconds.
      { test: { name: 'schema', root: 'packages/schema', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'guides', root: 'packages/guides', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cli', root: 'packages/cli', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      {
        // Unit tests, and packages hosted in Chromium (one browser at a time on a 2-core machine).
        test: {
          name: 'lms',
          root: 'packages/lms',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'site', root: 'apps/site', include: ['test/**/*.test.ts'], testTimeout: 180_000 } },
      { test: { name: 'bench', root: 'bench', include: ['test/**/*.test.ts'], testTimeout: 180_000 } },
      {
        test: {
          name: 'e2e',
          root: 'apps/site',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
