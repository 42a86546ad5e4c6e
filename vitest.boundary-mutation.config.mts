import { defineConfig } from 'vitest/config';
import base from './vitest.mutation.config.mts';

// The vitest config of `npm run mutation:boundary` (stryker.boundary.config.json): the suite of
// vitest.mutation.config.mts narrowed to the tests of the public boundary (lib/private/boundary*.ts).
// Every test of the suite passes through the boundary, so with all of them each mutant of it would
// rerun the whole suite; these are the tests that state what it does (its messages, each kind of type,
// the load that wraps the API) and the per-rule tests of test/mutation that check its messages.
export default defineConfig({
  test: {
    ...base.test,
    // The base config leaves test/boundary-load.test.ts out (for `npm run mutation`); this run needs it.
    exclude: (base.test?.exclude ?? []).filter((f) => f !== 'test/boundary-load.test.ts'),
    include: [
      'test/boundary.test.ts',
      'test/boundary-checker.test.ts',
      'test/boundary-load.test.ts',
      'test/mutation/kit.test.ts',
      'test/mutation/kit-edges.test.ts',
      'test/mutation/validation.test.ts',
      'test/reliability.test.ts',
    ],
  },
});
