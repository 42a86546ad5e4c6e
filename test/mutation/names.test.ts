/**
 * Generated names (lib/private/names.ts, issue 14) where the construct path does not start with a
 * letter or digit: a stack whose construct id starts with `_` and whose stackName is given.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { resourceName } from '../../lib/private/names';
import { Validator } from '../../lib/private/validation';

describe('a generated name', () => {
  test('drops the leading characters the Name shape refuses, and keeps the rest and the hash', () => {
    const stack = new Stack(new App(), '__Odd', { stackName: 'Odd' });
    const name = resourceName(new Validator(new Construct(stack, '.-Builder'), 'ImageBuilder'), 'imageBuilderName', undefined, 'AWS::AppStream::ImageBuilder');
    expect(name).toMatch(/^Odd\.-Builder[0-9A-F]{8}$/);
  });

  test('with create-only values: the same start, then a hash of the values', () => {
    const stack = new Stack(new App(), '_-Odd', { stackName: 'Odd' });
    const name = resourceName(new Validator(new Construct(stack, 'Block'), 'Application'), 'applicationName', undefined, 'AWS::AppStream::Application', { platforms: ['WINDOWS'], instanceFamilies: ['GENERAL_PURPOSE'] });
    expect(name).toMatch(/^OddBlock[0-9A-F]{8}-[0-9a-f]{8}$/);
  });
});
