import { awscdk } from 'projen';

/**
 * Issue 13: prove the library in every language. Real packages for npm, PyPI, Maven and Go; apps in
 * Python, Java and Go (test/languages/) that synthesize the same templates as their TypeScript twin;
 * and the unit tests under Node 22 and 24. Called once from .projenrc.ts.
 *
 * Every download is cached in the clone's ignored `.cache/` folder, so a second run is fast.
 */

/** The Node versions the unit tests also run under (npm's `node` package ships the binary). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];

export function addLanguageTests(project: awscdk.AwsCdkConstructLibrary): void {
  const task = (name: string) => {
    const t = project.tasks.tryFind(name);
    if (!t) {
      throw new Error(`projen defines no task '${name}'`);
    }
    return t;
  };

  // Full packaging for js, Python and Java (pip and Maven caches in .cache/). Go: the module is its
  // source code; pacmak's own Go build step (`go mod tidy`) cannot run here, because the go.mod it
  // writes names the cloud-assembly-schema-go version of the npm copy (v53.28.0), which the Go module
  // proxy here refuses. test/languages/go builds the module instead (go.mod's replace directives).
  // .NET: sources only, for want of a .NET SDK on these machines.
  // jsii-pacmak writes into dist/<language> without emptying it first: each task starts from an empty
  // folder, so the sources of `package` (code only) never mix with the packages (twine check refuses
  // any file in dist/python that is not a distribution).
  task('package:python').reset('rm -rf dist/python');
  task('package:python').exec('PIP_CACHE_DIR="$PWD/.cache/pip" jsii-pacmak -v --target python');
  task('package:java').reset('rm -rf dist/java');
  task('package:java').exec('jsii-pacmak -v --target java --maven-local-repository=.cache/m2');
  task('package:go').reset('rm -rf dist/go');
  task('package:go').exec('jsii-pacmak -v --code-only --target go');
  task('package:dotnet').reset('rm -rf dist/dotnet');
  task('package:dotnet').exec('jsii-pacmak -v --code-only --target dotnet');
  task('package:code').prependExec('rm -rf dist/python dist/java dist/dotnet dist/go');
  task('package-all').description = 'npm tarball, Python wheel and sdist, Maven artifacts, Go module; C# sources only (dist/)';

  const languages = project.addTask('test:languages', {
    description: 'Package for every language, then synthesize the reference app in Python, Java and Go and compare it with its TypeScript twin (test/languages/)',
  });
  languages.spawn(project.compileTask);
  languages.spawn(task('package-all'));
  languages.exec('ts-node --transpile-only --project tsconfig.dev.json test/languages/run.ts', { receiveArgs: true });

  project.addTask('test:node-versions', {
    description: `Run the vitest suite under Node ${NODE_VERSIONS.map((v) => v.split('.')[0]).join(' and ')} (npm's node package, cached in .cache/)`,
    exec: `bash scripts/test-node-versions.sh ${NODE_VERSIONS.join(' ')}`,
  });

  // What the language apps write: assemblies (cdk.out/ is ignored already), Maven's build folder,
  // Python's bytecode. Downloads go to .cache/ (ignored), which npm pack must skip too: npm-packlist
  // would otherwise walk and pack the Python venv.
  project.gitignore.exclude('/test/languages/*/checks.out/', '/test/languages/java/target/', '__pycache__/');
  project.npmignore?.exclude('/.cache/');
}
