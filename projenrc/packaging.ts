import { awscdk } from 'projen';

/**
 * Packaging: the npm tarball, and the other languages' generated code.
 */
export function configurePackaging(project: awscdk.AwsCdkConstructLibrary): void {
  // The build's package step: npm pack, and the other languages' sources (jsii-pacmak --code-only),
  // which .ci/run checks. The real Python, Java and Go packages are built by package-all, which the
  // language tests run (projenrc/languages.ts); .NET stays sources only (no .NET SDK here).
  const pacmakCode = project.addTask('package:code', {
    description: 'Generate Python, Java, C# and Go sources with jsii-pacmak (code only, no packaging)',
    exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go',
  });
  project.packageTask.reset();
  project.packageTask.spawn(project.tasks.tryFind('package:js')!);
  project.packageTask.spawn(pacmakCode);
}
