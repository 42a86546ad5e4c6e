/**
 * The README's warnings table lists every warning id the library can emit, and nothing else. The names
 * come from lib/'s `warn('<name>'` calls and the kinds from its `new Validator(this, '<Kind>')` calls;
 * test/setup/warning-ids.ts checks, in every test, each id a warning really carries.
 */
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, test } from 'vitest';
import { Fleet, Image, InstanceType } from '../lib';
import { documentedWarningIds, libSources, libWarningNames } from './setup/warning-table';

/** The kinds of lib/'s validators, as they appear in ids (first letter lowered). */
function validatorKinds(): Set<string> {
  return new Set(libSources().flatMap((src) => [...src.matchAll(/new Validator\(this, '([A-Za-z]+)'\)/g)]
    .map((m) => `${m[1][0].toLowerCase()}${m[1].slice(1)}`)));
}

describe('the README warnings table', () => {
  const documented = documentedWarningIds();
  const names = libWarningNames();

  test('lib/ warns, and the table lists ids', () => {
    // The scans themselves find something: a broken pattern would make the tests below vacuous.
    expect(names.size).toBeGreaterThanOrEqual(10);
    expect(names).toContain('emailInTemplate');
    expect(validatorKinds()).toContain('imageBuilder');
    expect(documented).toContain('cdk-appstream:user:emailInTemplate');
  });

  test('every warning name of lib/ has a row', () => {
    const documentedNames = new Set([...documented].map((id) => id.split(':')[2]));
    expect([...names].filter((n) => !documentedNames.has(n))).toEqual([]);
  });

  test('every id of the table is one lib/ can emit: a warning name of lib/ and a kind of its validators', () => {
    // `construct`: an S3Location bound to a plain Construct (the kind is the class of the construct bound).
    const kinds = new Set([...validatorKinds(), 'construct']);
    const stale = [...documented].filter((id) => {
      const [, kind, name] = id.split(':');
      return !names.has(name) || !kinds.has(kind);
    });
    expect(stale).toEqual([]);
  });

  test('fails to find an id that is not in the table, in a table read from text', () => {
    const table = [
      '### Warnings and how to acknowledge them', '', '| warning id | what | fix |', '|---|---|---|',
      '| `cdk-appstream:fleet:a`<br>`cdk-appstream:stack:a` | `cdk-appstream:user:notAnId` in the text | x |', '',
      '### Next section', '| `cdk-appstream:fleet:later` | x | x |',
    ].join('\n');
    expect([...documentedWarningIds(table)]).toEqual(['cdk-appstream:fleet:a', 'cdk-appstream:stack:a']);
    expect(() => documentedWarningIds('# no table')).toThrow(/README.md has no section/);
  });

  test('a warning a construct makes carries an id of the table', () => {
    // Read from the construct's metadata, not a synthesized template: cfn-lint (rightly) refuses the
    // unknown instance type, and every synthesized template is linted.
    const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const fleet = new Fleet(stack, 'Fleet', { image: Image.fromName('MyImage-2026-11-30'), instanceType: InstanceType.of('stream.standard.future') });
    const warnings = fleet.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings).toHaveLength(1);
    const id = 'cdk-appstream:fleet:unknownInstanceType';
    expect(warnings[0]).toContain(`[ack: ${id}]`);
    expect(documented).toContain(id);
  });
});
