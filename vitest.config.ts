import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration and browser tests build whole fixture sites: minutes, not milliseconds.
    testTimeout: 240_000,
    hookTimeout: 600_000,
    // Builds are CPU-bound on a 2-core machine; parallel builds only slow each other down.
    fileParallelism: false,
  },
});
