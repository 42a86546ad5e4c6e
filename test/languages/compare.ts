/**
 * Compares the templates that two cloud assemblies hold, for `npm run test:languages` (run.ts) and
 * its self-test (languages.test.ts).
 *
 * Templates are compared byte for byte. Only if the bytes differ, one thing is removed from both and
 * they are compared again: the CDK's analytics resource (`Resources.CDKMetadata`, of type
 * `AWS::CDK::Metadata`, and `Conditions.CDKMetadataAvailable`), whose `Analytics` string names the
 * language the app runs in. Every app here turns analytics off (`analyticsReporting: false`), so it
 * should never be there; nothing else is ever removed.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The result of comparing one language's templates with the TypeScript twin's. */
export interface Comparison {
  /** Template file names (`<stack>.template.json`) found in both and identical. */
  readonly identical: string[];
  /** Of those, the ones identical only once the analytics resource was removed. */
  readonly identicalAfterStripping: string[];
  /** One line per difference: a missing or extra template, or the first differing JSON paths. */
  readonly differences: string[];
}

/** The `*.template.json` files directly in an assembly folder, sorted. */
export function templateFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort();
}

/** A template without the CDK's analytics resource (the only metadata that names the language). */
export function stripLanguageMetadata(template: any): any {
  const copy = JSON.parse(JSON.stringify(template));
  if (copy.Resources?.CDKMetadata?.Type === 'AWS::CDK::Metadata') {
    delete copy.Resources.CDKMetadata;
  }
  if (copy.Conditions?.CDKMetadataAvailable) {
    delete copy.Conditions.CDKMetadataAvailable;
    if (Object.keys(copy.Conditions).length === 0) {
      delete copy.Conditions;
    }
  }
  return copy;
}

/** Compare the templates of `actualDir` (a language's cdk.out) with those of `expectedDir` (the twin's). */
export function compareAssemblies(expectedDir: string, actualDir: string, maxDiffsPerTemplate = 5): Comparison {
  const expected = templateFiles(expectedDir);
  const actual = templateFiles(actualDir);
  const identical: string[] = [];
  const identicalAfterStripping: string[] = [];
  const differences: string[] = [];
  if (expected.length === 0) {
    differences.push(`the TypeScript twin wrote no template into ${expectedDir}`);
  }
  for (const file of expected.filter((f) => !actual.includes(f))) {
    differences.push(`${file}: missing`);
  }
  for (const file of actual.filter((f) => !expected.includes(f))) {
    differences.push(`${file}: not in the TypeScript twin`);
  }
  for (const file of expected.filter((f) => actual.includes(f))) {
    const a = fs.readFileSync(path.join(expectedDir, file));
    const b = fs.readFileSync(path.join(actualDir, file));
    if (a.equals(b)) {
      identical.push(file);
      continue;
    }
    // CDK writes templates as JSON.stringify(template, undefined, 1): written the same way, the
    // stripped templates are compared byte for byte too.
    const sa = JSON.stringify(stripLanguageMetadata(JSON.parse(a.toString('utf-8'))), undefined, 1);
    const sb = JSON.stringify(stripLanguageMetadata(JSON.parse(b.toString('utf-8'))), undefined, 1);
    if (sa === sb) {
      identical.push(file);
      identicalAfterStripping.push(file);
      continue;
    }
    const diffs = jsonDifferences(JSON.parse(sa), JSON.parse(sb), '');
    differences.push(...diffs.slice(0, maxDiffsPerTemplate).map((d) => `${file}: ${d}`));
    if (diffs.length > maxDiffsPerTemplate) {
      differences.push(`${file}: ... and ${diffs.length - maxDiffsPerTemplate} more differences`);
    }
    if (diffs.length === 0) {
      differences.push(`${file}: same JSON, different key order or formatting`);
    }
  }
  return { identical, identicalAfterStripping, differences };
}

/** Where two JSON values differ: `path: typescript <value> / other <value>`, in document order. */
export function jsonDifferences(a: unknown, b: unknown, at: string): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    return keys.flatMap((k) => jsonDifferences(a[k], b[k], at ? `${at}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, i) => jsonDifferences(a[i], b[i], `${at}[${i}]`)).flat();
  }
  if (JSON.stringify(a) === JSON.stringify(b)) {
    return [];
  }
  return [`${at || '(root)'}: typescript ${show(a)} / other ${show(b)}`];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(x: unknown): string {
  if (x === undefined) {
    return '(absent)';
  }
  const s = JSON.stringify(x);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
