import { awscdk } from 'projen';

/**
 * Conformance data and the example app: extracted on a developer machine and committed, read by the build.
 */
export function configureDataAndExample(project: awscdk.AwsCdkConstructLibrary): void {
  // Conformance data, extracted with the project venv's pinned botocore / cfn-lint (scripts/python-env.sh)
  // and committed: the build only reads it.
  project.addTask('limits:extract', {
    description: "Extract AppStream's input limits from botocore's service model into scripts/appstream-limits.json",
    exec: '"$(bash scripts/python-env.sh)/python" scripts/extract-appstream-limits.py',
  });
  // CloudFormation's schemas (as cfn-lint bundles and patches them) set some limits more strictly than the
  // API: scripts/cfn-limits.json holds them, for the [cfn] rules and their conformance tests.
  project.addTask('cfn-limits:extract', {
    description: "Extract the AppStream resource types' property limits from cfn-lint's CloudFormation schemas into scripts/cfn-limits.json",
    exec: '"$(bash scripts/python-env.sh)/python" scripts/extract-cfn-limits.py',
  });
  // CloudFormation does not offer every property in every region: the region support shipped in
  // lib/private/cfn-region-support.generated.ts comes from cfn-lint's bundled schemas.
  project.addTask('cfn-support:extract', {
    description: "Write lib/private/cfn-region-support.generated.ts from cfn-lint's CloudFormation schemas",
    exec: '"$(bash scripts/python-env.sh)/python" scripts/extract-cfn-region-support.py',
  });

  // The example app: synthesizes a real stack and says where the template is.
  project.addTask('example', {
    description: 'Synthesize the example app into examples/cdk.out and list its AppStream resources',
    exec: 'ts-node --project tsconfig.dev.json examples/app.ts',
  });
}
