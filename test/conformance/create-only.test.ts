/**
 * [cfn] Generated names follow the create-only properties of their resource type: the table
 * lib/private/create-only.ts equals the schemas' createOnlyProperties in scripts/cfn-limits.json,
 * and resourceName refuses create-only values that are not exactly the type's (the name aside), so every
 * construct that generates a name hashes exactly those.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { CREATE_ONLY_PROPERTIES } from '../../lib/private/create-only';
import { createOnlyKeys, resourceName } from '../../lib/private/names';
import { Validator } from '../../lib/private/validation';

const cfn = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'scripts', 'cfn-limits.json'), 'utf-8'));

describe('create-only properties', () => {
  test('the table is the schemas\' createOnlyProperties, top level, for every AppStream type', () => {
    const fromSchemas = Object.fromEntries(Object.entries(cfn.resources as Record<string, { createOnlyProperties: string[] }>)
      .map(([type, r]) => [type, r.createOnlyProperties.filter((p) => !p.includes('.'))]));
    expect(CREATE_ONLY_PROPERTIES).toEqual(fromSchemas);
  });

  test('resourceName takes exactly the create-only values of the type, the name aside, as L1 props', () => {
    const v = new Validator(new Construct(new Stack(new App(), 'S'), 'F'), 'Fleet');
    expect(createOnlyKeys('AWS::AppStream::Fleet')).toEqual(['fleetType']);
    expect(createOnlyKeys('AWS::AppStream::ImageBuilder')).toEqual([]);
    expect(resourceName(v, 'fleetName', undefined, 'AWS::AppStream::Fleet', { fleetType: 'ON_DEMAND' })).toMatch(/^SF[0-9A-F]{8}-[0-9a-f]{8}$/);
  });

  test('fails for a construct that passes other values, or none', () => {
    const v = new Validator(new Construct(new Stack(new App(), 'S'), 'F'), 'Fleet');
    expect(() => resourceName(v, 'fleetName', undefined, 'AWS::AppStream::Fleet')).toThrow('AWS::AppStream::Fleet: the generated name must follow the create-only properties fleetType, not (none)');
    expect(() => resourceName(v, 'fleetName', undefined, 'AWS::AppStream::Fleet', { fleetType: 'X', instanceType: 'Y' })).toThrow(/not fleetType, instanceType/);
    expect(() => resourceName(v, 'fleetName', undefined, 'AWS::AppStream::Nothing')).toThrow('AWS::AppStream::Nothing has no create-only properties on record');
  });
});
