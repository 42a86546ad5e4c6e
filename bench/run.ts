/**
 * The synth benchmark (`npm run bench`): how much the L2 `ImageBuilder` costs at `cdk synth` against
 * the same resources written with the bare L1, and how that grows with the number of builders.
 *
 * 1. Checks that the l1, l2 and floor apps (see `apps.ts`) render the same templates, up to logical
 *    ids and builder names.
 * 2. Load cost: `require` of the library against `require` of its dependencies as it loads them
 *    (the aws-cdk-lib entry points it names, and the files they load lazily on its behalf), and
 *    against the entry points alone; fresh processes, order rotated.
 * 3. Synth cost: for N = 1, 100 and 1000 builders, one fresh process per measurement (`measure.ts`),
 *    the variants in rotating order, several repetitions; medians.
 * 4. Prints the table, judges the targets of issue #6, writes `bench/out/results.json`.
 *
 * Arguments (optional, for quick runs): sizes with their repetitions, e.g. `1:7 100:7 1000:5` (the
 * default). `--strict` exits with 1 when a target is missed. `--role` measures builders that each
 * have a role (the L2 defines its default role on first use: without it, the default builder has none).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { buildApp, BUILDERS_PER_STACK, Variant, VARIANTS } from './apps';
import type { LoadSample } from './load';
import type { SynthSample } from './measure';

/** bench/out/ (this file is bench/out/bench/run.js). */
const OUT = path.resolve(__dirname, '..');
const LIB_DIR = path.join(OUT, 'lib');
const LIB_ENTRY = path.join(LIB_DIR, 'index.js');
const DEFAULT_PLAN = ['1:7', '100:7', '1000:5'];
const LOAD_REPS = 15;

/** Targets of issue #6. */
const MAX_SYNTH_RATIO = 1.25;
const MAX_GROWTH_RATIO = 1.1;
const MAX_LOAD_RATIO = 1.1;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Run `node <script> <args>` in a fresh process and parse the JSON line it prints. */
function child<T>(script: string, args: string[]): T {
  const result = spawnSync(process.execPath, [path.join(__dirname, script), ...args], {
    encoding: 'utf-8',
    maxBuffer: 16 * 2 ** 20,
    timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(`${script} ${args.join(' ')} failed (${result.error ?? `exit ${result.status}`}):\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

// ---------------------------------------------------------------------------------------------
// 1. Same resources in both apps

/** A template with logical ids replaced by `<Type>#<k>` (k-th of its type) and builder names blanked. */
function normalize(template: any): any {
  const rename = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
    const k = counters.get(resource.Type) ?? 0;
    counters.set(resource.Type, k + 1);
    rename.set(id, `${resource.Type}#${k}`);
  }
  const walk = (x: any): any => {
    if (typeof x === 'string') {
      return rename.get(x) ?? x;
    }
    if (Array.isArray(x)) {
      return x.map(walk);
    }
    if (x && typeof x === 'object') {
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    }
    return x;
  };
  const resources: Record<string, any> = {};
  for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
    const copy = walk(resource);
    if (copy.Type === 'AWS::AppStream::ImageBuilder') {
      copy.Properties.Name = '<name>';
    }
    resources[rename.get(id)!] = copy;
  }
  return { ...template, Resources: resources };
}

/** Throws unless every variant's app for `n` builders renders the same stacks as the L1 app. */
function checkSameResources(n: number, withRole: boolean): string {
  const render = (variant: Variant) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdk-appstream-bench-check-${variant}-`));
    try {
      return buildApp(variant, n, outdir, withRole).synth().stacks.map((s) => ({ name: s.stackName, template: normalize(s.template) }));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };
  const l1 = render('l1');
  for (const variant of VARIANTS.filter((v) => v !== 'l1')) {
    const other = render(variant);
    if (!isDeepStrictEqual(l1.map((s) => s.name), other.map((s) => s.name))) {
      throw new Error(`The l1 and ${variant} apps have different stacks: ${l1.map((s) => s.name)} / ${other.map((s) => s.name)}`);
    }
    for (let s = 0; s < l1.length; s++) {
      for (const id of new Set([...Object.keys(l1[s].template.Resources), ...Object.keys(other[s].template.Resources)])) {
        const [a, b] = [l1[s].template.Resources[id], other[s].template.Resources[id]];
        if (!isDeepStrictEqual(a, b)) {
          throw new Error(`The l1 and ${variant} apps differ in ${l1[s].name} ${id}:\nl1 ${JSON.stringify(a)}\n${variant} ${JSON.stringify(b)}`);
        }
      }
      if (!isDeepStrictEqual(l1[s].template, other[s].template)) {
        throw new Error(`The l1 and ${variant} apps differ in ${l1[s].name} outside Resources`);
      }
    }
  }
  const types = new Map<string, number>();
  for (const r of Object.values<any>(l1[0].template.Resources)) {
    types.set(r.Type, (types.get(r.Type) ?? 0) + 1);
  }
  return [...types].map(([t, c]) => `${c} ${t}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// 2. Load cost

/** The packages and modules the compiled library requires by name (its `require("...")` calls). */
function librarySpecifiers(): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(file);
      } else if (entry.name.endsWith('.js')) {
        for (const m of fs.readFileSync(file, 'utf-8').matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
          found.add(m[1]);
        }
      }
    }
  };
  visit(LIB_DIR);
  return [...found].sort();
}

interface LoadResult {
  /** What the library requires by name. */
  readonly specifiers: string[];
  /** The files of its dependencies that loading the library loads (aws-cdk-lib loads lazily). */
  readonly dependencyFiles: string[];
  /** Medians, ms: the library; its specifiers and dependency files; its specifiers only. */
  readonly libMs: number;
  readonly depsMs: number;
  readonly entryMs: number;
  /** lib / deps: the judged ratio. */
  readonly ratio: number;
  /** lib / entry: the literal reading, see RESULTS.md. */
  readonly entryRatio: number;
  readonly samples: LoadSample[];
}

function measureLoad(reps: number): LoadResult {
  const specifiers = librarySpecifiers();
  const probe = child<LoadSample>('load.js', ['probe', LIB_ENTRY]);
  const dependencyFiles = probe.loaded.filter((f) => !f.startsWith(LIB_DIR + path.sep));
  const modules: Record<string, string[]> = {
    lib: [LIB_ENTRY],
    deps: [...specifiers, ...dependencyFiles],
    entry: specifiers,
  };
  const labels = Object.keys(modules);
  const samples: LoadSample[] = [];
  for (let i = 0; i < reps; i++) {
    const order = labels.map((_, k) => labels[(k + i) % labels.length]);
    for (const label of order) {
      samples.push(child<LoadSample>('load.js', [label, ...modules[label]]));
    }
  }
  const med = (label: string) => median(samples.filter((s) => s.label === label).map((s) => s.loadMs));
  const [libMs, depsMs, entryMs] = [med('lib'), med('deps'), med('entry')];
  return { specifiers, dependencyFiles, libMs, depsMs, entryMs, ratio: libMs / depsMs, entryRatio: libMs / entryMs, samples };
}

// ---------------------------------------------------------------------------------------------
// 3. Synth cost

/** Medians of one variant at one N. */
interface VariantStats {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMiB: number;
}

interface SynthRow {
  readonly n: number;
  readonly reps: number;
  readonly stacks: number;
  readonly maxResourcesPerStack: number;
  readonly byVariant: Record<Variant, VariantStats>;
  /** L2 / L1, median wall time. */
  readonly ratio: number;
  /** L2 / L1, median CPU time. */
  readonly cpuRatio: number;
  readonly samples: SynthSample[];
}

function measureSynth(n: number, reps: number, withRole: boolean): SynthRow {
  const samples: SynthSample[] = [];
  for (let i = 0; i < reps; i++) {
    // Rotate the order each repetition, so no variant always runs first (or after the same one).
    const order = VARIANTS.map((_, k) => VARIANTS[(k + i) % VARIANTS.length]);
    if (i % 2 === 1) {
      order.reverse();
    }
    for (const variant of order) {
      const sample = child<SynthSample>('measure.js', [variant, String(n), withRole ? 'role' : 'no-role']);
      samples.push(sample);
      process.stderr.write(`  N=${n} ${variant.padEnd(5)} run ${i + 1}/${reps}: ${sample.synthMs.toFixed(0)} ms (cpu ${sample.cpuMs.toFixed(0)} ms), peak ${sample.peakRssMiB.toFixed(0)} MiB\n`);
    }
  }
  const stats = (variant: Variant): VariantStats => {
    const of = samples.filter((s) => s.variant === variant);
    return {
      wallMs: median(of.map((s) => s.synthMs)),
      cpuMs: median(of.map((s) => s.cpuMs)),
      peakRssMiB: median(of.map((s) => s.peakRssMiB)),
    };
  };
  const byVariant = Object.fromEntries(VARIANTS.map((v) => [v, stats(v)])) as Record<Variant, VariantStats>;
  const maxResourcesPerStack = Math.max(...samples.map((s) => s.maxResourcesPerStack));
  if (maxResourcesPerStack >= 500) {
    throw new Error(`N=${n}: a stack has ${maxResourcesPerStack} resources; CloudFormation allows 500`);
  }
  if (new Set(samples.map((s) => s.resources)).size !== 1) {
    throw new Error(`N=${n}: the variants have different numbers of resources`);
  }
  return {
    n,
    reps,
    stacks: samples[0].stacks,
    maxResourcesPerStack,
    byVariant,
    ratio: byVariant.l2.wallMs / byVariant.l1.wallMs,
    cpuRatio: byVariant.l2.cpuMs / byVariant.l1.cpuMs,
    samples,
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Report

function machine(): Record<string, string> {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf-8'))?.[1] ?? cpu;
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return {
    cpu,
    cores: String(os.availableParallelism()),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [pad(header, widths), rule, ...rows.map((r) => pad(r, widths))].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const withRole = args.includes('--role');
  const resultsFile = withRole ? 'results-role.json' : 'results.json';
  const specs = args.filter((a) => !a.startsWith('--'));
  const plan = (specs.length ? specs : DEFAULT_PLAN).map((spec) => {
    const [n, reps] = spec.split(':').map(Number);
    if (!Number.isInteger(n) || n < 1 || !Number.isInteger(reps) || reps < 1) {
      throw new Error(`bad size '${spec}': give <builders>:<repetitions>, such as 100:5`);
    }
    return { n, reps };
  });
  const started = process.hrtime.bigint();
  const m = machine();
  const loadBefore = os.loadavg()[0];
  console.log(`cdk-appstream synth benchmark: ${m.cpu}, ${m.cores} cores, ${m.memory}, Node ${m.node}, load average ${loadBefore.toFixed(2)}`);

  const composition = checkSameResources(2, withRole);
  console.log(`The ${VARIANTS.join(', ')} apps render the same templates (up to logical ids and builder names); per stack of 2 builders: ${composition}`);

  process.stderr.write(`Load cost: ${LOAD_REPS} rounds of fresh processes\n`);
  const load = measureLoad(LOAD_REPS);

  const rows: SynthRow[] = [];
  for (const { n, reps } of plan) {
    process.stderr.write(`Synth N=${n}: ${reps} rounds of fresh processes (${VARIANTS.join(', ')}, order rotated)\n`);
    rows.push(measureSynth(n, reps, withRole));
  }

  const f0 = (x: number) => x.toFixed(0);
  const f2 = (x: number) => x.toFixed(2);
  console.log('');
  console.log(`Synth of N image builders (VPC, 1 subnet, 3 tags, domain join, access endpoint${withRole ? ', a role each' : ', no role'}), ${BUILDERS_PER_STACK} per stack.`);
  console.log(`Median wall time of \`new App\` ... \`app.synth()\` in ms, one fresh process per run; l1 = CfnImageBuilder${withRole ? ' + CfnRole' : ''} +`);
  console.log(`CfnSecurityGroup, l2 = ImageBuilder, floor = CfnImageBuilder + aws-cdk-lib's ${withRole ? 'iam.Role + ' : ''}ec2.SecurityGroup + Tags.of():`);
  console.log('');
  console.log(table(
    ['N', 'runs', 'stacks', 'res/stack', 'L1 ms', 'L2 ms', 'L2/L1', 'floor ms', 'floor/L1', 'L2/L1 cpu', 'L1 MiB', 'L2 MiB', 'L2/L1 mem'],
    rows.map((r) => {
      const { l1, l2, floor } = r.byVariant;
      return [
        String(r.n), String(r.reps), String(r.stacks), String(r.maxResourcesPerStack),
        f0(l1.wallMs), f0(l2.wallMs), f2(r.ratio), f0(floor.wallMs), f2(floor.wallMs / l1.wallMs), f2(r.cpuRatio),
        f0(l1.peakRssMiB), f0(l2.peakRssMiB), f2(l2.peakRssMiB / l1.peakRssMiB),
      ];
    }),
  ));
  console.log('(cpu: median CPU time, user + system, of the same span; MiB: median peak RSS of the process)');

  const verdicts: string[] = [];
  const judge = (met: boolean, text: string) => verdicts.push(`  [${met ? 'met' : 'MISSED'}] ${text}`);
  judge(rows.every((r) => r.ratio <= MAX_SYNTH_RATIO),
    `L2/L1 synth time <= ${MAX_SYNTH_RATIO} at every N: ${rows.map((r) => `N=${r.n} ${f2(r.ratio)}`).join(', ')}`);

  const r100 = rows.find((r) => r.n === 100);
  const r1000 = rows.find((r) => r.n === 1000);
  let growth: Record<Variant, number> | undefined;
  if (r100 && r1000) {
    const g = Object.fromEntries(VARIANTS.map((v) => [v, r1000.byVariant[v].wallMs / r100.byVariant[v].wallMs])) as Record<Variant, number>;
    growth = g;
    console.log('');
    console.log(`Growth from N=100 to N=1000 (10x the builders), median wall time: L1 x${f2(g.l1)}, L2 x${f2(g.l2)}, floor x${f2(g.floor)}; ` +
      `L2 growth / L1 growth = ${f2(g.l2 / g.l1)}`);
    const perBuilder = (v: Variant) => (r1000.byVariant[v].wallMs - r100.byVariant[v].wallMs) / 900;
    console.log(`Cost of each builder past the 100th (slope from N=100 to N=1000): ${VARIANTS.map((v) => `${v} ${perBuilder(v).toFixed(2)} ms`).join(', ')}`);
    judge(g.l2 / g.l1 <= MAX_GROWTH_RATIO, `L2 growth 100 -> 1000 <= ${MAX_GROWTH_RATIO}x the L1's: ${f2(g.l2 / g.l1)}`);
  }

  console.log('');
  console.log(`Load, median of ${LOAD_REPS} fresh processes each: require(cdk-appstream) ${load.libMs.toFixed(1)} ms; ` +
    `its dependencies as it loads them ${load.depsMs.toFixed(1)} ms (ratio ${f2(load.ratio)}); ` +
    `their entry points alone ${load.entryMs.toFixed(1)} ms (ratio ${f2(load.entryRatio)})`);
  console.log(`  entry points: ${load.specifiers.join(', ')}; plus ${load.dependencyFiles.length} files they load lazily when the library uses them`);
  judge(load.ratio <= MAX_LOAD_RATIO, `library load time <= ${MAX_LOAD_RATIO}x its dependencies' (as it loads them): ${f2(load.ratio)}`);

  console.log('');
  console.log('Targets (issue #6):');
  console.log(verdicts.join('\n'));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const loadAfter = os.loadavg()[0];
  console.log('');
  console.log(`Benchmark wall time ${f0(elapsed)} s; load average ${f2(loadBefore)} before, ${f2(loadAfter)} after ` +
    `(above ${m.cores} means other processes shared the cores). Raw samples: ${path.relative(process.cwd(), path.join(OUT, resultsFile))}`);

  fs.writeFileSync(path.join(OUT, resultsFile), `${JSON.stringify({
    withRole, machine: m, date: new Date().toISOString(), elapsedSeconds: elapsed, loadAverage: [loadBefore, loadAfter], load, synth: rows, growth,
  }, undefined, 2)}\n`);
  if (strict && verdicts.some((v) => v.includes('MISSED'))) {
    process.exitCode = 1;
  }
}

main();
