/**
 * The README's table of warning ids ("Warnings and how to acknowledge them"): every id the library can
 * emit, `cdk-appstream:<kind>:<name>`. Read by test/setup/warning-ids.ts (every warning a test makes must
 * be in it) and test/warnings.test.ts (every `warn('<name>'` of lib/ must be in it, and nothing else).
 */
import * as fs from 'fs';
import * as path from 'path';

export const README = path.join(__dirname, '..', '..', 'README.md');
export const WARNINGS_HEADING = '### Warnings and how to acknowledge them';

/** The ids in the table's first column, from `markdown` (the README's text). */
export function documentedWarningIds(markdown: string = fs.readFileSync(README, 'utf-8')): Set<string> {
  const start = markdown.indexOf(`${WARNINGS_HEADING}\n`);
  if (start < 0) {
    throw new Error(`README.md has no section '${WARNINGS_HEADING}'`);
  }
  const rest = markdown.slice(start + WARNINGS_HEADING.length);
  const section = rest.slice(0, rest.search(/^#{1,3} /m) >= 0 ? rest.search(/^#{1,3} /m) : undefined);
  const ids = new Set<string>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `cdk-appstream:'))) {
    const firstColumn = line.split('|')[1];
    for (const m of firstColumn.matchAll(/`(cdk-appstream:[A-Za-z]+:[A-Za-z]+)`/g)) {
      ids.add(m[1]);
    }
  }
  return ids;
}

const LIB = path.join(__dirname, '..', '..', 'lib');

/** The TypeScript sources of lib/. */
export function libSources(dir: string = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? libSources(file) : e.name.endsWith('.ts') ? [fs.readFileSync(file, 'utf-8')] : [];
  });
}

/** The warning names lib/ passes to Validator.warn (the first argument, a string literal). */
export function libWarningNames(): Set<string> {
  return new Set(libSources().flatMap((src) => [...src.matchAll(/\.warn\(\s*'([A-Za-z]+)'/g)].map((m) => m[1])));
}
