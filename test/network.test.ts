/**
 * The network of every AppStream resource in a VPC (lib/private/network.ts), through the constructs
 * that share it: only what is known is judged (tokens for lists of ids, subnets imported by id alone),
 * aws-cdk-lib's errors carry our construct and property, and `connections` throws without a VPC.
 */
import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { beforeEach, describe, expect, test } from 'vitest';
import { AppBlockBuilder, ElasticFleet, Fleet, FleetPlatform, Image, ImageBuilder, InstanceType } from '../lib';

const IMAGE = Image.fromName('AppStream-WinServer2022-06-17-2024');
const TYPE = InstanceType.STANDARD_MEDIUM;

let stack: Stack;
let vpc: ec2.IVpc;

beforeEach(() => {
  stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-0000000000000000a', 'subnet-0000000000000000b'] });
});

type Kind = 'ImageBuilder' | 'Fleet' | 'ElasticFleet' | 'AppBlockBuilder';

/** One resource of each kind, in `vpc`, with the given subnets and security groups. */
function resource(kind: Kind, net: { vpcSubnets?: ec2.SubnetSelection; securityGroups?: ec2.ISecurityGroup[]; vpc?: ec2.IVpc }, id: string = kind) {
  const props = { vpc, ...net };
  switch (kind) {
    case 'ImageBuilder': return new ImageBuilder(stack, id, { image: IMAGE, instanceType: TYPE, ...props });
    case 'Fleet': return new Fleet(stack, id, { image: IMAGE, instanceType: TYPE, ...props });
    case 'ElasticFleet': return new ElasticFleet(stack, id, { platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: TYPE, maxConcurrentSessions: 2, ...props, vpc: props.vpc! });
    case 'AppBlockBuilder': return new AppBlockBuilder(stack, id, { instanceType: TYPE, ...props, vpc: props.vpc! });
  }
}

/** The VpcConfig of a resource's L1, as it renders. */
function vpcConfig(id: string): any {
  const l1 = stack.node.findChild(id).node.defaultChild as any;
  const config = stack.resolve(l1.vpcConfig);
  return { SubnetIds: config.subnetIds, SecurityGroupIds: config.securityGroupIds };
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data)).filter((w) => w.includes('cdk-appstream:'));
}

const subnetList = () => new CfnParameter(stack, 'SubnetIds', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList;
const fromIds = (ids: string[], prefix = 'Subnet') => ids.map((id, i) => ec2.Subnet.fromSubnetId(stack, `${prefix}${i}`, id));

describe('a token for a list of subnet ids holds an unknown number of subnets', () => {
  test.each<Kind>(['Fleet', 'ElasticFleet', 'AppBlockBuilder'])('a %s takes a List<AWS::EC2::Subnet::Id> parameter, as valueAsList or Fn.split', (kind) => {
    resource(kind, { vpcSubnets: { subnets: fromIds(subnetList()) } }, 'A');
    expect(vpcConfig('A').SubnetIds).toEqual({ Ref: 'SubnetIds' });
    const text = new CfnParameter(stack, 'Text', { type: 'String' }).valueAsString;
    resource(kind, { vpcSubnets: { subnets: fromIds(Fn.split(',', text), 'Split') } }, 'B');
    expect(vpcConfig('B').SubnetIds).toEqual({ 'Fn::Split': [',', { Ref: 'Text' }] });
    expect(warnings()).toEqual([]);
  });

  test('a list token and a known subnet render as one list', () => {
    resource('Fleet', { vpcSubnets: { subnets: [...fromIds(subnetList()), ec2.Subnet.fromSubnetId(stack, 'Known', 'subnet-0123456789abcdef0')] } });
    expect(vpcConfig('Fleet').SubnetIds).toEqual({ 'Fn::Split': [',', { 'Fn::Join': [',', [{ 'Fn::Join': [',', { Ref: 'SubnetIds' }] }, 'subnet-0123456789abcdef0']] }] });
  });

  test('an image builder takes one, and warns that it must hold exactly one subnet', () => {
    resource('ImageBuilder', { vpcSubnets: { subnets: fromIds(subnetList()) } });
    expect(vpcConfig('ImageBuilder').SubnetIds).toEqual({ Ref: 'SubnetIds' });
    expect(warnings()).toEqual([expect.stringMatching(/vpcSubnets: a token for a list of subnet ids .* is known only at deployment; an image builder takes exactly 1 subnet.*\[ack: cdk-appstream:imageBuilder:subnetCountUnknown\]/)]);
  });

  test('an image builder takes the first subnet of a VPC imported with a token for its subnet ids', () => {
    const imported = ec2.Vpc.fromVpcAttributes(stack, 'ByList', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'], privateSubnetIds: subnetList() });
    resource('ImageBuilder', { vpc: imported, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });
    expect(vpcConfig('ImageBuilder').SubnetIds).toEqual([{ 'Fn::Select': [0, { Ref: 'SubnetIds' }] }]);
  });

  test('fails an image builder given a list token and a known subnet too: that is more than one', () => {
    expect(() => resource('ImageBuilder', { vpcSubnets: { subnets: [...fromIds(subnetList()), ...fromIds(['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], 'Known')] } }))
      .toThrow(/ImageBuilder 'Stack\/ImageBuilder': vpcSubnets must have exactly 1 subnet \(it has 2\)/);
  });

  test('fails an Elastic fleet given one known subnet: what is known is judged', () => {
    expect(() => resource('ElasticFleet', { vpcSubnets: { subnets: fromIds(['subnet-0123456789abcdef0']) } }))
      .toThrow(/ElasticFleet 'Stack\/ElasticFleet': vpcSubnets must have at least 2 subnets \(it has 1\)/);
  });
});

describe('a token for a list of security group ids holds an unknown number of groups', () => {
  const groupList = () => new CfnParameter(stack, 'GroupIds', { type: 'List<AWS::EC2::SecurityGroup::Id>' }).valueAsList;
  const groups = (ids: string[], prefix = 'Sg') => ids.map((id, i) => ec2.SecurityGroup.fromSecurityGroupId(stack, `${prefix}${i}`, id));

  test.each<Kind>(['ImageBuilder', 'Fleet', 'ElasticFleet', 'AppBlockBuilder'])('a %s takes it, alone or with known groups', (kind) => {
    resource(kind, { securityGroups: groups(groupList()) }, 'A');
    expect(vpcConfig('A').SecurityGroupIds).toEqual({ Ref: 'GroupIds' });
    resource(kind, { securityGroups: [...groups(['sg-0123456789abcdef0'], 'Known'), ...groups(Fn.split(',', new CfnParameter(stack, 'Text', { type: 'String' }).valueAsString), 'Split')] }, 'B');
    expect(vpcConfig('B').SecurityGroupIds).toEqual({ 'Fn::Split': [',', { 'Fn::Join': [',', ['sg-0123456789abcdef0', { 'Fn::Join': [',', { 'Fn::Split': [',', { Ref: 'Text' }] }] }]] }] });
  });

  test('fails six known groups beside a list token', () => {
    const six = groups(Array.from({ length: 6 }, (_, i) => `sg-000000000000000${i}`));
    expect(() => resource('Fleet', { securityGroups: [...six, ...groups(groupList(), 'List')] }))
      .toThrow(/Fleet 'Stack\/Fleet': securityGroups must have at most 5 security groups \(it has 6\)/);
  });
});

describe('availability zones are judged only where they are known', () => {
  test.each<Kind>(['ElasticFleet', 'AppBlockBuilder'])('a %s takes subnets imported by id alone', (kind) => {
    resource(kind, { vpcSubnets: { subnets: fromIds(['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1']) } });
    expect(vpcConfig(kind).SubnetIds).toEqual(['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1']);
  });

  test.each<Kind>(['ElasticFleet', 'AppBlockBuilder'])('fails a %s given imported subnets whose zones are known and the same', (kind) => {
    const subnets = ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'].map((subnetId, i) =>
      ec2.Subnet.fromSubnetAttributes(stack, `Known${i}`, { subnetId, availabilityZone: 'us-east-1a' }));
    expect(() => resource(kind, { vpcSubnets: { subnets } }))
      .toThrow(new RegExp(`${kind} 'Stack/${kind}': vpcSubnets selects subnets in 1 availability zone, but an? [a-z ]+ needs subnets in at least 2`));
  });

  test('passes imported subnets of two known zones', () => {
    const subnets = ['us-east-1a', 'us-east-1b'].map((availabilityZone, i) =>
      ec2.Subnet.fromSubnetAttributes(stack, `Known${i}`, { subnetId: `subnet-0123456789abcdef${i}`, availabilityZone }));
    resource('ElasticFleet', { vpcSubnets: { subnets } });
    expect(vpcConfig('ElasticFleet').SubnetIds).toHaveLength(2);
  });
});

describe('connections', () => {
  test.each<Kind>(['ImageBuilder', 'Fleet'])('fails on a %s without a VPC: a rule added there would do nothing', (kind) => {
    const r = resource(kind, { vpc: undefined });
    expect(() => r.connections.allowToAnyIpv4(ec2.Port.tcp(443)))
      .toThrow(new RegExp(`${kind} 'Stack/${kind}': connections are only those of an? [a-z ]+ in a VPC: without vpc it has no security group of yours, .* Give vpc`));
  });

  test.each<Kind>(['ImageBuilder', 'Fleet', 'ElasticFleet', 'AppBlockBuilder'])('a %s in a VPC adds the rule to its security group', (kind) => {
    const r = resource(kind, {});
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc });
    r.connections.allowTo(db, ec2.Port.tcp(5432));
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: stack.resolve(r.connections.securityGroups[0].securityGroupId),
    });
    expect(r.connections.securityGroups).toHaveLength(1);
  });
});

describe('errors of aws-cdk-lib carry our construct and property', () => {
  test.each<Kind>(['ImageBuilder', 'Fleet', 'ElasticFleet', 'AppBlockBuilder'])('a %s given a subnet group the VPC does not have', (kind) => {
    const real = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    expect(() => resource(kind, { vpc: real, vpcSubnets: { subnetGroupName: 'builders' } }))
      .toThrow(new RegExp(`^${kind} 'Stack/${kind}': vpcSubnets selects no subnet`));
    resource(kind, { vpc: real, vpcSubnets: { subnetGroupName: 'Private' } }, 'Good');
    expect(vpcConfig('Good').SubnetIds.length).toBeGreaterThan(0);
  });
});
