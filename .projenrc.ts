import { awscdk, DependencyType, javascript } from 'projen';
import { addLanguageTests } from './projenrc/languages';

/**
 * The single source of truth for package.json, tsconfig.dev.json, .gitignore,
 * .npmignore, .eslintrc.json and the projen tasks. Edit this file, then run
 * `npx projen` to regenerate them; never edit the generated files by hand.
 */

/** Newest aws-cdk-lib that @aws-cdk/integ-runner 2.197.x reads (cloud-assembly schema <= 53). */
const CDK_DEV_VERSION = '2.257.0';
/**
 * Oldest aws-cdk-lib whose CfnImageBuilder has rootVolumeConfig, softwaresToInstall and
 * softwaresToUninstall (checked against the published .d.ts of 2.246.0 and 2.247.0).
 */
const CDK_MIN_VERSION = '2.247.0';
const CONSTRUCTS_VERSION = '10.5.1';
const JSII_VERSION = '~6.0.16';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-appstream',
  packageName: 'cdk-appstream',
  description:
    'Typed, validated AWS CDK constructs for Amazon AppStream 2.0 (WorkSpaces Applications): image builders, directory configs and more, checked at synth time.',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'appstream', 'appstream2', 'workspaces-applications', 'image-builder'],
  author: 'cdk-appstream contributors',
  authorAddress: 'cdk-appstream@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk-appstream/cdk-appstream.git',
  license: 'Apache-2.0',
  stability: 'experimental',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  projenVersion: '0.103.25',
  minNodeVersion: '20.0.0',

  // Layout: sources in lib/, compiled JavaScript in build/ (not lib/, and not dist/,
  // which jsii-pacmak uses for its artifacts), tests in test/.
  srcdir: 'lib',
  libdir: 'build',
  testdir: 'test',
  entrypoint: 'build/index.js',
  entrypointTypes: 'build/index.d.ts',

  cdkVersion: CDK_MIN_VERSION,
  // aws-cdk-lib 2.247.0 itself asks for constructs ^10.5.0.
  constructsVersion: '10.5.0',
  // Peer ranges state the minimum; the dev copies below are what we build and test with.
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: JSII_VERSION,
  // No inline source maps in the compiled JavaScript: they made up two thirds of the library's own
  // load time (bench/RESULTS.md). The .d.ts files and the TypeScript sources in the package remain.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },
  typescriptVersion: '~6.0.3',

  // Tests run with vitest (see vitest.config.ts); projen has no vitest component.
  jest: false,
  // There is no GitHub here: CI is .ci/run, and publishing is done by hand.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  docgen: true,
  docgenFilePath: 'API.md',

  eslintOptions: {
    dirs: ['lib'],
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    tsconfigPath: './tsconfig.dev.json',
    // The project service would pick jsii's tsconfig.json (lib/ only) for tests and examples.
    projectService: false,
  },
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    include: ['examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '.projenrc.ts'],
    exclude: ['node_modules', 'build', 'dist', '**/*.snapshot/**', '**/cdk.out/**'],
    compilerOptions: {},
  },

  publishToPypi: { distName: 'cdk-appstream', module: 'cdk_appstream' },
  publishToMaven: {
    javaPackage: 'io.github.cdkappstream',
    mavenGroupId: 'io.github.cdk-appstream',
    mavenArtifactId: 'cdk-appstream',
  },
  publishToNuget: { dotNetNamespace: 'CdkAppStream', packageId: 'CdkAppStream' },
  publishToGo: { moduleName: 'github.com/cdk-appstream/cdk-appstream-go', packageName: 'cdkappstream' },

  devDeps: [
    `aws-cdk-lib@${CDK_DEV_VERSION}`,
    `constructs@${CONSTRUCTS_VERSION}`,
    'vite@8.3.8',
    'vitest@4.1.12',
    '@aws-cdk/integ-runner@2.197.10',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    'cdk-nag@3.0.2',
    'fast-check@4.11.0',
    'ts-node@10.9.2',
  ],
  gitignore: ['/examples/cdk.out/', '.jsii.tabl.json', '/bench/out/', '/test-reports/', '*.snapshot/**/asset.*', 'cdk.out/'],
});

for (const pattern of ['/examples/', '/bench/', '/scripts/', '/.ci/', '/test-reports/', '/vitest.config.mts', '/rosetta/']) {
  project.npmignore?.exclude(pattern);
}

// The peer ranges above hold the minimum; build and test against these exact versions.
project.deps.addDependency(`constructs@${CONSTRUCTS_VERSION}`, DependencyType.BUILD);

const silenceNode20 = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
for (const [k, v] of Object.entries(silenceNode20)) {
  project.tasks.addEnvironment(k, v);
}
// integ-runner otherwise spends ~8 s asking the EC2 metadata service for a region.
project.tasks.addEnvironment('AWS_REGION', 'us-east-1');

// jsii: every warning is an error, so none slips in unnoticed, except one we accept on purpose:
// JSII6 (metadata/missing-dev-dependency) asks for the dev copy of aws-cdk-lib to equal the peer
// minimum; ours is deliberately newer (CDK_DEV_VERSION: what integ-runner and cdk-nag need).
project.compileTask.reset('jsii --fail-on-warnings --silence-warnings=JSII6');

// README examples must compile in every language: jsii-rosetta in strict mode, after compile
// (it reads the README from .jsii).
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every README example with jsii-rosetta (strict)',
  exec: 'jsii-rosetta extract --strict --compile .jsii',
});
project.postCompileTask.spawn(rosetta);

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
project.testTask.reset();
project.testTask.spawn(typecheck);
project.testTask.spawn(minCdk);
project.testTask.spawn(unit);
project.testTask.spawn(project.tasks.tryFind('eslint')!);
project.testTask.spawn(integ);
project.testTask.spawn(cfnLint);
project.addTask('test:watch', { exec: 'vitest', description: 'Run vitest in watch mode' });

// Packaging: js only (npm pack); the other languages are generated as source code only,
// since PyPI, Maven Central and NuGet are out of reach here.
const pacmakCode = project.addTask('package:code', {
  description: 'Generate Python, Java, C# and Go sources with jsii-pacmak (code only, no packaging)',
  exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go',
});
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);
project.packageTask.spawn(pacmakCode);

// Conformance data, extracted on a developer machine (python3 with botocore / cfn-lint) and committed:
// the build only reads it, so it never needs those Python packages.
project.addTask('limits:extract', {
  description: "Extract AppStream's input limits from botocore's service model into scripts/appstream-limits.json",
  exec: 'python3 scripts/extract-appstream-limits.py',
});
// CloudFormation does not offer every property in every region: the region support shipped in
// lib/private/cfn-region-support.generated.ts comes from cfn-lint's bundled schemas.
project.addTask('cfn-support:extract', {
  description: "Write lib/private/cfn-region-support.generated.ts from cfn-lint's CloudFormation schemas",
  exec: 'python3 scripts/extract-cfn-region-support.py',
});

// The example app: synthesizes a real stack and says where the template is.
project.addTask('example', {
  description: 'Synthesize the example app into examples/cdk.out and list its AppStream resources',
  exec: 'ts-node --project tsconfig.dev.json examples/app.ts',
});

// The synth benchmark (bench/, issue #6): plain JavaScript in each measured process, so tsc compiles
// bench/ and the library it imports into bench/out/ with the library's own compiler options (those
// of tsconfig.json, which jsii builds with); ts-node in the measured processes would dominate them.
new javascript.TypescriptConfig(project, {
  fileName: 'tsconfig.bench.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['./tsconfig.json']),
  include: ['bench/**/*.ts'],
  compilerOptions: { rootDir: '.', outDir: 'bench/out', declaration: false },
});
const benchCompile = project.addTask('bench:compile', {
  description: 'Compile bench/ and the library into bench/out/ (plain JavaScript, no jsii)',
  exec: 'tsc -p tsconfig.bench.json',
});
const bench = project.addTask('bench', {
  description: 'Synth cost of the L2 against the bare L1 at N = 1, 100, 1000 image builders, and load cost (bench/RESULTS.md)',
});
bench.spawn(benchCompile);
bench.exec('node bench/out/bench/run.js', { receiveArgs: true });

addLanguageTests(project);

project.synth();
