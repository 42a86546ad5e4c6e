/**
 * Edges of the shared kit and the older constructs that the mutation run found untested (issue 14):
 * zones known only at deployment, list tokens, literal VPC ids across stacks, region warnings that name
 * the prop, the type guards given null, a second autoScaleCapacity() call, a missing desiredSessions.
 */
import { App, CfnOutput, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { Fleet, FleetCapacity, Image, ImageBuilder, InstanceType } from '../../lib';
import { SubnetSpec, configureNetwork } from '../../lib/private/network';
import { Validator } from '../../lib/private/validation';

const ENV = { account: '123456789012', region: 'us-east-1' };
const js = (x: unknown) => x as any;
const TWO_ZONES: SubnetSpec = { count: { sources: ['VpcConfig.SubnetIds'], minItems: 2 }, firstOnly: false, distinctZones: 2, countFix: 'Use two zones.' };
const ONE: SubnetSpec = { count: { sources: ['VpcConfig.SubnetIds'], minItems: 1, maxItems: 1 }, firstOnly: true, countFix: 'Use one subnet.' };

function scoped(stack: Stack, kind = 'ElasticFleet') {
  const scope = new Construct(stack, 'Res');
  return { scope, v: new Validator(scope, kind) };
}

describe('availability zones', () => {
  test('subnets whose zone is known only at deployment are not judged, even when the token is the same', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const zone = Fn.select(0, Fn.getAzs());
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'] });
    const subnets = ['subnet-0a', 'subnet-0b'].map((id) => ec2.Subnet.fromSubnetAttributes(stack, id, { subnetId: id, availabilityZone: zone }));
    const { scope, v } = scoped(stack);
    const n = configureNetwork(scope, v, { vpc, vpcSubnets: { subnets } }, TWO_ZONES);
    expect(stack.resolve(n.vpcConfig)).toEqual({ subnetIds: ['subnet-0a', 'subnet-0b'], securityGroupIds: [expect.anything()] });
  });

  test('two subnets of one literal zone still fail', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'] });
    const subnets = ['subnet-0a', 'subnet-0b'].map((id) => ec2.Subnet.fromSubnetAttributes(stack, id, { subnetId: id, availabilityZone: 'us-east-1a' }));
    const { scope, v } = scoped(stack);
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets } }, TWO_ZONES))
      .toThrow("ElasticFleet 'Stack/Res': vpcSubnets selects subnets in 1 availability zone, but an elastic fleet needs subnets in at least 2. Use two zones.");
  });
});

describe('subnets', () => {
  test('a list token standing in for the one subnet: the whole warning, with the fix', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const ids = new CfnParameter(stack, 'SubnetIds', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList;
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'] });
    const { scope, v } = scoped(stack, 'ImageBuilder');
    const network = configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'List', js(ids)[0])] } }, ONE);
    expect(stack.resolve(network.vpcConfig!.subnetIds)).toEqual({ Ref: 'SubnetIds' });
    new CfnOutput(stack, 'Subnets', { value: Fn.join(',', network.vpcConfig!.subnetIds) }); // the parameter is used, as a resource would use it
    expect(Annotations.fromStack(stack).findWarning('/Stack/Res', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      'vpcSubnets: a token for a list of subnet ids (such as a List<AWS::EC2::Subnet::Id> parameter) gives the subnets, so their number is known only at deployment; an image builder takes exactly 1 subnet. Use one subnet. [ack: cdk-appstream:imageBuilder:subnetCountUnknown]',
    ]);
  });

  test('literal VPC ids are compared even across stacks', () => {
    const app = new App();
    const network = new Stack(app, 'Network', { env: ENV });
    const other = new ec2.Subnet(network, 'Other', { vpcId: 'vpc-0other', availabilityZone: 'us-east-1a', cidrBlock: '10.1.0.0/24' });
    const mine = new ec2.Subnet(network, 'Mine', { vpcId: 'vpc-0a1b2c3d', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24' });
    const stack = new Stack(app, 'Stack', { env: ENV });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'] });
    const { scope, v } = scoped(stack, 'ImageBuilder');
    expect(() => configureNetwork(scope, v, { vpc, vpcSubnets: { subnets: [other] } }, ONE))
      .toThrow("ImageBuilder 'Stack/Res': vpcSubnets.subnets[0] \"Network/Other\" is not a subnet of vpc. Select subnets of the VPC given as vpc.");
    const n = configureNetwork(new Construct(stack, 'Ok'), new Validator(new Construct(stack, 'OkV'), 'ImageBuilder'), { vpc, vpcSubnets: { subnets: [mine] } }, ONE);
    expect(n.vpcConfig?.subnetIds).toHaveLength(1);
  });
});

describe('region warnings name the prop that sets a property', () => {
  test.each([
    ['softwaresToInstall', 'SoftwaresToInstall'],
    ['softwaresToUninstall', 'SoftwaresToUninstall'],
  ])('%s in us-west-1', (prop, cfn) => {
    const stack = new Stack(new App(), 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new ImageBuilder(stack, 'B', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM, [prop]: ['Office'] });
    const found = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('propertyNotInRegion'));
    expect(found).toHaveLength(1);
    expect(String(found[0].entry.data)).toMatch(new RegExp(`^CloudFormation in us-west-1 does not offer AWS::AppStream::ImageBuilder\\.${cfn} \\(per cfn-lint's schemas\\), so the deployment would fail there\\. Leave ${prop} out in us-west-1, or deploy to a region that has it — ${cfn} \\(set by ${prop}\\): `));
  });

  test('a region known only at deployment warns of nothing', () => {
    const stack = new Stack(new App(), 'Anywhere');
    new ImageBuilder(stack, 'B', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM, softwaresToInstall: ['Office'] });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('guards and second calls', () => {
  test('isImageBuilder and isFleet: false for null, undefined, a string, a number, a plain object and a lookalike', () => {
    for (const x of [null, undefined, 'builder', 7, {}, { [Symbol.for('cdk-appstream.ImageBuilder')]: 'yes' }]) {
      expect(ImageBuilder.isImageBuilder(x)).toBe(false);
      expect(Fleet.isFleet(x)).toBe(false);
    }
    const fn = Object.assign(() => undefined, { [Symbol.for('cdk-appstream.ImageBuilder')]: true });
    expect(ImageBuilder.isImageBuilder(fn)).toBe(false);
  });

  test('autoScaleCapacity() a second time: the whole message', () => {
    const f = new Fleet(new Stack(new App(), 'Stack', { env: ENV }), 'Fleet', { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM });
    f.autoScaleCapacity({ maxCapacity: 4 });
    expect(() => f.autoScaleCapacity({ maxCapacity: 5 }))
      .toThrow("Fleet 'Stack/Fleet': autoScaleCapacity() has already been called on this fleet. Add more policies to the object the first call returned.");
  });

  test('sessions without desiredSessions (from JavaScript) are an error, not an empty capacity', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    expect(() => new Fleet(stack, 'Fleet', {
      image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, capacity: FleetCapacity.sessions(js({ maxSessionsPerInstance: 5 })),
    })).toThrow('FleetCapacity.sessions(): options.desiredSessions is required. Give a number (the number of streaming sessions the fleet provides: it runs enough instances to host them (desired sessions divided by sessions per instance, rounded up)).');
  });
});
