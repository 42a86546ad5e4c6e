/**
 * The cfn-lint step (scripts/cfn-lint-templates.ts, the `test:cfn-lint` task): which regions it lints a
 * template in, and that it fails on a bad template. Only the last test runs cfn-lint (one call).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { LINT_REGIONS, lint, planRegions } from '../../scripts/cfn-lint-templates';

const ROOT = path.join(__dirname, '..', '..');

function imageBuilderTemplate(extra: Record<string, unknown> = {}) {
  return {
    Resources: {
      Builder: {
        Type: 'AWS::AppStream::ImageBuilder',
        Properties: { Name: 'builder', InstanceType: 'stream.standard.medium', ImageName: 'AppStream-WinServer2022-06-17-2024', ...extra },
      },
    },
  };
}

/** Run the script on `files` the way the test task does. */
function runScript(files: string[], env: NodeJS.ProcessEnv = process.env) {
  const tsNode = require.resolve('ts-node/dist/bin.js');
  const result = spawnSync(process.execPath, [tsNode, '--transpile-only', '--project', 'tsconfig.dev.json', 'scripts/cfn-lint-templates.ts', ...files], {
    cwd: ROOT,
    env,
    encoding: 'utf-8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('planRegions', () => {
  test('lints a region-agnostic template in the four lint regions', () => {
    expect(LINT_REGIONS).toEqual(['us-east-1', 'us-west-2', 'eu-west-2', 'ap-northeast-1']);
    expect(planRegions(imageBuilderTemplate())).toEqual({ regions: LINT_REGIONS });
  });

  test('lints a template in its own concrete region only', () => {
    expect(planRegions(imageBuilderTemplate(), 'ca-central-1')).toEqual({ regions: ['ca-central-1'] });
    expect(planRegions(imageBuilderTemplate({ DisableIMDSV1: true }), 'ca-central-1')).toEqual({ regions: ['ca-central-1'] });
  });

  test('lints a template that sets what its own region lacks (the construct warned) where it exists, and says so', () => {
    const plan = planRegions(imageBuilderTemplate({ DisableIMDSV1: true }), 'us-east-1');
    expect(plan.regions).toEqual(['eu-west-2']);
    expect(plan.note).toMatch(/^its region us-east-1 lacks AWS::AppStream::ImageBuilder.DisableIMDSV1, which the construct warns of; sets .*: linted in eu-west-2$/);
  });

  test('lints a region-agnostic template that sets DisableIMDSV1 only where the schema has it, and says so', () => {
    const plan = planRegions(imageBuilderTemplate({ DisableIMDSV1: true }));
    expect(plan.regions).toEqual(['eu-west-2']);
    expect(plan.note).toBe('sets AWS::AppStream::ImageBuilder.DisableIMDSV1 (not in us-east-1, us-west-2, ap-northeast-1): linted in eu-west-2');
  });

  test('falls back to the first region that has every property when no lint region has them', () => {
    const plan = planRegions(imageBuilderTemplate({ DisableIMDSV1: true }), undefined, ['us-east-1']);
    expect(plan.regions).toEqual(['ap-southeast-5']);
  });

  test('lints a template whose region cfn-lint does not know like a region-agnostic one', () => {
    const plan = planRegions(imageBuilderTemplate(), 'xx-nowhere-1');
    expect(plan.regions).toEqual(LINT_REGIONS);
    expect(plan.note).toMatch(/its region xx-nowhere-1 is unknown to cfn-lint: linted in us-east-1/);
  });
});

describe('scripts/cfn-lint-templates.ts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-harness-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, template: object) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(template, undefined, 1));
    return file;
  };

  test('skips a template without resources, and fails when that leaves nothing to lint', async () => {
    const empty = write('empty.template.json', { Parameters: { BootstrapVersion: { Type: 'String' } } });
    const lines: string[] = [];
    await expect(lint([{ file: empty }], (line) => lines.push(line))).rejects.toThrow(/none of the 1 templates has resources: nothing to lint/);
    expect(lines).toEqual([expect.stringMatching(/empty\.template\.json has no resources, so nothing is deployed from it: skipped$/)]);
  });

  test('fails when cfn-lint is missing', () => {
    const good = write('missing.template.json', imageBuilderTemplate());
    const missing = path.join(dir, 'no-such-bin', 'cfn-lint');
    const { status, output } = runScript([good], { ...process.env, CFN_LINT: missing });
    expect(status).toBe(1);
    expect(output).toContain(`cfn-lint: cfn-lint is not installed at ${missing}`);
  });

  test('runs the project venv\'s cfn-lint, not the machine\'s', () => {
    // The venv's bin folder (scripts/python-env.sh makes the venv on first use), and a PATH of nothing but
    // a fake cfn-lint that fails, besides bash and python3: the script must not pick it up.
    const venvBin = spawnSync('bash', ['scripts/python-env.sh'], { cwd: ROOT, encoding: 'utf-8' }).stdout.trim();
    expect(fs.existsSync(path.join(venvBin, 'cfn-lint'))).toBe(true);
    const fakeBin = path.join(dir, 'fake-bin');
    fs.mkdirSync(fakeBin, { recursive: true });
    fs.writeFileSync(path.join(fakeBin, 'cfn-lint'), '#!/bin/sh\necho machine cfn-lint >&2\nexit 1\n', { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: [fakeBin, ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter) };
    delete env.CFN_LINT;
    const good = write('venv.template.json', imageBuilderTemplate());
    const { status, output } = runScript([good], env);
    expect(output).not.toContain('machine cfn-lint');
    expect(status).toBe(0);
    expect(output).toMatch(/^cfn-lint: 1 templates linted \(4 regions\), 0 errors, 0 warnings$/m);
  }, 900_000); // a first run makes the venv (1 to 8 minutes; the test tasks make it before vitest)

  test('fails on a template with 5 access endpoints and an unknown property, and passes a good one', () => {
    const good = write('good.template.json', imageBuilderTemplate());
    const bad = write('bad.template.json', imageBuilderTemplate({
      Bogus: true,
      AccessEndpoints: Array.from({ length: 5 }, () => ({ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' })),
    }));
    const { status, output } = runScript([good, bad]);
    expect(status).toBe(1);
    expect(output).toMatch(/^ERROR E3032 .*bad\.template\.json \[us-east-1 us-west-2 eu-west-2 ap-northeast-1\] at Resources\/Builder\/Properties\/AccessEndpoints: expected maximum item count: 4, found: 5$/m);
    expect(output).toMatch(/^ERROR E3002 .*bad\.template\.json .*'Bogus' was unexpected/m);
    expect(output).not.toMatch(/good\.template\.json/);
    expect(output).toMatch(/^cfn-lint: 2 templates linted \(4 regions\), 2 errors, 0 warnings$/m);
  });
});
