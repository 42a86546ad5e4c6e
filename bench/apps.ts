/**
 * The apps the benchmark synthesizes: N image builders written with this library's L2
 * (`ImageBuilder`), the same resources written with the bare L1 (`CfnImageBuilder`, plus the
 * `CfnSecurityGroup` the L2 defines by default, and with `withRole` the `CfnRole` it defines on first
 * use), and the "floor" between them (see `Variant`).
 *
 * Everything but the AppStream part is shared and identical in all apps: the stacks (100 builders
 * each, well under CloudFormation's 500 resources), one imported VPC per stack, one directory config
 * in the first stack that every builder joins, one access endpoint. `run.ts` checks that all apps render the same templates (up to
 * logical ids and builder names) before it measures anything.
 */
import { App, RemovalPolicy, SecretValue, Stack, Tags } from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AccessEndpoint, DirectoryConfig, IDirectoryConfig, Image, ImageBuilder, InstanceType, ServiceAccountCredentials } from '../lib';

/**
 * Which app: the bare L1, this library's L2, or the floor under the L2: the L1 image builder with
 * the role, security group and tags made the way the L2 makes them (aws-cdk-lib's `iam.Role` and
 * `ec2.SecurityGroup` L2s, `Tags.of()`), which no change to this library can go below.
 */
export type Variant = 'l1' | 'l2' | 'floor';

/** Every variant, in the order the benchmark reports them. */
export const VARIANTS: readonly Variant[] = ['l1', 'l2', 'floor'];

/** Builders per stack: 3 resources each, so a stack holds about 300 of CloudFormation's 500. */
export const BUILDERS_PER_STACK = 100;

const ENV = { account: '111111111111', region: 'us-east-1' };
const IMAGE_NAME = 'AppStream-WinServer2022-06-17-2024';
const INSTANCE_TYPE = 'stream.standard.medium';
const VPCE_ID = 'vpce-0123456789abcdef0';
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
/** What the L2 gives its default role and security group; the L1 app writes the same. */
const ROLE_DESCRIPTION = 'Role of an AppStream image builder (appstream_machine_role)';
const SECURITY_GROUP_DESCRIPTION = 'AppStream image builder';

/** The directory config of each stack: the L2 app defines it with `DirectoryConfig`, the others with the L1. */
interface DirectorySpec {
  readonly directoryName: string;
  readonly organizationalUnitDistinguishedNames: string[];
  readonly serviceAccountName: string;
  readonly serviceAccountPassword: SecretValue;
}

const DIRECTORY: DirectorySpec = {
  directoryName: 'corp.example.com',
  organizationalUnitDistinguishedNames: [OU],
  serviceAccountName: 'CORP\\svc-appstream',
  serviceAccountPassword: SecretValue.secretsManager('appstream/service-account', { jsonField: 'password' }),
};

/** A few tags per builder, one of them different for each. */
function tagsOf(index: number): Record<string, string> {
  return { 'team': 'desktops', 'cost-center': '4711', 'builder': `b${index}` };
}

/** The VPC of a stack: imported, so it adds no resources; 2 zones, 2 private subnets in each. */
function sharedVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-000000000000000a1', 'subnet-000000000000000b1', 'subnet-000000000000000a2', 'subnet-000000000000000b2'],
    privateSubnetRouteTableIds: ['rtb-000000000000000a1', 'rtb-000000000000000b1', 'rtb-000000000000000a2', 'rtb-000000000000000b2'],
  });
}

/** The directory config, written with the L1: the same in both apps. */
function cfnDirectory(stack: Stack): appstream.CfnDirectoryConfig {
  const directory = new appstream.CfnDirectoryConfig(stack, 'Directory', {
    directoryName: DIRECTORY.directoryName,
    organizationalUnitDistinguishedNames: DIRECTORY.organizationalUnitDistinguishedNames,
    serviceAccountCredentials: {
      accountName: DIRECTORY.serviceAccountName,
      accountPassword: DIRECTORY.serviceAccountPassword.unsafeUnwrap(),
    },
  });
  directory.applyRemovalPolicy(RemovalPolicy.DESTROY);
  return directory;
}

/** The directory config the L2 builders join: the L2 `DirectoryConfig`, rendering what `cfnDirectory` does. */
function l2Directory(stack: Stack): IDirectoryConfig {
  return new DirectoryConfig(stack, 'Directory', {
    directoryName: DIRECTORY.directoryName,
    organizationalUnitDistinguishedNames: DIRECTORY.organizationalUnitDistinguishedNames,
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword(DIRECTORY.serviceAccountName, DIRECTORY.serviceAccountPassword),
  });
}

/**
 * One builder through the L2, everything on: VPC, one subnet, tags, domain join, access endpoint;
 * with `withRole`, asked for its role (as a grant to it would), which defines the default role.
 */
function l2Builder(stack: Stack, vpc: ec2.IVpc, directory: IDirectoryConfig, index: number, withRole: boolean): void {
  const builder = new ImageBuilder(stack, `Builder${index}`, {
    image: Image.fromName(IMAGE_NAME),
    instanceType: InstanceType.STANDARD_MEDIUM,
    vpc,
    vpcSubnets: { subnets: [vpc.privateSubnets[index % vpc.privateSubnets.length]] },
    domainJoin: { directory, organizationalUnitDistinguishedName: OU },
    accessEndpoints: [AccessEndpoint.fromVpceId(VPCE_ID)],
    tags: tagsOf(index),
  });
  if (withRole) {
    void builder.role;
  }
}

/** The L1 image builder's properties, but tags, as both L1-based apps write them. */
function cfnBuilderProps(vpc: ec2.IVpc, index: number, securityGroupId: string, roleArn: string | undefined): appstream.CfnImageBuilderProps {
  return {
    name: `bench-builder-${index}`,
    instanceType: INSTANCE_TYPE,
    imageName: IMAGE_NAME,
    vpcConfig: {
      subnetIds: [vpc.privateSubnets[index % vpc.privateSubnets.length].subnetId],
      securityGroupIds: [securityGroupId],
    },
    iamRoleArn: roleArn,
    domainJoinInfo: { directoryName: DIRECTORY.directoryName, organizationalUnitDistinguishedName: OU },
    accessEndpoints: [{ endpointType: 'STREAMING', vpceId: VPCE_ID }],
  };
}

/**
 * The same builder with the bare L1, as someone would write it by hand: a literal name, tags as
 * props, and the security group (and with `withRole` the role) the L2 defines by default.
 */
function l1Builder(stack: Stack, vpc: ec2.IVpc, directory: appstream.CfnDirectoryConfig, index: number, withRole: boolean): void {
  const tags = Object.entries(tagsOf(index)).map(([key, value]) => ({ key, value }));
  const securityGroup = new ec2.CfnSecurityGroup(stack, `Builder${index}SecurityGroup`, {
    vpcId: vpc.vpcId,
    groupDescription: SECURITY_GROUP_DESCRIPTION,
    securityGroupEgress: [{ cidrIp: '0.0.0.0/0', description: 'Allow all outbound traffic by default', ipProtocol: '-1' }],
  });
  const role = withRole ? new iam.CfnRole(stack, `Builder${index}Role`, {
    assumeRolePolicyDocument: {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } }],
      Version: '2012-10-17',
    },
    description: ROLE_DESCRIPTION,
  }) : undefined;
  const builder = new appstream.CfnImageBuilder(stack, `Builder${index}`, {
    ...cfnBuilderProps(vpc, index, securityGroup.attrGroupId, role?.attrArn),
    tags,
  });
  builder.applyRemovalPolicy(RemovalPolicy.DESTROY);
  builder.addDependency(directory);
}

/**
 * The floor: what the L2 builds, minus this library's own code. The same construct tree as the L2
 * (a scope with `SecurityGroup`, `Role` and `Resource`), aws-cdk-lib's L2 role and security group,
 * tags through `Tags.of()` on the image builder, and the bare `CfnImageBuilder`.
 */
function floorBuilder(stack: Stack, vpc: ec2.IVpc, directory: appstream.CfnDirectoryConfig, index: number, withRole: boolean): void {
  const scope = new Construct(stack, `Builder${index}`);
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description: SECURITY_GROUP_DESCRIPTION, allowAllOutbound: true });
  const role = withRole
    ? new iam.Role(scope, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com'), description: ROLE_DESCRIPTION })
    : undefined;
  const builder = new appstream.CfnImageBuilder(scope, 'Resource', cfnBuilderProps(vpc, index, securityGroup.securityGroupId, role?.roleArn));
  builder.applyRemovalPolicy(RemovalPolicy.DESTROY);
  builder.addDependency(directory);
  for (const [key, value] of Object.entries(tagsOf(index))) {
    Tags.of(builder).add(key, value);
  }
}

/**
 * An app with `n` image builders of `variant`, spread over stacks of `BUILDERS_PER_STACK`.
 *
 * @param outdir where `app.synth()` writes the cloud assembly
 * @param withRole whether each builder has a role (the L2 defines its default role on first use)
 */
export function buildApp(variant: Variant, n: number, outdir: string, withRole = false): App {
  // As `cdk synth` runs an app: the CLI turns creation stack traces off unless --debug is given.
  const app = new App({ outdir, analyticsReporting: false, context: { 'aws:cdk:disable-stack-trace': true } });
  // One directory config for the whole app, in the first stack: AppStream allows one per directory
  // name in an account and region (the L2 refuses a second), so the other stacks' builders join it
  // from there, and their stacks depend on the first.
  let l2Dir: IDirectoryConfig | undefined;
  let cfnDir: appstream.CfnDirectoryConfig | undefined;
  for (let first = 0, s = 0; first < n; first += BUILDERS_PER_STACK, s++) {
    const stack = new Stack(app, `AppStreamBench${s}`, { env: ENV });
    const vpc = sharedVpc(stack);
    const count = Math.min(BUILDERS_PER_STACK, n - first);
    if (variant === 'l2') {
      const directory = l2Dir ??= l2Directory(stack);
      for (let i = 0; i < count; i++) {
        l2Builder(stack, vpc, directory, first + i, withRole);
      }
    } else {
      const directory = cfnDir ??= cfnDirectory(stack);
      for (let i = 0; i < count; i++) {
        (variant === 'l1' ? l1Builder : floorBuilder)(stack, vpc, directory, first + i, withRole);
      }
    }
  }
  return app;
}
