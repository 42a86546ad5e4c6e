/**
 * vitest setup file: keeps a copy of every CloudFormation template the unit tests synthesize, for
 * `scripts/cfn-lint-templates.ts` (the `test:cfn-lint` task) to lint after the suite.
 *
 * `Template.fromStack()` and `app.synth()` both go through `Stage.prototype.synth`, which this wraps.
 * Each cloud assembly is looked at once (a stage caches its assembly and returns it again); each stack
 * template in it is stored once per content and region, in TEMPLATES_DIR (test-reports/templates), with
 * a sidecar naming the stack, its region when the stack has a concrete one, and the test that
 * synthesized it first. clean-templates.ts empties the folder before each run. An assembly that reports
 * missing context is not kept: the CLI looks the values up and synthesizes again, and only that
 * template is ever deployed.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { expect } from 'vitest';
import { TEMPLATES_DIR, TemplateMeta } from './template-store';

const UNKNOWN_REGION = 'unknown-region';
const PATCHED = Symbol.for('cdk-appstream/test:capture-templates');

const proto = Stage.prototype as Stage & { [PATCHED]?: true };
if (!proto[PATCHED]) {
  const synth = proto.synth;
  const seen = new WeakSet<object>();

  proto.synth = function (this: Stage, ...args: Parameters<Stage['synth']>) {
    const assembly = synth.apply(this, args);
    if (!seen.has(assembly)) {
      seen.add(assembly);
      capture(assembly);
    }
    return assembly;
  };
  proto[PATCHED] = true;
}

function capture(assembly: CloudAssembly): void {
  if ((assembly.manifest.missing ?? []).length > 0) {
    return; // the first synth of a context lookup: dummy values, never deployed (the CLI synthesizes again)
  }
  for (const stack of assembly.stacksRecursively) {
    const template = fs.readFileSync(stack.templateFullPath);
    const region = stack.environment.region === UNKNOWN_REGION ? undefined : stack.environment.region;
    const hash = createHash('sha256').update(region ?? '').update('\0').update(template).digest('hex').slice(0, 20);
    const file = path.join(TEMPLATES_DIR, `${hash}.template.json`);
    if (fs.existsSync(file)) {
      continue;
    }
    const state = expect.getState();
    const test = state.testPath ? `${path.relative(process.cwd(), state.testPath)} > ${state.currentTestName ?? ''}` : undefined;
    const meta: TemplateMeta = { stack: stack.displayName, region, test };
    fs.mkdirSync(TEMPLATES_DIR, { recursive: true });
    // The sidecar first, and the template by rename: a template present is a template complete.
    fs.writeFileSync(path.join(TEMPLATES_DIR, `${hash}.meta.json`), JSON.stringify(meta, undefined, 2) + '\n');
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, template);
    fs.renameSync(partial, file);
  }
}
