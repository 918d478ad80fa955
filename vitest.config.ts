import { defineConfig } from 'vitest/config';

/**
 * Three suites, run in this order by `npm test` (after `astro check` and `astro build`):
 * unit (pure functions and plugins), content (the built site against the raw sources), and
 * browser (Chromium against the built site, one file at a time, on a 2-core machine).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        // Several tests compile a copy of the edition, some with git: seconds on a loaded CI machine.
        // A timeout here only catches a hang; speed is the bench's to measure, never a test's.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node', testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
