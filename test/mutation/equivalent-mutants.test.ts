/**
 * The equivalent mutants marked in the mutation configuration (scripts/stryker-equivalent.mjs), not in
 * lib/: each entry must still name exactly one node of its file, so that an entry whose code moved or
 * changed fails here instead of silently ignoring nothing (or something else).
 */
import * as fs from 'fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error an ES module of the mutation configuration, without types
import { EQUIVALENT, strykerPlugins } from '../../scripts/stryker-equivalent.mjs';

describe('equivalent mutants', () => {
  const ignorer = strykerPlugins[0].value as { shouldIgnore(path: unknown): string | undefined };
  test.each(EQUIVALENT as Array<{ file: string; type: string; code: string; reason: string }>)('$file: $code names one node, with its reason', async (entry) => {
    // Babel as Stryker's instrumenter uses it (a module without types: the specifier is not a literal)
    const babel: any = await import('@babel/core' as string);
    const ast = babel.parseSync(fs.readFileSync(entry.file, 'utf8'), {
      filename: entry.file, plugins: [['@babel/plugin-syntax-typescript', {}]], configFile: false, babelrc: false,
    });
    const hits: string[] = [];
    babel.traverse(ast, { enter(path: any) { const reason = ignorer.shouldIgnore(path); if (reason !== undefined) { hits.push(`${path.node.type}: ${reason}`); } } });
    expect(hits.filter((h) => h === `${entry.type}: ${entry.reason}`)).toHaveLength(1);
    expect(entry.reason).toMatch(/^equivalent: /);
  });
  test('no tool pragma is left in lib/', () => {
    const files = fs.readdirSync('lib', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.filter((f) => /Stryker disable|eslint-disable|@ts-ignore/.test(fs.readFileSync(`lib/${f}`, 'utf8')))).toEqual([]);
  });
});
