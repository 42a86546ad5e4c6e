/**
 * Self-tests of `npm run test:languages` that need no Python, Java or Go: the comparison fails when the
 * TypeScript twin changes without its twins, it removes nothing but the analytics resource, and the
 * README's examples are the code the language apps run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareAssemblies, jsonDifferences, stripLanguageMetadata } from './compare';
import { checkError, checkWarning, defineReference, newReferenceApp } from './typescript/app';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-appstream-languages-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synthTwin(name: string, drift = false): string {
  const outdir = path.join(tmp, name);
  const app = newReferenceApp(outdir);
  defineReference(app, { drift });
  app.synth();
  return outdir;
}

describe('the comparison of templates', () => {
  const first = synthTwin('first');

  test('finds two synths of the TypeScript twin identical, byte for byte, and the app needs no lookup', () => {
    const result = compareAssemblies(first, synthTwin('second'));
    expect(result.differences).toEqual([]);
    expect(result.identical).toEqual([
      'AppStreamRefDirectory.template.json',
      'AppStreamRefFleetStack.template.json',
      'AppStreamRefImageBuilder.template.json',
      'AppStreamRefNetwork.template.json',
    ]);
    expect(result.identicalAfterStripping).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf-8')).missing).toBeUndefined();
  });

  test('fails when the TypeScript twin changes without its twins (CDK_APPSTREAM_TWIN_DRIFT)', () => {
    const result = compareAssemblies(first, synthTwin('drift', true));
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.every((d) => d.startsWith('AppStreamRefImageBuilder.template.json: '))).toBe(true);
    expect(result.differences.join('\n')).toMatch(/Tags.*typescript-only|drift/);
  });

  test('fails on a missing or an extra template', () => {
    const partial = path.join(tmp, 'partial');
    fs.mkdirSync(partial);
    fs.copyFileSync(path.join(first, 'AppStreamRefNetwork.template.json'), path.join(partial, 'AppStreamRefNetwork.template.json'));
    fs.writeFileSync(path.join(partial, 'Extra.template.json'), '{}');
    expect(compareAssemblies(first, partial).differences).toEqual([
      'AppStreamRefDirectory.template.json: missing',
      'AppStreamRefFleetStack.template.json: missing',
      'AppStreamRefImageBuilder.template.json: missing',
      'Extra.template.json: not in the TypeScript twin',
    ]);
  });

  test('removes the analytics resource that names the language, and nothing else', () => {
    const withAnalytics = path.join(tmp, 'analytics');
    fs.mkdirSync(withAnalytics);
    for (const file of fs.readdirSync(first).filter((f) => f.endsWith('.template.json'))) {
      const template = JSON.parse(fs.readFileSync(path.join(first, file), 'utf-8'));
      template.Resources.CDKMetadata = { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:python' } };
      fs.writeFileSync(path.join(withAnalytics, file), JSON.stringify(template, undefined, 1));
    }
    const result = compareAssemblies(first, withAnalytics);
    expect(result.differences).toEqual([]);
    expect(result.identicalAfterStripping).toHaveLength(4);

    // A resource of that name but of another type is not the analytics resource.
    const impostor = { Resources: { CDKMetadata: { Type: 'AWS::SNS::Topic' } } };
    expect(stripLanguageMetadata(impostor)).toEqual(impostor);
    expect(jsonDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, '')).toEqual(['a[1].b: typescript 2 / other 3']);
  });
});

describe('the fleet and stack twin', () => {
  test('defines a scaled fleet, the AppStream stack and their association, with a portal allowed to create streaming URLs', () => {
    const outdir = synthTwin('fleet-stack');
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'AppStreamRefFleetStack.template.json'), 'utf-8'));
    const ofType = (type: string) => Object.entries<any>(template.Resources).filter(([, r]) => r.Type === type);
    const [[fleetId, fleet]] = ofType('AWS::AppStream::Fleet');
    const [[stackId]] = ofType('AWS::AppStream::Stack');
    const [[, association]] = ofType('AWS::AppStream::StackFleetAssociation');
    expect(fleet.Properties.Name).toBe('reference-fleet');
    // By reference to both L1s, which orders the association after them.
    expect(association.Properties).toEqual({ FleetName: { Ref: fleetId }, StackName: { Ref: stackId } });
    expect(ofType('AWS::ApplicationAutoScaling::ScalingPolicy')).toHaveLength(1);
    const statements = ofType('AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    expect(statements.map((st: any) => st.Action)).toContain('appstream:CreateStreamingURL');
  });
});

describe("the TypeScript twin's checks", () => {
  test('the invalid builder fails with our message', () => {
    const check = checkError();
    expect(check.ok).toBe(true);
    expect(check.detail).toContain("'Checks/TwoSubnets'");
  });

  test('the unknown instance type warns in the assembly', () => {
    const check = checkWarning(path.join(tmp, 'warnings'));
    expect(check.ok).toBe(true);
    expect(check.detail).toContain('cdk-appstream:imageBuilder:unknownInstanceType');
  });
});

/** The lines between `[readme:<name>]` and `[/readme:<name>]` in a source file, dedented. */
function region(file: string, name: string): string {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf-8').split('\n');
  const start = lines.findIndex((l) => l.includes(`[readme:${name}]`));
  const end = lines.findIndex((l) => l.includes(`[/readme:${name}]`));
  expect(start, `${file} marks no [readme:${name}] region`).toBeGreaterThanOrEqual(0);
  expect(end, `${file} does not close its [readme:${name}] region`).toBeGreaterThan(start);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return body.map((l) => l.slice(indent)).join('\n');
}

/** The code block that follows `<!-- example: <source> -->` in the README. */
function readmeExample(source: string): string | undefined {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const marker = readme.indexOf(`<!-- example: ${source} -->`);
  if (marker < 0) {
    return undefined;
  }
  const match = /```[a-z]*\n([\s\S]*?)\n```/.exec(readme.slice(marker));
  return match?.[1];
}

const LANGUAGE_APPS = [
  ['python', 'test/languages/python/app.py'],
  ['java', 'test/languages/java/src/main/java/reference/ReferenceApp.java'],
  ['go', 'test/languages/go/main.go'],
];

describe('the README', () => {
  test.each(LANGUAGE_APPS)('shows the %s image builder example that test:languages runs (%s)', (language, file) => {
    expect(readmeExample(file), `README.md has no example from ${file}`).toBe(region(file, language));
  });

  test.each(LANGUAGE_APPS)('shows the %s fleet and stack example that test:languages runs (%s)', (language, file) => {
    const source = `${file}#fleet-stack`;
    expect(readmeExample(source), `README.md has no example from ${source}`).toBe(region(file, `${language}:fleet-stack`));
  });

  test('states the aws-cdk-lib version that the language apps install', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).devDependencies['aws-cdk-lib'];
    for (const [file, pin] of [
      ['test/languages/python/requirements.txt', `aws-cdk-lib==${version}`],
      ['test/languages/java/pom.xml', `<cdk.version>${version}</cdk.version>`],
      ['test/languages/go/go.mod', `github.com/aws/aws-cdk-go/awscdk/v2 v${version}`],
    ]) {
      expect(fs.readFileSync(path.join(ROOT, file), 'utf-8'), file).toContain(pin);
    }
    expect(readme).toContain(`aws-cdk-lib==${version}`);
    expect(readme).toContain(`software.amazon.awscdk:aws-cdk-lib:${version}`);
    expect(readme).toContain(`github.com/aws/aws-cdk-go/awscdk/v2 v${version}`);
  });
});
