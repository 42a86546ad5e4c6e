import { awscdk, javascript } from 'projen';

/**
 * The synth benchmark (bench/, bench/RESULTS.md).
 */
export function configureBench(project: awscdk.AwsCdkConstructLibrary): void {
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
}
