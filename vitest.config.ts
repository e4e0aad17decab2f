import { defineConfig } from 'vitest/config';

const TEST_FILES = [
  'core/src/**/*.test.ts',
  'bot/src/**/*.test.ts',
  'test/**/*.test.ts',
  'demo/**/*.test.ts',
  'manifest/**/*.test.ts',
  'infra/**/*.test.ts',
  'addin/src/**/*.test.ts',
  'tab/src/**/*.test.{ts,tsx}',
];
const EXCLUDED = ['**/node_modules/**', '**/dist/**'];

// These run several server processes and compare how long the work took with one and with three
// instances, or kill and restart them, or count what a burst of requests gets through a rate limit:
// a second test file sharing the two cores would skew them.
export const RUN_ALONE = [
  'test/reliability/instances.test.ts',
  'test/reliability/instances-decisions.test.ts',
  'test/reliability/restart.test.ts',
  'test/reliability/agenda-joins.test.ts',
  // A burst of 20 requests against a limit of 5 a second: a starved process lets the budget refill.
  'test/e2e/api-limits.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The browser tests need tab/dist and addin/dist: built once here, never by each test file.
    // The run's seeded demo data is kept once too, so each stack restores it (test/support/stack.ts).
    globalSetup: ['test/support/web-build.ts', 'test/support/demo-snapshots.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'files',
          include: TEST_FILES,
          exclude: [...EXCLUDED, ...RUN_ALONE],
          // Vitest's default on two cores is one file at a time. Most files wait on a browser,
          // a server or the network for part of their time, so two at once keep both cores busy.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          include: RUN_ALONE,
          exclude: EXCLUDED,
          maxWorkers: 1,
          // After every other file has finished, so nothing else runs beside them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
