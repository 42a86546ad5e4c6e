import * as cdk from 'aws-cdk-lib';
import { Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { lookupsPending } from './environment';
import { CountRule, SECURITY_GROUPS } from './rules';
import { Validator, article } from './validation';

/** The network props every AppStream resource in a VPC shares, under the names `ImageBuilder` gives them. */
export interface NetworkProps {
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly enableDefaultInternetAccess?: boolean;
}

/** How many subnets one kind of resource takes, and how it says so. */
export interface SubnetSpec {
  /** The number of subnets the resource takes (image builder: exactly 1; fleet: at least 1; elastic: at least 2). */
  readonly count: CountRule;
  /** The number of distinct availability zones they must span, if any. */
  readonly distinctZones?: number;
  /**
   * Whether the resource takes only the first subnet that a selection by type, group, zone or filter
   * selects (an image builder has one network interface), as `ec2.Instance` does; a selection that
   * names its subnets explicitly (`subnets: [a, b]`) must still name the right number.
   */
  readonly firstOnly: boolean;
  /** The fix when a selection has the wrong number of subnets. */
  readonly countFix: string;
  /**
   * Whether the default selection (no `vpcSubnets`) takes one subnet per availability zone (elastic
   * fleets, app block builders), rather than all the subnets of its type.
   *
   * @default false
   */
  readonly onePerAz?: boolean;
}

/** What a resource renders of its network, and the connections of its security groups. */
export interface Network {
  /** The L1 `VpcConfig`, or undefined without a VPC. */
  readonly vpcConfig?: { readonly subnetIds: string[]; readonly securityGroupIds: string[] };
  /** The connections of the resource's security groups (none without a VPC). */
  readonly connections: ec2.Connections;
}

/**
 * The network of an AppStream resource: the subnets its selection takes (checked against `spec`), the
 * public-subnet rule of default internet access, its security groups (a new one when none are given,
 * at most 5), and the "needs a vpc" errors of the props that only mean something in a VPC.
 *
 * @param scope the resource, in which the default security group is defined
 * @param v the resource's validator
 * @param props the resource's network props
 * @param spec the subnets this kind of resource takes
 */
export function configureNetwork(scope: Construct, v: Validator, props: NetworkProps, spec: SubnetSpec): Network {
  const vpc = props.vpc == null ? undefined : v.object('vpc', props.vpc, (x) => typeof x.selectSubnets === 'function', 'Give an ec2.IVpc, such as ec2.Vpc.fromLookup(this, \'Vpc\', { vpcId }).');
  props.securityGroups?.forEach((sg, i) =>
    v.object(`securityGroups[${i}]`, sg, (x) => typeof x.securityGroupId === 'string', 'Give ec2.ISecurityGroup objects, such as ec2.SecurityGroup.fromSecurityGroupId(this, \'Sg\', id).'));
  if (!vpc) {
    if (props.vpcSubnets) {
      v.fail('vpcSubnets', undefined, 'needs a vpc', 'Give vpc too, or leave vpcSubnets out.');
    }
    if (props.securityGroups && props.securityGroups.length > 0) {
      v.fail('securityGroups', undefined, `need a vpc: ${article(v.noun)} without a VPC has no network interface of yours`, 'Give vpc too, or leave securityGroups out.');
    }
    return { connections: new ec2.Connections() };
  }

  const subnets = selectSubnets(v, vpc, props.vpcSubnets, props.enableDefaultInternetAccess ?? false, spec);
  const securityGroups = props.securityGroups ?? [
    new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description: `AppStream ${v.noun}`, allowAllOutbound: true }),
  ];
  v.count('securityGroups', securityGroups.length, SECURITY_GROUPS, 'security group', 'Give at most 5 security groups.');
  securityGroups.forEach((sg, i) => {
    const other = vpcIdOf(sg);
    if (other !== undefined && differentVpc(v, sg, other, vpc)) {
      v.fail(`securityGroups[${i}]`, sg.node.path, 'is a security group of another VPC than vpc', 'Give security groups of the VPC given as vpc.');
    }
  });
  return {
    vpcConfig: { subnetIds: subnets.map((s) => s.subnetId), securityGroupIds: securityGroups.map((sg) => sg.securityGroupId) },
    connections: new ec2.Connections({ securityGroups }),
  };
}

function selectSubnets(v: Validator, vpc: ec2.IVpc, selection: ec2.SubnetSelection | undefined, internet: boolean, spec: SubnetSpec): ec2.ISubnet[] {
  const property = selection ? 'vpcSubnets' : 'vpc';
  const defaultKind = internet ? 'public subnet' : 'private subnet with egress';
  const effective = selection ?? { subnetType: internet ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: spec.onePerAz };
  let subnets: ec2.ISubnet[];
  try {
    subnets = vpc.selectSubnets(effective).subnets;
  } catch (e) {
    // aws-cdk-lib throws for a subnet type or group the VPC does not have: say it in our words.
    return v.fail(property, undefined, `selects no subnet: ${(e as Error).message}`,
      selection ? spec.countFix : `Give vpcSubnets to choose the ${v.noun}'s subnets (by default it takes ${spec.firstOnly ? `the first ${defaultKind}` : `the VPC's ${internet ? 'public subnets' : 'private subnets with egress'}`}).`);
  }
  if (subnets.length === 0 && lookupsPending(v.scope, vpc)) {
    return subnets; // the dummy VPC of a context lookup: judged on the synth after the lookup
  }
  if (subnets.length === 0) {
    // Only a selection comes back empty: without one, aws-cdk-lib throws (above) for a VPC without the default kind.
    v.fail(property, undefined, 'selects no subnet', spec.countFix);
  }
  const explicit = selection?.subnets !== undefined;
  if (spec.firstOnly && !explicit) {
    subnets = subnets.slice(0, 1);
  }
  v.count(property, subnets.length, spec.count, 'subnet', spec.countFix);
  subnets.forEach((subnet, i) => checkSubnet(v, vpc, subnet, explicit ? `vpcSubnets.subnets[${i}]` : property));
  if (spec.distinctZones !== undefined) {
    const zones = new Set(subnets.map((s) => s.availabilityZone));
    if (![...zones].some((z) => Token.isUnresolved(z)) && zones.size < spec.distinctZones) {
      v.fail(property, undefined,
        `selects subnets in ${zones.size} availability zone${zones.size === 1 ? '' : 's'}, but ${article(v.noun)} needs subnets in at least ${spec.distinctZones}`,
        spec.countFix);
    }
  }
  if (internet) {
    for (const subnet of subnets) {
      const kind = vpc.privateSubnets.includes(subnet) ? 'private' : vpc.isolatedSubnets.includes(subnet) ? 'isolated' : undefined;
      if (kind) {
        v.fail('enableDefaultInternetAccess', true, `needs a public subnet, but the selected subnet '${subnet.node.path}' is ${kind}`,
          'Select a public subnet (vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }), or leave enableDefaultInternetAccess off and reach the internet through a NAT gateway.');
      }
    }
  }
  return subnets;
}

/** A subnet must be one subnet (not a list token), and one of `vpc` when both say which VPC they are in. */
function checkSubnet(v: Validator, vpc: ec2.IVpc, subnet: ec2.ISubnet, property: string): void {
  if (Tokenization.reverseList([subnet.subnetId]) !== undefined) {
    v.fail(property, undefined, 'is a token for a list of subnet ids, which may hold any number of subnets',
      'Give one subnet, for example ec2.Subnet.fromSubnetId(this, \'Subnet\', Fn.select(0, ids)).');
  }
  const other = vpcIdOf(subnet);
  if (other !== undefined && differentVpc(v, subnet, other, vpc)) {
    v.fail(property, subnet.node.path, 'is not a subnet of vpc', 'Select subnets of the VPC given as vpc.');
  }
}

/** The VPC id of a subnet or security group defined in the app (imported ones do not say). */
function vpcIdOf(x: ec2.ISubnet | ec2.ISecurityGroup): string | undefined {
  const child = x.node.defaultChild;
  return child instanceof ec2.CfnSubnet || child instanceof ec2.CfnSecurityGroup ? child.vpcId : undefined;
}

/** Whether `vpcId`, of `x`, names another VPC than `vpc`: only judged when both are in one stack, or both literal ids. */
function differentVpc(v: Validator, x: IConstruct, vpcId: string, vpc: ec2.IVpc): boolean {
  if (!Token.isUnresolved(vpcId) && !Token.isUnresolved(vpc.vpcId)) {
    return vpcId !== vpc.vpcId;
  }
  if (cdk.Stack.of(x) !== cdk.Stack.of(vpc)) {
    return false;
  }
  const stack = cdk.Stack.of(v.scope);
  return JSON.stringify(stack.resolve(vpcId)) !== JSON.stringify(stack.resolve(vpc.vpcId));
}
