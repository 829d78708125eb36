import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // chDB segfaults in worker threads and binds one data dir per process: every test file gets its own
    // child process (forks + isolate).
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    include: ['src/**/*.test.ts', 'contract/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
