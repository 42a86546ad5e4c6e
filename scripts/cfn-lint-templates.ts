/**
 * Lints CloudFormation templates with cfn-lint, in one cfn-lint process, each template in its own regions.
 *
 *   ts-node --transpile-only --project tsconfig.dev.json scripts/cfn-lint-templates.ts [template.json ...]
 *
 * With no arguments it lints what the test suite produced: the templates the unit tests synthesized
 * (test-reports/templates, left there by test/setup/capture-templates.ts) and the integ snapshots
 * (test/**\/*.snapshot/*.template.json). With arguments it lints just those files. `npx projen
 * test:cfn-lint` runs it after the unit and integ tests.
 *
 * Regions: a template whose stack names a concrete region is linted in that region, unless that region's
 * schema lacks something the template sets (the constructs warn of that at synth, with the ids
 * cdk-appstream:<kind>:propertyNotInRegion / resourceNotInRegion): then it is linted as if region-agnostic,
 * and the script says so. A region-agnostic one
 * is linted in LINT_REGIONS, except in those whose CloudFormation schema lacks a property the template
 * sets (lib/private/cfn-region-support.generated.ts): it could not be deployed there, so it is linted in
 * the others only, and the script says so.
 *
 * A template without resources (the DeployAssert stack of an integ test without assertions) is skipped:
 * the CDK CLI deploys nothing from it, and cfn-lint would call it invalid.
 *
 * cfn-lint is the project's own, pinned in scripts/requirements-dev.txt: the venv that
 * `bash scripts/python-env.sh` makes on first use (in .cache/python) and prints the bin folder of, never
 * whatever cfn-lint the machine's PATH holds. `CFN_LINT=/path/to/cfn-lint` runs another one instead.
 *
 * It fails (exit 1) on any cfn-lint error, when cfn-lint is missing or fails, and when there is no
 * template to lint; warnings are printed.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unsupportedProperties } from '../lib/private/cfn-region-support';
import { CFN_REGIONS } from '../lib/private/cfn-region-support.generated';
import { TEMPLATES_DIR, TemplateMeta } from '../test/setup/template-store';

/** The regions a region-agnostic template is linted in. */
export const LINT_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-2', 'ap-northeast-1'];

const ROOT = path.join(__dirname, '..');
const SNAPSHOT_ROOT = path.join(ROOT, 'test');

/** One template to lint. */
export interface LintTarget {
  readonly file: string;
  /** Where it came from, for messages: the stack and the test that synthesized it. */
  readonly origin?: string;
  /** The stack's region, when it names a concrete one. */
  readonly region?: string;
}

/** The regions to lint one template in, and why, when that is not simply its region or LINT_REGIONS. */
export interface LintPlan {
  readonly regions: string[];
  readonly note?: string;
}

interface CfnLintMatch {
  readonly Filename: string;
  readonly Level: string;
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location: { readonly Path: Array<string | number> };
}

type TemplateJson = { Resources?: Record<string, { Type?: string; Properties?: unknown }> };

/** The properties (`Type.Property`) the template sets that `region`'s CloudFormation schema lacks. */
function gaps(template: TemplateJson, region: string): string[] {
  return Object.values(template.Resources ?? {}).flatMap((resource) => {
    const props = resource.Properties && typeof resource.Properties === 'object' ? Object.keys(resource.Properties) : [];
    return resource.Type ? unsupportedProperties(resource.Type, region, props).map((p) => `${resource.Type}.${p}`) : [];
  });
}

/** The regions a template is linted in (see the file comment). */
export function planRegions(template: TemplateJson, region?: string, lintRegions: readonly string[] = LINT_REGIONS): LintPlan {
  const notes: string[] = [];
  if (region !== undefined && CFN_REGIONS.includes(region)) {
    const own = gaps(template, region);
    if (own.length === 0) {
      return { regions: [region] };
    }
    // The constructs warn of this (cdk-appstream:<kind>:propertyNotInRegion / resourceNotInRegion):
    // lint it where it can be deployed, like a region-agnostic template.
    notes.push(`its region ${region} lacks ${own.join(', ')}, which the construct warns of`);
  } else if (region !== undefined) {
    notes.push(`its region ${region} is unknown to cfn-lint`);
  }
  const missing = new Map<string, string[]>();
  for (const r of lintRegions) {
    for (const gap of gaps(template, r)) {
      missing.set(gap, [...(missing.get(gap) ?? []), r]);
    }
  }
  let regions = lintRegions.filter((r) => ![...missing.values()].some((where) => where.includes(r)));
  if (missing.size > 0) {
    notes.push(`sets ${[...missing].map(([gap, where]) => `${gap} (not in ${where.join(', ')})`).join(', ')}`);
    if (regions.length === 0) {
      // No lint region can take it: the first region that can, or the lint regions to show the errors.
      const elsewhere = CFN_REGIONS.find((r) => gaps(template, r).length === 0);
      regions = elsewhere ? [elsewhere] : [...lintRegions];
    }
  }
  return notes.length === 0 ? { regions } : { regions, note: `${notes.join('; ')}: linted in ${regions.join(', ')}` };
}

/** The templates the test suite left: the unit tests' and the integ snapshots'. */
export function suiteTargets(): LintTarget[] {
  const targets: LintTarget[] = [];
  if (fs.existsSync(TEMPLATES_DIR)) {
    for (const name of fs.readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.template.json')).sort()) {
      targets.push(capturedTarget(path.join(TEMPLATES_DIR, name)));
    }
  }
  for (const dir of snapshotDirs(SNAPSHOT_ROOT)) {
    const regions = snapshotRegions(dir);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.template.json')).sort()) {
      const file = path.join(dir, name);
      targets.push({ file, region: regions.get(name) });
    }
  }
  return targets;
}

/** A template file, with the sidecar capture-templates.ts wrote next to it if there is one. */
function capturedTarget(file: string): LintTarget {
  const sidecar = file.replace(/\.template\.json$/, '.meta.json');
  if (sidecar === file || !fs.existsSync(sidecar)) {
    return { file };
  }
  const meta: TemplateMeta = JSON.parse(fs.readFileSync(sidecar, 'utf-8'));
  return { file, origin: `stack ${meta.stack}${meta.test ? ` of ${meta.test}` : ''}`, region: meta.region };
}

function snapshotDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'node_modules')
    .flatMap((e) => (e.name.endsWith('.snapshot') ? [path.join(dir, e.name)] : snapshotDirs(path.join(dir, e.name))))
    .sort();
}

/** Template file name -> region, for the stacks of a snapshot's manifest that name a concrete region. */
function snapshotRegions(dir: string): Map<string, string> {
  const regions = new Map<string, string>();
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    return regions;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    const region = /^aws:\/\/[^/]*\/(.+)$/.exec(artifact.environment ?? '')?.[1];
    if (artifact.type === 'aws:cloudformation:stack' && region && region !== 'unknown-region' && artifact.properties?.templateFile) {
      regions.set(artifact.properties.templateFile, region);
    }
  }
  return regions;
}

/** A target for messages: its path (relative when inside the project) and where it came from. */
function describe(target: LintTarget): string {
  const relative = path.relative(ROOT, target.file);
  const file = relative.startsWith('..') ? target.file : relative;
  return target.origin ? `${file} (${target.origin})` : file;
}

/**
 * The cfn-lint to run: `$CFN_LINT` when set, else the project venv's (scripts/python-env.sh makes the venv
 * on first use, printing its progress on stderr, and prints its bin folder).
 */
export function cfnLintExecutable(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CFN_LINT) {
    return env.CFN_LINT;
  }
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'python-env.sh')], { env, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.error || r.status !== 0) {
    throw new Error(`cannot make the project's Python environment (bash scripts/python-env.sh ${r.error ? `could not start: ${r.error.message}` : `exited with ${r.status}`}); it needs python3 (3.10 or newer) with venv, and PyPI`);
  }
  return path.join(r.stdout.trim(), 'cfn-lint');
}

/** Run cfn-lint once over `files`; its findings, or throw with why it failed. */
function cfnLint(files: string[]): Promise<CfnLintMatch[]> {
  return new Promise((resolve, reject) => {
    const executable = cfnLintExecutable();
    const child = spawn(executable, ['--format', 'json', '--', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code === 'ENOENT'
      ? `cfn-lint is not installed at ${executable} (delete .cache/python to have scripts/python-env.sh make it again)`
      : `cannot run ${executable}: ${e.message}`)));
    child.on('close', (code) => {
      // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means it failed.
      let matches: CfnLintMatch[] | undefined;
      try {
        matches = JSON.parse(stdout);
      } catch {
        matches = undefined;
      }
      if (code === null || code % 2 === 1 || !Array.isArray(matches)) {
        reject(new Error(`cfn-lint failed (exit ${code}) on ${files.length} templates:\n${stderr || stdout}`));
      } else {
        resolve(matches);
      }
    });
  });
}

/**
 * Lint the targets in one cfn-lint process; print every finding and the summary line; the number of
 * errors. cfn-lint's `--regions` would apply to every file of the call, so instead each template is
 * copied to a temporary folder with its own regions in its `Metadata.cfn-lint.config`, which cfn-lint
 * reads per template: one process then lints every template in its own regions.
 */
export async function lint(targets: LintTarget[], log: (line: string) => void = console.log): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-templates-'));
  try {
    const copies = new Map<string, { target: LintTarget; regions: string[] }>();
    targets.forEach((target, i) => {
      const template = JSON.parse(fs.readFileSync(target.file, 'utf-8'));
      if (Object.keys(template.Resources ?? {}).length === 0) {
        // Such as the DeployAssert stack of an integ test without assertions. cfn-lint would call the
        // missing Resources an error (E1001); the CDK CLI does not deploy a stack without resources.
        log(`cfn-lint: ${describe(target)} has no resources, so nothing is deployed from it: skipped`);
        return;
      }
      const plan = planRegions(template, target.region);
      if (plan.note) {
        log(`cfn-lint: ${describe(target)} ${plan.note}`);
      }
      const metadata = template.Metadata ?? {};
      const own = metadata['cfn-lint'] ?? {};
      template.Metadata = { ...metadata, 'cfn-lint': { ...own, config: { ...own.config, regions: plan.regions } } };
      const copy = path.join(dir, `${i}-${path.basename(target.file)}`);
      fs.writeFileSync(copy, JSON.stringify(template, undefined, 1));
      copies.set(copy, { target, regions: plan.regions });
    });

    if (copies.size === 0) {
      throw new Error(`none of the ${targets.length} templates has resources: nothing to lint`);
    }
    const matches = await cfnLint([...copies.keys()]);
    let errors = 0;
    let warnings = 0;
    for (const m of matches) {
      const copy = copies.get(path.resolve(m.Filename));
      const where = copy ? `${describe(copy.target)} [${copy.regions.join(' ')}]` : m.Filename;
      const line = `${m.Rule.Id} ${where} at ${m.Location.Path.join('/')}: ${m.Message}`;
      if (m.Level === 'Error') {
        errors++;
        log(`ERROR ${line}`);
      } else if (m.Level === 'Warning') {
        warnings++;
        log(`WARNING ${line}`);
      }
    }
    const regions = new Set([...copies.values()].flatMap((c) => c.regions));
    const skipped = targets.length - copies.size;
    log(`cfn-lint: ${copies.size} templates linted (${regions.size} regions)${skipped ? `, ${skipped} without resources skipped` : ''}, ${errors} errors, ${warnings} warnings`);
    return errors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(args: string[]): Promise<number> {
  const targets = args.length > 0 ? args.map((a) => capturedTarget(path.resolve(a))) : suiteTargets();
  if (targets.length === 0) {
    console.error(`cfn-lint: no template to lint: neither ${path.relative(ROOT, TEMPLATES_DIR)} (run the unit tests first) nor any test/**/*.snapshot holds one`);
    return 1;
  }
  const errors = await lint(targets);
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`cfn-lint: ${e.message}`);
      process.exit(1);
    },
  );
}
