/**
 * The boundary's checker (lib/private/boundary.ts) rule by rule: each kind of type the table can hold,
 * the words its messages use, and how each fix says to make the value. test/boundary.test.ts holds the
 * cases through the library's own classes; here the parameters are written for the test, and types the
 * library does not have today (a class with many factories, a class reached only through an interface's
 * base, a union) are added to the table for the test and taken out after it, so that each branch of the
 * checker is pinned whatever the API holds.
 */
import * as cdk from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as lib from '../lib';
import { API_TYPES } from '../lib/private/api-types.generated';
import { ApiEntry, ApiParam, ApiType, checkArguments, checkConstructor, fromCallOf, methodsOf, methodWhere, ours, staticWhere } from '../lib/private/boundary';

const AT = { prefix: 'P: ' };

/** The message of checking `value` as one parameter `x` of `type`, or 'passed'. */
function msg(type: ApiType, value: unknown, param: Partial<ApiParam> = {}, where: Parameters<typeof checkArguments>[0] = AT): string {
  try {
    checkArguments(where, [{ name: 'x', type, ...param }], value === undefined ? [] : [value]);
  } catch (e) {
    return (e as Error).message;
  }
  return 'passed';
}

/** The value checking `value` as one parameter of `type` passes on. */
function passed(type: ApiType, value: unknown): unknown {
  return checkArguments(AT, [{ name: 'x', type }], [value])[0];
}

/** A plain object with every member the table asks of a value of the external `type`, each a function. */
function standIn(type: string): Record<string, unknown> {
  const entry = API_TYPES[type];
  if (entry?.kind !== 'external' || entry.members === undefined) {
    throw new Error(`${type} is no external type with members`);
  }
  return Object.fromEntries(entry.members.map((m) => [m, () => undefined]));
}

/** Entries added to the table for this file, taken out after it. */
const TEST_TYPES: Record<string, ApiEntry> = {
  ZzMany: {
    kind: 'class',
    members: ['bind'],
    methods: {},
    statics: Object.fromEntries(['one', 'two', 'three', 'four', 'five'].map((m) => [m, { params: [], returns: 'ZzMany' }])),
  },
  ZzBase: {
    kind: 'interface',
    members: ['zzBase'],
    properties: { zzName: { type: 'string', optional: true } },
    methods: { zzBase: { params: [{ name: 'a', type: 'string' }] }, zzShared: { params: [{ name: 'base', type: 'string' }] } },
  },
  IZzDerived: { kind: 'interface', bases: ['ZzBase'], members: ['zzDerived'], methods: { zzDerived: { params: [] } } },
  ZzOnlyThroughBase: {
    kind: 'class',
    interfaces: ['IZzDerived'],
    members: ['zzOwn'],
    statics: {},
    methods: { zzOwn: { params: [] }, zzShared: { params: [{ name: 'own', type: 'number' }] } },
  },
  ZzChild: { kind: 'class', base: 'ZzOnlyThroughBase', members: [], statics: {}, methods: {} },
  ZzShape: { kind: 'struct', bases: ['IZzDerived'], fields: {} },
  ZzMadeBySubtype: { kind: 'class', members: ['zzMade'], statics: { make: { params: [], returns: 'ZzSubtype' } }, methods: {} },
  ZzSubtype: { kind: 'class', interfaces: ['ZzMadeBySubtype'], members: [], statics: {}, methods: {} },
  ZzNothing: { kind: 'class', members: ['zzNothing'], statics: { other: { params: [], returns: 'ZzShape' } }, methods: {} },
  ZzNoMembers: { kind: 'external', members: [] },
  ZzFour: { kind: 'class', members: ['bind'], methods: {}, statics: Object.fromEntries(['one', 'two', 'three', 'four'].map((m) => [m, { params: [], returns: 'ZzFour' }])) },
  ZzLoose: { kind: 'struct', bases: ['pkg.NotInTable'], fields: { a: { type: 'string' }, b: { type: 'any', optional: true } } },
};

beforeAll(() => Object.assign(API_TYPES as Record<string, ApiEntry>, TEST_TYPES));
afterAll(() => {
  for (const name of Object.keys(TEST_TYPES)) {
    delete (API_TYPES as Record<string, ApiEntry>)[name];
  }
});

describe('primitives, lists, maps and unions: their names and their fixes', () => {
  test('a string, a number, true or false, a date: each named in words, with the kind of the value given', () => {
    expect(msg('string', 5)).toBe('P: x 5 must be a string, not a number. Give a string.');
    expect(msg('number', '5')).toBe('P: x "5" must be a number, not a string. Give a number.');
    expect(msg('boolean', 'yes')).toBe('P: x "yes" must be true or false, not a string. Give true or false, or leave it out.');
    expect(msg('date', 5)).toBe('P: x 5 must be a date, not a number. Give a date.');
    expect(msg('date', {})).toBe('P: x {} must be a date, not an object. Give a date.');
    expect(passed('date', new Date(0))).toEqual(new Date(0));
    expect(passed('string', 'a')).toBe('a');
    expect(passed('number', 0)).toBe(0);
    expect(passed('boolean', false)).toBe(false);
  });

  test('any and json take whatever they are given, and any takes nothing as well', () => {
    const value = { deep: [1, 'two'] };
    expect(passed('any', value)).toBe(value);
    expect(passed('json', value)).toBe(value);
    expect(msg('any', undefined)).toBe('passed');
    expect(msg('json', undefined)).toBe('P: x is required. Give a JSON value.');
  });

  test('a value is described by its class, as an object when it has none, as a function or a list', () => {
    class Gadget {}
    expect(msg('string', new Gadget())).toBe('P: x {} must be a string, not a Gadget. Give a string.');
    expect(msg('string', Object.create(null))).toBe('P: x {} must be a string, not an object. Give a string.');
    expect(msg('string', {})).toBe('P: x {} must be a string, not an object. Give a string.');
    expect(msg('string', [1])).toBe('P: x [1] must be a string, not a list. Give a string.');
    expect(msg('number', function named() { return 1; })).toBe('P: x [function named] must be a number, not a function. Give a number.');
  });

  test('a list: a value that is no list fails whole, an element by its index; a list passes', () => {
    expect(msg({ array: 'string' }, 'a')).toBe('P: x "a" must be a list of strings, not a string. Give a list of strings.');
    expect(msg({ array: 'string' }, { 0: 'a' })).toBe('P: x {"0":"a"} must be a list of strings, not an object. Give a list of strings.');
    expect(msg({ array: 'number' }, [1, 'b'])).toBe('P: x[1] "b" must be a number, not a string. Give a number.');
    expect(msg({ array: 'boolean' }, 'a')).toBe('P: x "a" must be a list of booleans, not a string. Give a list of booleans.');
    expect(passed({ array: 'number' }, [1, 2])).toEqual([1, 2]);
  });

  test('a list that is required names how to make its elements', () => {
    expect(msg({ array: 'IFleet' }, undefined)).toBe('P: x is required. Give a list of ElasticFleet or Fleet objects, defined here or imported with their from… methods.');
    expect(msg({ map: 'string' }, undefined)).toBe('P: x is required. Give a map of strings.');
  });

  test('lists of named types: each named by its short name', () => {
    expect(msg({ array: 'Fleet' }, 'a')).toBe('P: x "a" must be a list of Fleet values, not a string. Give a list of Fleet values.');
    expect(msg({ array: 'aws-cdk-lib.aws_ec2.ISubnet' }, 'a')).toBe('P: x "a" must be a list of ec2.ISubnet values, not a string. Give a list of ec2.ISubnet values.');
  });

  test('a list of lists, and of a union, are named by what each element is', () => {
    expect(msg({ array: { array: 'string' } }, 'a')).toBe('P: x "a" must be a list of values that are each a list of strings, not a string. Give a list of values that are each a list of strings.');
    expect(msg({ array: { array: 'string' } }, [['a'], 'b'])).toBe('P: x[1] "b" must be a list of strings, not a string. Give a list of strings.');
    expect(msg({ array: { union: ['boolean', 'Image'] } }, 'a'))
      .toBe('P: x "a" must be a list of values that are each true or false or an Image, not a string. Give a list of values that are each true or false or an Image.');
  });

  test('a map: a list or a string fails whole, a value by its key, a token whole (its keys are read); a map passes', () => {
    expect(msg({ map: 'number' }, [1])).toBe('P: x [1] must be a map of numbers, not a list. Give an object whose keys are names.');
    expect(msg({ map: 'number' }, 'a')).toBe('P: x "a" must be a map of numbers, not a string. Give an object whose keys are names.');
    expect(msg({ map: 'number' }, { a: 1, b: 'two' })).toBe('P: x.b "two" must be a number, not a string. Give a number.');
    expect(passed({ map: 'number' }, { a: 1 })).toEqual({ a: 1 });
    expect(msg({ map: 'number' }, cdk.Lazy.any({ produce: () => ({ a: 1 }) })))
      .toMatch(/^P: x .* must be a map of numbers written out in the app, not a token: the library reads each key while it synthesizes\. Give an object whose keys are names \(its values may be tokens\)\.$/);
  });

  test('a list token: taken whole where LIST_TOKEN_FIELDS names the list, refused elsewhere, and never shown as Token[…]', () => {
    const list = cdk.Lazy.list({ produce: () => ['a'] });
    expect((passed('StackProps', { embedHostDomains: list }) as any).embedHostDomains).toBe(list);
    expect(msg({ array: 'string' }, list))
      .toBe('P: x ["${…}"] must be a list of strings written out in the app, not a list token (a list parameter, Fn.split()): the library reads each element while it synthesizes. Give a list of strings.');
    expect(msg('StackProps', { storageConnectors: list })).toMatch(/^P: x\.storageConnectors \["\$\{…\}"\] must be a list of StorageConnector values written out in the app, not a list token/);
    expect(msg('string', list)).toBe('P: x ["${…}"] must be a string, not a list. Give a string.');
  });

  test('a union: the first type the value is passes; none gives every type, in words', () => {
    const union: ApiType = { union: ['boolean', 'number'] };
    expect(passed(union, 3)).toBe(3);
    expect(passed(union, true)).toBe(true);
    expect(msg(union, 'a')).toBe('P: x "a" must be true or false or a number, not a string. Give true or false or a number.');
  });

  test('a union passes an error that is not a problem of the value (a getter that throws) on as it is', () => {
    const broken = new TypeError('broken getter');
    const value = { get desiredSessions(): number { throw broken; } };
    let thrown: unknown;
    try {
      checkArguments(AT, [{ name: 'x', type: { union: ['MultiSessionCapacityOptions', 'string'] } }], [value]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(broken);
  });
});

describe('enums, classes, interfaces and structs: how each fix says to make one', () => {
  test('an enum of the library: a member passes, anything else names the members, and one that is required lists them', () => {
    expect(msg('FleetType', 'SOMETIMES')).toBe('P: x "SOMETIMES" must be a member of FleetType (ALWAYS_ON, ON_DEMAND). Use FleetType.ALWAYS_ON or another member of FleetType.');
    expect(msg('FleetType', undefined)).toBe('P: x is required. Use a member of FleetType: ALWAYS_ON, ON_DEMAND.');
    expect(passed('FleetType', lib.FleetType.ON_DEMAND)).toBe(lib.FleetType.ON_DEMAND);
  });

  test('an enum of aws-cdk-lib: a member passes; another value, an object and a token fail', () => {
    expect(passed('aws-cdk-lib.RemovalPolicy', 'destroy')).toBe('destroy');
    expect(passed('aws-cdk-lib.aws_cloudwatch.Unit', cdk.aws_cloudwatch.Unit.PERCENT)).toBe('Percent');
    expect(msg('aws-cdk-lib.RemovalPolicy', 2)).toBe('P: x 2 must be a member of RemovalPolicy (DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE). Use RemovalPolicy.DESTROY or another member of RemovalPolicy.');
    expect(msg('aws-cdk-lib.aws_applicationautoscaling.AdjustmentType', 'CHANGE'))
      .toBe('P: x "CHANGE" must be a member of applicationautoscaling.AdjustmentType (CHANGE_IN_CAPACITY, PERCENT_CHANGE_IN_CAPACITY, EXACT_CAPACITY). Use applicationautoscaling.AdjustmentType.CHANGE_IN_CAPACITY or another member of applicationautoscaling.AdjustmentType.');
    expect(msg('aws-cdk-lib.RemovalPolicy', {})).toBe('P: x {} must be a member of RemovalPolicy, not an object. Use RemovalPolicy.DESTROY or another member of RemovalPolicy.');
    expect(msg('aws-cdk-lib.RemovalPolicy', cdk.Lazy.string({ produce: () => 'destroy' })))
      .toBe('P: x "${…}" must be a member of RemovalPolicy known at synthesis, not a token. Use RemovalPolicy.DESTROY or another member of RemovalPolicy.');
    expect(msg('aws-cdk-lib.RemovalPolicy', cdk.Lazy.number({ produce: () => 1 })))
      .toBe('P: x ${…} must be a member of RemovalPolicy known at synthesis, not a token. Use RemovalPolicy.DESTROY or another member of RemovalPolicy.');
  });

  test('an enum of the library: a member and a string token pass; a number token and a list token fail', () => {
    expect(passed('FleetType', 'ALWAYS_ON')).toBe('ALWAYS_ON');
    const param = cdk.Lazy.string({ produce: () => 'ALWAYS_ON' });
    expect(passed('FleetType', param)).toBe(param);
    expect(msg('FleetType', cdk.Lazy.number({ produce: () => 1 }))).toBe('P: x ${…} must be a member of FleetType (ALWAYS_ON, ON_DEMAND). Use FleetType.ALWAYS_ON or another member of FleetType.');
    expect(msg('FleetType', cdk.Lazy.list({ produce: () => ['ALWAYS_ON'] }))).toMatch(/^P: x \["\$\{…\}"\] must be a member of FleetType /);
  });

  test('a number: finite (a template, as JSON, has no NaN or Infinity); a number token passes', () => {
    expect(passed('number', -2.5)).toBe(-2.5);
    expect(msg('number', NaN)).toBe('P: x NaN must be a finite number. Give a number.');
    expect(msg('number', -Infinity)).toBe('P: x -Infinity must be a finite number. Give a number.');
    const token = cdk.Lazy.number({ produce: () => 1 });
    expect(passed('number', token)).toBe(token);
  });

  test('a flag: true or false, never a token (the library decides from it while it synthesizes)', () => {
    expect(passed('boolean', true)).toBe(true);
    expect(msg('boolean', cdk.Lazy.string({ produce: () => 'true' }))).toBe('P: x "${…}" must be true or false, not a string. Give true or false, or leave it out.');
    expect(msg('boolean', cdk.Lazy.any({ produce: () => true }))).toMatch(/^P: x .* must be true or false, not an? \w+\. Give true or false, or leave it out\.$/);
  });

  test('a class made by its static methods: at most four are named', () => {
    expect(msg('Image', 5)).toBe('P: x 5 must be an Image, not a number. Use Image.fromArn(), Image.fromName().');
    expect(msg('ZzMany', 5)).toBe('P: x 5 must be a ZzMany, not a number. Use ZzMany.one(), ZzMany.two(), ZzMany.three(), ZzMany.four() or another static method of ZzMany.');
  });

  test('a class with four static methods: all four, and no other', () => {
    expect(msg('ZzFour', 5)).toBe('P: x 5 must be a ZzFour, not a number. Use ZzFour.one(), ZzFour.two(), ZzFour.three(), ZzFour.four().');
  });

  test('a class made by a static method that returns a subtype of it', () => {
    expect(msg('ZzMadeBySubtype', 5)).toBe('P: x 5 must be a ZzMadeBySubtype, not a number. Use ZzMadeBySubtype.make().');
  });

  test('a class with constants and a factory: one constant named as well; the name of a constant, given as a string, names that constant', () => {
    expect(msg('UserAction', 5)).toBe('P: x 5 must be a UserAction, not a number. Use UserAction.of(), or a constant such as UserAction.AUTO_TIME_ZONE_REDIRECTION.');
    expect(msg('UserAction', 'FILE_UPLOAD')).toBe('P: x "FILE_UPLOAD" must be a UserAction, not a string. Use UserAction.FILE_UPLOAD.');
    expect(msg('UserAction', 'NOT_A_CONSTANT')).toBe('P: x "NOT_A_CONSTANT" must be a UserAction, not a string. Use UserAction.of(), or a constant such as UserAction.AUTO_TIME_ZONE_REDIRECTION.');
  });

  test('a construct, whose static methods import its interface: defined in the app', () => {
    expect(msg('Fleet', 5)).toBe('P: x 5 must be a Fleet, not a number. Define one in the app (a Fleet construct).');
  });

  test('a class with neither factories nor a constructor: its name', () => {
    expect(msg('ZzNothing', 5)).toBe('P: x 5 must be a ZzNothing, not a number. Give a ZzNothing.');
  });

  test('an interface: the classes that implement it, also through the base of an interface they implement', () => {
    expect(msg('IFleet', {})).toBe('P: x {} must be an IFleet, not an object (it has no fleetArn, fleetName, grant). Give an ElasticFleet or a Fleet, defined here or imported with its from… methods.');
    expect(msg('IFleet', 5)).toBe('P: x 5 must be an IFleet, not a number. Give an ElasticFleet or a Fleet, defined here or imported with its from… methods.');
    expect(msg('ZzBase', 5)).toBe('P: x 5 must be a ZzBase, not a number. Give a ZzOnlyThroughBase or a ZzChild, defined here or imported with its from… methods.');
    expect(msg({ array: 'ZzBase' }, 5)).toBe('P: x 5 must be a list of ZzBase values, not a number. Give a list of ZzOnlyThroughBase or ZzChild objects, defined here or imported with their from… methods.');
  });

  test('an interface no class implements: its name, as a single value and in a list', () => {
    expect(msg('IScalableFleetCapacity', 5)).toBe('P: x 5 must be an IScalableFleetCapacity, not a number. Give an IScalableFleetCapacity.');
    expect(msg({ array: 'IScalableFleetCapacity' }, 5)).toBe('P: x 5 must be a list of IScalableFleetCapacity values, not a number. Give a list of IScalableFleetCapacity values.');
  });

  test('a struct is no value of an interface, whatever its bases', () => {
    expect(msg('IZzDerived', 5)).toBe('P: x 5 must be an IZzDerived, not a number. Give a ZzOnlyThroughBase or a ZzChild, defined here or imported with its from… methods.');
  });

  test('the article of a name: an S3Location, an Image, an IFleet, a Fleet', () => {
    expect(msg('S3Location', 5)).toMatch(/^P: x 5 must be an S3Location, not a number\. /);
    expect(msg('SamlAttribute', 5)).toMatch(/^P: x 5 must be a SamlAttribute, not a number\. /);
  });

  test('a list of a class says how to make each element: a constant, the factories, at most three', () => {
    expect(msg({ array: 'FleetType' }, 5)).toBe('P: x 5 must be a list of FleetType values, not a number. Give a list of FleetType members, such as one holding FleetType.ALWAYS_ON.');
    expect(msg({ array: 'UserAction' }, 5)).toBe('P: x 5 must be a list of UserAction values, not a number. Give a list of UserAction values, such as one holding UserAction.AUTO_TIME_ZONE_REDIRECTION.');
    expect(msg({ array: 'Image' }, 5)).toBe('P: x 5 must be a list of Image values, not a number. Give a list of Image values, each made with Image.fromArn() or Image.fromName().');
    expect(msg({ array: 'ZzMany' }, 5)).toBe('P: x 5 must be a list of ZzMany values, not a number. Give a list of ZzMany values, each made with ZzMany.one() or ZzMany.two() or ZzMany.three().');
    expect(msg({ array: 'ZzMadeBySubtype' }, 5)).toBe('P: x 5 must be a list of ZzMadeBySubtype values, not a number. Give a list of ZzMadeBySubtype values.');
    expect(msg({ array: 'ZzNothing' }, 5)).toBe('P: x 5 must be a list of ZzNothing values, not a number. Give a list of ZzNothing values.');
  });

  test('a name of another package keeps an aws_ inside a part, and loses the one that starts it', () => {
    expect(msg('pkg.my_aws_things.Thing', 5)).toBe('P: x 5 must be a my_aws_things.Thing, not a number. Give a my_aws_things.Thing.');
    expect(msg('aws-cdk-lib.aws_sns.ITopic', 5)).toBe('P: x 5 must be an sns.ITopic, not a number. Give an sns.ITopic.');
  });
});

describe('objects: what they must have', () => {
  test('an aws-cdk-lib type: a stand-in lacking any of its members fails, naming the first three it lacks; those every object has are not asked', () => {
    expect(msg('aws-cdk-lib.Duration', {})).toBe('P: x {} must be a Duration, not an object (it has no formatTokenToNumber, isUnresolved, minus). Give a Duration.');
    expect(msg('aws-cdk-lib.Duration', { toSeconds: () => 1 })).toBe('P: x {} must be a Duration, not an object (it has no formatTokenToNumber, isUnresolved, minus). Give a Duration.');
    expect(msg('aws-cdk-lib.aws_s3.IBucket', { bucketName: 'x' }))
      .toBe('P: x {"bucketName":"x"} must be an s3.IBucket, not an object (it has no addEventNotification, addObjectCreatedNotification, addObjectRemovedNotification). Give an s3.IBucket.');
    // Lacking one member, the last in order: named.
    const bucket = standIn('aws-cdk-lib.aws_s3.IBucket');
    delete bucket.with;
    expect(msg('aws-cdk-lib.aws_s3.IBucket', bucket)).toMatch(/^P: x \{.*\} must be an s3\.IBucket, not an object \(it has no with\)\. Give an s3\.IBucket\.$/);
    // A function may be one (aws-cdk-lib's types are not this library's): its members are asked all the same.
    expect(msg('aws-cdk-lib.aws_iam.IPrincipal', Object.assign(function principal() { return 1; }, { grantPrincipal: {} })))
      .toBe('P: x [function principal] must be an iam.IPrincipal, not a function (it has no addToPrincipalPolicy, assumeRoleAction, policyFragment). Give an iam.IPrincipal.');
    const grantable = Object.assign(() => undefined, { grantPrincipal: {} });
    expect(passed('aws-cdk-lib.aws_iam.IGrantable', grantable)).toBe(grantable);
    // toString, which every object has, is a member of Duration but says nothing of one: an object
    // without a prototype, which lacks it, passes with the others.
    expect(API_TYPES['aws-cdk-lib.Duration']).toMatchObject({ members: expect.arrayContaining(['toString']) });
    const duration = Object.assign(Object.create(null), standIn('aws-cdk-lib.Duration'));
    delete duration.toString;
    expect('toString' in duration).toBe(false);
    expect(passed('aws-cdk-lib.Duration', duration)).toBe(duration);
    const any = {};
    expect(passed('ZzNoMembers', any)).toBe(any);
  });

  test('an aws-cdk-lib type: a stand-in with every member the table asks passes as it is, its properties unchecked', () => {
    const bucket = { ...standIn('aws-cdk-lib.aws_s3.IBucket'), bucketName: 5 };
    expect(passed('aws-cdk-lib.aws_s3.IBucket', bucket)).toBe(bucket);
  });

  test('real aws-cdk-lib objects pass: s3.Bucket.fromBucketName(), ec2.Vpc.fromVpcAttributes(), Duration.minutes()', () => {
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'acme-bucket');
    expect(passed('aws-cdk-lib.aws_s3.IBucket', bucket)).toBe(bucket);
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'V', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] });
    expect(passed('aws-cdk-lib.aws_ec2.IVpc', vpc)).toBe(vpc);
    expect(passed('aws-cdk-lib.aws_ec2.ISubnet', vpc.privateSubnets[0])).toBe(vpc.privateSubnets[0]);
    const minutes = cdk.Duration.minutes(5);
    expect(passed('aws-cdk-lib.Duration', minutes)).toBe(minutes);
  });

  test('a real object of every aws-cdk-lib and constructs class and interface the table lists passes, defined and imported', () => {
    const stack = new cdk.Stack(new cdk.App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const target = new appscaling.ScalableTarget(stack, 'Target', {
      serviceNamespace: appscaling.ServiceNamespace.APPSTREAM, resourceId: 'fleet/f', scalableDimension: 'appstream:fleet:DesiredCapacity', minCapacity: 1, maxCapacity: 2,
    });
    const metric = new cloudwatch.Metric({ namespace: 'AWS/AppStream', metricName: 'CapacityUtilization' });
    const pass = new sfn.Pass(stack, 'Pass');
    const samples: Record<string, unknown[]> = {
      'aws-cdk-lib.Duration': [cdk.Duration.minutes(5), cdk.Duration.seconds(cdk.Token.asNumber({ Ref: 'P' }))],
      'aws-cdk-lib.SecretValue': [cdk.SecretValue.unsafePlainText('x'), cdk.SecretValue.secretsManager('s')],
      'aws-cdk-lib.Size': [cdk.Size.gibibytes(1)],
      'aws-cdk-lib.TimeZone': [cdk.TimeZone.EUROPE_LONDON, cdk.TimeZone.of('Etc/UTC')],
      'aws-cdk-lib.aws_acmpca.ICertificateAuthority': [acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/1')],
      'aws-cdk-lib.aws_applicationautoscaling.ScalableTarget': [target],
      'aws-cdk-lib.aws_applicationautoscaling.Schedule': [appscaling.Schedule.rate(cdk.Duration.hours(1)), appscaling.Schedule.cron({ hour: '8' })],
      'aws-cdk-lib.aws_applicationautoscaling.StepScalingPolicy': [target.scaleOnMetric('Steps', { metric, scalingSteps: [{ upper: 10, change: -1 }, { lower: 50, change: +1 }] })],
      'aws-cdk-lib.aws_cloudwatch.IMetric': [metric, new cloudwatch.MathExpression({ expression: 'm', usingMetrics: { m: metric } })],
      'aws-cdk-lib.aws_ec2.Connections': [new ec2.Connections()],
      'aws-cdk-lib.aws_ec2.IInterfaceVpcEndpoint': [
        vpc.addInterfaceEndpoint('Endpoint', { service: ec2.InterfaceVpcEndpointAwsService.APPSTREAM_STREAMING }),
        ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'ImportedEndpoint', { vpcEndpointId: 'vpce-1', port: 443 }),
      ],
      'aws-cdk-lib.aws_ec2.ISecurityGroup': [new ec2.SecurityGroup(stack, 'Sg', { vpc }), ec2.SecurityGroup.fromSecurityGroupId(stack, 'ImportedSg', 'sg-1')],
      'aws-cdk-lib.aws_ec2.ISubnet': [vpc.publicSubnets[0], vpc.isolatedSubnets[0] ?? vpc.publicSubnets[1], ec2.Subnet.fromSubnetId(stack, 'ImportedSubnet', 'subnet-1')],
      'aws-cdk-lib.aws_ec2.IVpc': [vpc, ec2.Vpc.fromVpcAttributes(stack, 'ImportedVpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] })],
      'aws-cdk-lib.aws_ec2.SubnetFilter': [ec2.SubnetFilter.byIds(['subnet-1']), ec2.SubnetFilter.availabilityZones(['us-east-1a'])],
      'aws-cdk-lib.aws_events.Schedule': [events.Schedule.rate(cdk.Duration.hours(1)), events.Schedule.expression('cron(0 8 * * ? *)')],
      'aws-cdk-lib.aws_iam.IGrantable': [new iam.ServicePrincipal('appstream.amazonaws.com'), new iam.User(stack, 'User')],
      'aws-cdk-lib.aws_iam.IPrincipal': [new iam.ServicePrincipal('appstream.amazonaws.com'), new iam.AccountRootPrincipal(), new iam.ArnPrincipal('arn:aws:iam::123456789012:user/u')],
      'aws-cdk-lib.aws_iam.IRole': [
        new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') }),
        iam.Role.fromRoleArn(stack, 'ImportedRole', 'arn:aws:iam::123456789012:role/r'),
        iam.Role.fromRoleName(stack, 'NamedRole', 'r'),
      ],
      'aws-cdk-lib.aws_s3.IBucket': [new s3.Bucket(stack, 'Bucket'), s3.Bucket.fromBucketName(stack, 'ImportedBucket', 'acme-bucket'), s3.Bucket.fromBucketArn(stack, 'ArnBucket', 'arn:aws:s3:::acme-bucket')],
      'aws-cdk-lib.aws_secretsmanager.ISecret': [new secretsmanager.Secret(stack, 'Secret'), secretsmanager.Secret.fromSecretNameV2(stack, 'ImportedSecret', 's')],
      'aws-cdk-lib.aws_sns.ITopic': [new sns.Topic(stack, 'Topic'), sns.Topic.fromTopicArn(stack, 'ImportedTopic', 'arn:aws:sns:us-east-1:123456789012:t')],
      'aws-cdk-lib.aws_ssm.StringParameter': [new ssm.StringParameter(stack, 'Parameter', { stringValue: 'v' })],
      'aws-cdk-lib.aws_stepfunctions.IChainable': [pass, sfn.Chain.start(new sfn.Pass(stack, 'First')), new sfn.Parallel(stack, 'Parallel')],
      'aws-cdk-lib.aws_stepfunctions.StateMachine': [new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(pass) })],
      'constructs.Construct': [new Construct(stack, 'Construct'), stack],
      'constructs.IConstruct': [stack, new Construct(stack, 'Other')],
    };
    const listed = Object.keys(API_TYPES).filter((t) => API_TYPES[t].kind === 'external' && (API_TYPES[t] as { members?: unknown }).members !== undefined && !t.startsWith('Zz'));
    expect(Object.keys(samples).sort()).toEqual(listed.sort());
    for (const [type, values] of Object.entries(samples)) {
      for (const value of values) {
        expect(msg(type, value), type).toBe('passed');
      }
    }
  });

  test('a type not in the table takes any object, and nothing else', () => {
    expect(passed('pkg.Widget', { anything: 1 })).toEqual({ anything: 1 });
    expect(msg('pkg.Widget', 'a')).toBe('P: x "a" must be a Widget, not a string. Give a Widget.');
  });

  test('a value of a class of the library lacking its members: the first three it lacks, its own and its bases\'', () => {
    expect(msg('ZzOnlyThroughBase', {})).toBe('P: x {} must be a ZzOnlyThroughBase, not an object (it has no zzOwn, zzDerived, zzBase). Give a ZzOnlyThroughBase.');
    expect(msg('ZzOnlyThroughBase', { zzOwn: 1, zzDerived: 1 })).toBe('P: x {"zzOwn":1,"zzDerived":1} must be a ZzOnlyThroughBase, not an object (it has no zzBase). Give a ZzOnlyThroughBase.');
    expect(msg('Image', lib.Image.fromName)).toBe('P: x [function fromName] must be an Image, not a function. Use Image.fromArn(), Image.fromName().');
    expect(msg('ZzOnlyThroughBase', function zz() { return 1; })).toBe('P: x [function zz] must be a ZzOnlyThroughBase, not a function. Give a ZzOnlyThroughBase.');
  });

  test('a plain object standing in for a class: its typed properties checked, from the bases too, nulls left out', () => {
    const full = { zzOwn: 1, zzDerived: 1, zzBase: 1 };
    expect(msg('ZzOnlyThroughBase', { ...full, zzName: 5 })).toBe('P: x.zzName 5 must be a string, not a number. Give a string.');
    expect(passed('ZzOnlyThroughBase', { ...full, zzName: 'n' })).toEqual({ ...full, zzName: 'n' });
    expect(Object.keys(passed('ZzOnlyThroughBase', { ...full, zzName: null }) as object)).toEqual(['zzOwn', 'zzDerived', 'zzBase']);
    const bare = Object.assign(Object.create(null), { ...full, zzName: 5 });
    expect(msg('ZzOnlyThroughBase', bare)).toBe('P: x.zzName 5 must be a string, not a number. Give a string.');
  });

  test('a plain object standing in for a class with required properties: each required', () => {
    expect(msg('InstanceType', { name: null, toString: () => 'x' })).toBe('P: x.name is required. Give a string.');
    expect(msg('FleetCapacity', { multiSession: 'yes' })).toBe('P: x.multiSession "yes" must be true or false, not a string. Give true or false, or leave it out.');
    expect(Object.keys(passed('FleetCapacity', { multiSession: true, desiredInstances: null }) as object)).toEqual(['multiSession']);
  });

  test('an object a class of the library made is taken as it is, with its properties unchecked', () => {
    const type = lib.InstanceType.of('stream.standard.medium');
    expect(passed('InstanceType', type)).toBe(type);
    class Made { zzOwn = 1; zzDerived = 1; zzBase = 1; zzName = 5; }
    const made = new Made();
    expect(passed('ZzOnlyThroughBase', made)).toBe(made);
  });
});

describe('structs', () => {
  test('a struct given no object: named with its article, and the fields it needs', () => {
    expect(msg('MultiSessionCapacityOptions', 'a')).toBe('P: x "a" must be a MultiSessionCapacityOptions, not a string. Give an object with the fields of MultiSessionCapacityOptions, at least desiredSessions, maxSessionsPerInstance.');
    expect(msg('MultiSessionCapacityOptions', [])).toBe('P: x [] must be a MultiSessionCapacityOptions, not a list. Give an object with the fields of MultiSessionCapacityOptions, at least desiredSessions, maxSessionsPerInstance.');
    expect(msg('ZzShape', 5)).toBe('P: x 5 must be a ZzShape, not a number. Give an object with the fields of ZzShape.');
  });

  test('a field of a struct: its path, and the first sentence of its doc in the fix', () => {
    expect(msg('MultiSessionCapacityOptions', { desiredSessions: 'two', maxSessionsPerInstance: 2 })).toBe(
      'P: x.desiredSessions "two" must be a number, not a string. Give a number (the number of streaming sessions the fleet provides: it runs enough instances to host them (desired sessions divided by sessions per instance, rounded up)).');
    expect(msg('MultiSessionCapacityOptions', { desiredSessions: 2 })).toBe('P: x.maxSessionsPerInstance is required. Give a number (the number of sessions each instance hosts, 1 or more).');
  });

  test('a struct\'s value: null fields left out, fields it does not name kept, a token judged as what it is', () => {
    const value = passed('MultiSessionCapacityOptions', { desiredSessions: 1, maxSessionsPerInstance: 2, extra: null, gone: undefined, other: 'kept' }) as object;
    expect(Object.keys(value).sort()).toEqual(['desiredSessions', 'maxSessionsPerInstance', 'other']);
    // No token is a struct: the library reads its fields.
    const fix = 'Give an object with the fields of MultiSessionCapacityOptions, at least desiredSessions, maxSessionsPerInstance.';
    expect(msg('MultiSessionCapacityOptions', cdk.Lazy.string({ produce: () => '{}' })))
      .toBe(`P: x "\${…}" must be a MultiSessionCapacityOptions written out in the app, not a token: the library reads its fields while it synthesizes. ${fix}`);
    expect(msg('MultiSessionCapacityOptions', cdk.Lazy.any({ produce: () => ({}) }))).toMatch(/^P: x .* must be a MultiSessionCapacityOptions written out in the app, not a token/);
  });

  test('a struct whose base is not in the table: its own fields, one of them of any type', () => {
    expect(msg('ZzLoose', {})).toBe('P: x.a is required. Give a string.');
    expect(passed('ZzLoose', { a: 'x', b: 'anything' })).toEqual({ a: 'x', b: 'anything' });
    expect(passed({ union: ['number', 'any'] }, 'text')).toBe('text');
  });

  test('a field of a base struct is checked as the struct\'s own are', () => {
    expect(msg('EntitlementProps', { stack: 5 })).toMatch(/^P: x\.\w+ (is required|5 must be)/);
    const fields = Object.keys((API_TYPES.EntitlementOptions as { fields: object }).fields);
    const message = msg('EntitlementProps', {});
    expect(fields.some((f) => message.startsWith(`P: x.${f} is required`))).toBe(true);
  });
});

describe('parameters and where they are named', () => {
  const options = { name: 'props', type: 'MultiSessionCapacityOptions' };

  test('a constructor\'s props are named by their fields alone; a method\'s parameter named props keeps its name', () => {
    const ctor = { prefix: 'P: ', isConstructor: true };
    expect(msg(options.type, { desiredSessions: 2 }, { name: 'props' }, ctor)).toBe('P: maxSessionsPerInstance is required. Give a number (the number of sessions each instance hosts, 1 or more).');
    expect(msg(options.type, { desiredSessions: 2 }, { name: 'props' })).toBe('P: props.maxSessionsPerInstance is required. Give a number (the number of sessions each instance hosts, 1 or more).');
    expect(msg(options.type, 5, { name: 'props' }, ctor)).toBe('P: props 5 must be a MultiSessionCapacityOptions, not a number. Give an object with the fields of MultiSessionCapacityOptions, at least desiredSessions, maxSessionsPerInstance.');
    expect(msg(options.type, undefined, { name: 'props' }, ctor)).toBe('P: props is required. Give an object with the fields of MultiSessionCapacityOptions, at least desiredSessions, maxSessionsPerInstance.');
    expect(msg('string', 5, { name: 'other' }, ctor)).toBe('P: other 5 must be a string, not a number. Give a string.');
  });

  test('a method\'s parameters are named in their call', () => {
    expect(msg('string', 5, { name: 'grantee' }, { prefix: 'P: ', method: 'grant' })).toBe('P: grant(grantee) 5 must be a string, not a number. Give a string.');
  });

  test('an optional parameter given null is undefined; a required one given null is missing', () => {
    expect(checkArguments(AT, [{ name: 'x', type: 'string', optional: true }], [null])).toEqual([undefined]);
    expect(msg('string', null)).toBe('P: x is required. Give a string.');
  });

  test('a problem in a field of a props object a user wrote by hand does not escape as another error', () => {
    const broken = new RangeError('broken getter');
    const value = { get desiredSessions(): number { throw broken; } };
    expect(() => checkArguments(AT, [options], [value])).toThrow(broken);
  });

  test('a constructor of a class without one in the table, or of a type that is no class, is a bug of the table', () => {
    expect(() => checkConstructor(lib.Image, [])).toThrow('Image has no public constructor in the API table: run the post-compile task (scripts/api-types.ts).');
    expect(() => checkConstructor(function IFleet() { return 1; }, [])).toThrow('IFleet has no public constructor in the API table');
    expect(() => checkConstructor(function Unknown() { return 1; }, [])).toThrow('Unknown has no public constructor in the API table');
  });

  test('a constructor is named by the construct it defines, or by its class when the scope or id is not one', () => {
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const props = { image: lib.Image.fromName('I'), instanceType: 5 };
    const fails = (args: unknown[]) => { try { checkConstructor(lib.Fleet, args); } catch (e) { return (e as Error).message; } return 'passed'; };
    expect(fails([stack, 'F', props])).toMatch(/^Fleet 'S\/F': instanceType 5 must be an InstanceType/);
    expect(fails([new cdk.App(), 'F', props])).toMatch(/^Fleet 'F': instanceType 5 must be/);
    expect(fails([stack, 5, props])).toMatch(/^The Fleet constructor: id 5 must be a string, not a number\. Give a string \(the construct id /);
    expect(fails([{ node: null }, 'F', props])).toMatch(/^The Fleet constructor: /);
    expect(fails([{ node: { path: 5 } }, 'F', props])).toMatch(/^The Fleet constructor: /);
    expect(fails([{ node: 'S' }, 'F', props])).toMatch(/^The Fleet constructor: /);
    expect(fails([{ node: { path: 'X' } }, 'F', props])).toMatch(/^Fleet 'X\/F': /);
  });

  test('a static method is named by the construct it defines only when its first parameters are a scope and an id', () => {
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const scopeId = [{ name: 'scope', type: 'constructs.Construct' }, { name: 'id', type: 'string' }];
    expect(staticWhere('Fleet', 'fromFleetName', scopeId, [stack, 'F']).prefix).toBe("Fleet.fromFleetName() at 'S/F': ");
    expect(staticWhere('Fleet', 'fromFleetName', scopeId, [new cdk.App(), 'F']).prefix).toBe("Fleet.fromFleetName() at 'F': ");
    expect(staticWhere('Fleet', 'fromFleetName', scopeId, [stack, 5]).prefix).toBe('Fleet.fromFleetName(): ');
    expect(staticWhere('Fleet', 'fromFleetName', scopeId, [{}, 'F']).prefix).toBe('Fleet.fromFleetName(): ');
    expect(staticWhere('Image', 'fromName', [{ name: 'name', type: 'string' }], [stack, 'F']).prefix).toBe('Image.fromName(): ');
    expect(staticWhere('X', 'of', [{ name: 'scope', type: 'constructs.Construct' }, { name: 'name', type: 'string' }], [stack, 'F']).prefix).toBe('X.of(): ');
    expect(staticWhere('X', 'of', [{ name: 'scope', type: 'constructs.Construct' }], [stack, 'F']).prefix).toBe('X.of(): ');
    expect(staticWhere('X', 'of', [], [stack, 'F']).prefix).toBe('X.of(): ');
  });

  test('a method is named by the construct it is called on, or by its type', () => {
    const stack = new cdk.Stack(new cdk.App(), 'S');
    expect(methodWhere('Fleet', stack, 'grant')).toEqual({ prefix: "Fleet 'S': ", method: 'grant' });
    expect(methodWhere('Image', {}, 'bind')).toEqual({ prefix: 'Image.bind(): ', method: undefined });
  });
});

describe('the methods a value of a type has', () => {
  test('a class: its own, its base class\'s, its interfaces\' and theirs; its own win', () => {
    const methods = methodsOf('ZzChild');
    expect(Object.keys(methods).sort()).toEqual(['zzBase', 'zzDerived', 'zzOwn', 'zzShared']);
    expect(methods.zzShared.params[0].name).toBe('own');
    expect(Object.keys(methodsOf('IZzDerived')).sort()).toEqual(['zzBase', 'zzDerived', 'zzShared']);
    expect(methodsOf('IZzDerived').zzShared.params[0].name).toBe('base');
  });

  test('a struct, an enum, an aws-cdk-lib type or a name not in the table: none', () => {
    expect(methodsOf('ZzShape')).toEqual({});
    expect(methodsOf('FleetType')).toEqual({});
    expect(methodsOf('aws-cdk-lib.Duration')).toEqual({});
    expect(methodsOf('pkg.Widget')).toEqual({});
  });

  test('a class\'s members include its base class\'s', () => {
    expect(msg('ZzChild', { zzOwn: 1, zzDerived: 1 })).toBe('P: x {"zzOwn":1,"zzDerived":1} must be a ZzChild, not an object (it has no zzBase). Give a ZzChild.');
  });
});

describe('the stack of an error', () => {
  function entry(error: Error): Error {
    return fromCallOf(error, entry);
  }

  test('starts at the call of the entry point when that is on the stack', () => {
    const error = entry(ours(new Error('m')));
    const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.some((f) => /\bat entry\b/.test(f))).toBe(false);
    expect(frames[0]).toContain('boundary-checker.test.ts');
  });

  test('is kept as it was when the entry point is not on the stack (no frame would be left)', () => {
    const error = ours(new Error('m'));
    const before = error.stack;
    fromCallOf(error, function notOnTheStack() { return 1; });
    expect(error.stack).toBe(before);
  });
});
