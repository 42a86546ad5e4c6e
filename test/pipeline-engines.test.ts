import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as LocalEngine from './pipeline/local-engine.mjs' with { 'resolution-mode': 'import' };
import { synthesize } from './pipeline/synth';
import { synthesizeRecipe } from './pipeline/synth-recipe';

// The pipelines' scenarios on aws-local-stepfunctions, inside vitest: the state machine is synthesized
// from lib/ in the test, so a mutation run (`npm run mutation`) sees what the engine scenarios check
// (the parameters of a Pass state, the error a Fail state names, the cleanup's polling). The fake and
// the checks are the Python ones `test:pipeline` uses on both engines (test/pipeline/serve.py); that
// task also runs every scenario on moto and compares the two engines.

const ROOT = path.join(__dirname, '..');
let fake: ChildProcess;
let base: string;
let engine: typeof LocalEngine;

beforeAll(async () => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new Error(`aws-local-stepfunctions needs Node 22 or newer; this is Node ${process.versions.node} (the project supports Node 22 and 24)`);
  }
  engine = await import('./pipeline/local-engine.mjs');
  const bin = execFileSync('bash', [path.join(ROOT, 'scripts', 'python-env.sh')], { encoding: 'utf8' }).trim();
  fake = spawn(path.join(bin, 'python'), [path.join(ROOT, 'test', 'pipeline', 'serve.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [first] = await new Promise<string[]>((resolve, reject) => {
    fake.once('exit', (code) => reject(new Error(`serve.py exited with ${code} before it served`)));
    readline.createInterface({ input: fake.stdout! }).once('line', (line) => resolve([line]));
  });
  base = `http://127.0.0.1:${JSON.parse(first).port}`;
});

afterAll(() => {
  fake?.stdin?.end();
});

/** How each run ended, by scenario (filled by runAll). */
let outcomes: Record<string, LocalEngine.LocalOutcome> = {};

/** Runs every scenario the fake names for `setup` on `definition`; resolves to each one's problems. */
async function runAll(setup: object, definition: unknown, tagger?: LocalEngine.Tagger): Promise<Record<string, string[]>> {
  const { scenarios } = await engine.post(base, '/setup', setup);
  const run = engine.localEngine(definition, tagger, base);
  const problems: Record<string, string[]> = {};
  outcomes = {};
  for (const scenario of scenarios as string[]) {
    outcomes[scenario] = await run(scenario);
    const { problems: found } = await engine.post(base, '/done', { scenario, outcome: outcomes[scenario] });
    problems[scenario] = found;
  }
  return problems;
}

/** `problems` as the expected value: every scenario named, each with no problem. */
function noProblems(problems: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(problems).map((name) => [name, []]));
}

describe('the image pipeline on aws-local-stepfunctions', () => {
  test('managed updates: every scenario but the misspelt request (run.py runs that one on a broken copy)', async () => {
    const synthesized = synthesize();
    const problems = await runAll({ pipeline: 'managed', owner: synthesized.owner, maxPolls: synthesized.maxPolls }, synthesized.definition, synthesized.tagger);
    expect(Object.keys(problems)).toHaveLength(14);
    expect(problems).toEqual(noProblems(problems));
  });

  test('a recipe: every scenario on the default definition', async () => {
    const synthesized = synthesizeRecipe();
    const problems = await runAll({ pipeline: 'recipe', owner: synthesized.owner, keep: false }, synthesized.definition);
    expect(Object.keys(problems)).toHaveLength(8);
    expect(problems).toEqual(noProblems(problems));
  });

  test('a recipe with keepBuilderOnFailure: its scenario', async () => {
    const synthesized = synthesizeRecipe(true);
    const problems = await runAll({ pipeline: 'recipe', owner: synthesized.owner, keep: true }, synthesized.definition);
    expect(Object.keys(problems)).toHaveLength(1);
    expect(problems).toEqual(noProblems(problems));
  });

  test('a run that loops for ever is stopped, and fails its scenario', async () => {
    const synthesized = synthesize();
    // Every poll reads PENDING as not AVAILABLE and never counts: the bound no longer ends the loop.
    const text = JSON.stringify(synthesized.definition).replace(/States\.MathAdd\(\$\.Image\.Polls, 1\)/g, 'States.MathAdd($.Image.Polls, 0)');
    expect(text).not.toBe(JSON.stringify(synthesized.definition));
    const problems = await runAll({ pipeline: 'managed', owner: synthesized.owner, maxPolls: synthesized.maxPolls }, JSON.parse(text), synthesized.tagger);
    expect(outcomes['the image is not ready in time']).toMatchObject({ status: 'FAILED', error: 'RunawayExecution', cause: 'stopped after 1000 states entered' });
    expect(problems['the image is not ready in time']).toContainEqual('polled exactly 12 times (the bound)');
  });

  test('a defect the checks must find: a roll-out that skips a fleet fails the happy path', async () => {
    const synthesized = synthesize();
    const definition = JSON.parse(JSON.stringify(synthesized.definition).replace(/"fleet-b"/g, '"fleet-a"'));
    const problems = await runAll({ pipeline: 'managed', owner: synthesized.owner, maxPolls: synthesized.maxPolls }, definition, synthesized.tagger);
    expect(problems['happy path']).toContainEqual(expect.stringContaining('both fleets took the new image'));
  });
});
