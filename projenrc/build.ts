import { awscdk } from 'projen';

/**
 * The build: jsii with every warning an error, and every README example compiled by jsii-rosetta in strict mode.
 */
export function configureBuild(project: awscdk.AwsCdkConstructLibrary): void {
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

  // The one description of the public API's types that the boundary check holds plain JavaScript
  // against (lib/private/boundary.ts), written from the assembly jsii just made: a new prop or method
  // is covered the day it is written; the build's drift check fails when the committed table is stale.
  const apiTypes = project.addTask('api-types', {
    description: 'Write lib/private/api-types.generated.ts from the jsii assembly (.jsii)',
    exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/api-types.ts .jsii lib/private/api-types.generated.ts',
  });
  project.postCompileTask.prependSpawn(apiTypes);

  // The members a value of an aws-cdk-lib or constructs type must have are those the OLDEST versions the
  // peer ranges allow give it (a member added since must not refuse an older aws-cdk-lib's objects):
  // read from those versions' assemblies (npm pack, so it needs the network) into a committed file that
  // the api-types task reads. Run it when a peer minimum changes; the api-types task and a test say when.
  project.addTask('cdk-oldest-members', {
    description: 'Write scripts/cdk-oldest-members.json from the assemblies of the peer minimums of aws-cdk-lib and constructs (needs the network and .jsii)',
    exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/cdk-oldest-members.ts .jsii',
  });
}
