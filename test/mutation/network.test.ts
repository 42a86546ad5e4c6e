/**
 * The network of an AppStream resource, lib/private/network.ts (issue 14): subnet selection by default
 * and by selection, counts, zones, public subnets for internet access, security groups, each message whole.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { Fleet, Image, InstanceType } from '../../lib';
import { NetworkProps, SubnetSpec, configureNetwork } from '../../lib/private/network';
import { Validator } from '../../lib/private/validation';

const ONE: SubnetSpec = { count: { sources: ['VpcConfig.SubnetIds'], minItems: 1, maxItems: 1 }, firstOnly: true, countFix: 'Use one subnet.' };
const MANY: SubnetSpec = { count: { sources: ['VpcConfig.SubnetIds'], minItems: 1 }, firstOnly: false, countFix: 'Use some subnets.' };

function setup(kind = 'ImageBuilder') {
  const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const scope = new Construct(stack, 'Res');
  const v = new Validator(scope, kind);
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 });
  return { stack, scope, v, vpc };
}

function net(props: NetworkProps, spec = ONE, kind = 'ImageBuilder') {
  const { stack, scope, v, vpc } = setup(kind);
  return { stack, vpc, result: () => configureNetwork(scope, v, { vpc, ...props }, spec) };
}

describe('without a VPC', () => {
  test('no VpcConfig, and connections that throw; an empty list of security groups is fine', () => {
    const { scope, v } = setup();
    const n = configureNetwork(scope, v, { securityGroups: [] }, ONE);
    expect(n.vpcConfig).toBeUndefined();
    expect(() => n.connections()).toThrow("ImageBuilder 'Stack/Res': connections are only those of an image builder in a VPC: without vpc it has no security group of yours, and a rule added here would do nothing. Give vpc");
  });
  test('fails vpcSubnets and security groups, with the kind', () => {
    const { scope, v, vpc } = setup('Fleet');
    expect(() => configureNetwork(scope, v, { vpcSubnets: {} }, MANY)).toThrow("Fleet 'Stack/Res': vpcSubnets needs a vpc. Give vpc too, or leave vpcSubnets out.");
    const sg = new ec2.SecurityGroup(vpc, 'Sg', { vpc });
    expect(() => configureNetwork(scope, v, { securityGroups: [sg] }, MANY))
      .toThrow("Fleet 'Stack/Res': securityGroups need a vpc: a fleet without a VPC has no network interface of yours. Give vpc too, or leave securityGroups out.");
  });
  test('fails what is not a VPC or a security group', () => {
    const { scope, v } = setup();
    expect(() => configureNetwork(scope, v, { vpc: 'vpc-1' as any }, ONE)).toThrow(/vpc "vpc-1" is not of the expected type\. Give an ec2.IVpc, defined in the app or imported with ec2.Vpc.fromLookup\(\)\./);
    expect(() => configureNetwork(scope, v, { securityGroups: ['sg-1'] as any }, ONE)).toThrow(/securityGroups\[0\] "sg-1" is not of the expected type\. Give ec2.ISecurityGroup objects/);
    // A string for the list is refused at the public boundary, before the helper sees it
    expect(() => new Fleet(new Stack(new App(), 'Stack'), 'Res', { image: Image.fromName('i'), instanceType: InstanceType.STANDARD_MEDIUM, securityGroups: 'sg-1' as any }))
      .toThrow(/^Fleet 'Stack\/Res': securityGroups "sg-1" must be a list of ec2\.ISecurityGroup values, not a string\./);
  });
});

describe('subnets', () => {
  test('by default the first private subnet with egress, or all of them', () => {
    const one = net({});
    expect(one.stack.resolve(one.result().vpcConfig!.subnetIds)).toEqual([one.stack.resolve(one.vpc.privateSubnets[0].subnetId)]);
    const many = net({}, MANY);
    expect(many.stack.resolve(many.result().vpcConfig!.subnetIds)).toEqual(many.stack.resolve(many.vpc.privateSubnets.map((s) => s.subnetId)));
    expect(many.vpc.privateSubnets).toHaveLength(3);
  });

  test('with internet access, by default a public subnet', () => {
    const n = net({ enableDefaultInternetAccess: true });
    expect(n.stack.resolve(n.result().vpcConfig!.subnetIds)).toEqual([n.stack.resolve(n.vpc.publicSubnets[0].subnetId)]);
  });

  test('fails a private or isolated subnet with internet access', () => {
    const { stack, scope, v } = setup();
    const vpc = new ec2.Vpc(stack, 'Iso', {
      subnetConfiguration: [{ name: 'Pub', subnetType: ec2.SubnetType.PUBLIC }, { name: 'Iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    expect(() => configureNetwork(scope, v, { vpc, enableDefaultInternetAccess: true, vpcSubnets: isolated }, ONE))
      .toThrow("ImageBuilder 'Stack/Res': enableDefaultInternetAccess true needs a public subnet, but the selected subnet 'Stack/Iso/IsoSubnet1' is isolated. Select a public subnet (set vpcSubnets to a selection with subnetType ec2.SubnetType.PUBLIC), or leave enableDefaultInternetAccess off and reach the internet through a NAT gateway.");
    expect(() => configureNetwork(scope, v, { vpc, enableDefaultInternetAccess: false, vpcSubnets: isolated }, ONE)).not.toThrow();
  });

  test('firstOnly takes the first of a selection by type, but counts an explicit list', () => {
    const n = net({ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expect(n.result().vpcConfig!.subnetIds).toHaveLength(1);
    const { stack, scope, v, vpc } = setup();
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: vpc.privateSubnets.slice(0, 2) } }, ONE))
      .toThrow("ImageBuilder 'Stack/Res': vpcSubnets must have exactly 1 subnet (it has 2). Use one subnet.");
    expect(stack).toBeDefined();
  });

  test('an explicit subnet is named by its index in messages', () => {
    const { stack, scope, v, vpc } = setup();
    const other = new ec2.Vpc(stack, 'Other', { maxAzs: 1 });
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0], other.privateSubnets[0]] } }, MANY))
      .toThrow("ImageBuilder 'Stack/Res': vpcSubnets.subnets[1] \"Stack/Other/PrivateSubnet1\" is not a subnet of vpc. Select subnets of the VPC given as vpc.");
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC, onePerAz: true } }, MANY)).not.toThrow();
  });

  test('a VPC without the default kind of subnet: the default named in the fix', () => {
    const { stack, scope, v } = setup();
    const vpc = new ec2.Vpc(stack, 'PubOnly', { subnetConfiguration: [{ name: 'Pub', subnetType: ec2.SubnetType.PUBLIC }] });
    expect(() => configureNetwork(scope, v, { vpc }, ONE))
      .toThrow(/^ImageBuilder 'Stack\/Res': vpc selects no subnet: .+\. Give vpcSubnets to choose the image builder's subnets \(by default it takes the first private subnet with egress\)\.$/);
    expect(() => configureNetwork(scope, v, { vpc }, MANY))
      .toThrow(/\. Give vpcSubnets to choose the image builder's subnets \(by default it takes the VPC's private subnets with egress\)\.$/);
    const priv = new ec2.Vpc(stack, 'PrivOnly', { subnetConfiguration: [{ name: 'Iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => configureNetwork(scope, v, { vpc: priv, enableDefaultInternetAccess: true }, MANY))
      .toThrow(/\(by default it takes the VPC's public subnets\)\.$/);
    expect(() => configureNetwork(scope, v, { vpc: priv, enableDefaultInternetAccess: true }, ONE))
      .toThrow(/\(by default it takes the first public subnet\)\.$/);
    expect(() => configureNetwork(scope, v, { vpc: priv, vpcSubnets: { subnetGroupName: 'Nope' } }, ONE))
      .toThrow(/^ImageBuilder 'Stack\/Res': vpcSubnets selects no subnet: .+\. Use one subnet\.$/);
  });

  test('an imported VPC with no subnet of the default kind', () => {
    const { stack, scope, v } = setup();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imp', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], publicSubnetIds: ['subnet-1'] });
    expect(() => configureNetwork(scope, v, { vpc }, ONE)).toThrow(/^ImageBuilder 'Stack\/Res': vpc (selects no subnet: .*|has no private subnet with egress to default to\. Give vpcSubnets to choose the subnet\.)/);
  });

  test('distinct zones: counted, and the message in the singular and the plural', () => {
    const spec: SubnetSpec = { ...MANY, distinctZones: 3 };
    const { scope, v, vpc } = setup('Fleet');
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: vpc.privateSubnets.slice(0, 1) } }, spec))
      .toThrow("Fleet 'Stack/Res': vpcSubnets selects subnets in 1 availability zone, but a fleet needs subnets in at least 3. Use some subnets.");
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: vpc.privateSubnets.slice(0, 2) } }, spec))
      .toThrow('vpcSubnets selects subnets in 2 availability zones, but a fleet needs subnets in at least 3.');
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: vpc.privateSubnets } }, spec)).not.toThrow();
    expect(() => configureNetwork(new Construct(scope, 'Other'), v, { vpc }, spec)).not.toThrow();
  });
});

describe('security groups', () => {
  test('a new one by default, that allows all outbound traffic', () => {
    const n = net({});
    const result = n.result();
    expect(result.connections().securityGroups).toHaveLength(1);
    expect(n.stack.resolve(result.vpcConfig!.securityGroupIds)).toEqual([n.stack.resolve(result.connections().securityGroups[0].securityGroupId)]);
    expect(result.connections().securityGroups[0].node.path).toBe('Stack/Res/SecurityGroup');
    Template.fromStack(n.stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'AppStream image builder',
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }],
    });
  });

  test('those given, at most 5', () => {
    const { stack, scope, v, vpc } = setup();
    const groups = Array.from({ length: 6 }, (_, i) => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));
    const five = configureNetwork(scope, v, { vpc, securityGroups: groups.slice(0, 5) }, ONE);
    expect(five.connections().securityGroups).toEqual(groups.slice(0, 5));
    expect(() => configureNetwork(scope, v, { vpc, securityGroups: groups }, ONE))
      .toThrow("ImageBuilder 'Stack/Res': securityGroups must have at most 5 security groups (it has 6). Give at most 5 security groups.");
  });

  test('of the VPC: a literal id compared with a literal id, and tokens within one stack', () => {
    const { stack, scope, v, vpc } = setup();
    const imported = ec2.Vpc.fromVpcAttributes(stack, 'Imp', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] });
    const sgOther = new ec2.SecurityGroup(stack, 'SgOther', { vpc: ec2.Vpc.fromVpcAttributes(stack, 'Imp2', { vpcId: 'vpc-2', availabilityZones: ['us-east-1a'] }) });
    expect(() => configureNetwork(scope, v, { vpc: imported, securityGroups: [sgOther] }, ONE))
      .toThrow("ImageBuilder 'Stack/Res': securityGroups[0] \"Stack/SgOther\" is a security group of another VPC than vpc. Give security groups of the VPC given as vpc.");
    const sgSame = new ec2.SecurityGroup(stack, 'SgSame', { vpc: ec2.Vpc.fromVpcAttributes(stack, 'Imp3', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] }) });
    expect(() => configureNetwork(scope, v, { vpc: imported, securityGroups: [sgSame] }, ONE)).not.toThrow();
    const sgVpc = new ec2.SecurityGroup(stack, 'SgVpc', { vpc });
    expect(() => configureNetwork(scope, v, { vpc, securityGroups: [sgVpc] }, ONE)).not.toThrow();
  });

  test('a security group of a VPC in another stack is not judged', () => {
    const app = new App();
    const a = new Stack(app, 'A', { env: { account: '123456789012', region: 'us-east-1' } });
    const b = new Stack(app, 'B', { env: { account: '123456789012', region: 'us-east-1' } });
    const vpc = new ec2.Vpc(a, 'Vpc', { maxAzs: 1 });
    const other = new ec2.Vpc(b, 'Other', { maxAzs: 1 });
    const sg = new ec2.SecurityGroup(b, 'Sg', { vpc: other });
    const v = new Validator(new Construct(a, 'Res'), 'ImageBuilder');
    expect(() => configureNetwork(v.scope as Construct, v, { vpc, securityGroups: [sg] }, ONE)).not.toThrow();
  });
});
