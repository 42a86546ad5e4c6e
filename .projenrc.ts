import { awscdk, DependencyType, javascript } from 'projen';
import { configureAgent } from './projenrc/agent';
import { configureBench } from './projenrc/bench';
import { configureBuild } from './projenrc/build';
import { configureDataAndExample } from './projenrc/data';
import { addLanguageTests } from './projenrc/languages';
import { configureMutation } from './projenrc/mutation';
import { configurePackaging } from './projenrc/packaging';
import { configureRelease, RELEASE_OPTIONS } from './projenrc/release';
import { configureTests } from './projenrc/tests';

/**
 * The single source of truth for package.json, tsconfig.dev.json, .gitignore,
 * .npmignore, .eslintrc.json and the projen tasks. Edit this file, then run
 * `npx projen` to regenerate them; never edit the generated files by hand.
 */

/** Newest aws-cdk-lib that @aws-cdk/integ-runner 2.197.x reads (cloud-assembly schema <= 53). */
const CDK_DEV_VERSION = '2.257.0';
/**
 * Oldest aws-cdk-lib whose CfnImageBuilder has rootVolumeConfig, softwaresToInstall and
 * softwaresToUninstall (checked against the published .d.ts of 2.246.0 and 2.247.0). When it changes,
 * run `npx projen cdk-oldest-members` after compile: the boundary asks aws-cdk-lib's objects for the
 * members this version gives their types (scripts/cdk-oldest-members.json).
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
  // The Node versions jsii supports (@jsii/check-node): 22 and 24. Node 20's support ended on 2026-10-30.
  minNodeVersion: '22.0.0',

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
  // Release: projen's release workflow and publib, for every language (projenrc/release.ts). CI is .ci/run.
  ...RELEASE_OPTIONS,
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
    // The image pipeline's state machine: validated, then run on aws-local-stepfunctions (Node >= 22).
    'asl-validator@4.0.0',
    'aws-local-stepfunctions@3.0.0',
  ],
  gitignore: ['/examples/cdk.out/', '.jsii.tabl.json', '/bench/out/', '/test-reports/', '**/*.snapshot/**/asset.*', 'cdk.out/'],
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

configureBuild(project);
configureTests(project);
configurePackaging(project);
configureDataAndExample(project);
configureBench(project);
configureMutation(project);

addLanguageTests(project);
configureAgent(project);
configureRelease(project);

project.synth();
