/**
 * The score line of `npm run mutation` (scripts/mutation-summary.ts): which statuses count, and the
 * static mutants that `ignoreStatic` leaves out.
 */
import { describe, expect, test } from 'vitest';
import { count, mergeFiles, Mutant, summaryLine } from '../../scripts/mutation-summary';

const of = (status: string, n: number, statusReason?: string): Mutant[] => Array.from({ length: n }, () => ({ status, statusReason }));

describe('the mutation score line', () => {
  test('counts killed and timed out as caught, survived and uncovered as missed, and leaves out the rest', () => {
    const c = count([
      ...of('Killed', 85), ...of('Timeout', 5), ...of('Survived', 7), ...of('NoCoverage', 3),
      ...of('CompileError', 40), ...of('RuntimeError', 2), ...of('Ignored', 4, 'equivalent: a placeholder is skipped like none'),
    ]);
    expect(c).toEqual({ killed: 85, timeout: 5, survived: 7, noCoverage: 3, excluded: 46, staticNotRun: 0 });
    expect(summaryLine(c)).toBe('mutation score: 90.0% (killed 90 of 100, survived 7, no coverage 3)');
  });

  test('counts the static mutants that ignoreStatic left out, apart from disable comments', () => {
    const c = count([...of('Killed', 1), ...of('Ignored', 3, 'Static mutant (and "ignoreStatic" was enabled)'), ...of('Ignored', 1, 'Disabled by user')]);
    expect(c.staticNotRun).toBe(3);
    expect(c.excluded).toBe(4);
    expect(summaryLine(c)).toBe('mutation score: 100.0% (killed 1 of 1, survived 0, no coverage 0)');
  });

  test('an empty run scores 100%, not NaN', () => {
    expect(summaryLine(count([]))).toBe('mutation score: 100.0% (killed 0 of 0, survived 0, no coverage 0)');
  });

  test('the reports of the parts make one: every file once, a later report\'s over an earlier one\'s', () => {
    const merged = mergeFiles([
      { files: { 'lib/a.ts': { mutants: of('Survived', 1) }, 'lib/b.ts': { mutants: of('Killed', 2) } } },
      { files: { 'lib/a.ts': { mutants: of('Killed', 1) }, 'lib/c.ts': { mutants: of('NoCoverage', 1) } } },
    ]);
    expect(Object.keys(merged).sort()).toEqual(['lib/a.ts', 'lib/b.ts', 'lib/c.ts']);
    expect(summaryLine(count(Object.values(merged).flatMap((f) => f.mutants)))).toBe('mutation score: 75.0% (killed 3 of 4, survived 0, no coverage 1)');
  });
});
