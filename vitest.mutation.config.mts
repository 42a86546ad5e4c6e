import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// The vitest config of `npm run mutation` (stryker.config.json): the suite of vitest.config.mts, without
// what serves only the cfn-lint step, which says nothing of lib/: the setup files that keep every
// synthesized template (each mutant run would write them again), the tests of that mechanism and of
// scripts/cfn-lint-templates.ts, and the JSON report; and test/warnings.test.ts, which reads the warning
// names out of lib/'s source text (Stryker's instrumented copy no longer spells `.warn('name'`) and
// checks the README against them, not the code's behaviour; and test/boundary-load.test.ts, which loads
// the whole package inside its tests (for `npm run mutation:boundary`): here it would become the only
// cover of every module-level mutant of lib/, which are left static instead. And one module graph per
// run, not one per test file (isolate: false): each test file would otherwise load aws-cdk-lib again,
// which made most of the time of a mutant's run. Stryker still starts each mutant's run afresh, so a mutant in module-level data (a
// "static" mutant) is loaded with that data; the suite passes this way too (the run starts with it).
export default defineConfig({
  test: {
    ...base.test,
    exclude: [...(base.test?.exclude ?? []), 'test/conformance/synth.test.ts', 'test/conformance/cfn-lint.test.ts', 'test/warnings.test.ts', 'test/boundary-load.test.ts'],
    globalSetup: [],
    setupFiles: [],
    reporters: ['default'],
    outputFile: undefined,
    isolate: false,
  },
});
