import { awscdk } from 'projen';

/**
 * The tests: projen's `test` task (in the build) type-checks, checks the peer minimum, runs vitest, eslint,
 * the integ snapshots and cfn-lint, in that order; `npm test` runs `test:quick`, type-check and vitest.
 */
export function configureTests(project: awscdk.AwsCdkConstructLibrary): void {
  // Tests: type-check the tests (vitest does not), run vitest, lint, the integ snapshots, then cfn-lint.
  const typecheck = project.addTask('test:typecheck', {
    description: 'Type-check tests, examples, bench and scripts',
    exec: 'tsc --noEmit -p tsconfig.dev.json',
  });
  // The peer minimum is a claim: type-check lib/ against exactly that aws-cdk-lib (fetched from npm once).
  const minCdk = project.addTask('test:min-cdk', {
    description: 'Type-check lib/ against the oldest aws-cdk-lib and constructs the peer ranges allow',
    exec: 'bash scripts/check-min-cdk.sh',
  });
  const unit = project.addTask('test:unit', {
    description: 'Run the vitest suite',
    exec: 'vitest run',
    receiveArgs: true,
  });
  const integ = project.addTask('integ', {
    description: 'Compare integ tests against their committed snapshots (no AWS credentials needed)',
    exec: 'integ-runner --language typescript --parallel-regions us-east-1',
    receiveArgs: true,
  });
  project.addTask('integ:update', {
    description: 'Re-synthesize the integ snapshots and write them (review the diff before committing)',
    exec: 'integ-runner --language typescript --parallel-regions us-east-1 --update-on-failed --dry-run --force',
    receiveArgs: true,
  });
  // cfn-lint over every template the tests produced: the unit tests' (kept in test-reports/templates by
  // test/setup/capture-templates.ts) and the integ snapshots', so it runs after both.
  const cfnLint = project.addTask('test:cfn-lint', {
    description: 'Lint with cfn-lint every template the unit tests synthesized and every integ snapshot',
    exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/cfn-lint-templates.ts',
    receiveArgs: true,
  });
  // The image pipeline's state machine, executed on two local Step Functions engines against a fake
  // AppStream (scripts/test-pipeline.sh); aws-local-stepfunctions needs Node >= 22.
  const pipeline = project.addTask('test:pipeline', {
    description: "Validate the image pipeline's state machine and run its scenarios on moto and aws-local-stepfunctions",
    exec: 'bash scripts/test-pipeline.sh 22.23.3',
  });
  // The whole suite is projen's `test` task, which `npm run build` (the README's test command, and CI) runs:
  // type-check, the peer minimum, vitest, eslint, the integ snapshots and cfn-lint. projen's build task is
  // locked to `test`, so the developer's quick loop is its own task, and `npm test` runs that one:
  // type-check and vitest (about 2 minutes; CONTRIBUTING.md has the measurements).
  // The project's Python environment (cfn-lint and botocore for the tests, made on first use: a few
  // minutes on a fresh clone), made before vitest, whose cfn-lint tests would otherwise wait for it.
  const pythonEnv = project.addTask('test:python-env', {
    description: "Make the project's Python environment (.cache/python: pinned cfn-lint, botocore, moto, twine) if it is missing or stale",
    exec: 'bash scripts/python-env.sh',
  });
  project.testTask.reset();
  project.testTask.spawn(pythonEnv);
  project.testTask.description = 'The whole suite: type-check, the peer minimum, vitest, eslint, the integ snapshots and cfn-lint (npm run build runs it)';
  project.testTask.spawn(typecheck);
  project.testTask.spawn(minCdk);
  project.testTask.spawn(unit);
  project.testTask.spawn(pipeline);
  project.testTask.spawn(project.tasks.tryFind('eslint')!);
  project.testTask.spawn(integ);
  project.testTask.spawn(cfnLint);
  const quick = project.addTask('test:quick', {
    description: 'The quick loop (npm test): type-check and vitest; npm run build runs the whole suite',
  });
  quick.spawn(pythonEnv);
  quick.spawn(typecheck);
  quick.spawn(unit);
  project.package.setScript('test', `projen ${quick.name}`);
  project.addTask('test:watch', { exec: 'vitest', description: 'Run vitest in watch mode' });
}
