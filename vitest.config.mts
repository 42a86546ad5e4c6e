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
    // Every template the tests synthesize is kept in test-reports/templates for `test:cfn-lint`
    // (scripts/cfn-lint-templates.ts); the folder is emptied at the start of each run.
    globalSetup: ['test/setup/clean-templates.ts'],
    // test/setup/warning-ids.ts fails a test whose warning carries an id the README's table lacks;
    // test/setup/message-words.ts one whose message holds TypeScript where words belong.
    setupFiles: ['test/setup/capture-templates.ts', 'test/setup/warning-ids.ts', 'test/setup/message-words.ts'],
  },
});
