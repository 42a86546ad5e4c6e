/**
 * `npm run test:languages` (after compile and package-all): the reference app in Python, Java and Go
 * against its TypeScript twin.
 *
 * 1. Synthesizes the TypeScript twin (test/languages/typescript/app.ts) into its cdk.out.
 * 2. For each language: installs the package just built from dist/ and aws-cdk-lib 2.257.0 (downloads
 *    cached in .cache/), runs the app, which synthesizes into test/languages/<language>/cdk.out and
 *    prints two `@@check` lines (an invalid builder's error, an unknown instance type's warning).
 * 3. Compares each language's templates with the twin's (compare.ts) and re-checks the two results.
 *
 * Prints one line per check, and ends with `N passed, N failed`; exits 1 on any failure.
 * Arguments: the languages to run (default: python java go). Logs: test-reports/languages/<language>.log.
 * CDK_APPSTREAM_TWIN_DRIFT=1 adds a tag to the TypeScript twin only, to show the comparison fail.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { compareAssemblies, templateFiles } from './compare';
import { Check, checkError, checkWarning, defineReference, newReferenceApp } from './typescript/app';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(ROOT, 'test', 'languages');
const CACHE = path.join(ROOT, '.cache');
const LOGS = path.join(ROOT, 'test-reports', 'languages');
const LANGUAGES = ['python', 'java', 'go'] as const;
type Language = typeof LANGUAGES[number];

/** What a message must carry, whatever the exact wording (lib/image-builder.ts may change it). */
const ERROR_FRAGMENTS = ["'Checks/TwoSubnets'", 'vpcSubnets', 'exactly 1 subnet'];
const WARNING_FRAGMENTS = ['/Warnings/FutureType', 'cdk-appstream:imageBuilder:unknownInstanceType'];

interface Step {
  readonly what: string;
  readonly command: string;
  readonly args: string[];
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

interface Result {
  readonly language: string;
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

const results: Result[] = [];
function report(language: string, check: string, ok: boolean, detail: string): void {
  results.push({ language, check, ok, detail });
  console.log(`${language}: ${check}: ${ok ? 'ok' : 'FAILED'}${detail ? ` (${detail})` : ''}`);
}

function seconds(since: number): string {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}

/** Run steps in order, appending their output to the language's log; the first failure stops them. */
function runSteps(language: string, steps: Step[]): { ok: boolean; stdout: string } {
  const log = path.join(LOGS, `${language}.log`);
  let stdout = '';
  for (const step of steps) {
    const started = Date.now();
    fs.appendFileSync(log, `\n$ (cd ${path.relative(ROOT, step.cwd ?? ROOT) || '.'} && ${step.command} ${step.args.join(' ')})\n`);
    const r = spawnSync(step.command, step.args, {
      cwd: step.cwd ?? ROOT,
      env: { ...process.env, ...step.env },
      encoding: 'utf-8',
      maxBuffer: 256 * 1024 * 1024,
    });
    fs.appendFileSync(log, `${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.log(`${language}: ${step.what} (${seconds(started)})`);
    stdout = r.stdout ?? '';
    if (r.status !== 0) {
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n');
      console.log(`${language}: ${step.what} failed (exit ${r.status ?? r.signal}); last lines of ${path.relative(ROOT, log)}:`);
      console.log(output.slice(-30).map((l) => `    ${l}`).join('\n'));
      return { ok: false, stdout };
    }
  }
  return { ok: true, stdout };
}

/** The commands that install each language's dependencies and the package, then run the app. */
function languageSteps(language: Language): Step[] {
  const dir = path.join(HERE, language);
  const appArgs = ['cdk.out', 'checks.out'];
  switch (language) {
    case 'python': {
      const venv = path.join(CACHE, 'languages', 'python', 'venv');
      const py = path.join(venv, 'bin', 'python');
      const wheels = fs.existsSync(path.join(ROOT, 'dist', 'python'))
        ? fs.readdirSync(path.join(ROOT, 'dist', 'python')).filter((f) => f.endsWith('.whl')) : [];
      const env = { PIP_CACHE_DIR: path.join(CACHE, 'pip'), PYTHONDONTWRITEBYTECODE: '1' };
      const pip = (what: string, ...args: string[]): Step => ({ what, command: py, args: ['-m', 'pip', 'install', '--quiet', ...args], env });
      return [
        ...(fs.existsSync(py) ? [] : [{ what: 'create the virtual environment', command: 'python3', args: ['-m', 'venv', venv] }]),
        { what: 'remove the previous wheel', command: py, args: ['-m', 'pip', 'uninstall', '--quiet', '--yes', 'cdk-appstream'], env },
        pip(`install ${wheels.join(', ') || '(no wheel in dist/python)'} and requirements.txt`,
          '-r', path.join(dir, 'requirements.txt'), ...wheels.map((w) => path.join(ROOT, 'dist', 'python', w))),
        { what: 'run app.py', command: py, args: ['app.py', ...appArgs], cwd: dir, env },
      ];
    }
    case 'java': {
      const repo = path.join(CACHE, 'm2');
      const classpath = path.join(dir, 'target', 'classpath.txt');
      return [
        // Same version (0.0.0) every build: never let Maven reuse a copy of an earlier one.
        { what: 'forget earlier builds of cdk-appstream in .cache/m2', command: 'rm', args: ['-rf', path.join(repo, 'io', 'github', 'cdk-appstream')] },
        {
          what: 'mvn compile (dist/java, aws-cdk-lib 2.257.0)',
          command: 'mvn',
          args: ['--batch-mode', '--quiet', `-Dmaven.repo.local=${repo}`, 'compile', 'dependency:build-classpath'],
          cwd: dir,
        },
        {
          what: 'run ReferenceApp',
          command: 'bash',
          args: ['-c', `exec java -cp "target/classes:$(cat '${classpath}')" reference.ReferenceApp ${appArgs.join(' ')}`],
          cwd: dir,
        },
      ];
    }
    case 'go': {
      const gopath = path.join(CACHE, 'go');
      const env = {
        GOPATH: gopath,
        GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
        GOCACHE: path.join(gopath, 'build'),
        GOFLAGS: `${process.env.GOFLAGS ?? ''} -modcacherw -buildvcs=false`.trim(),
        GOTOOLCHAIN: 'local',
      };
      const bin = path.join(CACHE, 'languages', 'go', 'reference');
      return [
        { what: 'go build (dist/go, awscdk v2.257.0)', command: 'go', args: ['build', '-o', bin, '.'], cwd: dir, env },
        { what: 'run the app', command: bin, args: appArgs, cwd: dir, env },
      ];
    }
  }
}

/** The `@@check` lines an app printed. */
function parseChecks(stdout: string): Check[] {
  return stdout.split('\n').filter((l) => l.startsWith('@@check ')).map((l) => JSON.parse(l.slice('@@check '.length)));
}

/** Record the error and warning checks: the app's own verdict, confirmed against the fragments here. */
function reportChecks(language: string, checks: Check[]): void {
  for (const [name, label, fragments] of [
    ['error', 'invalid builder throws our message', ERROR_FRAGMENTS],
    ['warning', 'unknown instance type warns in the assembly', WARNING_FRAGMENTS],
  ] as const) {
    const check = checks.find((c) => c.name === name);
    if (!check) {
      report(language, label, false, 'the app reported no result');
      continue;
    }
    const missing = fragments.filter((f) => !check.detail.includes(f));
    const ok = check.ok && missing.length === 0;
    report(language, label, ok, ok ? oneLine(check.detail) : `${missing.length ? `lacks ${missing.join(', ')}: ` : ''}${check.detail}`);
  }
}

function oneLine(s: string, max = 320): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** Whether an assembly asked for context it did not have (a lookup): the apps must need none. */
function missingContext(outdir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
  return (manifest.missing ?? []).map((m: { key: string }) => m.key);
}

function main(): number {
  const started = Date.now();
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !(LANGUAGES as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`unknown language(s) ${unknown.join(', ')}; choose among ${LANGUAGES.join(', ')}`);
    return 2;
  }
  const languages = args.length > 0 ? (args as Language[]) : [...LANGUAGES];
  fs.rmSync(LOGS, { recursive: true, force: true });
  fs.mkdirSync(LOGS, { recursive: true });
  fs.mkdirSync(path.join(CACHE, 'languages', 'go'), { recursive: true });

  // The TypeScript twin: synthesized here, from lib/.
  const drift = process.env.CDK_APPSTREAM_TWIN_DRIFT === '1';
  const twinDir = path.join(HERE, 'typescript', 'cdk.out');
  fs.rmSync(twinDir, { recursive: true, force: true });
  const app = newReferenceApp(twinDir);
  defineReference(app, { drift });
  const twin = app.synth();
  console.log(`typescript: ${twin.stacks.length} templates in ${path.relative(ROOT, twinDir)}${drift ? ' (CDK_APPSTREAM_TWIN_DRIFT=1: with a tag the other languages lack)' : ''}`);
  reportChecks('typescript', [checkError(), checkWarning(path.join(HERE, 'typescript', 'checks.out'))]);

  for (const language of languages) {
    const langStarted = Date.now();
    const outdir = path.join(HERE, language, 'cdk.out');
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.rmSync(path.join(HERE, language, 'checks.out'), { recursive: true, force: true });
    const run = runSteps(language, languageSteps(language));

    const comparison = compareAssemblies(twinDir, outdir);
    const lookups = fs.existsSync(path.join(outdir, 'manifest.json')) ? missingContext(outdir) : [];
    const n = comparison.identical.length;
    const stripped = comparison.identicalAfterStripping.length;
    const templatesOk = run.stdout.includes('synthesized') && comparison.differences.length === 0 && lookups.length === 0;
    const expected = templateFiles(twinDir).length;
    if (templatesOk) {
      report(language, `${n} templates identical to TypeScript`, true, stripped ? `${stripped} after removing CDKMetadata` : 'byte for byte');
    } else {
      report(language, 'templates identical to TypeScript', false,
        `${n} of ${expected} identical, ${comparison.differences.length} differences${lookups.length ? `; lookups: ${lookups.join(', ')}` : ''}`);
      for (const d of comparison.differences.slice(0, 20)) {
        console.log(`    ${d}`);
      }
    }
    reportChecks(language, parseChecks(run.stdout));
    console.log(`${language}: ${seconds(langStarted)} in all`);
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log('');
  for (const language of ['typescript', ...languages]) {
    const mine = results.filter((r) => r.language === language);
    console.log(`${language}: ${mine.filter((r) => r.ok).length} of ${mine.length} checks passed`);
  }
  console.log(`test:languages took ${seconds(started)}; logs in ${path.relative(ROOT, LOGS)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
