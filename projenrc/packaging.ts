import { awscdk } from 'projen';

/**
 * Packaging: the npm tarball, and the other languages' generated code.
 */
export function configurePackaging(project: awscdk.AwsCdkConstructLibrary): void {
  // Packaging: js only (npm pack); the other languages are generated as source code only,
  // since PyPI, Maven Central and NuGet are out of reach here.
  const pacmakCode = project.addTask('package:code', {
    description: 'Generate Python, Java, C# and Go sources with jsii-pacmak (code only, no packaging)',
    exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go',
  });
  project.packageTask.reset();
  project.packageTask.spawn(project.tasks.tryFind('package:js')!);
  project.packageTask.spawn(pacmakCode);
}
