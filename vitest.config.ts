import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // chDB segfaults in worker threads and binds one data dir per process: every test file gets its own
    // child process (forks + isolate).
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    include: ['src/**/*.test.ts', 'contract/**/*.test.ts', 'dashboard/**/*.test.{ts,tsx}'],
    globalSetup: ['src/test/global-setup.ts'],
    // Generous: end-to-end tests start real processes and a browser on a 2-core machine shared by 2 workers.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
