/**
 * Apps shaped as CDK Pipelines shapes them: what several Stages share (the fleet, the directory config)
 * in a Stage of its own, and what uses it in other Stages, each its own cloud assembly, deployed on its
 * own. No reference and no dependency can cross a Stage: names are used literally there, and by
 * reference (`Ref`) within a Stage.
 */
import { App, Aws, CfnCondition, CfnResource, Fn, Stack as CdkStack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, test } from 'vitest';
import {
  AppVisibility, DirectoryConfig, ElasticFleet, Entitlement, EntitlementAttribute, Fleet, FleetPlatform, Image, ImageBuilder,
  InstanceType, SamlAttribute, ServiceAccountCredentials, Stack, User,
} from '../lib';

const ENV = { account: '123456789012', region: 'us-east-1' };

function fleet(scope: CdkStack, id = 'Fleet', props: Record<string, unknown> = {}): Fleet {
  return new Fleet(scope, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, ...props });
}

function stages() {
  const app = new App();
  const shared = new CdkStack(new Stage(app, 'Shared', { env: ENV }), 'Fleets');
  const dev = new CdkStack(new Stage(app, 'Dev', { env: ENV }), 'Access');
  const prod = new CdkStack(new Stage(app, 'Prod', { env: ENV }), 'Access');
  return { app, shared, dev, prod };
}

/** Every DependsOn of a template's resources. */
function dependsOn(stack: CdkStack): string[] {
  return Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { DependsOn?: string[] }>).flatMap((r) => r.DependsOn ?? []);
}

describe('a fleet shared by Stages', () => {
  test('stacks, users and entitlements in two Stages use the shared fleet\'s names literally', () => {
    const { app, shared, dev, prod } = stages();
    const f = fleet(shared, 'Fleet', { fleetName: 'desktops' });
    for (const [name, scope] of [['dev', dev], ['prod', prod]] as const) {
      const s = new Stack(scope, 'AppStack', { stackName: `${name}-stack`, fleet: f });
      s.addUser(new User(scope, 'Alice', { email: `alice-${name}@example.com` }));
      new Entitlement(scope, 'Finance', {
        stack: s, appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.DEPARTMENT, 'finance')],
      });
    }
    for (const [name, scope] of [['dev', dev], ['prod', prod]] as const) {
      const t = Template.fromStack(scope);
      // Across Stages: the literal name; within: the Ref.
      t.hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: 'desktops', StackName: { Ref: Match.stringLikeRegexp('^AppStack') } });
      t.hasResourceProperties('AWS::AppStream::Entitlement', { StackName: { Ref: Match.stringLikeRegexp('^AppStack') } });
      t.hasResourceProperties('AWS::AppStream::StackUserAssociation', { UserName: `alice-${name}@example.com`, StackName: { Ref: Match.stringLikeRegexp('^AppStack') } });
      expect(JSON.stringify(t.toJSON())).not.toMatch(/Fn::ImportValue/);
    }
    // Within the Stage, the user (whose name has no reference) is created before its association.
    expect(dependsOn(dev)).toEqual([expect.stringMatching(/^Alice/)]);
    expect(Template.fromStack(shared).toJSON().Outputs).toBeUndefined();
    expect(() => app.synth()).not.toThrow(); // every Stage, as the pipeline synthesizes them
  });

  test('a generated fleet name crosses Stages as the literal it is', () => {
    const { shared, dev } = stages();
    const f = fleet(shared);
    new Stack(dev, 'AppStack', { fleet: f });
    const name = Template.fromStack(shared).findResources('AWS::AppStream::Fleet');
    const fleetName = Object.values(name)[0].Properties.Name;
    expect(fleetName).toMatch(/^Shared-FleetsFleet/);
    Template.fromStack(dev).hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: fleetName });
  });

  test('fails when a fleet name known only at deployment is used in another Stage', () => {
    const { shared, dev } = stages();
    const f = fleet(shared, 'Fleet', { fleetName: Fn.join('-', ['desktops', Aws.REGION]) });
    new Stack(dev, 'AppStack', { fleet: f });
    expect(() => Template.fromStack(dev)).toThrow(/Fleet 'Shared\/Fleets\/Fleet': fleetName is used in 'Dev\/Access', in another Stage, but it is a token.*Give the resource a literal name/);
  });

  test('an Elastic fleet in the shared Stage, associated from another', () => {
    const { shared, dev } = stages();
    const vpc = new ec2.Vpc(shared, 'Vpc', { maxAzs: 2 });
    const f = new ElasticFleet(shared, 'Elastic', {
      fleetName: 'elastic', platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 5, vpc,
    });
    new Stack(dev, 'AppStack', { fleet: f });
    Template.fromStack(dev).hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: 'elastic' });
  });

  test('a fleet and an image builder join a directory config of the shared Stage, from stacks of another', () => {
    const { shared, dev } = stages();
    const directory = new DirectoryConfig(shared, 'Directory', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountCredentials: ServiceAccountCredentials.fromSecret(new secretsmanager.Secret(shared, 'Secret')),
    });
    const network = new CdkStack(dev.node.scope!, 'Network');
    const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2 });
    const builders = new CdkStack(dev.node.scope!, 'Builders');
    const domainJoin = { directory, organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' };
    new ImageBuilder(builders, 'Builder', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM, vpc, domainJoin });
    const f = fleet(dev, 'Fleet', { vpc, domainJoin });
    new Stack(dev, 'AppStack', { fleet: f });
    Template.fromStack(builders).hasResourceProperties('AWS::AppStream::ImageBuilder', { DomainJoinInfo: { DirectoryName: 'corp.example.com' } });
    const t = Template.fromStack(dev);
    t.hasResourceProperties('AWS::AppStream::Fleet', { DomainJoinInfo: { DirectoryName: 'corp.example.com' } });
    // Within the Stage the association refers to the fleet and the stack, which orders them; across it, nothing.
    t.hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: { Ref: Match.stringLikeRegexp('^Fleet') } });
    expect(dependsOn(dev)).toEqual([]);
  });

  test('within one Stage, across two stacks: a reference (an export), as aws-cdk-lib does', () => {
    const app = new App();
    const fleets = new CdkStack(app, 'Fleets', { env: ENV });
    const access = new CdkStack(app, 'Access', { env: ENV });
    const f = fleet(fleets, 'Fleet', { fleetName: 'desktops' });
    new Stack(access, 'AppStack', { fleet: f });
    Template.fromStack(access).hasResourceProperties('AWS::AppStream::StackFleetAssociation', { FleetName: { 'Fn::ImportValue': Match.stringLikeRegexp('Fleet') } });
    expect(access.dependencies).toEqual([fleets]);
  });
});

describe('depend on what is needed', () => {
  test('the stack–fleet association refers to the fleet\'s L1 only: a Condition on the scaling target leaves the template valid', () => {
    const app = new App();
    const stack = new CdkStack(app, 'Stack');
    const f = fleet(stack);
    f.autoScaleCapacity({ maxCapacity: 4 });
    const target = f.node.findAll().find((c) => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::ApplicationAutoScaling::ScalableTarget') as CfnResource;
    target.cfnOptions.condition = new CfnCondition(stack, 'Scale', { expression: Fn.conditionEquals('yes', 'yes') });
    new Stack(stack, 'AppStack', { fleet: f });
    const resources = Template.fromStack(stack).findResources('AWS::AppStream::StackFleetAssociation');
    const association = Object.values(resources)[0];
    expect(association.DependsOn).toBeUndefined();
    expect(association.Properties.FleetName).toEqual({ Ref: expect.stringMatching(/^Fleet/) });
  });
});
