// Runs the image pipeline's state machine on aws-local-stepfunctions (Node >= 22), every scenario:
// `node run-local.mjs DEFINITION.json PORT SCENARIO...`, against the fake run.py serves on
// 127.0.0.1:PORT (local-engine.mjs). Reports each scenario's outcome to the fake (/done).
import { readFileSync } from 'node:fs';
import { localEngine, post } from './local-engine.mjs';

const [definitionFile, port, ...scenarios] = process.argv.slice(2);
const { definition, tagger } = JSON.parse(readFileSync(definitionFile, 'utf8'));
const base = `http://127.0.0.1:${port}`;
const run = localEngine(definition, tagger, base);
for (const scenario of scenarios) {
  await post(base, '/done', { scenario, outcome: await run(scenario) });
}
