import { awscdk, javascript, release } from 'projen';

/**
 * Issue 22: release the cdklabs way. projen's release workflow bumps the version from the conventional
 * commits since the last tag (0.x while the API is experimental: `feat` bumps the minor, anything else the
 * patch), writes CHANGELOG.md, tags, and publib publishes the packages built by `package-all` to npm,
 * PyPI, Maven Central, NuGet and the Go module repository. The names below are the README's Install table.
 *
 * There is no GitHub here, but `github: true` makes projen write the workflow files
 * (.github/workflows/release.yml), which are committed: a GitHub repository with the publishing secrets
 * (NPM_TOKEN, TWINE_*, MAVEN_*, NUGET_API_KEY, GO_GITHUB_TOKEN) runs them. Everything that can be proven
 * without those credentials runs in CI instead: `test:release` (scripts/test-release.sh).
 */
export const RELEASE_OPTIONS = {
  release: true,
  // 0.x: experimental API, breaking changes bump the minor version, not the major one.
  majorVersion: 0,
  releaseToNpm: true,
  npmAccess: javascript.NpmAccess.PUBLIC,
  releaseTrigger: release.ReleaseTrigger.continuous(),
  // publib, pinned (projen's default is latest).
  jsiiReleaseVersion: '0.2.1061',
  // The release workflow's Node: a version jsii supports (22 and 24; 20 left jsii's support on 2026-10-30).
  workflowNodeVersion: '22.x',
  publishToPypi: { distName: 'cdk-appstream', module: 'cdk_appstream' },
  publishToMaven: {
    javaPackage: 'io.github.cdkappstream',
    mavenGroupId: 'io.github.cdk-appstream',
    mavenArtifactId: 'cdk-appstream',
    // projen's default: the Central Portal (central.sonatype.com).
    mavenServerId: 'central-ossrh',
  },
  publishToNuget: { dotNetNamespace: 'CdkAppStream', packageId: 'CdkAppStream' },
  publishToGo: { moduleName: 'github.com/cdk-appstream/cdk-appstream-go', packageName: 'cdkappstream' },

  // The workflow files, and nothing else GitHub-only: no mergify, no PR-title lint, no PR build workflow,
  // no dependency upgrades (CI is .ci/run).
  github: true,
  githubOptions: { mergify: false, pullRequestLint: false },
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
} satisfies Partial<awscdk.AwsCdkConstructLibraryOptions>;

/**
 * The tasks that prove the release without credentials, and what publishing needs of package-all (called
 * from .projenrc.ts after addLanguageTests, whose package tasks it amends).
 */
export function configureRelease(project: awscdk.AwsCdkConstructLibrary): void {
  // The changelog tool projen adds (at ^13): pinned.
  project.addDevDeps('commit-and-tag-version@13.2.1');
  // NuGet needs the .nupkg: built wherever a .NET SDK is (the release workflow sets one up); sources only
  // where there is none (these machines).
  project.tasks.tryFind('package:dotnet')!.reset('bash scripts/package-dotnet.sh');
  project.addTask('test:release', {
    description: 'Check the packages package-all built as the registries would, without publishing: npm publish --dry-run, twine check, the Maven bundle, go vet, jsii-diff',
    exec: 'bash scripts/test-release.sh',
    receiveArgs: true,
  });
}
