import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/src/**/*.test.ts',
      'bot/src/**/*.test.ts',
      'test/**/*.test.ts',
      'demo/**/*.test.ts',
      'manifest/**/*.test.ts',
      'infra/**/*.test.ts',
      'addin/src/**/*.test.ts',
      'tab/src/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The browser tests need tab/dist and addin/dist: built once here, never by each test file.
    // The run's seeded demo data is kept once too, so each stack restores it (test/support/stack.ts).
    globalSetup: ['test/support/web-build.ts', 'test/support/demo-snapshots.ts'],
  },
});
