/**
 * Prints the score of a Stryker run from its JSON report (mutation-testing-report-schema), the
 * `mutation` task's last step: one line per file with survivors, then, as the last line,
 *
 *   mutation score: NN.N% (killed K of M, survived S, no coverage N)
 *
 * M counts the mutants that were run: killed, timed out, survived and not covered. K counts the killed
 * and the timed out (a mutant that makes the suite hang is detected). CompileError (only with a
 * type-checking Stryker checker, which this project does not use), RuntimeError (the mutant broke
 * loading the tests) and Ignored (an equivalent mutant of scripts/stryker-equivalent.mjs, or a static mutant when
 * `ignoreStatic` is on) are left out of both. This is Stryker's own "mutation score". When static
 * mutants were not run, the line before it says how many.
 *
 * Usage: ts-node scripts/mutation-summary.ts [REPORT.json...] (default reports/mutation/mutation.json)
 */
import * as fs from 'fs';

/** The part of the report schema this script reads. */
export interface Report {
  readonly files: Record<string, { readonly mutants: ReadonlyArray<Mutant> }>;
}

/** The part of a mutant's result this script reads. */
export interface Mutant {
  readonly status: string;
  readonly statusReason?: string;
}

/** Counts by status. */
export interface Counts {
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly excluded: number;
  /** Static mutants that were not run (`ignoreStatic`): among the excluded. */
  readonly staticNotRun: number;
}

/** Counts the mutants of some files by status. */
export function count(mutants: ReadonlyArray<Mutant>): Counts {
  const by = (status: string) => mutants.filter((m) => m.status === status).length;
  const killed = by('Killed');
  const timeout = by('Timeout');
  const survived = by('Survived');
  const noCoverage = by('NoCoverage');
  const staticNotRun = mutants.filter((m) => m.status === 'Ignored' && (m.statusReason ?? '').startsWith('Static mutant')).length;
  return { killed, timeout, survived, noCoverage, excluded: mutants.length - killed - timeout - survived - noCoverage, staticNotRun };
}

/** The summary line for some counts. */
export function summaryLine(c: Counts): string {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  return `mutation score: ${score.toFixed(1)}% (killed ${detected} of ${valid}, survived ${c.survived}, no coverage ${c.noCoverage})`;
}

/**
 * The files of several reports (the runs of the parts of lib/, `mutation:parts`) as one: a file's
 * mutants are those of the last report that has the file.
 */
export function mergeFiles(reports: ReadonlyArray<Report>): Report['files'] {
  return Object.assign({}, ...reports.map((r) => r.files));
}

function main(files: string[]): void {
  const reports = files.map((file) => {
    if (!fs.existsSync(file)) {
      console.error(`mutation-summary: ${file} not found (run 'npm run mutation' first)`);
      process.exit(1);
    }
    return JSON.parse(fs.readFileSync(file, 'utf-8')) as Report;
  });
  const byFile = mergeFiles(reports);
  const all: Mutant[] = [];
  for (const [name, { mutants }] of Object.entries(byFile).sort(([a], [b]) => a.localeCompare(b))) {
    all.push(...mutants);
    const c = count(mutants);
    if (c.survived + c.noCoverage > 0) {
      console.log(`  ${name}: ${summaryLine(c).replace('mutation score: ', '')}`);
    }
  }
  const total = count(all);
  if (total.staticNotRun > 0) {
    console.log(`static mutants not run: ${total.staticNotRun} (module-level code, left out of the score; 'npm run mutation:all' runs them too)`);
  }
  console.log(summaryLine(total));
}

if (require.main === module) {
  main(process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json']);
}
