import { Token } from 'aws-cdk-lib';
import { describe, expect, test } from 'vitest';
import { InstanceType } from '../lib';
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
