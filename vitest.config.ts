import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'server-only': path.resolve('lib/testing/empty-module.ts'),
      '@': path.resolve('.'),
    },
  },
  test: {
    include: ['{app,components,lib,prisma}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['lib/testing/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that open databases and spawn processes share two cores; keep them from starving each other.
    maxWorkers: 2,
  },
});
