/**
 * The Elastic fleet, the entitlement and the user-pool user, lib/elastic-fleet.ts, lib/entitlement.ts and
 * lib/user.ts, with the parts of lib/stack.ts that serve them (addUser, addEntitlement, the desktop
 * stream-view warning) (issue 14): every error message whole (construct path, property, value, problem
 * and fix), every warning's id and text, the type guards on what is not an instance, the imports' name
 * and ARN, the edges of each range, the defaults written or left out of the template, the dependencies,
 * the role, the creation policy, removal policies and tags.
 */
import { createHash } from 'crypto';
import { App, CfnParameter, Duration, RemovalPolicy, SecretValue, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AppBlock, AppBlockPackaging, Application, AppVisibility, DirectoryConfig, ElasticFleet, ElasticFleetProps, Entitlement, EntitlementAttribute,
  EntitlementOptions, Fleet, FleetPlatform, Image, InstanceFamily, InstanceType, S3Location, SamlAttribute, ServiceAccountCredentials,
  Stack as AppStreamStack, StreamView, User, UserProps,
} from '../../lib';

const ENV = { account: '123456789012', region: 'us-east-1' };
const js = (x: unknown) => x as any;

let app: App;
let stack: Stack;
let vpc: ec2.Vpc;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: ENV });
  vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
});

function elastic(props: Partial<ElasticFleetProps> = {}, id = 'E', scope: Stack = stack, inVpc: ec2.IVpc = vpc): ElasticFleet {
  return new ElasticFleet(scope, id, {
    platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 10, vpc: inVpc, ...props,
  });
}

function application(id = 'App', props: { platforms?: FleetPlatform[]; instanceFamilies?: InstanceFamily[] } = {}, scope: Stack = stack): Application {
  const bucket = new s3.Bucket(scope, `${id}Bucket`);
  const block = new AppBlock(scope, `${id}Block`, { source: S3Location.fromBucket(bucket, 'apps/app.vhdx'), packaging: AppBlockPackaging.appStream2() });
  return new Application(scope, id, {
    appBlock: block,
    launchPath: 'C:\\app.exe',
    icon: S3Location.fromBucket(bucket, 'icons/app.png'),
    platforms: props.platforms ?? [FleetPlatform.WINDOWS_SERVER_2019],
    instanceFamilies: props.instanceFamilies ?? [InstanceFamily.GENERAL_PURPOSE],
  });
}

function resources(type: string, scope: Stack = stack): Array<[string, Record<string, any>]> {
  return Object.entries(Template.fromStack(scope).findResources(type));
}
function only(type: string, scope: Stack = stack): Record<string, any> {
  const all = resources(type, scope);
  expect(all).toHaveLength(1);
  return all[0][1];
}
/** The warnings of the construct at `path` (as Annotations ids it: `/Stack/E`). */
function warningsAt(path: string, scope: Stack = stack): string[] {
  return Annotations.fromStack(scope).findWarning(path, Match.anyValue()).map((w) => String(w.entry.data));
}

const finance = [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance')];
function entitlementOptions(props: Partial<EntitlementOptions> = {}): EntitlementOptions {
  return { appVisibility: AppVisibility.ALL, attributes: finance, ...props };
}

describe('ElasticFleet', () => {
  test('isElasticFleet: true for a defined one only', () => {
    expect(ElasticFleet.isElasticFleet(elastic())).toBe(true);
    expect(ElasticFleet.isElasticFleet(null)).toBe(false);
    expect(ElasticFleet.isElasticFleet(undefined)).toBe(false);
    expect(ElasticFleet.isElasticFleet({})).toBe(false);
    expect(ElasticFleet.isElasticFleet('x')).toBe(false);
    expect(ElasticFleet.isElasticFleet(ElasticFleet.fromElasticFleetName(stack, 'I', 'pool'))).toBe(false);
    expect(ElasticFleet.isElasticFleet(new Fleet(stack, 'F', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM }))).toBe(false);
  });

  test('imports by name and by ARN give the name and the ARN', () => {
    const byName = ElasticFleet.fromElasticFleetName(stack, 'ByName', 'pool');
    expect(byName.fleetName).toBe('pool');
    expect(stack.resolve(byName.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/pool']] });
    const arn = 'arn:aws:appstream:eu-west-1:210987654321:fleet/other';
    const byArn = ElasticFleet.fromElasticFleetArn(stack, 'ByArn', arn);
    expect(byArn.fleetName).toBe('other');
    expect(byArn.fleetArn).toBe(arn);
    expect(byArn.env).toEqual({ account: '210987654321', region: 'eu-west-1' });
  });

  test('the defaults: an ELASTIC fleet, one private subnet per zone, a new security group, started, deleted, no role', () => {
    const f = elastic({ fleetName: 'pool' });
    const r = only('AWS::AppStream::Fleet');
    expect(r.Properties).toEqual({
      Name: 'pool',
      FleetType: 'ELASTIC',
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.medium',
      MaxConcurrentSessions: 10,
      VpcConfig: {
        SubnetIds: vpc.privateSubnets.map((s) => stack.resolve(s.subnetId)),
        SecurityGroupIds: [{ 'Fn::GetAtt': [expect.stringMatching(/^ESecurityGroup/), 'GroupId'] }],
      },
    });
    expect(r.CreationPolicy).toEqual({ StartFleet: true });
    expect(r.DeletionPolicy).toBe('Delete');
    expect(r.UpdateReplacePolicy).toBe('Delete');
    const ref = { Ref: stack.getLogicalId(f.node.defaultChild as any) };
    expect(stack.resolve(f.fleetName)).toEqual(ref);
    expect(stack.resolve(f.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/', ref]] });
    expect(f.platform).toBe(FleetPlatform.WINDOWS_SERVER_2019);
    expect(f.connections.securityGroups).toHaveLength(1);
    expect(stack.resolve(f.fleetRef)).toEqual({ fleetId: ref });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 0);
    expect(warningsAt('/Stack/E')).toEqual([]);
  });

  test('a generated name, from the construct path', () => {
    const f = elastic({}, 'Pool');
    // The hash of the create-only FleetType, always ELASTIC here, as the other fleets hash theirs.
    const hash = createHash('sha256').update(JSON.stringify({ fleetType: 'ELASTIC' })).digest('hex').slice(0, 8);
    expect(only('AWS::AppStream::Fleet').Properties.Name).toMatch(new RegExp(`^StackPool[0-9A-F]{8}-${hash}$`));
    expect(stack.resolve(f.fleetName)).toEqual({ Ref: stack.getLogicalId(f.node.defaultChild as any) });
  });

  test('every optional prop is written', () => {
    const bucket = new s3.Bucket(stack, 'Scripts');
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const role = new iam.Role(stack, 'Given', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    const f = elastic({
      platform: FleetPlatform.AMAZON_LINUX2,
      instanceType: InstanceType.STANDARD_2XLARGE,
      maxConcurrentSessions: 1,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      enableDefaultInternetAccess: true,
      securityGroups: [sg],
      role,
      sessionScript: S3Location.fromBucket(bucket, 'scripts/session.zip'),
      maxUserDuration: Duration.seconds(600),
      disconnectTimeout: Duration.seconds(60),
      idleDisconnectTimeout: Duration.seconds(120),
      usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'],
      startFleet: true,
      displayName: 'Pool',
      description: 'The pool',
      tags: { team: 'apps' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const r = only('AWS::AppStream::Fleet');
    expect(r.Properties).toEqual({
      Name: expect.stringMatching(/^Stack.*-[0-9a-f]{8}$/), // generated, with the hash of FleetType
      FleetType: 'ELASTIC',
      Platform: 'AMAZON_LINUX2',
      InstanceType: 'stream.standard.2xlarge',
      MaxConcurrentSessions: 1,
      VpcConfig: { SubnetIds: vpc.publicSubnets.map((s) => stack.resolve(s.subnetId)), SecurityGroupIds: [stack.resolve(sg.securityGroupId)] },
      EnableDefaultInternetAccess: true,
      IamRoleArn: stack.resolve(role.roleArn),
      SessionScriptS3Location: { S3Bucket: stack.resolve(bucket.bucketName), S3Key: 'scripts/session.zip' },
      MaxUserDurationInSeconds: 600,
      DisconnectTimeoutInSeconds: 60,
      IdleDisconnectTimeoutInSeconds: 120,
      UsbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'],
      DisplayName: 'Pool',
      Description: 'The pool',
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(r.CreationPolicy).toEqual({ StartFleet: true });
    expect(r.DeletionPolicy).toBe('Retain');
    expect(f.role).toBe(role);
    expect(f.grantPrincipal).toBe(role);
    expect(f.platform).toBe(FleetPlatform.AMAZON_LINUX2);
  });

  test('startFleet false: no creation policy; anything but a boolean fails', () => {
    elastic({ startFleet: false });
    expect(only('AWS::AppStream::Fleet').CreationPolicy).toBeUndefined();
    expect(() => elastic({ startFleet: js('yes') }, 'B'))
      .toThrow("ElasticFleet 'Stack/B': startFleet \"yes\" must be true or false, not a string. Give true or false, or leave it out (whether CloudFormation starts the fleet when it creates it (CreationPolicy: StartFleet)).");
    expect(() => elastic({ enableDefaultInternetAccess: js('yes') }, 'C'))
      .toThrow("ElasticFleet 'Stack/C': enableDefaultInternetAccess \"yes\" must be true or false, not a string. Give true or false, or leave it out (whether the instances get internet access from AppStream).");
  });

  test('without a role prop, the role is defined on first use, once, and attached', () => {
    const f = elastic();
    const role = f.role;
    expect(f.role).toBe(role);
    expect(f.grantPrincipal).toBe(role);
    const [[roleId, r]] = resources('AWS::IAM::Role');
    expect(roleId).toMatch(/^ERole/);
    expect(r.Properties.Description).toBe('Role of an AppStream elastic fleet (appstream_machine_role)');
    expect(r.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } },
    ]);
    expect(only('AWS::AppStream::Fleet').Properties.IamRoleArn).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });

  test('grants: actions on the fleet ARN, to the grantee', () => {
    const f = elastic({ fleetName: 'pool' });
    const user = new iam.User(stack, 'Operator');
    f.grantStartStop(user);
    f.grant(user, 'appstream:DescribeFleets');
    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/', { Ref: stack.getLogicalId(f.node.defaultChild as any) }]] };
    expect(only('AWS::IAM::Policy').Properties.PolicyDocument.Statement).toEqual([
      { Action: ['appstream:StartFleet', 'appstream:StopFleet'], Effect: 'Allow', Resource: arn },
      { Action: 'appstream:DescribeFleets', Effect: 'Allow', Resource: arn },
    ]);
  });

  test('a missing props object, and each missing required prop, with its fix', () => {
    expect(() => new ElasticFleet(stack, 'A', js(undefined)))
      .toThrow("ElasticFleet 'Stack/A': props is required. Give an object with the fields of ElasticFleetProps, at least instanceType, maxConcurrentSessions, platform, vpc (the fleet's properties).");
    expect(() => elastic({ platform: js(null) }, 'B'))
      .toThrow("ElasticFleet 'Stack/B': platform is required. Use FleetPlatform.of(), or a constant such as FleetPlatform.AMAZON_LINUX2 (the operating system of the fleet's instances).");
    expect(() => elastic({ maxConcurrentSessions: js(undefined) }, 'C'))
      .toThrow("ElasticFleet 'Stack/C': maxConcurrentSessions is required. Give a number (the most sessions the fleet runs at once (at least 1)).");
    expect(() => elastic({ vpc: js(undefined) }, 'D'))
      .toThrow("ElasticFleet 'Stack/D': vpc is required. Give an ec2.IVpc (the VPC of the fleet's instances: Elastic fleets need subnets in at least two availability zones).");
    expect(() => elastic({ instanceType: js(undefined) }, 'F'))
      .toThrow("ElasticFleet 'Stack/F': instanceType is required. Use InstanceType.of(), or a constant such as InstanceType.COMPUTE_2XLARGE (the instance type: one of the five stream.standard.* types Elastic fleets offer).");
  });

  test('platform: each Elastic one passes silently; another the model takes warns, with the list', () => {
    for (const [i, platform] of [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404].entries()) {
      expect(elastic({ platform }, `P${i}`).platform).toBe(platform);
    }
    expect(warningsAt('*')).toEqual([]);
    elastic({ platform: FleetPlatform.WINDOWS_SERVER_2022 }, 'B');
    expect(warningsAt('/Stack/B')).toEqual([
      "ElasticFleet 'Stack/B': platform \"WINDOWS_SERVER_2022\" is not one of the platforms the AppStream docs give for elastic fleets (FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404). AWS may refuse it at deployment: use one of those, or ignore this if AWS supports it now. [ack: cdk-appstream:elasticFleet:undocumentedPlatform]",
    ]);
  });

  test('instanceType: each stream.standard type passes; another known one fails; an unknown one warns', () => {
    const types = [
      InstanceType.STANDARD_SMALL, InstanceType.STANDARD_MEDIUM, InstanceType.STANDARD_LARGE,
      InstanceType.STANDARD_XLARGE, InstanceType.STANDARD_2XLARGE,
    ];
    types.forEach((instanceType, i) => elastic({ instanceType }, `T${i}`));
    expect(resources('AWS::AppStream::Fleet').map(([, r]) => r.Properties.InstanceType)).toEqual(types.map((t) => t.name));
    expect(() => elastic({ instanceType: InstanceType.COMPUTE_LARGE }, 'B'))
      .toThrow("ElasticFleet 'Stack/B': instanceType \"stream.compute.large\" is not offered for elastic fleets. Use one of the elastic fleet instance types: stream.standard.small, stream.standard.medium, stream.standard.large, stream.standard.xlarge, stream.standard.2xlarge.");
    elastic({ instanceType: InstanceType.of('stream.standard.4xlarge') }, 'U');
    expect(warningsAt('/Stack/U')).toEqual([
      "instanceType 'stream.standard.4xlarge' is not one of the elastic fleet instance types this library knows; check the name (AppStream rejects unknown types at deployment) or ignore this if AWS has added it since. Did you mean 'stream.standard.xlarge' or 'stream.standard.2xlarge'? [ack: cdk-appstream:elasticFleet:unknownInstanceType]",
    ]);
  });

  test('maxConcurrentSessions: 1 and 2147483647 pass; 0, 2147483648, a fraction and a string fail; a token passes', () => {
    elastic({ maxConcurrentSessions: 1 }, 'Min');
    elastic({ maxConcurrentSessions: 2147483647 }, 'Max');
    const fix = 'Give the most sessions the fleet runs at once, 1 or more.';
    expect(() => elastic({ maxConcurrentSessions: 0 }, 'A')).toThrow(`ElasticFleet 'Stack/A': maxConcurrentSessions 0 must be a whole number from 1 to 2147483647. ${fix}`);
    expect(() => elastic({ maxConcurrentSessions: 2147483648 }, 'B')).toThrow(`ElasticFleet 'Stack/B': maxConcurrentSessions 2147483648 must be a whole number from 1 to 2147483647. ${fix}`);
    expect(() => elastic({ maxConcurrentSessions: 1.5 }, 'C')).toThrow(`ElasticFleet 'Stack/C': maxConcurrentSessions 1.5 must be a whole number from 1 to 2147483647. ${fix}`);
    expect(() => elastic({ maxConcurrentSessions: js('10') }, 'D')).toThrow('ElasticFleet \'Stack/D\': maxConcurrentSessions "10" must be a number, not a string. Give a number (the most sessions the fleet runs at once (at least 1)).');
    elastic({ maxConcurrentSessions: new CfnParameter(stack, 'Sessions', { type: 'Number' }).valueAsNumber }, 'Token');
    expect(resources('AWS::AppStream::Fleet').map(([, r]) => r.Properties.MaxConcurrentSessions)).toEqual([1, 2147483647, { Ref: 'Sessions' }]);
  });

  test('subnets: at least two, in two zones, one per zone by default', () => {
    const fix = 'An Elastic fleet needs at least two subnets in different availability zones: select them with vpcSubnets.';
    expect(() => elastic({ vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }, 'A'))
      .toThrow(`ElasticFleet 'Stack/A': vpcSubnets must have at least 2 subnets (it has 1). ${fix}`);
    expect(() => elastic({ vpcSubnets: { subnets: [vpc.privateSubnets[0], vpc.publicSubnets[0]] } }, 'B'))
      .toThrow(`ElasticFleet 'Stack/B': vpcSubnets selects subnets in 1 availability zone, but an elastic fleet needs subnets in at least 2. ${fix}`);
    expect(() => elastic({ vpcSubnets: { subnetGroupName: 'Nope' } }, 'C')).toThrow(new RegExp(`^ElasticFleet 'Stack/C': vpcSubnets selects no subnet: .*\\. ${fix}$`));
    // Two private subnet groups in two zones: the default takes one subnet per zone, the first group's.
    const wide = new ec2.Vpc(stack, 'Wide', {
      maxAzs: 2,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'One', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Two', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ],
    });
    elastic({}, 'W', stack, wide);
    const ids = resources('AWS::AppStream::Fleet').map(([, r]) => r.Properties.VpcConfig.SubnetIds);
    expect(ids).toEqual([wide.selectSubnets({ subnetGroupName: 'One' }).subnetIds.map((s) => stack.resolve(s))]);
  });

  test('internet access takes the public subnets by default, and fails a private one', () => {
    elastic({ enableDefaultInternetAccess: true });
    expect(() => elastic({ enableDefaultInternetAccess: true, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }, 'B'))
      .toThrow(/^ElasticFleet 'Stack\/B': enableDefaultInternetAccess true needs a public subnet, but the selected subnet 'Stack\/Vpc\/PrivateSubnet1' is private\./);
    elastic({ enableDefaultInternetAccess: false }, 'C');
    const [a, c] = resources('AWS::AppStream::Fleet').map(([, r]) => r.Properties);
    const ids = (subnets: ec2.ISubnet[]) => subnets.map((sn) => stack.resolve(sn.subnetId));
    expect(a).toMatchObject({ EnableDefaultInternetAccess: true, VpcConfig: { SubnetIds: ids(vpc.publicSubnets) } });
    expect(c).toMatchObject({ EnableDefaultInternetAccess: false, VpcConfig: { SubnetIds: ids(vpc.privateSubnets) } });
  });

  test('sessionScript: what is not an S3Location fails; an imported bucket is taken as is', () => {
    expect(() => elastic({ sessionScript: js('s3://bucket/key') }, 'A'))
      .toThrow("ElasticFleet 'Stack/A': sessionScript \"s3://bucket/key\" must be an S3Location, not a string. Use S3Location.fromBucket(), S3Location.fromBucketName() (a script (a zip of the scripts and their configuration) that runs when sessions start and end).");
    expect(() => elastic({ sessionScript: S3Location.fromBucketName('my-scripts', '') }, 'K')).toThrow(/^ElasticFleet 'Stack\/K': sessionScript key "" must not be empty\./);
    elastic({ sessionScript: S3Location.fromBucketName('my-scripts', 'session.zip') }, 'B');
    expect(only('AWS::AppStream::Fleet').Properties.SessionScriptS3Location).toEqual({ S3Bucket: 'my-scripts', S3Key: 'session.zip' });
  });

  test('session durations: the edges pass, one beyond fails; idle 0 is off; a part minute warns', () => {
    elastic({ maxUserDuration: Duration.seconds(360000), disconnectTimeout: Duration.seconds(36000), idleDisconnectTimeout: Duration.seconds(0) }, 'A');
    expect(only('AWS::AppStream::Fleet').Properties).toMatchObject({ MaxUserDurationInSeconds: 360000, DisconnectTimeoutInSeconds: 36000, IdleDisconnectTimeoutInSeconds: 0 });
    expect(() => elastic({ maxUserDuration: Duration.seconds(360001) }, 'B'))
      .toThrow("ElasticFleet 'Stack/B': maxUserDuration (in seconds) 360001 must be a whole number from 600 to 360000. Give a whole number of seconds from 600 (10 minutes) to 360000 (100 hours): CloudFormation refuses more, although the API takes up to 432000.");
    elastic({ idleDisconnectTimeout: Duration.seconds(90) }, 'C');
    expect(warningsAt('/Stack/C')).toEqual([
      'idleDisconnectTimeout 90 seconds is not a whole number of minutes: AppStream rounds it to 120 seconds. Give a multiple of 60 seconds, such as Duration.minutes(2). [ack: cdk-appstream:elasticFleet:idleDisconnectTimeoutRounded]',
    ]);
  });

  test('labels, tags and removal policy are checked', () => {
    expect(() => elastic({ displayName: 'x'.repeat(101) }, 'A')).toThrow(/^ElasticFleet 'Stack\/A': displayName "x+…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\.$/);
    expect(() => elastic({ description: 'x'.repeat(257) }, 'B')).toThrow(/^ElasticFleet 'Stack\/B': description "x+…" \(257 characters\) must be at most 256 characters long \(it is 257\)\. Shorten it\.$/);
    expect(() => elastic({ removalPolicy: js('keep') }, 'C'))
      .toThrow("ElasticFleet 'Stack/C': removalPolicy \"keep\" must be a member of RemovalPolicy (DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE). Use RemovalPolicy.DESTROY or another member of RemovalPolicy (what happens to the fleet when it leaves the stack).");
    expect(() => elastic({ fleetName: 'bad name' }, 'D'))
      .toThrow("ElasticFleet 'Stack/D': fleetName \"bad name\" must be 1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$): character 4 ' ' is not allowed. Use only letters, digits, _ . - and start with a letter or digit, or leave fleetName out to get a generated name.");
    elastic({ fleetName: 'pool' }, 'P');
    expect(() => elastic({ fleetName: 'pool' }, 'Q'))
      .toThrow("ElasticFleet 'Stack/Q': fleetName \"pool\" is already used by 'Stack/P' in the same account and region. Give each elastic fleet its own name, or leave fleetName out to get a generated one.");
  });

  test('in a region without the Elastic properties, the warning names exactly the ones set', () => {
    const cn = new Stack(app, 'China', { env: { account: '123456789012', region: 'cn-northwest-1' } });
    const cnVpc = new ec2.Vpc(cn, 'Vpc', { maxAzs: 2 });
    elastic({}, 'Plain', cn, cnVpc);
    const notInRegion = (path: string) => warningsAt(path, cn).filter((w) => w.includes('propertyNotInRegion'));
    const [plain] = notInRegion('/China/Plain');
    expect(plain).toMatch(/^CloudFormation in cn-northwest-1 does not offer AWS::AppStream::Fleet\.MaxConcurrentSessions, AWS::AppStream::Fleet\.Platform \(per cfn-lint's schemas\), so the deployment would fail there\. Leave maxConcurrentSessions, platform out in cn-northwest-1, or deploy to a region that has it — MaxConcurrentSessions \(set by maxConcurrentSessions\): [a-z0-9, -]+; Platform \(set by platform\): [a-z0-9, -]+\. \[ack: cdk-appstream:elasticFleet:propertyNotInRegion\]$/);
    elastic({ sessionScript: S3Location.fromBucketName('my-scripts', 'session.zip'), usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'] }, 'Full', cn, cnVpc);
    const [full] = notInRegion('/China/Full');
    expect(full).toMatch(/^CloudFormation in cn-northwest-1 does not offer AWS::AppStream::Fleet\.MaxConcurrentSessions, AWS::AppStream::Fleet\.Platform, AWS::AppStream::Fleet\.SessionScriptS3Location, AWS::AppStream::Fleet\.UsbDeviceFilterStrings \(per cfn-lint's schemas\), so the deployment would fail there\. Leave maxConcurrentSessions, platform, sessionScript, usbDeviceFilterStrings out in cn-northwest-1, or deploy to a region that has it — .*; SessionScriptS3Location \(set by sessionScript\): [a-z0-9, -]+; UsbDeviceFilterStrings \(set by usbDeviceFilterStrings\): [a-z0-9, -]+\. \[ack: cdk-appstream:elasticFleet:propertyNotInRegion\]$/);
  });
});

describe('ElasticFleet applications', () => {
  test('an association per application, named after it, after the fleet', () => {
    const a = application('App');
    const f = elastic({ fleetName: 'pool', applications: [a] });
    const imported = Application.fromApplicationArn(stack, 'Imported', 'arn:aws:appstream:us-east-1:123456789012:application/x');
    f.addApplication(imported);
    const assoc = resources('AWS::AppStream::ApplicationFleetAssociation');
    expect(assoc.map(([id]) => id)).toEqual([expect.stringMatching(/^EApplicationStackApp[0-9A-F]{16}$/), expect.stringMatching(/^EApplicationStackImported[0-9A-F]{16}$/)]);
    const fleetId = resources('AWS::AppStream::Fleet')[0][0];
    expect(assoc[0][1]).toEqual({
      Type: 'AWS::AppStream::ApplicationFleetAssociation',
      Properties: { FleetName: { Ref: fleetId }, ApplicationArn: { 'Fn::GetAtt': [expect.stringMatching(/^App[0-9A-F]{8}$/), 'Arn'] } },
    });
    expect(assoc[1][1]).toEqual({
      Type: 'AWS::AppStream::ApplicationFleetAssociation',
      Properties: { FleetName: { Ref: fleetId }, ApplicationArn: 'arn:aws:appstream:us-east-1:123456789012:application/x' },
    });
  });

  test('a platform or instance family known only at deployment, among known ones, is not judged; a whole list that is a token neither', () => {
    const platform = FleetPlatform.of(new CfnParameter(stack, 'Platform').valueAsString);
    const family = InstanceFamily.of(new CfnParameter(stack, 'Family').valueAsString);
    const f = elastic();
    // Either token may be WINDOWS_SERVER_2019 or GENERAL_PURPOSE: the known members alone would fail.
    f.addApplication(application('Mixed', { platforms: [FleetPlatform.AMAZON_LINUX2, platform], instanceFamilies: [InstanceFamily.GRAPHICS_G4, family] }));
    const platforms = Token.asList(new CfnParameter(stack, 'Platforms', { type: 'CommaDelimitedList' }).valueAsList) as unknown as FleetPlatform[];
    const families = Token.asList(new CfnParameter(stack, 'Families', { type: 'CommaDelimitedList' }).valueAsList) as unknown as InstanceFamily[];
    f.addApplication(application('Listed', { platforms, instanceFamilies: families }));
    expect(resources('AWS::AppStream::ApplicationFleetAssociation')).toHaveLength(2);
    // The neighbours: the same known members without the tokens fail.
    expect(() => f.addApplication(application('Known', { platforms: [FleetPlatform.AMAZON_LINUX2] }))).toThrow(/runs on AMAZON_LINUX2, not on the fleet's platform WINDOWS_SERVER_2019/);
    expect(() => f.addApplication(application('Graphics', { instanceFamilies: [InstanceFamily.GRAPHICS_G4] }))).toThrow(/runs on the instance families GRAPHICS_G4, not on GENERAL_PURPOSE/);
  });

  test('what is not an application fails', () => {
    const f = elastic();
    const fix = 'Give an Application, defined here or imported with its from… methods (the application).';
    const at = "ElasticFleet 'Stack/E': addApplication(application)";
    expect(() => f.addApplication(js('arn:aws:appstream:us-east-1:123456789012:application/x')))
      .toThrow(`${at} "arn:aws:appstream:us-east-1:123456789012:application/x" must be an IApplication, not a string. ${fix}`);
    expect(() => f.addApplication(js({ applicationArn: 'arn' }))).toThrow(`${at} {"applicationArn":"arn"} must be an IApplication, not an object (it has no applicationName). ${fix}`);
    expect(() => f.addApplication(js({ node: {} }))).toThrow(`${at} {"node":{}} must be an IApplication, not an object (it has no applicationArn, applicationName). ${fix}`);
    expect(() => f.addApplication(js(undefined))).toThrow(`${at} is required. ${fix}`);
    expect(() => elastic({ applications: js('App') }, 'L')).toThrow("ElasticFleet 'Stack/L': applications \"App\" must be a list of IApplication values, not a string. Give a list of Application objects, defined here or imported with their from… methods (the applications the fleet streams).");
  });

  test('an application of another platform, or without GENERAL_PURPOSE, fails', () => {
    const f = elastic({ platform: FleetPlatform.AMAZON_LINUX2 });
    expect(() => f.addApplication(application('Win', { platforms: [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.UBUNTU_PRO_2404] })))
      .toThrow("ElasticFleet 'Stack/E': addApplication() \"Stack/Win\" runs on WINDOWS_SERVER_2019, UBUNTU_PRO_2404, not on the fleet's platform AMAZON_LINUX2. Add FleetPlatform.AMAZON_LINUX2 to the application's platforms, or add it to a fleet of its platform.");
    expect(() => f.addApplication(application('G4', { platforms: [FleetPlatform.AMAZON_LINUX2], instanceFamilies: [InstanceFamily.GRAPHICS_G4] })))
      .toThrow("ElasticFleet 'Stack/E': addApplication() \"Stack/G4\" runs on the instance families GRAPHICS_G4, not on GENERAL_PURPOSE, the family of the fleet's stream.standard instances. Add InstanceFamily.GENERAL_PURPOSE to the application's instanceFamilies.");
    f.addApplication(application('Linux', { platforms: [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2], instanceFamilies: [InstanceFamily.GRAPHICS_G4, InstanceFamily.GENERAL_PURPOSE] }));
    expect(resources('AWS::AppStream::ApplicationFleetAssociation')).toHaveLength(1);
  });

  test('the same application twice fails: by construct for a defined one, by ARN for imported ones', () => {
    const f = elastic();
    const a = application('App');
    f.addApplication(a);
    expect(() => f.addApplication(a)).toThrow("ElasticFleet 'Stack/E': addApplication() \"Stack/App\" adds the same application as 'Stack/App' again. Add each application once.");
    const arn = 'arn:aws:appstream:us-east-1:123456789012:application/x';
    f.addApplication(Application.fromApplicationArn(stack, 'I1', arn));
    expect(() => f.addApplication(Application.fromApplicationArn(stack, 'I2', arn)))
      .toThrow("ElasticFleet 'Stack/E': addApplication() \"Stack/I2\" adds the same application as 'Stack/I1' again. Add each application once.");
    // Two imports of one token ARN are told apart by their construct, as the ARN is not known.
    const token = new CfnParameter(stack, 'Arn').valueAsString;
    f.addApplication(Application.fromApplicationArn(stack, 'T1', token));
    f.addApplication(Application.fromApplicationArn(stack, 'T2', token));
    f.addApplication(application('Other'));
    expect(resources('AWS::AppStream::ApplicationFleetAssociation')).toHaveLength(5);
  });

  test('where CloudFormation has no application fleet association, the fleet warns once', () => {
    const west = new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    const westVpc = new ec2.Vpc(west, 'Vpc', { maxAzs: 2 });
    const f = elastic({}, 'E', west, westVpc);
    expect(warningsAt('/West/E', west)).toEqual([]);
    f.addApplication(Application.fromApplicationArn(west, 'I', 'arn:aws:appstream:us-west-1:123456789012:application/x'));
    const expected = "CloudFormation in us-west-1 has no AWS::AppStream::ApplicationFleetAssociation (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:elasticFleet:resourceNotInRegion]";
    expect(warningsAt('/West/E', west)).toEqual([expected]);
    f.addApplication(Application.fromApplicationArn(west, 'J', 'arn:aws:appstream:us-west-1:123456789012:application/y'));
    expect(warningsAt('/West/E', west)).toEqual([expected]);
  });
});

describe('User', () => {
  /** A user whose email is its id's: `U` is u@example.com. */
  function user(props: Partial<UserProps> = {}, id = 'U', scope: Stack = stack): User {
    return new User(scope, id, { email: `${id.toLowerCase()}@example.com`, ...props });
  }

  test('isUser: true for a defined user only', () => {
    expect(User.isUser(user())).toBe(true);
    expect(User.isUser(null)).toBe(false);
    expect(User.isUser(undefined)).toBe(false);
    expect(User.isUser({})).toBe(false);
    expect(User.isUser('x')).toBe(false);
    expect(User.isUser(User.fromUserName(stack, 'I', 'bob@example.com'))).toBe(false);
  });

  test('fromUserName: the name, USERPOOL, and no resource', () => {
    const bob = User.fromUserName(stack, 'Bob', 'bob@example.com');
    expect(bob.userName).toBe('bob@example.com');
    expect(bob.authenticationType).toBe('USERPOOL');
    expect(bob.node.path).toBe('Stack/Bob');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::User', 0);
  });

  test('the defaults: a USERPOOL user, the welcome email, deleted with the stack, one warning', () => {
    const u = user();
    expect(u.userName).toBe('u@example.com');
    expect(u.authenticationType).toBe('USERPOOL');
    const r = only('AWS::AppStream::User');
    expect(r.Properties).toEqual({ UserName: 'u@example.com', AuthenticationType: 'USERPOOL' });
    expect(r.DeletionPolicy).toBe('Delete');
    expect(warningsAt('/Stack/U')).toEqual([
      'email "u@example.com" is written into the CloudFormation template in plain text (AppStream treats user names as sensitive). Keep the template where only administrators read it, or pass the address in as a parameter. [ack: cdk-appstream:user:emailInTemplate]',
    ]);
  });

  test('every optional prop is written', () => {
    user({ firstName: 'Mary-Ann Jo_2', lastName: 'O Brien', sendWelcomeEmail: false, removalPolicy: RemovalPolicy.RETAIN });
    const r = only('AWS::AppStream::User');
    expect(r.Properties).toEqual({ UserName: 'u@example.com', AuthenticationType: 'USERPOOL', FirstName: 'Mary-Ann Jo_2', LastName: 'O Brien', MessageAction: 'SUPPRESS' });
    expect(r.DeletionPolicy).toBe('Retain');
  });

  test('sendWelcomeEmail true is the default; anything but a boolean fails', () => {
    user({ sendWelcomeEmail: true });
    expect(only('AWS::AppStream::User').Properties.MessageAction).toBeUndefined();
    expect(() => user({ sendWelcomeEmail: js('no') }, 'B')).toThrow("User 'Stack/B': sendWelcomeEmail \"no\" must be true or false, not a string. Give true or false, or leave it out (whether AppStream emails the user a welcome message with a temporary password).");
  });

  test('a missing props object or email', () => {
    expect(() => new User(stack, 'A', js(undefined))).toThrow("User 'Stack/A': props is required. Give an object with the fields of UserProps, at least email (the user's properties).");
    expect(() => new User(stack, 'B', js({ email: null }))).toThrow("User 'Stack/B': email is required. Give a string (the user's email address, which is their user name (1 to 128 characters, case-sensitive): AppStream sends the welcome email there).");
  });

  test('email: 128 characters pass, 129 fail; what is no address fails', () => {
    const fix = "Give the user's email address, such as alice@example.com.";
    user({ email: `${'a'.repeat(116)}@example.com` }, 'Long');
    expect(() => user({ email: `${'a'.repeat(117)}@example.com` }, 'A'))
      .toThrow(`User 'Stack/A': email "${'a'.repeat(80)}…" (129 characters) must be at most 128 characters long (it is 129). ${fix}`);
    expect(() => user({ email: '' }, 'B')).toThrow(`User 'Stack/B': email "" must not be empty. ${fix}`);
    expect(() => user({ email: 'alice' }, 'C'))
      .toThrow(`User 'Stack/C': email "alice" must be an email address such as alice@example.com (pattern ^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$). ${fix}`);
    expect(() => user({ email: ' ' }, 'D'))
      .toThrow(`User 'Stack/D': email " " must be letters, marks, symbols, digits and punctuation (pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+): character 1 ' ' is not allowed. ${fix}`);
    expect(() => user({ email: js(5) }, 'E')).toThrow("User 'Stack/E': email 5 must be a string, not a number. Give a string (the user's email address, which is their user name (1 to 128 characters, case-sensitive): AppStream sends the welcome email there).");
  });

  test('an email from a parameter is not judged, not claimed, and not warned about', () => {
    const email = new CfnParameter(stack, 'Email').valueAsString;
    user({ email }, 'A');
    user({ email }, 'B');
    expect(warningsAt('/Stack/A')).toEqual([]);
    expect(resources('AWS::AppStream::User').map(([, r]) => r.Properties.UserName)).toEqual([{ Ref: 'Email' }, { Ref: 'Email' }]);
  });

  test('one user per email in an account and region; case counts; another region is another pool', () => {
    user();
    expect(() => user({ email: 'u@example.com' }, 'Again'))
      .toThrow("User 'Stack/Again': email \"u@example.com\" is already the user name of 'Stack/U' in the same account and region. Define each user once (user names are case-sensitive), and add that one user to every stack it needs.");
    user({ email: 'U@example.com' }, 'Upper');
    user({}, 'U', new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-2' } }));
    expect(resources('AWS::AppStream::User')).toHaveLength(2);
  });

  test('names: the first character refused is named, as code point and position', () => {
    const fix = 'Use only ASCII letters, digits, _, - and spaces (AppStream refuses accents and other characters).';
    const hint = 'must be ASCII letters, digits, _, - and spaces (pattern ^[A-Za-z0-9_\\-\\s]+$)';
    expect(() => user({ firstName: 'Zoë' }, 'A'))
      .toThrow(`User 'Stack/A': firstName "Zoë" ${hint}: character 3 'ë' (U+00EB) is not allowed. ${fix}`);
    expect(() => user({ firstName: 'Éva' }, 'G'))
      .toThrow(`User 'Stack/G': firstName "Éva" ${hint}: character 1 'É' (U+00C9) is not allowed. ${fix}`);
    expect(() => user({ lastName: 'ab😀c' }, 'B'))
      .toThrow(`User 'Stack/B': lastName "ab😀c" ${hint}: character 3 '😀' (U+1F600) is not allowed. ${fix}`);
    expect(() => user({ lastName: "O'Bri'en" }, 'C'))
      .toThrow(`User 'Stack/C': lastName "O'Bri'en" ${hint}: character 2 "'" is not allowed. ${fix}`);
    expect(() => user({ firstName: 'a'.repeat(2049) }, 'D'))
      .toThrow(`User 'Stack/D': firstName "${'a'.repeat(80)}…" (2049 characters) must be at most 2048 characters long (it is 2049). ${fix}`);
    expect(() => user({ lastName: '' }, 'E')).toThrow(`User 'Stack/E': lastName "" ${hint}. ${fix}`);
    const token = Token.asString({ Ref: 'Name' });
    expect(() => user({ firstName: `${token}é` }, 'F'))
      .toThrow(`User 'Stack/F': firstName "\${…}é" ${hint.replace(/\)$/, '; "é" is never allowed)')}, whatever the values of the tokens in it. ${fix}`);
    user({ firstName: 'a'.repeat(2048), lastName: token }, 'Ok');
    expect(only('AWS::AppStream::User').Properties.LastName).toEqual({ Ref: 'Name' });
  });

  test('where CloudFormation has no users, the user warns', () => {
    const gov = new Stack(app, 'Gov', { env: { account: '123456789012', region: 'us-gov-east-1' } });
    user({}, 'U', gov);
    expect(warningsAt('/Gov/U', gov)).toEqual([
      'email "u@example.com" is written into the CloudFormation template in plain text (AppStream treats user names as sensitive). Keep the template where only administrators read it, or pass the address in as a parameter. [ack: cdk-appstream:user:emailInTemplate]',
      "CloudFormation in us-gov-east-1 has no AWS::AppStream::User (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:user:resourceNotInRegion]",
    ]);
  });
});

describe('Stack.addUser', () => {
  function domainFleet(): Fleet {
    const directory = new DirectoryConfig(stack, 'Directory', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.unsafePlainText('x')),
    });
    return new Fleet(stack, 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, vpc, domainJoin: { directory } });
  }

  test('an association per user, named after it, after the stack and the user', () => {
    const s = new AppStreamStack(stack, 'S', { stackName: 'desktops' });
    const alice = new User(stack, 'Alice', { email: 'alice@example.com' });
    s.addUser(alice);
    s.addUser(User.fromUserName(stack, 'Bob', 'bob@example.com'), { sendEmailNotification: false });
    s.addUser(User.fromUserName(stack, 'Carol', 'carol@example.com'), { sendEmailNotification: true });
    s.addUser(User.fromUserName(stack, 'Dan', 'dan@example.com'), js(null));
    const assoc = resources('AWS::AppStream::StackUserAssociation');
    expect(assoc.map(([id]) => id)).toEqual([
      expect.stringMatching(/^SUserStackAlice[0-9A-F]{16}$/), expect.stringMatching(/^SUserStackBob[0-9A-F]{16}$/),
      expect.stringMatching(/^SUserStackCarol[0-9A-F]{16}$/), expect.stringMatching(/^SUserStackDan[0-9A-F]{16}$/),
    ]);
    const stackId = resources('AWS::AppStream::Stack')[0][0];
    const userId = resources('AWS::AppStream::User')[0][0];
    expect(assoc[0][1].Properties).toEqual({ StackName: { Ref: stackId }, UserName: 'alice@example.com', AuthenticationType: 'USERPOOL' });
    expect(assoc[0][1].DependsOn).toEqual([userId]);
    expect(assoc[1][1].Properties).toEqual({ StackName: { Ref: stackId }, UserName: 'bob@example.com', AuthenticationType: 'USERPOOL', SendEmailNotification: false });
    expect(assoc[1][1].DependsOn).toBeUndefined();
    expect(assoc[2][1].Properties.SendEmailNotification).toBe(true);
    expect(assoc[3][1].Properties.SendEmailNotification).toBeUndefined();
  });

  test('what is not a user, an empty user name and a bad flag fail', () => {
    const s = new AppStreamStack(stack, 'S');
    expect(() => s.addUser(js('alice@example.com')))
      .toThrow("Stack 'Stack/S': addUser(user) \"alice@example.com\" must be an IUser, not a string. Give a User, defined here or imported with its from… methods (the user, a User or User.fromUserName()).");
    expect(() => s.addUser(js({ userName: 'alice@example.com' })))
      .toThrow("Stack 'Stack/S': addUser(user) {\"userName\":\"alice@example.com\"} must be an IUser, not an object (it has no authenticationType). Give a User, defined here or imported with its from… methods (the user, a User or User.fromUserName()).");
    expect(() => s.addUser(js({ node: {} })))
      .toThrow("Stack 'Stack/S': addUser(user) {\"node\":{}} must be an IUser, not an object (it has no authenticationType, userName). Give a User, defined here or imported with its from… methods (the user, a User or User.fromUserName()).");
    expect(() => s.addUser(User.fromUserName(stack, 'Empty', '')))
      .toThrow("User.fromUserName() at 'Stack/Empty': userName \"\" must not be empty. Give the user's email address, such as alice@example.com.");
    expect(() => s.addUser(User.fromUserName(stack, 'Bob', 'bob@example.com'), { sendEmailNotification: js('yes') }))
      .toThrow("Stack 'Stack/S': addUser(options).sendEmailNotification \"yes\" must be true or false, not a string. Give true or false, or leave it out (whether AppStream emails the user that they can now use the stack).");
  });

  test('the same user twice fails, by name; two imports of one token name are two users', () => {
    const s = new AppStreamStack(stack, 'S');
    s.addUser(User.fromUserName(stack, 'Bob', 'bob@example.com'));
    expect(() => s.addUser(User.fromUserName(stack, 'Bob2', 'bob@example.com')))
      .toThrow("Stack 'Stack/S': addUser() \"Stack/Bob2\" adds user \"bob@example.com\" to the stack again. Add each user once.");
    const token = new CfnParameter(stack, 'Name').valueAsString;
    s.addUser(User.fromUserName(stack, 'T1', token));
    s.addUser(User.fromUserName(stack, 'T2', token));
    expect(resources('AWS::AppStream::StackUserAssociation')).toHaveLength(3);
  });

  test('fails on a stack whose fleet joins a domain; other fleets take users', () => {
    const s = new AppStreamStack(stack, 'S', { fleet: domainFleet() });
    expect(() => s.addUser(User.fromUserName(stack, 'Bob', 'bob@example.com')))
      .toThrow("Stack 'Stack/S': addUser() \"Stack/Bob\" cannot be added: the stack's fleet 'Stack/Fleet' joins an Active Directory domain, and \"users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory domain\". Give user-pool users a stack whose fleet does not join a domain, or let domain users sign in through SAML 2.0.");
    new AppStreamStack(stack, 'Elastic', { fleet: elastic() }).addUser(User.fromUserName(stack, 'Carol', 'carol@example.com'));
    new AppStreamStack(stack, 'Plain', { fleet: new Fleet(stack, 'PlainFleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM }) })
      .addUser(User.fromUserName(stack, 'Dan', 'dan@example.com'));
    new AppStreamStack(stack, 'Imported', { fleet: Fleet.fromFleetName(stack, 'ImportedFleet', 'x') }).addUser(User.fromUserName(stack, 'Eve', 'eve@example.com'));
    expect(resources('AWS::AppStream::StackUserAssociation')).toHaveLength(3);
  });

  test('where CloudFormation has no stack user association, the stack warns once', () => {
    const gov = new Stack(app, 'Gov', { env: { account: '123456789012', region: 'us-gov-east-1' } });
    const s = new AppStreamStack(gov, 'S');
    const before = warningsAt('/Gov/S', gov);
    s.addUser(User.fromUserName(gov, 'Bob', 'bob@example.com'));
    const added = "CloudFormation in us-gov-east-1 has no AWS::AppStream::StackUserAssociation (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:stack:resourceNotInRegion]";
    expect(warningsAt('/Gov/S', gov)).toEqual([...before, added]);
    s.addUser(User.fromUserName(gov, 'Carol', 'carol@example.com'));
    expect(warningsAt('/Gov/S', gov)).toEqual([...before, added]);
  });
});

describe('Entitlement', () => {
  test('isEntitlement: true for a defined entitlement only', () => {
    const s = new AppStreamStack(stack, 'S');
    expect(Entitlement.isEntitlement(s.addEntitlement('E', entitlementOptions()))).toBe(true);
    expect(Entitlement.isEntitlement(null)).toBe(false);
    expect(Entitlement.isEntitlement(undefined)).toBe(false);
    expect(Entitlement.isEntitlement({})).toBe(false);
    expect(Entitlement.isEntitlement('x')).toBe(false);
    expect(Entitlement.isEntitlement(s)).toBe(false);
  });

  test('stack.addEntitlement: named after its id, the stack by reference, deleted with it', () => {
    const s = new AppStreamStack(stack, 'S', { stackName: 'apps' });
    const e = s.addEntitlement('Finance', entitlementOptions({ appVisibility: AppVisibility.ASSOCIATED }));
    expect(e.node.path).toBe('Stack/S/Finance');
    expect(e.entitlementName).toBe('Finance');
    const stackRef = { Ref: resources('AWS::AppStream::Stack')[0][0] };
    expect(stack.resolve(e.stackName)).toEqual(stackRef);
    expect(e.appVisibility).toBe(AppVisibility.ASSOCIATED);
    const r = only('AWS::AppStream::Entitlement');
    expect(r.Properties).toEqual({ Name: 'Finance', StackName: stackRef, AppVisibility: 'ASSOCIATED', Attributes: [{ Name: 'department', Value: 'finance' }] });
    expect(r.DependsOn).toBeUndefined();
    expect(r.DeletionPolicy).toBe('Delete');
  });

  test('every option is written; the stack by reference', () => {
    const s = new AppStreamStack(stack, 'S', { stackName: 'apps' });
    const e = new Entitlement(stack, 'E', {
      stack: s,
      entitlementName: 'sales.team',
      description: 'Sales',
      removalPolicy: RemovalPolicy.RETAIN,
      appVisibility: AppVisibility.ALL,
      attributes: [EntitlementAttribute.of(SamlAttribute.ROLES, 'a'), EntitlementAttribute.of(SamlAttribute.COST_CENTER, 'b'), EntitlementAttribute.of(SamlAttribute.ROLES, 'c')],
    });
    expect(e.entitlementName).toBe('sales.team');
    const r = only('AWS::AppStream::Entitlement');
    expect(r.Properties).toEqual({
      Name: 'sales.team',
      StackName: { Ref: resources('AWS::AppStream::Stack')[0][0] },
      AppVisibility: 'ALL',
      Description: 'Sales',
      Attributes: [{ Name: 'roles', Value: 'a' }, { Name: 'costCenter', Value: 'b' }, { Name: 'roles', Value: 'c' }],
    });
    expect(r.DependsOn).toBeUndefined();
    expect(r.DeletionPolicy).toBe('Retain');
  });

  test('names are unique per stack: two stacks may each have one of a name', () => {
    new AppStreamStack(stack, 'A', { stackName: 'a' }).addEntitlement('Finance', entitlementOptions());
    new AppStreamStack(stack, 'B', { stackName: 'b' }).addEntitlement('Finance', entitlementOptions());
    const [a, b] = resources('AWS::AppStream::Stack').map(([id]) => ({ Ref: id }));
    expect(resources('AWS::AppStream::Entitlement').map(([, r]) => [r.Properties.StackName, r.Properties.Name])).toEqual([[a, 'Finance'], [b, 'Finance']]);
  });

  test('an entitlement of an imported stack depends on nothing, and shares its names with a defined stack of that name', () => {
    const imported = AppStreamStack.fromStackName(stack, 'I', 'apps');
    const e = new Entitlement(stack, 'E', { stack: imported, ...entitlementOptions() });
    expect(e.stackName).toBe('apps');
    const r = only('AWS::AppStream::Entitlement');
    expect(r.Properties.StackName).toBe('apps');
    expect(r.DependsOn).toBeUndefined();
    const defined = new AppStreamStack(stack, 'S', { stackName: 'apps' });
    expect(() => defined.addEntitlement('E', entitlementOptions()))
      .toThrow("Entitlement 'Stack/S/E': entitlementName (the construct id) \"E\" is already the name of entitlement 'Stack/E' of the same stack. Give each entitlement of a stack its own name.");
    expect(() => defined.addEntitlement('F', entitlementOptions({ entitlementName: 'E' })))
      .toThrow("Entitlement 'Stack/S/F': entitlementName \"E\" is already the name of entitlement 'Stack/E' of the same stack. Give each entitlement of a stack its own name.");
  });

  test('missing props, stack, options and visibility, each with its fix', () => {
    const s = new AppStreamStack(stack, 'S');
    expect(() => new Entitlement(stack, 'A', js(undefined)))
      .toThrow("Entitlement 'Stack/A': props is required. Give an object with the fields of EntitlementProps, at least appVisibility, attributes, stack (the entitlement's properties).");
    expect(() => new Entitlement(stack, 'B', js(entitlementOptions())))
      .toThrow("Entitlement 'Stack/B': stack is required. Give a Stack, defined here or imported with its from… methods (the stack whose applications the entitlement governs).");
    expect(() => new Entitlement(stack, 'C', js({ ...entitlementOptions(), stack: 'apps' })))
      .toThrow("Entitlement 'Stack/C': stack \"apps\" must be an IStack, not a string. Give a Stack, defined here or imported with its from… methods (the stack whose applications the entitlement governs).");
    expect(() => s.addEntitlement('D', js(undefined))).toThrow("Stack 'Stack/S': addEntitlement(options) is required. Give an object with the fields of EntitlementOptions, at least appVisibility, attributes (the entitlement's options).");
    expect(() => s.addEntitlement('E', js({ attributes: finance })))
      .toThrow("Stack 'Stack/S': addEntitlement(options).appVisibility is required. Use a member of AppVisibility: ALL, ASSOCIATED (whether the entitled users see all of the stack's applications or only the associated ones).");
    expect(() => s.addEntitlement('F', js({ appVisibility: 'SOME', attributes: finance })))
      .toThrow("Stack 'Stack/S': addEntitlement(options).appVisibility \"SOME\" must be a member of AppVisibility (ALL, ASSOCIATED). Use AppVisibility.ALL or another member of AppVisibility (whether the entitled users see all of the stack's applications or only the associated ones).");
    expect(() => s.addEntitlement('G', entitlementOptions({ removalPolicy: js('keep') })))
      .toThrow("Stack 'Stack/S': addEntitlement(options).removalPolicy \"keep\" must be a member of RemovalPolicy (DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE). Use RemovalPolicy.DESTROY or another member of RemovalPolicy (what happens to the entitlement when it leaves the stack).");
  });

  test('name and description: the id or the name given, checked', () => {
    const s = new AppStreamStack(stack, 'S');
    const nameHint = "must be 1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$)";
    const nameFix = 'Use only letters, digits, _ . - and start with a letter or digit (give entitlementName when the construct id does not).';
    expect(() => s.addEntitlement('Finance team', entitlementOptions()))
      .toThrow(`Entitlement 'Stack/S/Finance team': entitlementName (the construct id) "Finance team" ${nameHint}: character 8 ' ' is not allowed. ${nameFix}`);
    expect(() => s.addEntitlement('A', entitlementOptions({ entitlementName: '-x' })))
      .toThrow(`Entitlement 'Stack/S/A': entitlementName "-x" ${nameHint}: character 1 '-' is not allowed there. ${nameFix}`);
    s.addEntitlement('Finance team2', entitlementOptions({ entitlementName: `x${'y'.repeat(100)}` }));
    expect(() => s.addEntitlement('B', entitlementOptions({ description: 'd'.repeat(257) })))
      .toThrow(`Entitlement 'Stack/S/B': description "${'d'.repeat(80)}…" (257 characters) must be at most 256 characters long (it is 257). Shorten it.`);
    s.addEntitlement('C', entitlementOptions({ description: 'd'.repeat(256) }));
    expect(resources('AWS::AppStream::Entitlement').map(([, r]) => r.Properties.Name)).toEqual([`x${'y'.repeat(100)}`, 'C']);
  });

  test('attributes: each problem, named by its index, with the fix', () => {
    const s = new AppStreamStack(stack, 'S');
    const attrs = (attributes: unknown, id: string) => () => s.addEntitlement(id, entitlementOptions({ attributes: js(attributes) }));
    // What is not a list of EntitlementAttribute values is refused at the public boundary (addEntitlement's options)
    const at = "Stack 'Stack/S': addEntitlement(options).attributes";
    expect(attrs(undefined, 'A')).toThrow(`${at} is required. Give a list of EntitlementAttribute values, each made with EntitlementAttribute.of() (the SAML attributes that select the entitled users, at least one, each attribute at most once).`);
    expect(attrs('department=finance', 'B')).toThrow(`${at} "department=finance" must be a list of EntitlementAttribute values, not a string.`);
    expect(attrs([...finance, null], 'D')).toThrow(`${at}[1] is required. Use EntitlementAttribute.of().`);
    expect(attrs(['department'], 'E')).toThrow(`${at}[0] "department" must be an EntitlementAttribute, not a string. Use EntitlementAttribute.of().`);
    expect(attrs([{ name: SamlAttribute.DEPARTMENT }], 'F')).toThrow(`${at}[0] {"name":{"name":"department"}} must be an EntitlementAttribute, not an object (it has no value). Use EntitlementAttribute.of().`);
    expect(attrs([{ value: 'finance' }], 'G')).toThrow(`${at}[0] {"value":"finance"} must be an EntitlementAttribute, not an object (it has no name). Use EntitlementAttribute.of().`);
    // A plain object with both members is checked member by member, as a struct is
    expect(attrs([{ name: null, value: 'x' }], 'H')).toThrow(`${at}[0].name is required. Use SamlAttribute.of(), or a constant such as SamlAttribute.`);
    expect(attrs([{ name: 'email', value: 'x' }], 'I')).toThrow(`${at}[0].name "email" must be a SamlAttribute, not a string. Use SamlAttribute.of()`);
    expect(attrs([{ name: SamlAttribute.GROUPS, value: undefined }], 'L')).toThrow(`${at}[0].value is required. Give a string.`);
    expect(attrs([{ name: SamlAttribute.GROUPS, value: 5 }], 'N')).toThrow(`${at}[0].value 5 must be a string, not a number. Give a string.`);
    attrs([{ name: SamlAttribute.GROUPS, value: 'plain' }], 'Plain')();
    // The rules of the entitlement itself: its count, the names the docs list (a warning), values not empty
    expect(attrs([], 'C')).toThrow("Entitlement 'Stack/S/C': attributes must have at least 1 attribute (it has 0). Give a list of EntitlementAttribute values, such as one holding EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance').");
    attrs([EntitlementAttribute.of(SamlAttribute.of('email'), 'x')], 'I2')();
    // A SamlAttribute in a template string is its name.
    expect(`${SamlAttribute.COST_CENTER}/${SamlAttribute.of('email')}`).toBe('costCenter/email');
    expect(attrs([EntitlementAttribute.of(SamlAttribute.of(''), 'x')], 'Empty'))
      .toThrow("Entitlement 'Stack/S/Empty': attributes[0].name \"\" must not be empty. Give a SamlAttribute constant, or SamlAttribute.of() with the attribute's name.");
    expect(attrs([EntitlementAttribute.of(SamlAttribute.GROUPS, '')], 'M')).toThrow("Entitlement 'Stack/S/M': attributes[0].value \"\" must not be empty. Give the value the attribute must have.");
    expect(Annotations.fromStack(stack).findWarning('/Stack/S/I2', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      "Entitlement 'Stack/S/I2': attributes[0].name \"email\" is not one of the SAML attributes the AppStream docs list for entitlements (roles, department, organization, groups, title, costCenter, userType). Check the name against your identity provider's assertion, or use a SamlAttribute member; ignore this if AppStream matches it. [ack: cdk-appstream:entitlement:unknownSamlAttribute]",
    ]);
    expect(resources('AWS::AppStream::Entitlement').map(([, r]) => r.Properties.Attributes)).toEqual([
      [{ Name: 'groups', Value: 'plain' }],
      [{ Name: 'email', Value: 'x' }],
    ]);
  });

  test('attributes: the same name and value twice fails, naming the first; tokens are not compared', () => {
    const s = new AppStreamStack(stack, 'S');
    const a = EntitlementAttribute.of(SamlAttribute.GROUPS, 'a');
    const b = EntitlementAttribute.of(SamlAttribute.GROUPS, 'b');
    const title = EntitlementAttribute.of(SamlAttribute.TITLE, 'a');
    expect(() => s.addEntitlement('A', entitlementOptions({ attributes: [a, b, title, a] })))
      .toThrow("Entitlement 'Stack/S/A': attributes[3] \"groups=a\" repeats attributes[0]. Give each attribute and value once (CloudFormation refuses duplicate attributes).");
    expect(() => s.addEntitlement('B', entitlementOptions({ attributes: [b, a, b, a] })))
      .toThrow("Entitlement 'Stack/S/B': attributes[2] \"groups=b\" repeats attributes[0]. Give each attribute and value once (CloudFormation refuses duplicate attributes).");
    const name = SamlAttribute.of(new CfnParameter(stack, 'Name').valueAsString);
    const value = new CfnParameter(stack, 'Value').valueAsString;
    s.addEntitlement('TokenName', entitlementOptions({ attributes: [EntitlementAttribute.of(name, 'x'), EntitlementAttribute.of(name, 'x')] }));
    s.addEntitlement('TokenValue', entitlementOptions({ attributes: [EntitlementAttribute.of(SamlAttribute.ROLES, value), EntitlementAttribute.of(SamlAttribute.ROLES, value)] }));
    expect(resources('AWS::AppStream::Entitlement').map(([, r]) => r.Properties.Attributes)).toEqual([
      [{ Name: { Ref: 'Name' }, Value: 'x' }, { Name: { Ref: 'Name' }, Value: 'x' }],
      [{ Name: 'roles', Value: { Ref: 'Value' } }, { Name: 'roles', Value: { Ref: 'Value' } }],
    ]);
  });

  test('where CloudFormation has no entitlements, the entitlement warns', () => {
    const west = new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new AppStreamStack(west, 'S').addEntitlement('E', entitlementOptions());
    expect(warningsAt('/West/S/E', west)).toEqual([
      "CloudFormation in us-west-1 has no AWS::AppStream::Entitlement (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:entitlement:resourceNotInRegion]",
    ]);
  });
});

describe('Entitlement.addApplication', () => {
  test('an association per application, named after it, after the entitlement and the application', () => {
    const s = new AppStreamStack(stack, 'S', { stackName: 'apps' });
    const e = s.addEntitlement('Finance', entitlementOptions({ appVisibility: AppVisibility.ASSOCIATED }));
    const a = application('App');
    e.addApplication(a);
    e.addApplication(Application.fromApplicationName(stack, 'Imported', 'notepad'));
    const assoc = resources('AWS::AppStream::ApplicationEntitlementAssociation');
    expect(assoc.map(([id]) => id)).toEqual([
      expect.stringMatching(/^SFinanceApplicationStackApp[0-9A-F]{16}$/), expect.stringMatching(/^SFinanceApplicationStackImported[0-9A-F]{16}$/),
    ]);
    const entitlementId = resources('AWS::AppStream::Entitlement')[0][0];
    const appId = resources('AWS::AppStream::Application')[0][0];
    const stackRef = { Ref: resources('AWS::AppStream::Stack')[0][0] };
    expect(assoc[0][1].Properties).toEqual({ StackName: stackRef, EntitlementName: 'Finance', ApplicationIdentifier: a.applicationName });
    expect(assoc[0][1].DependsOn).toEqual([appId, entitlementId].sort());
    expect(assoc[1][1].Properties).toEqual({ StackName: stackRef, EntitlementName: 'Finance', ApplicationIdentifier: 'notepad' });
    expect(assoc[1][1].DependsOn).toEqual([entitlementId]);
  });

  test('with visibility ALL, what is not an application, or an application without a name, fails', () => {
    const s = new AppStreamStack(stack, 'S');
    const all = s.addEntitlement('All', entitlementOptions());
    expect(() => all.addApplication(Application.fromApplicationName(stack, 'I', 'notepad')))
      .toThrow("Entitlement 'Stack/S/All': addApplication() \"Stack/I\" cannot be associated: the entitlement has appVisibility ALL, which already gives every application of the stack. Use AppVisibility.ASSOCIATED to entitle users to chosen applications only.");
    const e = s.addEntitlement('Some', entitlementOptions({ appVisibility: AppVisibility.ASSOCIATED }));
    expect(() => e.addApplication(js('notepad'))).toThrow("Entitlement 'Stack/S/Some': addApplication(application) \"notepad\" must be an IApplication, not a string. Give an Application, defined here or imported with its from… methods (the application).");
    expect(() => e.addApplication(js({ applicationName: 'notepad' }))).toThrow("Entitlement 'Stack/S/Some': addApplication(application) {\"applicationName\":\"notepad\"} must be an IApplication, not an object (it has no applicationArn). Give an Application, defined here or imported with its from… methods (the application).");
    expect(() => e.addApplication(js({ node: {} }))).toThrow("Entitlement 'Stack/S/Some': addApplication(application) {\"node\":{}} must be an IApplication, not an object (it has no applicationArn, applicationName). Give an Application, defined here or imported with its from… methods (the application).");
    const nameless = Object.assign(new Construct(stack, 'Nameless'), { applicationName: '' });
    expect(() => e.addApplication(js(nameless))).toThrow("Entitlement 'Stack/S/Some': addApplication(application) Stack/Nameless must be an IApplication, not a Construct (it has no applicationArn). Give an Application, defined here or imported with its from… methods (the application).");
    const empty = Object.assign(new Construct(stack, 'Empty'), { applicationName: '', applicationArn: 'arn:aws:appstream:us-east-1:123456789012:application/x' });
    expect(() => e.addApplication(js(empty))).toThrow("Entitlement 'Stack/S/Some': addApplication() \"\" must not be empty. Give an application with a name.");
  });

  test('the same application twice fails, by name; two imports of one token name are two applications', () => {
    const s = new AppStreamStack(stack, 'S');
    const e = s.addEntitlement('Some', entitlementOptions({ appVisibility: AppVisibility.ASSOCIATED }));
    const a = application('App');
    e.addApplication(a);
    expect(() => e.addApplication(a)).toThrow("Entitlement 'Stack/S/Some': addApplication() \"Stack/App\" adds the same application as 'Stack/App' again. Add each application once.");
    e.addApplication(Application.fromApplicationName(stack, 'I1', 'notepad'));
    expect(() => e.addApplication(Application.fromApplicationName(stack, 'I2', 'notepad')))
      .toThrow("Entitlement 'Stack/S/Some': addApplication() \"Stack/I2\" adds the same application as 'Stack/I1' again. Add each application once.");
    const token = new CfnParameter(stack, 'Name').valueAsString;
    e.addApplication(Application.fromApplicationName(stack, 'T1', token));
    e.addApplication(Application.fromApplicationName(stack, 'T2', token));
    expect(resources('AWS::AppStream::ApplicationEntitlementAssociation')).toHaveLength(4);
  });
});

describe('the desktop stream view warning', () => {
  const desktop = (id = 'Fleet') => new Fleet(stack, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, streamView: StreamView.DESKTOP });
  const text = (fleetPath: string) =>
    `stack 'Stack/S' streams from fleet '${fleetPath}', whose streamView is DESKTOP, and entitlements do not apply to the desktop stream view: the stack's users see the whole desktop whatever their attributes. Use StreamView.APP on the fleet, or leave the entitlement out. [ack: cdk-appstream:entitlement:desktopStreamView]`;

  test('on an entitlement of a stack that already streams the desktop', () => {
    const s = new AppStreamStack(stack, 'S', { fleet: desktop() });
    s.addEntitlement('E', entitlementOptions());
    expect(warningsAt('/Stack/S/E')).toEqual([text('Stack/Fleet')]);
  });

  test('on each entitlement, when the desktop fleet comes after them', () => {
    const s = new AppStreamStack(stack, 'S');
    s.addEntitlement('E', entitlementOptions());
    new Entitlement(stack, 'Other', { stack: s, ...entitlementOptions() });
    expect(warningsAt('/Stack/S/E')).toEqual([]);
    s.associateFleet(desktop('Desk'));
    expect(warningsAt('/Stack/S/E')).toEqual([text('Stack/Desk')]);
    expect(warningsAt('/Stack/Other')).toEqual([text('Stack/Desk')]);
  });

  test('not for an Elastic fleet, an imported fleet, or the application view', () => {
    const apps = new Fleet(stack, 'Apps', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, streamView: StreamView.APP });
    new AppStreamStack(stack, 'A', { fleet: apps }).addEntitlement('E', entitlementOptions());
    new AppStreamStack(stack, 'B', { fleet: elastic() }).addEntitlement('E', entitlementOptions());
    new AppStreamStack(stack, 'C', { fleet: Fleet.fromFleetName(stack, 'Imported', 'x') }).addEntitlement('E', entitlementOptions());
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('desktopStreamView'))).toEqual([]);
  });
});
