/**
 * The name and ARN attributes of every construct that defines an AppStream resource, used from another
 * Stage (lib/private/references.ts, through each construct's attributeReference call): the literal
 * value, named with the construct's resource type, or, for a name known only at deployment, the error
 * naming the construct and the prop. And the aws-cdk-lib reference getters of the defined constructs.
 */
import { App, Aws, CfnResource, Fn, Stack as CdkStack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, test } from 'vitest';
import {
  AppBlock, AppBlockBuilder, AppBlockPackaging, Application, DirectoryConfig, ElasticFleet, Fleet, FleetPlatform, Image, ImageBuilder,
  InstanceFamily, InstanceType, S3Location, ServiceAccountCredentials, Stack,
} from '../../lib';

const ENV = { account: '123456789012', region: 'us-east-1' };
/** The function behind the custom resource that uses the attribute (a custom resource needs one). */
const USES_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:uses';

interface Case {
  /** The construct's kind, as messages name it. */
  readonly kind: string;
  /** The prop whose value the attribute is. */
  readonly prop: string;
  /** Defines the construct in `scope` with `name`, and returns the attribute. */
  readonly make: (scope: CdkStack, name: string) => string;
  /** The attribute's literal value for `name`, as the other Stage's template holds it (no partition). */
  readonly literal: (name: string) => string;
}

const CASES: Case[] = [
  {
    kind: 'AppBlock',
    prop: 'appBlockName',
    make: (scope, name) => new AppBlock(scope, 'It', {
      appBlockName: name, source: S3Location.fromBucketName('apps-bucket', 'apps/notepad.vhdx'), packaging: AppBlockPackaging.appStream2(),
    }).appBlockArn,
    literal: (name) => `:appstream:us-east-1:123456789012:app-block/${name}`,
  },
  {
    kind: 'Application',
    prop: 'applicationName',
    make: (scope, name) => new Application(scope, 'It', {
      applicationName: name,
      appBlock: AppBlock.fromAppBlockArn(scope, 'Block', 'arn:aws:appstream:us-east-1:123456789012:app-block/notepad'),
      launchPath: 'C:\\notepad.exe',
      icon: S3Location.fromBucketName('icons-bucket', 'icons/notepad.png'),
      platforms: [FleetPlatform.WINDOWS_SERVER_2019],
      instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
    }).applicationArn,
    literal: (name) => `:appstream:us-east-1:123456789012:application/${name}`,
  },
  {
    kind: 'DirectoryConfig',
    prop: 'directoryName',
    make: (scope, name) => new DirectoryConfig(scope, 'It', {
      directoryName: name,
      organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountCredentials: ServiceAccountCredentials.fromSecret(new secretsmanager.Secret(scope, 'Secret')),
    }).directoryName,
    literal: (name) => name,
  },
  {
    kind: 'AppBlockBuilder',
    prop: 'appBlockBuilderName',
    make: (scope, name) => new AppBlockBuilder(scope, 'It', {
      appBlockBuilderName: name, instanceType: InstanceType.STANDARD_MEDIUM, vpc: new ec2.Vpc(scope, 'Vpc', { maxAzs: 2 }),
    }).appBlockBuilderName,
    literal: (name) => name,
  },
  {
    kind: 'ImageBuilder',
    prop: 'imageBuilderName',
    make: (scope, name) => new ImageBuilder(scope, 'It', {
      imageBuilderName: name, image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM, enableDefaultInternetAccess: true,
    }).imageBuilderName,
    literal: (name) => name,
  },
  {
    kind: 'Stack',
    prop: 'stackName',
    make: (scope, name) => new Stack(scope, 'It', { stackName: name }).stackName,
    literal: (name) => name,
  },
  {
    kind: 'Fleet',
    prop: 'fleetName',
    make: (scope, name) => new Fleet(scope, 'It', { fleetName: name, image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM }).fleetName,
    literal: (name) => name,
  },
  {
    kind: 'ElasticFleet',
    prop: 'fleetName',
    make: (scope, name) => new ElasticFleet(scope, 'It', {
      fleetName: name,
      platform: FleetPlatform.WINDOWS_SERVER_2019,
      instanceType: InstanceType.STANDARD_MEDIUM,
      maxConcurrentSessions: 5,
      vpc: new ec2.Vpc(scope, 'Vpc', { maxAzs: 2 }),
    }).fleetName,
    literal: (name) => name,
  },
];

/** A construct defined in Stage Shared, its attribute used by a resource of Stage Dev. */
function acrossStages(c: Case, name: string): { dev: CdkStack; shared: CdkStack } {
  const app = new App();
  const shared = new CdkStack(new Stage(app, 'Shared', { env: ENV }), 'Fleets');
  const dev = new CdkStack(new Stage(app, 'Dev', { env: ENV }), 'Access');
  new CfnResource(dev, 'Uses', { type: 'Custom::Uses', properties: { ServiceToken: USES_FUNCTION, Value: c.make(shared, name) } });
  return { dev, shared };
}

describe.each(CASES)('$kind: its $prop attribute in another Stage', (c) => {
  test('is the literal value', () => {
    const { dev } = acrossStages(c, 'corp.example.com');
    const value = JSON.stringify(Template.fromStack(dev).findResources('Custom::Uses'));
    expect(value).toContain(c.literal('corp.example.com'));
    expect(value).not.toMatch(/Fn::GetAtt|"Ref":"It|Fn::ImportValue/);
  });

  test('fails for a name known only at deployment, naming the construct and the prop', () => {
    const { dev } = acrossStages(c, Fn.join('-', ['corp', Aws.REGION]));
    expect(() => Template.fromStack(dev)).toThrow(
      `${c.kind} 'Shared/Fleets/It': ${c.prop} is used in 'Dev/Access', in another Stage, but it is a token, known only at deployment, and no reference crosses Stages. `
      + "Give the resource a literal name, or define what uses it in the resource's own Stage.");
  });
});

describe('an ARN attribute of a construct in an env-agnostic stack, in another Stage', () => {
  test.each(CASES.slice(0, 2))('$kind: fails, naming the stack\'s missing account and region', (c) => {
    const app = new App();
    const shared = new CdkStack(new Stage(app, 'Shared'), 'Fleets');
    const dev = new CdkStack(new Stage(app, 'Dev', { env: ENV }), 'Access');
    new CfnResource(dev, 'Uses', { type: 'Custom::Uses', properties: { ServiceToken: USES_FUNCTION, Value: c.make(shared, 'notepad') } });
    expect(() => Template.fromStack(dev)).toThrow(
      `${c.kind} 'Shared/Fleets/It': ${c.prop} makes an ARN that is used in 'Dev/Access', in another Stage, but the resource's stack has no account and region, `
      + "so the ARN is known only at deployment. Give that stack an env with its account and region, or define what uses it in the resource's own Stage.");
  });
});

describe('the aws-cdk-lib reference of a defined app block and application: their ARNs', () => {
  test.each(['AppBlock', 'Application'])('%s', (kind) => {
    const stack = new CdkStack(new App(), 'Stack', { env: ENV });
    if (kind === 'AppBlock') {
      const b = new AppBlock(stack, 'It', { source: S3Location.fromBucketName('apps-bucket', 'apps/notepad.vhdx'), packaging: AppBlockPackaging.appStream2() });
      expect(b.appBlockRef).toEqual({ appBlockArn: b.appBlockArn });
    } else {
      const a = new Application(stack, 'It', {
        appBlock: AppBlock.fromAppBlockArn(stack, 'Block', 'arn:aws:appstream:us-east-1:123456789012:app-block/notepad'),
        launchPath: 'C:\\notepad.exe',
        icon: S3Location.fromBucketName('icons-bucket', 'icons/notepad.png'),
        platforms: [FleetPlatform.WINDOWS_SERVER_2019],
        instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
      });
      expect(a.applicationRef).toEqual({ applicationArn: a.applicationArn });
    }
  });
});
