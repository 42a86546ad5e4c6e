/**
 * The small helpers of lib/private (issue 14): generated and claimed names, deployment targets, context
 * lookups, props without nulls, removal policies, tags and region support, each pinned by its output.
 */
import { App, Aws, NestedStack, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { Image, InstanceType } from '../../lib';
import { API_TYPES } from '../../lib/private/api-types.generated';
import { checkArguments } from '../../lib/private/boundary';
import { unsupportedProperties, warnIfNotInRegion } from '../../lib/private/cfn-region-support';
import { deploymentTarget, isLookupDummy, lookupsPending } from '../../lib/private/environment';
import { claimUniqueName, resourceName } from '../../lib/private/names';
import { applyRemovalPolicy } from '../../lib/private/props';
import { applyTags } from '../../lib/private/tags';
import { Validator } from '../../lib/private/validation';

const ENV = { account: '123456789012', region: 'us-east-1' };

function thing(stack: Stack, id = 'Thing', kind = 'ImageBuilder'): Validator {
  return new Validator(new Construct(stack, id), kind);
}

describe('resourceName', () => {
  test('a name given is checked and kept', () => {
    const v = thing(new Stack(new App(), 'Stack'));
    expect(resourceName(v, 'imageBuilderName', 'golden', 'AWS::AppStream::ImageBuilder')).toBe('golden');
    expect(() => resourceName(thing(new Stack(new App(), 'S2')), 'imageBuilderName', 'bad name', 'AWS::AppStream::ImageBuilder'))
      .toThrow("ImageBuilder 'S2/Thing': imageBuilderName \"bad name\" must be 1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$): character 4 ' ' is not allowed. Use only letters, digits, _ . - and start with a letter or digit, or leave imageBuilderName out to get a generated name.");
  });

  test('a name taken: the holder, and the fix', () => {
    const stack = new Stack(new App(), 'Stack');
    resourceName(thing(stack, 'A', 'Stack'), 'stackName', 'twin', 'AWS::AppStream::Stack');
    expect(() => resourceName(thing(stack, 'B', 'Stack'), 'stackName', 'twin', 'AWS::AppStream::Stack'))
      .toThrow("Stack 'Stack/B': stackName \"twin\" is already used by 'Stack/A' in the same account and region. Give each stack its own name, or leave stackName out to get a generated one.");
  });

  test('a generated name comes from the construct path, within 100 characters', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(resourceName(thing(stack, 'My-Builder_1.x'), 'p', undefined, 'AWS::AppStream::ImageBuilder')).toMatch(/^StackMy-Builder_1\.x[0-9A-F]{8}$/);
    const long = resourceName(thing(stack, 'L'.repeat(150)), 'p', undefined, 'AWS::AppStream::ImageBuilder');
    expect(long.length).toBe(100);
  });

  test('a generated name starts with the stack name, so with a letter, whatever the construct ids', () => {
    const app = new App();
    expect(resourceName(thing(new Stack(app, 'S'), '._-x'), 'p', undefined, 'AWS::AppStream::ImageBuilder')).toMatch(/^S\._-x[0-9A-F]{8}$/);
    const nested = new NestedStack(new Stack(app, 'Top'), '_N');
    expect(resourceName(thing(nested as unknown as Stack, '-y'), 'p', undefined, 'AWS::AppStream::ImageBuilder')).toMatch(/^Top_N-y[0-9A-F]{8}$/);
  });
});

describe('claimUniqueName', () => {
  test('per kind, per app, per deployment target; tokens claim nothing', () => {
    const app = new App();
    const a = new Stack(app, 'A', { env: ENV });
    const b = new Stack(app, 'B', { env: ENV });
    const c = new Stack(app, 'C', { env: { ...ENV, region: 'eu-west-1' } });
    const x = new Construct(a, 'X');
    expect(claimUniqueName(x, 'Fleet', 'n')).toBeUndefined();
    expect(claimUniqueName(new Construct(b, 'Y'), 'Fleet', 'n')).toBe('A/X');
    expect(claimUniqueName(new Construct(b, 'Z'), 'Stack', 'n')).toBeUndefined();
    expect(claimUniqueName(new Construct(c, 'W'), 'Fleet', 'n')).toBeUndefined();
    expect(claimUniqueName(new Construct(new Stack(new App(), 'A', { env: ENV }), 'V'), 'Fleet', 'n')).toBeUndefined();
    // kind, target and name are kept apart: 'stack P' + 'xy' is not 'stack Px' + 'y'
    const p = new Stack(app, 'P');
    const px = new Stack(app, 'Px');
    expect(claimUniqueName(new Construct(p, 'N1'), 'Fleet', 'xy')).toBeUndefined();
    expect(claimUniqueName(new Construct(px, 'N2'), 'Fleet', 'y')).toBeUndefined();
    expect(claimUniqueName(new Construct(a, 'T1'), 'Fleet', Aws.STACK_NAME)).toBeUndefined();
    expect(claimUniqueName(new Construct(a, 'T2'), 'Fleet', Aws.STACK_NAME)).toBeUndefined();
  });
});

describe('deploymentTarget', () => {
  test('account and region when both are known', () => {
    expect(deploymentTarget(new Stack(new App(), 'S', { env: ENV }))).toBe('123456789012/us-east-1');
  });
  test('else the top-level stack, through nested stacks', () => {
    const app = new App();
    const top = new Stack(app, 'Top', { env: { region: 'us-east-1' } });
    const nested = new NestedStack(new NestedStack(top, 'N1'), 'N2');
    expect(deploymentTarget(new Construct(nested, 'X'))).toBe('stack Top');
    expect(deploymentTarget(new Stack(app, 'Acc', { env: { account: '123456789012' } }))).toBe('stack Acc');
  });
});

describe('lookups', () => {
  function withMissing(stack: Stack) {
    stack.reportMissingContextKey({ key: 'k', provider: 'ssm' as any, props: { account: '1', region: 'r', parameterName: 'p' } as any });
  }
  test('lookupsPending: any stack of the app, whichever stack the scope is in', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const other = new Stack(new App(), 'Other');
    expect(lookupsPending(a)).toBe(false);
    withMissing(b);
    expect(lookupsPending(a)).toBe(true);
    expect(lookupsPending(b)).toBe(true);
    expect(lookupsPending(other)).toBe(false);
  });
  test('isLookupDummy: a dummy string while a lookup is pending', () => {
    const stack = new Stack(new App(), 'A');
    expect(isLookupDummy(stack, 'dummy-value-for-p')).toBe(false);
    withMissing(stack);
    expect(isLookupDummy(stack, 'dummy-value-for-p')).toBe(true);
    expect(isLookupDummy(stack, 'xdummy-value-for-p')).toBe(false);
    expect(isLookupDummy(stack, 5)).toBe(false);
  });
});

describe('props', () => {
  test('the boundary makes null absent: an optional parameter, and a struct\'s fields at every depth (withoutNulls did the top level only)', () => {
    const where = { prefix: 'X: ', isConstructor: true };
    const [, , props] = checkArguments(where, API_TYPES.Fleet.kind === 'class' ? API_TYPES.Fleet.init! : [], [new Stack(new App(), 'S'), 'F',
      { image: Image.fromName('i'), instanceType: InstanceType.STANDARD_MEDIUM, displayName: null, vpcSubnets: { subnetType: null } }]) as any[];
    expect(props).toEqual({ image: expect.anything(), instanceType: expect.anything(), vpcSubnets: {} });
    expect(checkArguments(where, [{ name: 'options', type: 'UserSettingOptions', optional: true }], [null])).toEqual([undefined]);
  });

  test('removal policy: DESTROY by default, or the one given', () => {
    const stack = new Stack(new App(), 'S');
    const r1 = new sns.CfnTopic(stack, 'R1');
    applyRemovalPolicy(r1, undefined);
    const r2 = new sns.CfnTopic(stack, 'R2');
    applyRemovalPolicy(r2, RemovalPolicy.RETAIN);
    const t = Template.fromStack(stack).toJSON();
    expect(t.Resources[stack.getLogicalId(r1)].DeletionPolicy).toBe('Delete');
    expect(t.Resources[stack.getLogicalId(r2)].DeletionPolicy).toBe('Retain');
  });
});

describe('applyTags', () => {
  function tagged(tags: any, stackTags?: Record<string, string>) {
    const app = new App();
    const stack = new Stack(app, 'S', { tags: stackTags });
    const v = thing(stack);
    const topic = new sns.CfnTopic(v.scope, 'Resource');
    applyTags(v, topic, topic.tags, tags);
    return { app, stack, v, topic };
  }

  test('fails a list or a string of tags, with the fix', () => {
    expect(() => tagged([{ Key: 'a', Value: 'b' }])).toThrow("ImageBuilder 'S/Thing': tags [{\"Key\":\"a\",\"Value\":\"b\"}] must be a map of keys to values. Give tags as a map from each key to its value, such as the key team with the value desktops (not as CloudFormation's list of Key and Value pairs).");
    expect(() => tagged('team=x')).toThrow(/tags "team=x" must be a map of keys to values/);
    expect(() => tagged(null)).not.toThrow();
    expect(() => tagged(undefined)).not.toThrow();
  });

  test('every problem of the tags at once, one a line', () => {
    expect(() => tagged({ 'aws:x': 'v', 'ok': 'a#b', '': 'x' })).toThrow([
      "ImageBuilder 'S/Thing': tag key \"aws:x\" must be letters, digits, spaces and _ . : / = + - @, and not starting with 'aws:' (pattern ^(^(?!aws:).[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$). Rename the tag (keys starting with 'aws:' are reserved for AWS).",
      "ImageBuilder 'S/Thing': tag 'ok' value \"a#b\" must be letters, digits, spaces and _ . : / = + - @ (pattern ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$): character 2 '#' is not allowed. Change the value.",
      "ImageBuilder 'S/Thing': tag key \"\" must not be empty. Rename the tag (keys starting with 'aws:' are reserved for AWS).",
    ].join('\n'));
  });

  test('a value that is not a string', () => {
    expect(() => tagged({ team: 5 })).toThrow("ImageBuilder 'S/Thing': tag 'team' value 5 must be a string. Change the value.");
  });

  test('51 tags fail, 50 pass, none pass', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(() => tagged(many(50))).not.toThrow();
    expect(() => tagged({})).not.toThrow();
    expect(() => tagged(many(51))).toThrow("ImageBuilder 'S/Thing': tags must have at most 50 tags (it has 51), counting tags added with Tags.of(). Remove tags, or exclude this resource type from broad Tags.of() calls (excludeResourceTypes).");
  });

  test('at synthesis: the stack tags count, and the inner stack wins a key', () => {
    const many = (n: number, p = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${p}${i}`, 'v']));
    const a = tagged(many(30), many(20, 's'));
    expect(() => a.app.synth()).not.toThrow();
    const b = tagged(many(30), many(21, 's'));
    expect(() => b.app.synth()).toThrow(/tags must have at most 50 tags \(it has 51\), counting tags added with Tags.of\(\)/);
    const c = tagged({}, { 'aws:bad': 'x' });
    expect(() => c.app.synth()).toThrow(/tag key "aws:bad"/);
    const d = tagged(many(50), many(50));
    expect(() => d.app.synth()).not.toThrow();
  });

  test('tags of a nested stack and of its parent reach the resource; the inner value of a key wins', () => {
    const app = new App();
    const top = new Stack(app, 'Top', { tags: { team: 'a#b' } });
    const nested = new NestedStack(top, 'N');
    (nested.tags as any).setTag('team', 'inner');
    const v = thing(nested as unknown as Stack);
    const topic = new sns.CfnTopic(v.scope, 'Resource');
    applyTags(v, topic, topic.tags, {});
    expect(() => app.synth()).not.toThrow();
    const app2 = new App();
    const top2 = new Stack(app2, 'Top', { tags: { team: 'a#b' } });
    const v2 = thing(new NestedStack(top2, 'N') as unknown as Stack);
    const topic2 = new sns.CfnTopic(v2.scope, 'Resource');
    applyTags(v2, topic2, topic2.tags, {});
    expect(() => app2.synth()).toThrow(/tag 'team' value "a#b"/);
  });

  test('tags go to the resource given, by Tags.of(), and to nothing else', () => {
    const stack = new Stack(new App(), 'S');
    const v = thing(stack);
    const topic = new sns.CfnTopic(v.scope, 'Resource');
    const other = new sns.CfnTopic(v.scope, 'Other');
    applyTags(v, topic, topic.tags, { team: 'desktops' });
    const t = Template.fromStack(stack).toJSON();
    expect(t.Resources[stack.getLogicalId(topic)].Properties.Tags).toEqual([{ Key: 'team', Value: 'desktops' }]);
    expect(t.Resources[stack.getLogicalId(other)].Properties).toBeUndefined();
  });

  test('tags added later with Tags.of() are checked at synthesis', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const v = thing(stack);
    const topic = new sns.CfnTopic(v.scope, 'Resource');
    applyTags(v, topic, topic.tags, undefined);
    expect(() => app.synth()).not.toThrow();
    Tags.of(stack).add('aws:late', 'x');
    expect(() => new App().synth()).not.toThrow();
    const app2 = new App();
    const stack2 = new Stack(app2, 'S');
    const v2 = thing(stack2);
    const topic2 = new sns.CfnTopic(v2.scope, 'Resource');
    applyTags(v2, topic2, topic2.tags, undefined);
    Tags.of(stack2).add('late', 'a#b');
    expect(() => app2.synth()).toThrow("ImageBuilder 'S/Thing': tag 'late' value \"a#b\" must be letters, digits, spaces and _ . : / = + - @ (pattern ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$): character 2 '#' is not allowed. Change the value.");
  });
});

describe('region support', () => {
  test('unsupportedProperties: unknown type or region, none; a region without the type, all', () => {
    expect(unsupportedProperties('AWS::Nope::Thing', 'us-east-1', ['A'])).toEqual([]);
    expect(unsupportedProperties('AWS::AppStream::ImageBuilder', 'xx-nowhere-9', ['DisableIMDSV1'])).toEqual([]);
    expect(unsupportedProperties('AWS::AppStream::ImageBuilder', 'us-east-1', ['DisableIMDSV1', 'Name'])).toEqual(['DisableIMDSV1']);
    expect(unsupportedProperties('AWS::AppStream::ImageBuilder', 'eu-west-2', ['DisableIMDSV1', 'Name'])).toEqual([]);
  });

  test('warnIfNotInRegion: the ids and words, nothing for an unknown region', () => {
    const region = (r: string | undefined) => {
      const stack = new Stack(new App(), 'S', r ? { env: { region: r } } : undefined);
      const v = thing(stack);
      warnIfNotInRegion(v, 'AWS::AppStream::ImageBuilder', { DisableIMDSV1: 'requireImdsv2', Name: 'imageBuilderName' });
      return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => w.entry.data);
    };
    expect(region(undefined)).toEqual([]);
    expect(region('eu-west-2')).toEqual([]);
    const [w] = region('us-east-1');
    expect(w).toMatch(/^CloudFormation in us-east-1 does not offer AWS::AppStream::ImageBuilder.DisableIMDSV1 \(per cfn-lint's schemas\), so the deployment would fail there\. Leave requireImdsv2 out in us-east-1, or deploy to a region that has it — DisableIMDSV1 \(set by requireImdsv2\): [a-z0-9-]+(, [a-z0-9-]+)*\. \[ack: cdk-appstream:imageBuilder:propertyNotInRegion\]$/);
    expect(w).toContain('eu-west-2');
    // two properties missing: each with its regions (', ' between regions, '; ' between properties)
    const stack = new Stack(new App(), 'T', { env: { region: 'us-west-1' } });
    warnIfNotInRegion(thing(stack, 'Fleet', 'Fleet'), 'AWS::AppStream::Fleet', { DisableIMDSV1: 'requireImdsv2', RootVolumeConfig: 'rootVolumeSize' });
    const [two] = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((x) => String(x.entry.data));
    expect(two).toMatch(/ — DisableIMDSV1 \(set by requireImdsv2\): ap-northeast-1, ap-northeast-2, [a-z0-9, -]+; RootVolumeConfig \(set by rootVolumeSize\): ap-northeast-1, ap-northeast-2, [a-z0-9, -]+\. \[ack: cdk-appstream:fleet:propertyNotInRegion\]$/);
    const [n] = region('af-south-1');
    expect(n).toBe("CloudFormation in af-south-1 has no AWS::AppStream::ImageBuilder (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:imageBuilder:resourceNotInRegion]");
    expect(region('af-south-1')).toHaveLength(1);
  });
});
