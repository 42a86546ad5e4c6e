import { createHash } from 'crypto';
import { App, CfnParameter, Duration, RemovalPolicy, SecretValue, Size, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  DirectoryConfig, Fleet, FleetCapacity, FleetPlatform, FleetProps, FleetType, Image, ImageBuilder, InstanceType, ServiceAccountCredentials,
  StreamView,
} from '../lib';

const IMAGE = Image.fromName('MyImage-2026-11-30');
const TYPE = InstanceType.STANDARD_MEDIUM;

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack');
});

function fleet(props: Partial<FleetProps> = {}, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, { image: IMAGE, instanceType: TYPE, ...props });
}

function fleetResource(): Record<string, any> {
  const all = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet'));
  expect(all).toHaveLength(1);
  return all[0];
}

function fleetProps(): Record<string, any> {
  return fleetResource().Properties;
}

function param(name: string, type?: string): string {
  return new CfnParameter(stack, name, { type }).valueAsString;
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('defaults', () => {
  test('a minimal fleet: On-Demand, one instance, a generated name, started on creation, no role, no VPC', () => {
    const f = fleet();
    const resource = fleetResource();
    // The generated name ends in a hash of the create-only FleetType (as resourceName hashes it).
    const hash = createHash('sha256').update(JSON.stringify({ fleetType: 'ON_DEMAND' })).digest('hex').slice(0, 8);
    expect(resource.Properties).toEqual({
      Name: `StackFleet49D4F16D-${hash}`,
      InstanceType: 'stream.standard.medium',
      ImageName: 'MyImage-2026-11-30',
      FleetType: 'ON_DEMAND',
      ComputeCapacity: { DesiredInstances: 1 },
    });
    expect(resource.CreationPolicy).toEqual({ StartFleet: true });
    expect(resource.DeletionPolicy).toBe('Delete');
    expect(stack.resolve(f.fleetName)).toEqual({ Ref: stack.getLogicalId(f.node.defaultChild as any) });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 0);
    expect(warnings()).toEqual([]);
  });

  test('in a VPC: all private subnets with egress and one new security group', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    fleet({ vpc });
    expect(fleetProps().VpcConfig).toEqual({
      SubnetIds: vpc.privateSubnets.map((s) => stack.resolve(s.subnetId)),
      SecurityGroupIds: [{ 'Fn::GetAtt': [expect.stringMatching(/^FleetSecurityGroup/), 'GroupId'] }],
    });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 1);
  });

  test('the role is defined on first use, once, and trusts AppStream', () => {
    const f = fleet();
    expect(f.role).toBe(f.grantPrincipal);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] },
    });
    expect(fleetProps().IamRoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^FleetRole/), 'Arn'] });
    expect(f.role).toBe(f.role);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 1);
  });
});

describe('every prop set', () => {
  test('renders every property', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const sg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0123456789abcdef0');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    const directory = DirectoryConfig.fromDirectoryName(stack, 'Dir', 'corp.example.com');
    fleet({
      fleetName: 'my-fleet',
      displayName: 'My fleet',
      description: 'Streams my image',
      fleetType: FleetType.ALWAYS_ON,
      capacity: FleetCapacity.instances(2),
      vpc,
      vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
      securityGroups: [sg],
      role,
      domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      maxUserDuration: Duration.hours(8),
      disconnectTimeout: Duration.minutes(15),
      idleDisconnectTimeout: Duration.minutes(10),
      streamView: StreamView.DESKTOP,
      usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'],
      rootVolumeSize: Size.gibibytes(300),
      requireImdsv2: true,
      startFleet: false,
      tags: { team: 'desktops' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const resource = fleetResource();
    expect(resource.Properties).toEqual({
      Name: 'my-fleet',
      DisplayName: 'My fleet',
      Description: 'Streams my image',
      InstanceType: 'stream.standard.medium',
      ImageName: 'MyImage-2026-11-30',
      FleetType: 'ALWAYS_ON',
      ComputeCapacity: { DesiredInstances: 2 },
      VpcConfig: { SubnetIds: [stack.resolve(vpc.privateSubnets[0].subnetId)], SecurityGroupIds: ['sg-0123456789abcdef0'] },
      IamRoleArn: stack.resolve(role.roleArn),
      DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      MaxUserDurationInSeconds: 28800,
      DisconnectTimeoutInSeconds: 900,
      IdleDisconnectTimeoutInSeconds: 600,
      StreamView: 'DESKTOP',
      UsbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'],
      RootVolumeConfig: { VolumeSizeInGb: 300 },
      DisableIMDSV1: true,
      Tags: [{ Key: 'team', Value: 'desktops' }],
    });
    expect(resource.CreationPolicy).toBeUndefined();
    expect(resource.DeletionPolicy).toBe('Retain');
  });

  test('a multi-session fleet, an image by ARN and internet access in public subnets', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    fleet({
      image: Image.fromArn('arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024'),
      capacity: FleetCapacity.sessions({ desiredSessions: 20, maxSessionsPerInstance: 5 }),
      vpc,
      enableDefaultInternetAccess: true,
    });
    const p = fleetProps();
    expect(p).toMatchObject({
      ImageArn: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024',
      ComputeCapacity: { DesiredSessions: 20 },
      MaxSessionsPerInstance: 5,
      EnableDefaultInternetAccess: true,
      VpcConfig: { SubnetIds: vpc.publicSubnets.map((s) => stack.resolve(s.subnetId)) },
    });
    expect(p.ImageName).toBeUndefined();
  });

  test('an idle timeout of 0 turns the idle disconnect off, without a warning', () => {
    fleet({ idleDisconnectTimeout: Duration.seconds(0) });
    expect(fleetProps().IdleDisconnectTimeoutInSeconds).toBe(0);
    expect(warnings()).toEqual([]);
  });
});

describe('attributes and imports', () => {
  test('name, ARN and reference of a fleet defined in the app', () => {
    const f = fleet({ fleetName: 'my-fleet' });
    const ref = { Ref: expect.stringMatching(/^Fleet/) };
    expect(stack.resolve(f.fleetName)).toEqual(ref);
    expect(stack.resolve(f.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':fleet/', ref]] });
    expect(stack.resolve(f.fleetRef)).toEqual({ fleetId: ref });
    expect(() => f.connections).toThrow(/Fleet 'Stack\/Fleet': connections are only those of a fleet in a VPC/);
  });

  test('fromFleetName builds the ARN with the stack environment', () => {
    const env = new Stack(app, 'Env', { env: { account: '123456789012', region: 'eu-west-2' } });
    const f = Fleet.fromFleetName(env, 'F', 'legacy');
    expect(f.fleetName).toBe('legacy');
    expect(env.resolve(f.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-2:123456789012:fleet/legacy']] });
    expect(f.fleetRef.fleetId).toBe('legacy');
  });

  test('fromFleetArn parses the name and the environment', () => {
    const f = Fleet.fromFleetArn(stack, 'F', 'arn:aws:appstream:eu-west-1:123456789012:fleet/shared');
    expect(f.fleetName).toBe('shared');
    expect(f.env).toEqual({ account: '123456789012', region: 'eu-west-1' });
  });

  test('imports take tokens', () => {
    const byName = Fleet.fromFleetName(stack, 'ByName', param('FleetName'));
    expect(Token.isUnresolved(byName.fleetName)).toBe(true);
    const byArn = Fleet.fromFleetArn(stack, 'ByArn', param('FleetArn'));
    expect(stack.resolve(byArn.fleetName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'FleetArn' }] }] }] }] });
  });

  test('isFleet tells fleets from other constructs', () => {
    expect(Fleet.isFleet(fleet())).toBe(true);
    expect(Fleet.isFleet(Fleet.fromFleetName(stack, 'I', 'x'))).toBe(false);
    expect(Fleet.isFleet(stack)).toBe(false);
    expect(Fleet.isFleet(undefined)).toBe(false);
    expect(Fleet.isFleet(null)).toBe(false);
  });
});

describe('grants', () => {
  let admins: iam.Role;
  beforeEach(() => {
    admins = new iam.Role(stack, 'Admins', { assumedBy: new iam.AccountRootPrincipal() });
  });

  function statements(): any[] {
    return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
  }

  test('grantStartStop gives StartFleet and StopFleet on the fleet ARN, and defines no fleet role', () => {
    const f = fleet({ fleetName: 'my-fleet' });
    f.grantStartStop(admins);
    expect(statements()).toEqual([{ Action: ['appstream:StartFleet', 'appstream:StopFleet'], Effect: 'Allow', Resource: stack.resolve(f.fleetArn) }]);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 1);
  });

  test('grant on an imported fleet gives the actions on its ARN', () => {
    const f = Fleet.fromFleetArn(stack, 'F', 'arn:aws:appstream:us-east-1:123456789012:fleet/shared');
    f.grant(admins, 'appstream:DescribeFleets');
    expect(statements()).toEqual([{ Action: 'appstream:DescribeFleets', Effect: 'Allow', Resource: 'arn:aws:appstream:us-east-1:123456789012:fleet/shared' }]);
  });

  test('the fleet is a grantee: grants go to its role', () => {
    const f = fleet();
    iam.Grant.addToPrincipal({ grantee: f, actions: ['s3:GetObject'], resourceArns: ['arn:aws:s3:::installers/*'] });
    expect(fleetProps().IamRoleArn).toBeDefined();
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 2);
  });
});

describe('autoScaleCapacity', () => {
  test('a scalable target on fleet/<name> (a Ref, so after the fleet), through the service-linked role', () => {
    const f = fleet({ fleetName: 'my-fleet' });
    const scaling = f.autoScaleCapacity({ minCapacity: 1, maxCapacity: 10 });
    scaling.scaleOnUtilization('Utilization', { targetUtilizationPercent: 75 });
    scaling.scaleOnSchedule('Night', { schedule: appscaling.Schedule.cron({ hour: '20', minute: '0' }), minCapacity: 0, maxCapacity: 2 });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::ApplicationAutoScaling::ScalableTarget', {
      Properties: {
        ServiceNamespace: 'appstream',
        ResourceId: { 'Fn::Join': ['', ['fleet/', { Ref: Match.stringLikeRegexp('^Fleet') }]] },
        ScalableDimension: 'appstream:fleet:DesiredCapacity',
        MinCapacity: 1,
        MaxCapacity: 10,
        RoleARN: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/appstream.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_AppStreamFleet']] },
        ScheduledActions: [{ ScheduledActionName: 'Night', Schedule: 'cron(0 20 * * ? *)', ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 2 } }],
      },
      DependsOn: Match.absent(), // the Ref to the fleet in ResourceId orders the two
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'AppStreamAverageCapacityUtilization' }, TargetValue: 75 },
    });
  });

  test('minCapacity defaults to 1', () => {
    fleet().autoScaleCapacity({ maxCapacity: 4 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 4 });
  });

  test('fails a second call', () => {
    const f = fleet();
    f.autoScaleCapacity({ maxCapacity: 4 });
    expect(() => f.autoScaleCapacity({ maxCapacity: 5 })).toThrow(/Fleet 'Stack\/Fleet': autoScaleCapacity\(\) has already been called/);
  });

  test('fails a minimum above the maximum, and a maximum of 0', () => {
    expect(() => fleet().autoScaleCapacity({ minCapacity: 5, maxCapacity: 4 })).toThrow(/autoScaleCapacity\(\).minCapacity 5 is more than maxCapacity \(4\)/);
    expect(() => fleet({}, 'F2').autoScaleCapacity({ minCapacity: 0, maxCapacity: 0 })).toThrow(/autoScaleCapacity\(\).maxCapacity 0 must be a whole number from 1/);
  });

  test('fails a target utilization of 0 or over 100', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 4 });
    expect(() => scaling.scaleOnUtilization('Utilization', { targetUtilizationPercent: 0 })).toThrow(/targetUtilizationPercent 0 must be more than 0 and at most 100/);
    expect(() => scaling.scaleOnUtilization('Utilization', { targetUtilizationPercent: 101 })).toThrow(/targetUtilizationPercent 101/);
  });
});

describe('rules', () => {
  describe('fleetName', () => {
    test('accepts 101 characters', () => {
      fleet({ fleetName: `a${'b'.repeat(100)}` });
    });
    test('fails a name with a space', () => {
      expect(() => fleet({ fleetName: 'my fleet' })).toThrow(/^Fleet 'Stack\/Fleet': fleetName "my fleet" must be 1 to 101 characters/);
    });
    test('fails a name used twice in the same account and region', () => {
      fleet({ fleetName: 'same' });
      expect(() => fleet({ fleetName: 'same' }, 'Other')).toThrow(/fleetName "same" is already used by 'Stack\/Fleet'/);
    });
    test('an image builder may have the same name as a fleet', () => {
      fleet({ fleetName: 'same' });
      new ImageBuilder(stack, 'Builder', { image: IMAGE, instanceType: TYPE, imageBuilderName: 'same' });
    });
  });

  describe('displayName and description', () => {
    test('accept their maximum lengths', () => {
      fleet({ displayName: 'd'.repeat(100), description: 'd'.repeat(256) });
    });
    test('fails a display name of 101 characters and a description of 257', () => {
      expect(() => fleet({ displayName: 'd'.repeat(101) })).toThrow(/displayName .* must be at most 100 characters/);
      expect(() => fleet({ description: 'd'.repeat(257) }, 'F2')).toThrow(/description .* must be at most 256 characters/);
    });
  });

  describe('image', () => {
    test('accepts an image ARN of the stack\'s partition', () => {
      const cn = new Stack(app, 'Cn', { env: { region: 'cn-north-1' } });
      new Fleet(cn, 'F', { image: Image.fromArn('arn:aws-cn:appstream:cn-north-1:123456789012:image/mine'), instanceType: TYPE });
    });
    test('fails a name the fleet\'s Name shape refuses, which an image builder accepts', () => {
      new ImageBuilder(stack, 'Builder', { image: Image.fromName('My Image'), instanceType: TYPE });
      expect(() => fleet({ image: Image.fromName('My Image') })).toThrow(/^Fleet 'Stack\/Fleet': image \(Image.fromName\) "My Image" must be 1 to 101 characters/);
    });
    test('fails an image ARN of another partition than the stack\'s region', () => {
      const cn = new Stack(app, 'Cn', { env: { region: 'cn-north-1' } });
      expect(() => new Fleet(cn, 'F', { image: Image.fromArn('arn:aws:appstream:us-east-1::image/x'), instanceType: TYPE }))
        .toThrow(/image \(Image.fromArn\) "arn:aws:appstream:us-east-1::image\/x" is in partition aws, but the stack deploys to partition aws-cn/);
    });
    test('fails an ARN that is not an AppStream image', () => {
      expect(() => fleet({ image: Image.fromArn('arn:aws:appstream:us-east-1:123456789012:fleet/x') })).toThrow(/^Fleet 'Stack\/Fleet': image \(Image.fromArn\)/);
    });
    test('fails a missing image (plain JavaScript)', () => {
      expect(() => fleet({ image: undefined as any })).toThrow(/^Fleet 'Stack\/Fleet': image is required/);
    });
  });

  describe('instanceType', () => {
    test('accepts the two fleet-only types', () => {
      fleet({ instanceType: InstanceType.STANDARD_XLARGE });
      fleet({ instanceType: InstanceType.STANDARD_2XLARGE }, 'F2');
    });
    test('fails a fleet-only type on an image builder', () => {
      expect(() => new ImageBuilder(stack, 'B', { image: IMAGE, instanceType: InstanceType.STANDARD_XLARGE }))
        .toThrow(/^ImageBuilder 'Stack\/B': instanceType "stream.standard.xlarge" is not offered for image builders/);
    });
    test('an unlisted stream. type warns', () => {
      // Read from the construct's metadata, not a synthesized template: cfn-lint rightly refuses the type.
      const f = fleet({ instanceType: InstanceType.of('stream.future.large') });
      const found = f.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
      expect(found).toEqual([expect.stringMatching(/instanceType 'stream.future.large' is not one of the fleet instance types.*cdk-appstream:fleet:unknownInstanceType/)]);
    });
    test('fails a missing instance type (plain JavaScript)', () => {
      expect(() => fleet({ instanceType: null as any })).toThrow(/instanceType is required/);
    });
  });

  describe('capacity', () => {
    test('accepts 0 instances and 0 sessions', () => {
      fleet({ capacity: FleetCapacity.instances(0) });
      fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 0, maxSessionsPerInstance: 1 }) }, 'F2');
    });
    test('fails a negative or fractional number of instances', () => {
      expect(() => fleet({ capacity: FleetCapacity.instances(-1) })).toThrow(/capacity \(FleetCapacity.instances\) -1 must be a whole number from 0/);
      expect(() => fleet({ capacity: FleetCapacity.instances(1.5) }, 'F2')).toThrow(/capacity \(FleetCapacity.instances\) 1.5/);
    });
    test('fails sessions without sessions per instance (plain JavaScript), and 0 sessions per instance', () => {
      expect(() => fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 4 } as any) }))
        .toThrow(/^FleetCapacity\.sessions\(\): options\.maxSessionsPerInstance is required\. Give a number \(the number of sessions each instance hosts, 1 or more\)\./);
      expect(() => fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 0 }) }, 'F2'))
        .toThrow(/maxSessionsPerInstance 0 must be a whole number from 1/);
    });
  });

  describe('durations', () => {
    test('accept the ends of the ranges both the API and CloudFormation accept', () => {
      fleet({ maxUserDuration: Duration.seconds(600), disconnectTimeout: Duration.seconds(60), idleDisconnectTimeout: Duration.seconds(60) });
      fleet({ maxUserDuration: Duration.seconds(360000), disconnectTimeout: Duration.seconds(36000), idleDisconnectTimeout: Duration.seconds(3600) }, 'F2');
    });
    test('fails a max user duration the API accepts but CloudFormation refuses', () => {
      expect(() => fleet({ maxUserDuration: Duration.seconds(432000) })).toThrow(/maxUserDuration \(in seconds\) 432000 must be a whole number from 600 to 360000\. .*CloudFormation refuses more/);
    });
    test('fails a max user duration under 10 minutes', () => {
      expect(() => fleet({ maxUserDuration: Duration.seconds(599) })).toThrow(/maxUserDuration \(in seconds\) 599/);
    });
    test('fails a disconnect timeout CloudFormation accepts but the API refuses', () => {
      expect(() => fleet({ disconnectTimeout: Duration.seconds(36001) })).toThrow(/disconnectTimeout \(in seconds\) 36001 must be a whole number from 60 to 36000/);
    });
    test('fails an idle timeout over an hour, and one between 0 and 60 seconds', () => {
      expect(() => fleet({ idleDisconnectTimeout: Duration.hours(2) })).toThrow(/idleDisconnectTimeout \(in seconds\) 7200 must be a whole number from 60 to 3600\. Give 0 to turn the idle disconnect off/);
      expect(() => fleet({ idleDisconnectTimeout: Duration.seconds(30) }, 'F2')).toThrow(/idleDisconnectTimeout \(in seconds\) 30/);
    });
    test('fails a duration of part seconds', () => {
      expect(() => fleet({ disconnectTimeout: Duration.millis(60500) })).toThrow(/disconnectTimeout \(in seconds\) 60.5 must be a whole number/);
    });
    test('warns for an idle timeout that is not a whole number of minutes', () => {
      fleet({ idleDisconnectTimeout: Duration.seconds(90) });
      expect(warnings()).toEqual([expect.stringMatching(/idleDisconnectTimeout 90 seconds is not a whole number of minutes: AppStream rounds it to 120 seconds.*\[ack: cdk-appstream:fleet:idleDisconnectTimeoutRounded\]/)]);
    });
    test('pass tokens in seconds unchecked, and fail a token in another unit', () => {
      fleet({ maxUserDuration: Duration.seconds(Token.asNumber(param('Max', 'Number'))) });
      expect(fleetProps().MaxUserDurationInSeconds).toEqual({ Ref: 'Max' });
      expect(() => fleet({ disconnectTimeout: Duration.minutes(Token.asNumber(param('Minutes', 'Number'))) }, 'F2')).toThrow(/disconnectTimeout is a token in a unit other than seconds/);
    });
  });

  describe('usbDeviceFilterStrings', () => {
    test('accepts filter strings in the model\'s format; an empty list renders nothing', () => {
      fleet({ usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0', ', , , , , , 0, 1'] });
      fleet({ usbDeviceFilterStrings: [] }, 'F2');
    });
    test('fails a string of the wrong shape', () => {
      expect(() => fleet({ usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0', 'any usb device'] }))
        .toThrow(/usbDeviceFilterStrings\[1\] "any usb device" must be a USB device filter string/);
    });
  });

  describe('vpc and vpcSubnets', () => {
    test('accepts several subnets', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 });
      fleet({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });
      expect(fleetProps().VpcConfig.SubnetIds).toHaveLength(vpc.privateSubnets.length);
    });
    test('fails a selection of no subnet', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
      expect(() => fleet({ vpc, vpcSubnets: { subnets: [] } })).toThrow(/vpcSubnets selects no subnet\. A fleet needs at least one subnet/);
    });
    test('fails internet access with private subnets', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
      expect(() => fleet({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, enableDefaultInternetAccess: true }))
        .toThrow(/enableDefaultInternetAccess true needs a public subnet/);
    });
    test('fails more than 5 security groups, and security groups without a VPC', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
      const groups = Array.from({ length: 6 }, (_, i) => ec2.SecurityGroup.fromSecurityGroupId(stack, `Sg${i}`, `sg-0000000${i}`));
      expect(() => fleet({ vpc, securityGroups: groups })).toThrow(/securityGroups must have at most 5/);
      expect(() => fleet({ securityGroups: groups.slice(0, 1) }, 'F2')).toThrow(/securityGroups need a vpc/);
    });
  });

  describe('domainJoin', () => {
    test('depends on a directory config of the app, and checks its OU', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
      const directory = new DirectoryConfig(stack, 'Dir', {
        directoryName: 'corp.example.com',
        organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
        serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.secretsManager('svc')),
      });
      fleet({ vpc, domainJoin: { directory } });
      // The directory's name by reference orders the two: no DependsOn.
      expect(fleetResource().DependsOn).toBeUndefined();
      expect(fleetResource().Properties.DomainJoinInfo).toEqual({ DirectoryName: { Ref: expect.stringMatching(/^Dir/) } });
      expect(() => fleet({ vpc, domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=Other,DC=corp,DC=example,DC=com' } }, 'F2'))
        .toThrow(/^Fleet 'Stack\/F2': domainJoin.organizationalUnitDistinguishedName .* is not one of the OUs of directory config/);
    });
    test('fails without a VPC', () => {
      expect(() => fleet({ domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com') } }))
        .toThrow(/^Fleet 'Stack\/Fleet': domainJoin needs a vpc: a fleet must reach the domain controllers/);
    });
  });

  describe('rootVolumeSize, tags and role', () => {
    test('warn for a volume of 100 GiB: only the docs give the range (the model and the CloudFormation schema take any integer)', () => {
      fleet({ rootVolumeSize: Size.gibibytes(100) });
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('rootVolumeSize 100 is outside the range the AppStream docs give, 200 to 500')).map((w) => w.id))
        .toEqual(['/Stack/Fleet']);
    });
    test('fail a volume of 250.5 GiB, a reserved tag key and a role AppStream cannot assume', () => {
      expect(() => fleet({ rootVolumeSize: Size.gibibytes(250.5) })).toThrow(/rootVolumeSize 250.5 must be a whole number from 200 to 500/);
      expect(() => fleet({ tags: { 'aws:x': 'y' } }, 'F2')).toThrow(/tag key "aws:x"/);
      fleet({ role: new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }) }, 'F3');
      expect(() => app.synth()).toThrow(/Fleet 'Stack\/F3': role .* cannot be assumed by appstream.amazonaws.com/);
    });
  });

  describe('region support', () => {
    test('warns in a region whose CloudFormation lacks what the fleet sets', () => {
      const west = new Stack(app, 'West', { env: { region: 'us-west-1' } });
      new Fleet(west, 'F', { image: IMAGE, instanceType: TYPE, rootVolumeSize: Size.gibibytes(300) });
      const found = Annotations.fromStack(west).findWarning('*', Match.stringLikeRegexp('RootVolumeConfig'));
      expect(found).toHaveLength(1);
      expect(String(found[0].entry.data)).toMatch(/cdk-appstream:fleet:propertyNotInRegion/);
    });
    test('warns in a region without fleets', () => {
      const gov = new Stack(app, 'Gov', { env: { region: 'us-gov-east-1' } });
      new Fleet(gov, 'F', { image: IMAGE, instanceType: TYPE });
      expect(Annotations.fromStack(gov).findWarning('*', Match.stringLikeRegexp('cdk-appstream:fleet:resourceNotInRegion'))).toHaveLength(1);
    });
  });

  describe('plain JavaScript', () => {
    test('null props are treated as absent', () => {
      fleet({ displayName: null, vpc: null, tags: null, capacity: null, usbDeviceFilterStrings: null, maxUserDuration: null } as any);
      expect(fleetProps().ComputeCapacity).toEqual({ DesiredInstances: 1 });
    });
  });

  describe('tokens', () => {
    test('are passed through unchecked', () => {
      fleet({
        fleetName: param('Name'),
        displayName: param('Display'),
        image: Image.fromName(param('Image')),
        instanceType: InstanceType.of(param('Type')),
        capacity: FleetCapacity.instances(Token.asNumber(param('Count', 'Number'))),
        usbDeviceFilterStrings: [param('Usb')],
      });
      expect(fleetProps()).toMatchObject({ Name: { Ref: 'Name' }, ImageName: { Ref: 'Image' }, InstanceType: { Ref: 'Type' }, ComputeCapacity: { DesiredInstances: { Ref: 'Count' } } });
    });
  });
});

describe('platform', () => {
  test('written as CreateFleet Platform: each platform the API names', () => {
    const all = [
      FleetPlatform.WINDOWS, FleetPlatform.WINDOWS_SERVER_2016, FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.WINDOWS_SERVER_2022,
      FleetPlatform.WINDOWS_SERVER_2025, FleetPlatform.AMAZON_LINUX2, FleetPlatform.RHEL8, FleetPlatform.ROCKY_LINUX8, FleetPlatform.UBUNTU_PRO_2404,
    ];
    all.forEach((platform, i) => fleet({ platform }, `F${i}`));
    const written = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet')).map((r) => r.Properties.Platform);
    expect(written).toEqual(['WINDOWS', 'WINDOWS_SERVER_2016', 'WINDOWS_SERVER_2019', 'WINDOWS_SERVER_2022', 'WINDOWS_SERVER_2025', 'AMAZON_LINUX2', 'RHEL8', 'ROCKY_LINUX8', 'UBUNTU_PRO_2404']);
    expect(warnings()).toEqual([]);
  });

  test('left out by default (the image\'s platform)', () => {
    fleet();
    expect(fleetProps().Platform).toBeUndefined();
  });

  test('fails to be silent on a platform the library does not know, and passes a token', () => {
    fleet({ platform: FleetPlatform.of('WINDOWS_SERVER_2031') });
    fleet({ platform: FleetPlatform.of(param('Platform')) }, 'F2');
    expect(warnings()).toEqual([expect.stringMatching(/^platform 'WINDOWS_SERVER_2031' is not one of the platforms this library knows for fleets \(FleetPlatform\.WINDOWS, FleetPlatform\.[A-Z0-9_]+(, FleetPlatform\.[A-Z0-9_]+)*\); .*\[ack: cdk-appstream:fleet:unknownPlatform\]$/)]);
  });

  test('warns, naming the prop, in a region whose CloudFormation has no Platform for fleets', () => {
    const cn = new Stack(new App(), 'China', { env: { account: '123456789012', region: 'cn-northwest-1' } });
    new Fleet(cn, 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, platform: FleetPlatform.WINDOWS_SERVER_2019 });
    new Fleet(cn, 'Plain', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM });
    const notInRegion = (path: string) => Annotations.fromStack(cn).findWarning(path, Match.stringLikeRegexp('propertyNotInRegion')).map((w) => String(w.entry.data));
    expect(notInRegion('/China/Fleet')).toEqual([expect.stringMatching(/^CloudFormation in cn-northwest-1 does not offer AWS::AppStream::Fleet\.Platform .*Leave platform out in cn-northwest-1.*Platform \(set by platform\)/)]);
    expect(notInRegion('/China/Plain')).toEqual([]);
  });
});
