/**
 * Prints the score of a Stryker run from its JSON report (mutation-testing-report-schema), the
 * `mutation` task's last step: one line per file with survivors, then, as the last line,
 *
 *   mutation score: NN.N% (killed K of M, survived S, no coverage N)
 *
 * M counts the mutants that compile and load: killed, timed out, survived and not covered. K counts
 * the killed and the timed out (a mutant that makes the suite hang is detected). CompileError (the
 * mutant does not type-check), RuntimeError (it broke loading the tests) and Ignored (a
 * `// Stryker disable` comment) are left out of both. This is Stryker's own "mutation score".
 *
 * Usage: ts-node scripts/mutation-summary.ts [reports/mutation/mutation.json]
 */
import * as fs from 'fs';

/** The part of the report schema this script reads. */
interface Report {
  readonly files: Record<string, { readonly mutants: ReadonlyArray<{ readonly status: string }> }>;
}

/** Counts by status. */
export interface Counts {
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly excluded: number;
}

/** Counts the mutants of some files by status. */
export function count(mutants: ReadonlyArray<{ readonly status: string }>): Counts {
  const by = (status: string) => mutants.filter((m) => m.status === status).length;
  const killed = by('Killed');
  const timeout = by('Timeout');
  const survived = by('Survived');
  const noCoverage = by('NoCoverage');
  return { killed, timeout, survived, noCoverage, excluded: mutants.length - killed - timeout - survived - noCoverage };
}

/** The summary line for some counts. */
export function summaryLine(c: Counts): string {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  return `mutation score: ${score.toFixed(1)}% (killed ${detected} of ${valid}, survived ${c.survived}, no coverage ${c.noCoverage})`;
}

function main(file: string): void {
  if (!fs.existsSync(file)) {
    console.error(`mutation-summary: ${file} not found (run 'npm run mutation' first)`);
    process.exit(1);
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf-8')) as Report;
  const all: Array<{ readonly status: string }> = [];
  for (const [name, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    all.push(...mutants);
    const c = count(mutants);
    if (c.survived + c.noCoverage > 0) {
      console.log(`  ${name}: ${summaryLine(c).replace('mutation score: ', '')}`);
    }
  }
  console.log(summaryLine(count(all)));
}

if (require.main === module) {
  main(process.argv[2] ?? 'reports/mutation/mutation.json');
}
