import * as cdk from 'aws-cdk-lib';
import { Fn, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { viaCdk } from './cdk-calls';
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
  /**
   * The connections of the resource's security groups, as the getter of its `connections`: without a
   * VPC the resource has no security group of yours, and a rule added to empty connections would
   * silently do nothing, so the getter throws (as lambda's does for a function outside a VPC).
   */
  readonly connections: () => ec2.Connections;
}

/**
 * The network of an AppStream resource: the subnets its selection takes (checked against `spec`), the
 * public-subnet rule of default internet access, its security groups (a new one when none are given,
 * at most 5), and the "needs a vpc" errors of the props that only mean something in a VPC.
 *
 * What is judged is only what is known: a token for a list of ids (a `List<AWS::EC2::Subnet::Id>`
 * parameter, `Fn.split`) holds an unknown number of subnets or groups, a subnet imported by id alone
 * has an unknown zone, and while the app has context lookups pending the VPC is a dummy: its rules
 * apply on the synth after the lookup.
 *
 * @param scope the resource, in which the default security group is defined
 * @param v the resource's validator
 * @param props the resource's network props
 * @param spec the subnets this kind of resource takes
 */
export function configureNetwork(scope: Construct, v: Validator, props: NetworkProps, spec: SubnetSpec): Network {
  const vpc = props.vpc == null ? undefined : v.object('vpc', props.vpc, (x) => typeof x.selectSubnets === 'function', 'Give an ec2.IVpc, defined in the app or imported with ec2.Vpc.fromLookup().');
  props.securityGroups?.forEach((sg, i) =>
    v.object(`securityGroups[${i}]`, sg, (x) => typeof x.securityGroupId === 'string', 'Give ec2.ISecurityGroup objects, defined in the app or imported with ec2.SecurityGroup.fromSecurityGroupId().'));
  if (!vpc) {
    if (props.vpcSubnets) {
      v.fail('vpcSubnets', undefined, 'needs a vpc', 'Give vpc too, or leave vpcSubnets out.');
    }
    if (props.securityGroups && props.securityGroups.length > 0) {
      v.fail('securityGroups', undefined, `need a vpc: ${article(v.noun)} without a VPC has no network interface of yours`, 'Give vpc too, or leave securityGroups out.');
    }
    return {
      connections: () => v.fail('connections', undefined,
        `are only those of ${article(v.noun)} in a VPC: without vpc it has no security group of yours, and a rule added here would do nothing`,
        'Give vpc (and securityGroups, if you like) to control its network traffic with connections, or leave connections alone.'),
    };
  }

  const subnetIds = selectSubnets(v, vpc, props.vpcSubnets, props.enableDefaultInternetAccess ?? false, spec);
  const securityGroups = props.securityGroups ?? [
    viaCdk(v, 'vpc', 'Give an ec2.IVpc defined in the app or imported with ec2.Vpc.fromLookup().',
      () => new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description: `AppStream ${v.noun}`, allowAllOutbound: true })),
  ];
  const groupIds = securityGroups.map((sg) => sg.securityGroupId);
  // A token for a list of group ids holds an unknown number of them: only the known ones can be too many.
  v.count('securityGroups', groupIds.filter((id) => !isListToken(id)).length, SECURITY_GROUPS, 'security group', 'Give at most 5 security groups.');
  securityGroups.forEach((sg, i) => {
    const other = vpcIdOf(sg);
    if (other !== undefined && differentVpc(v, sg, other, vpc)) {
      v.fail(`securityGroups[${i}]`, sg.node.path, 'is a security group of another VPC than vpc', 'Give security groups of the VPC given as vpc.');
    }
  });
  const connections = new ec2.Connections({ securityGroups });
  return {
    vpcConfig: { subnetIds: idList(subnetIds), securityGroupIds: idList(groupIds) },
    connections: () => connections,
  };
}

/** Whether an id is a token for a list of ids (one element of `CfnParameter.valueAsList` or `Fn.split`). */
function isListToken(id: string): boolean {
  return Tokenization.reverseList([id]) !== undefined;
}

/**
 * A list of ids as CloudFormation can take it: the list itself, or, when a token for a list of ids
 * shares it with other ids (which aws-cdk-lib cannot render as one list), the ids joined and split again.
 */
function idList(ids: string[]): string[] {
  if (ids.length < 2 || !ids.some(isListToken)) {
    return ids;
  }
  return Fn.split(',', Fn.join(',', ids.map((id) => isListToken(id) ? Fn.join(',', [id]) : id)));
}

/** The availability zone of a subnet, or undefined when it is not known (a subnet imported by id alone, a token). */
function zoneOf(subnet: ec2.ISubnet): string | undefined {
  let zone: string;
  try {
    zone = subnet.availabilityZone;
  } catch {
    return undefined; // aws-cdk-lib throws for a subnet imported without its zone
  }
  return Token.isUnresolved(zone) ? undefined : zone;
}

function selectSubnets(v: Validator, vpc: ec2.IVpc, selection: ec2.SubnetSelection | undefined, internet: boolean, spec: SubnetSpec): string[] {
  const property = selection ? 'vpcSubnets' : 'vpc';
  const defaultKind = internet ? 'public subnet' : 'private subnet with egress';
  const effective = selection ?? { subnetType: internet ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: spec.onePerAz };
  let selected: ec2.SelectedSubnets;
  try {
    selected = vpc.selectSubnets(effective);
  } catch (e) {
    // aws-cdk-lib throws for a subnet type or group the VPC does not have: say it in our words.
    return v.fail(property, undefined, `selects no subnet: ${(e as Error).message}`,
      selection ? spec.countFix : `Give vpcSubnets to choose the ${v.noun}'s subnets (by default it takes ${spec.firstOnly ? `the first ${defaultKind}` : `the VPC's ${internet ? 'public subnets' : 'private subnets with egress'}`}).`);
  }
  let subnets = selected.subnets;
  const explicit = selection?.subnets !== undefined;
  if (selected.isPendingLookup) {
    // The dummy VPC of a pending context lookup says nothing of the real one: judged on the synth after the lookup.
    return (spec.firstOnly && !explicit ? subnets.slice(0, 1) : subnets).map((s) => s.subnetId);
  }
  if (subnets.length === 0) {
    // Only a selection comes back empty: without one, aws-cdk-lib throws (above) for a VPC without the default kind.
    v.fail(property, undefined, 'selects no subnet', spec.countFix);
  }
  if (spec.firstOnly && !explicit) {
    subnets = subnets.slice(0, 1);
    if (isListToken(subnets[0].subnetId)) {
      return [Fn.select(0, [subnets[0].subnetId])]; // the first of a VPC imported with a token for its list of subnet ids
    }
  }
  const known = subnets.filter((s) => !isListToken(s.subnetId));
  if (known.length === subnets.length) {
    v.count(property, subnets.length, spec.count, 'subnet', spec.countFix);
  } else if (spec.count.maxItems !== undefined) {
    // A token for a list of subnet ids holds an unknown number: only the known subnets can be too many.
    if (known.length > spec.count.maxItems) {
      v.count(property, known.length, spec.count, 'subnet', spec.countFix);
    }
    if (known.length < spec.count.maxItems) {
      v.warn('subnetCountUnknown',
        `${property}: a token for a list of subnet ids (such as a List<AWS::EC2::Subnet::Id> parameter) gives the subnets, so their number is known only at deployment; ${article(v.noun)} takes ${countWords(spec.count)}. ${spec.countFix}`);
    }
  }
  subnets.forEach((subnet, i) => checkSubnet(v, vpc, subnet, explicit ? `vpcSubnets.subnets[${i}]` : property));
  if (spec.distinctZones !== undefined && known.length === subnets.length) {
    const zones = subnets.map(zoneOf);
    // Only zones that are all known can be too few: a subnet imported by id alone may be in any zone.
    if (zones.every((z) => z !== undefined) && new Set(zones).size < spec.distinctZones) {
      const count = new Set(zones).size;
      v.fail(property, undefined,
        `selects subnets in ${count} availability zone${count === 1 ? '' : 's'}, but ${article(v.noun)} needs subnets in at least ${spec.distinctZones}`,
        spec.countFix);
    }
  }
  if (internet) {
    for (const subnet of subnets) {
      const kind = vpc.privateSubnets.includes(subnet) ? 'private' : vpc.isolatedSubnets.includes(subnet) ? 'isolated' : undefined;
      if (kind) {
        v.fail('enableDefaultInternetAccess', true, `needs a public subnet, but the selected subnet '${subnet.node.path}' is ${kind}`,
          'Select a public subnet (set vpcSubnets to a selection with subnetType ec2.SubnetType.PUBLIC), or leave enableDefaultInternetAccess off and reach the internet through a NAT gateway.');
      }
    }
  }
  return subnets.map((s) => s.subnetId);
}

/** A count rule in words: "exactly 1 subnet", "at least 2 subnets". */
function countWords(rule: CountRule): string {
  const n = rule.minItems === rule.maxItems ? rule.minItems! : rule.minItems ?? 0;
  const s = n === 1 ? '' : 's';
  return rule.minItems === rule.maxItems ? `exactly ${n} subnet${s}` : `at least ${n} subnet${s}`;
}

/** A subnet must be one of `vpc` when both say which VPC they are in. */
function checkSubnet(v: Validator, vpc: ec2.IVpc, subnet: ec2.ISubnet, property: string): void {
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
