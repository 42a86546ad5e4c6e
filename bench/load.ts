/**
 * One load-time measurement, in a fresh process: `node bench/out/bench/load.js <label> <module>...`.
 *
 * Times `require` of the given modules, in order, and prints one line of JSON. `run.ts` calls it with
 * the library's entry point, and with exactly the aws-cdk-lib (and constructs) modules the library's
 * compiled code requires; nothing else is loaded before the clock starts.
 */
import { createRequire } from 'module';

/** What one load measurement reports. */
export interface LoadSample {
  readonly label: string;
  readonly modules: string[];
  /** Wall time of the `require` calls, in milliseconds. */
  readonly loadMs: number;
  /** Peak resident set size of the process, in MiB. */
  readonly peakRssMiB: number;
  /** The files the `require` calls loaded, in load order. */
  readonly loaded: string[];
}

function main(): void {
  const [label, ...modules] = process.argv.slice(2);
  if (!label || modules.length === 0) {
    throw new Error('usage: load.js <label> <module>...');
  }
  const load = createRequire(__filename);
  const before = new Set(Object.keys(load.cache));
  const start = process.hrtime.bigint();
  for (const m of modules) {
    load(m);
  }
  const end = process.hrtime.bigint();
  const sample: LoadSample = {
    label,
    modules,
    loadMs: Number(end - start) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    loaded: Object.keys(load.cache).filter((f) => !before.has(f)),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main();
