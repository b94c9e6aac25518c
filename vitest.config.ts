import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and run whole migrations; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most of an end-to-end test's time is a CLI child process or an emulator waiting on one: two test files at a
    // time keep both cores busy (about 7 minutes instead of 11 for the suite here).
    maxWorkers: 2,
    minWorkers: 1,
  },
});
