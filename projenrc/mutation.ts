import { awscdk, JsonFile } from 'projen';

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
    '@stryker-mutator/typescript-checker@9.6.1',
  );
  project.gitignore.exclude(`/${REPORT_DIR.split('/')[0]}/`, '/.stryker-tmp/');
  project.npmignore?.exclude(`/${REPORT_DIR.split('/')[0]}/`, '/.stryker-tmp/', '/stryker.config.json', '/vitest.mutation.config.mts');

  new JsonFile(project, 'stryker.config.json', {
    obj: {
      $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
      packageManager: 'npm',
      testRunner: 'vitest',
      vitest: { configFile: 'vitest.mutation.config.mts' },
      // Mutants that do not type-check are reported as CompileError and never run (the score leaves them out).
      checkers: ['typescript'],
      tsconfigFile: 'tsconfig.json',
      typescriptChecker: { prioritizePerformanceOverAccuracy: true },
      coverageAnalysis: 'perTest',
      concurrency: 2,
      // Every hand-written source of lib/; the region-support table is generated data.
      mutate: ['lib/**/*.ts', '!lib/**/*.generated.ts'],
      ignorePatterns: ['/build', '/dist', '/.jsii', '/.cache', '/test-reports', `/${REPORT_DIR.split('/')[0]}`, '/bench/out', '/examples/cdk.out', 'cdk.out', '*.snapshot'],
      incremental: true,
      incrementalFile: `${REPORT_DIR}/stryker-incremental.json`,
      reporters: ['progress', 'html', 'json'],
      htmlReporter: { fileName: `${REPORT_DIR}/mutation.html` },
      jsonReporter: { fileName: `${REPORT_DIR}/mutation.json` },
      thresholds: { high: 90, low: 80, break: null },
      tempDirName: '.stryker-tmp',
      cleanTempDir: 'always',
    },
    // JSON cannot hold the marker comment; projen lists the file in .projen/files.json instead.
    marker: false,
  });

  const mutation = project.addTask('mutation', {
    description: `Mutation testing of lib/ with StrykerJS (incremental; reports in ${REPORT_DIR}/), then the score line`,
  });
  mutation.exec('stryker run', { receiveArgs: true });
  mutation.exec(`ts-node --transpile-only --project tsconfig.dev.json scripts/mutation-summary.ts ${REPORT_DIR}/mutation.json`);
}
