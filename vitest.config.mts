import { defineConfig } from 'vitest/config';

// vitest runs the TypeScript sources in lib/ directly (no compile step needed);
// `tsc --noEmit -p tsconfig.dev.json` type-checks them first (see the `test` task).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'build/**', 'dist/**', '**/*.snapshot/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/vitest.json' },
  },
});
