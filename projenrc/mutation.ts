import { awscdk, JsonFile } from 'projen';

/** The boundary's sources: mutated by `mutation:boundary`, not by `mutation`. */
const BOUNDARY = ['lib/private/boundary.ts', 'lib/private/boundary-apply.ts'];

/** Where Stryker leaves its reports and its incremental file: ignored by git, kept between runs. */
const REPORT_DIR = 'reports/mutation';

/**
 * Mutation testing (issue 14): `npm run mutation` runs StrykerJS over every hand-written file of lib/
 * with the vitest runner, then prints the one-line score (scripts/mutation-summary.ts). Incremental:
 * a rerun only tests the mutants whose code or covering tests changed since the last run.
 * Not part of the build (a full run takes the better part of an hour on two cores).
 */
export function configureMutation(project: awscdk.AwsCdkConstructLibrary): void {
  // Stryker 10 wants Node 22; 9.6.x is the newest line on Node 20 and runs vitest 4.
  project.addDevDeps(
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/vitest-runner@9.6.1',
    // The ignorer plugin's test parses lib/ as Stryker does (Stryker's own Babel).
    '@babel/core@7.29.13',
    '@babel/plugin-syntax-typescript@7.29.7',
  );
  project.gitignore.exclude(`/${REPORT_DIR.split('/')[0]}/`, '/.stryker-tmp/');
  project.npmignore?.exclude(`/${REPORT_DIR.split('/')[0]}/`, '/.stryker-tmp/', '/stryker.config.json', '/stryker.all.config.json', '/stryker.boundary.config.json', '/vitest.mutation.config.mts', '/vitest.boundary-mutation.config.mts');

  const config = {
    $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.mts' },
    // No TypeScript checker: it took one of the two processes (as much CPU as the test runner) and
    // halved the run's speed. vitest runs the mutants that do not type-check too (esbuild strips the
    // types), so the score counts them: a stricter score, not a kinder one.
    coverageAnalysis: 'perTest',
    // Equivalent mutants are marked here, not with pragmas in lib/: an ignorer plugin lists each one
    // with its reason (scripts/stryker-equivalent.mjs; test/mutation/equivalent-mutants.test.ts keeps
    // the list in step with the code).
    plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-equivalent.mjs'],
    ignorers: ['equivalent-mutants'],
    // A static mutant (module-level code: rule tables, instance-type lists, enum values) has no
    // per-test coverage, so Stryker runs the whole suite (some 20 s) for each: 466 of them in the run
    // measured in the README, which would add over an hour on two cores. `mutation` leaves them out of
    // the run and of the score (reported as Ignored, and counted on the line before the score);
    // test/conformance compares that data with botocore's model and CloudFormation's schemas instead.
    // `mutation:all` runs them too.
    ignoreStatic: true as boolean,
    concurrency: 2,
    // Every hand-written source of lib/ but the boundary; the API table is generated data. Every test
    // passes through the boundary (lib/private/boundary*.ts: each constructor and method checks its
    // arguments there), so each of its mutants would rerun the whole suite, some 40 s: over four hours
    // for its 850 mutants on two cores. `mutation:boundary` runs them against the tests of the boundary.
    mutate: ['lib/**/*.ts', '!lib/**/*.generated.ts', `!${BOUNDARY[0]}`, `!${BOUNDARY[1]}`],
    ignorePatterns: ['/build', '/dist', '/.jsii', '/.cache', '/test-reports', `/${REPORT_DIR.split('/')[0]}`, '/bench/out', '/examples/cdk.out', 'cdk.out', '*.snapshot'],
    incremental: true,
    incrementalFile: `${REPORT_DIR}/stryker-incremental.json`,
    reporters: ['progress', 'html', 'json'],
    htmlReporter: { fileName: `${REPORT_DIR}/mutation.html` },
    jsonReporter: { fileName: `${REPORT_DIR}/mutation.json` },
    thresholds: { high: 90, low: 80, break: null },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
  };
  // JSON cannot hold the marker comment; projen lists the files in .projen/files.json instead.
  new JsonFile(project, 'stryker.config.json', { obj: config, marker: false });
  // The same with the static mutants; Stryker's CLI can turn ignoreStatic on but not off.
  new JsonFile(project, 'stryker.all.config.json', { obj: { ...config, ignoreStatic: false }, marker: false });

  // The boundary against the tests that exercise it (vitest.boundary-mutation.config.mts): a mutant they
  // miss might still fail another test, so this score is a lower bound of the whole suite's.
  new JsonFile(project, 'stryker.boundary.config.json', {
    obj: {
      ...config,
      vitest: { configFile: 'vitest.boundary-mutation.config.mts' },
      mutate: BOUNDARY,
      incrementalFile: `${REPORT_DIR}/boundary-incremental.json`,
      htmlReporter: { fileName: `${REPORT_DIR}/boundary.html` },
      jsonReporter: { fileName: `${REPORT_DIR}/boundary.json` },
    },
    marker: false,
  });

  // The engine scenarios in vitest (test/pipeline-engines.test.ts) run the Python fake from the project
  // venv: Stryker's sandbox has no .cache, so every task names this checkout's (scripts/python-env.sh).
  const env = { CDK_APPSTREAM_PYTHON_BIN: '$(bash scripts/python-env.sh)' };
  const mutation = project.addTask('mutation', {
    description: `Mutation testing of lib/ with StrykerJS (incremental; reports in ${REPORT_DIR}/), then the score line`,
    env,
  });
  mutation.exec('stryker run', { receiveArgs: true });
  mutation.exec(`ts-node --transpile-only --project tsconfig.dev.json scripts/mutation-summary.ts ${REPORT_DIR}/mutation.json`);

  // The same run in four parts, each kept when it ends (scripts/mutation-parts.sh): on two cores a whole
  // run takes hours, and a run stopped halfway keeps the parts done.
  const parts = project.addTask('mutation:parts', {
    description: 'As `mutation`, in four parts (constructs a–e, constructs f–z, lib/private, the image pipeline), each with its own incremental file; then one score line',
    env,
  });
  parts.exec('bash scripts/mutation-parts.sh', { receiveArgs: true });

  const all = project.addTask('mutation:all', {
    description: 'As `mutation`, with the static mutants too (each runs the whole suite: hours on two cores)',
    env,
  });
  all.exec('stryker run stryker.all.config.json', { receiveArgs: true });
  all.exec(`ts-node --transpile-only --project tsconfig.dev.json scripts/mutation-summary.ts ${REPORT_DIR}/mutation.json`);

  const boundary = project.addTask('mutation:boundary', {
    description: 'Mutation testing of the public boundary (lib/private/boundary*.ts) against its own tests (about 25 minutes from empty reports)',
    env,
  });
  boundary.exec('stryker run stryker.boundary.config.json', { receiveArgs: true });
  boundary.exec(`ts-node --transpile-only --project tsconfig.dev.json scripts/mutation-summary.ts ${REPORT_DIR}/boundary.json`);
}
