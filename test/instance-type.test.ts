import { App, Stack, Token } from 'aws-cdk-lib';
import { describe, expect, test } from 'vitest';
import { Fleet, Image, InstanceType } from '../lib';
import { oneEditApart } from '../lib/private/instance';
import { FLEET_INSTANCE_TYPES, IMAGE_BUILDER_INSTANCE_TYPES } from '../lib/private/rules';

describe('InstanceType', () => {
  test('has a constant for every image-builder and fleet instance type in the rules', () => {
    const constants = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType);
    expect(constants.map((t) => t.name).sort()).toEqual([...new Set([...IMAGE_BUILDER_INSTANCE_TYPES, ...FLEET_INSTANCE_TYPES])].sort());
    expect(InstanceType.STANDARD_2XLARGE.name).toBe('stream.standard.2xlarge');
    expect(InstanceType.GRAPHICS_GR6F_4XLARGE.name).toBe('stream.graphics.gr6f.4xlarge');
    expect(InstanceType.STANDARD_SMALL.toString()).toBe('stream.standard.small');
  });

  test('of() accepts a stream. name the library does not list', () => {
    const t = InstanceType.of('stream.future.9xlarge');
    expect(t.name).toBe('stream.future.9xlarge');
  });

  test('fails of() with an EC2 instance type', () => {
    expect(() => InstanceType.of('m5.large')).toThrow(/InstanceType.of\(\): instance type "m5.large" must start with 'stream.'/);
  });

  test('of() passes a token through unchecked', () => {
    const token = Token.asString({ Ref: 'InstanceTypeParam' });
    expect(InstanceType.of(token).name).toBe(token);
  });
});

describe('a type one edit from a known one: the warning suggests it', () => {
  // Read from the construct's metadata, not a synthesized template: cfn-lint rightly refuses the types.
  function warningsFor(name: string): string[] {
    const stack = new Stack(new App(), 'Stack');
    const f = new Fleet(stack, 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.of(name) });
    return f.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
  }

  test.each([
    ['stream.standard.meduim', 'a swap'],
    ['stream.standard.mediu', 'a character left out'],
    ['stream.standard.mediumm', 'a character too many'],
    ['stream.standard.madium', 'a character changed'],
  ])('fails to be silent on %s (%s): did you mean stream.standard.medium?', (name) => {
    expect(warningsFor(name)).toEqual([expect.stringContaining(`instanceType '${name}' is not one of the fleet instance types this library knows`)]);
    expect(warningsFor(name)[0]).toContain("Did you mean 'stream.standard.medium'?");
  });

  test('a type two edits from every known one warns without a suggestion', () => {
    const [warning] = warningsFor('stream.future.large');
    expect(warning).toContain("instanceType 'stream.future.large' is not one of the fleet instance types");
    expect(warning).not.toContain('Did you mean');
  });

  test('oneEditApart: equal strings, and two edits, are not one edit apart', () => {
    expect(oneEditApart('abc', 'abc')).toBe(false);
    expect(oneEditApart('abcd', 'badc')).toBe(false);
    expect(oneEditApart('abc', 'a')).toBe(false);
    expect(oneEditApart('abc', 'acb')).toBe(true);
    expect(oneEditApart('', 'a')).toBe(true);
  });

  test('oneEditApart: a swap is of two neighbours, each in the other\'s place; a change and a removal are two edits', () => {
    expect(oneEditApart('meduim', 'medium')).toBe(true);
    expect(oneEditApart('ab', 'ba')).toBe(true);
    expect(oneEditApart('ab', 'bc')).toBe(false); // only the second character moved
    expect(oneEditApart('ab', 'ca')).toBe(false); // only the first
    expect(oneEditApart('abc', 'ba')).toBe(false); // three characters against two
    expect(oneEditApart('ab', 'bax')).toBe(false);
    expect(oneEditApart('pabq', 'pcq')).toBe(false); // a change and a removal
    expect(oneEditApart('pabq', 'pacq')).toBe(true); // one change
  });
});
