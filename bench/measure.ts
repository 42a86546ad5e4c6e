/**
 * One synth measurement, in a process of its own: `node bench/out/bench/measure.js <l1|l2|floor> <n>`.
 *
 * The modules are loaded before the clock starts (their cost is measured apart, by `load.ts`), and
 * both variants load the same ones, so the two processes differ only in the constructs they define.
 * Timed: `new App` ... `app.synth()`, which includes writing the templates and running every
 * construct's validations. Printed: one line of JSON on stdout.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, Variant, VARIANTS } from './apps';

/** What one measurement reports. */
export interface SynthSample {
  readonly variant: Variant;
  readonly n: number;
  /** Wall time of `new App` ... `app.synth()`, in milliseconds. */
  readonly synthMs: number;
  /** CPU time (user + system) of the same span, in milliseconds: less sensitive to other load. */
  readonly cpuMs: number;
  /** Peak resident set size of the process (`process.resourceUsage().maxRSS`), in MiB. */
  readonly peakRssMiB: number;
  /** Resident set size once the modules were loaded, before the app, in MiB. */
  readonly baseRssMiB: number;
  /** V8 heap in use right after synth, in MiB. */
  readonly heapUsedMiB: number;
  readonly stacks: number;
  /** The largest number of resources in one stack (CloudFormation allows 500). */
  readonly maxResourcesPerStack: number;
  readonly resources: number;
}

function main(): void {
  const [variantArg, nArg, roleArg] = process.argv.slice(2);
  const variant = variantArg as Variant;
  const n = Number(nArg);
  if (!VARIANTS.includes(variant as Variant) || !Number.isInteger(n) || n < 1) {
    throw new Error(`usage: measure.js <${VARIANTS.join('|')}> <n> [role], got ${process.argv.slice(2).join(' ')}`);
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdk-appstream-bench-${variant}-${n}-`));
  try {
    const baseRss = process.memoryUsage.rss();

    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const app = buildApp(variant, n, outdir, roleArg === 'role');
    const assembly = app.synth();
    const end = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpuStart);

    const peakRssKiB = process.resourceUsage().maxRSS;
    const heapUsed = process.memoryUsage().heapUsed;
    // Counted after the measurement: reading the templates back costs memory and time.
    const counts = assembly.stacks.map((s) => Object.keys(s.template.Resources ?? {}).length);
    const sample: SynthSample = {
      variant,
      n,
      synthMs: Number(end - start) / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1e3,
      peakRssMiB: peakRssKiB / 1024,
      baseRssMiB: baseRss / 2 ** 20,
      heapUsedMiB: heapUsed / 2 ** 20,
      stacks: counts.length,
      maxResourcesPerStack: Math.max(...counts),
      resources: counts.reduce((a, b) => a + b, 0),
    };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
