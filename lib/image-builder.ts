import {
  Annotations,
  ArnFormat,
  IResource,
  Names,
  RemovalPolicy,
  Resource,
  ResourceProps,
  Size,
  SizeRoundingBehavior,
  Stack,
  Tags,
  Token,
} from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { AccessEndpoint } from './access-endpoint';
import { AgentVersion } from './agent-version';
import { DirectoryConfig, IDirectoryConfig } from './directory-config';
import { Image } from './image';
import { InstanceType } from './instance-type';
import { IMAGE_BUILDER_START_STOP_ACTIONS, IMAGE_BUILDER_STREAMING_URL_ACTIONS } from './private/actions';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkDirectoryConfigLink } from './private/domain-join';
import {
  ACCESS_ENDPOINTS,
  DESCRIPTION,
  DIRECTORY_NAME,
  DISPLAY_NAME,
  IMAGE_BUILDER_NAME,
  IMAGE_BUILDER_SUBNETS,
  OU_DISTINGUISHED_NAME,
  OU_DISTINGUISHED_NAME_FORMAT,
  ROOT_VOLUME_GIB,
  SECURITY_GROUPS,
  SOFTWARE_NAME,
} from './private/rules';
import { checkTags } from './private/tags';
import { claimUniqueName } from './private/unique-names';
import { Validator } from './private/validation';

const IMAGE_BUILDER_SYMBOL = Symbol.for('cdk-appstream.ImageBuilder');
const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

/**
 * An AppStream image builder, defined in this app or imported.
 */
export interface IImageBuilder extends IResource, appstreamRefs.IImageBuilderRef {
  /**
   * The name of the image builder.
   *
   * @attribute
   */
  readonly imageBuilderName: string;

  /**
   * The ARN of the image builder: `arn:<partition>:appstream:<region>:<account>:image-builder/<name>`.
   *
   * @attribute
   */
  readonly imageBuilderArn: string;

  /**
   * Grant `grantee` the given AppStream actions on this image builder.
   *
   * @param grantee the principal
   * @param actions the actions, for example `appstream:DescribeImageBuilders`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grant `grantee` the right to open a streaming session to this image builder
   * (`appstream:CreateImageBuilderStreamingURL`).
   *
   * @param grantee the principal
   */
  grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grant `grantee` the right to start and stop this image builder
   * (`appstream:StartImageBuilder`, `appstream:StopImageBuilder`).
   *
   * @param grantee the principal
   */
  grantStartStop(grantee: iam.IGrantable): iam.Grant;
}

/**
 * What image builders defined in the app and imported ones share.
 */
abstract class ImageBuilderBase extends Resource implements IImageBuilder {
  public abstract readonly imageBuilderName: string;
  public abstract readonly imageBuilderArn: string;

  public get imageBuilderRef(): appstreamRefs.ImageBuilderReference {
    return { imageBuilderName: this.imageBuilderName };
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.imageBuilderArn] });
  }

  public grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...IMAGE_BUILDER_STREAMING_URL_ACTIONS);
  }

  public grantStartStop(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...IMAGE_BUILDER_START_STOP_ACTIONS);
  }
}

/**
 * Joining an image builder to a Microsoft Active Directory domain.
 */
export interface DomainJoin {
  /**
   * The directory config of the domain to join: a `DirectoryConfig` defined in the app, or one
   * imported with `DirectoryConfig.fromDirectoryName()`. A `DirectoryConfig` defined in the app is
   * deployed before the builder, and must be in the builder's account and region.
   */
  readonly directory: IDirectoryConfig;

  /**
   * The distinguished name of the organizational unit for the builder's computer object,
   * for example `OU=AppStream,DC=corp,DC=example,DC=com`. At most 2000 characters. With a
   * `DirectoryConfig` defined in the app, it must be one of its `organizationalUnitDistinguishedNames`.
   *
   * @default - none: the request names no OU, and AppStream chooses where to create the computer object
   */
  readonly organizationalUnitDistinguishedName?: string;
}

/**
 * Properties of an `ImageBuilder`.
 */
export interface ImageBuilderProps {
  /**
   * The image to start from.
   */
  readonly image: Image;

  /**
   * The instance type.
   */
  readonly instanceType: InstanceType;

  /**
   * The image builder's name, unique in the account and region: 1 to 101 letters, digits, `_`, `.`
   * and `-`, starting with a letter or digit.
   *
   * @default - a name generated from the construct path, unique in the app
   */
  readonly imageBuilderName?: string;

  /**
   * The name to display, at most 100 characters.
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description to display, at most 256 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * The VPC to put the image builder in.
   *
   * @default - no VPC: the builder runs in a network AppStream manages, and cannot join a domain
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Which subnet of `vpc` to use. It must select exactly one subnet: an image builder has one
   * network interface.
   *
   * @default - the first of the VPC's private subnets with egress (in availability-zone order), or
   * the first public subnet when `enableDefaultInternetAccess` is true
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security groups of the builder's network interface, at most 5. Only with `vpc`.
   *
   * @default - with a VPC: one new security group with no inbound rules and all outbound traffic
   * allowed; without a VPC: none
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The IAM role that applications and scripts on the builder use (as the `appstream_machine_role`
   * profile). Its trust policy must let `appstream.amazonaws.com` assume it.
   *
   * @default - a new role that `appstream.amazonaws.com` can assume, with no policies
   */
  readonly role?: iam.IRole;

  /**
   * Whether the builder gets internet access from AppStream. In a VPC, this needs a public subnet.
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * Join the builder to an Active Directory domain. Needs `vpc`.
   *
   * @default - not joined to a domain
   */
  readonly domainJoin?: DomainJoin;

  /**
   * The AppStream agent version.
   *
   * @default - AppStream's default: the agent in the image
   */
  readonly agentVersion?: AgentVersion;

  /**
   * Interface VPC endpoints through which administrators reach the builder, 1 to 4. With them,
   * connections go only through these endpoints.
   *
   * @default - connections over the internet
   */
  readonly accessEndpoints?: AccessEndpoint[];

  /**
   * Tags for the image builder (not the role and security group it defines: tag those, or the whole
   * scope, with `Tags.of()`). A tag given here wins over one of the same key added with `Tags.of()`
   * at the same priority. With tags added by
   * `Tags.of()`, at most 50 reach the image builder; each key 1-128 characters, each value at most
   * 256, of letters, digits, spaces and `_ . : / = + - @`; no key may start with `aws:`.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * The size of the root volume: whole GiB from 200 to 500.
   *
   * @default - 200 GiB (AppStream's default)
   */
  readonly rootVolumeSize?: Size;

  /**
   * License-included applications to install on the builder when it is created, for example
   * `Microsoft_Office_2021_LTSC_Professional_Plus_64Bit`.
   *
   * @default - none
   */
  readonly softwaresToInstall?: string[];

  /**
   * License-included applications to uninstall from the builder when it is created.
   *
   * @default - none
   */
  readonly softwaresToUninstall?: string[];

  /**
   * Whether to require IMDSv2 on the builder (turn off IMDSv1). Sets `DisableIMDSV1`. The image
   * must run an agent released on or after January 16, 2024. CloudFormation offers `DisableIMDSV1`
   * in some regions only: in a stack whose region lacks it, the builder warns
   * (`cdk-appstream:imageBuilder:propertyNotInRegion`).
   *
   * @default - AppStream's default (IMDSv1 and IMDSv2 both enabled)
   */
  readonly requireImdsv2?: boolean;

  /**
   * What happens to the image builder when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Defines an AppStream image builder: the virtual machine on which you install applications and
 * create an image from them.
 *
 * Every rule of the AppStream API is checked at synth time; values only known at deployment
 * (tokens) are passed through unchecked.
 *
 * @resource AWS::AppStream::ImageBuilder
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/managing-image-builders.html
 */
export class ImageBuilder extends ImageBuilderBase implements ec2.IConnectable, iam.IGrantable {
  /**
   * Import an image builder by name.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param imageBuilderName the image builder's name
   */
  public static fromImageBuilderName(scope: Construct, id: string, imageBuilderName: string): IImageBuilder {
    const imageBuilderArn = Stack.of(scope).formatArn({
      service: 'appstream',
      resource: 'image-builder',
      resourceName: imageBuilderName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return new ImportedImageBuilder(scope, id, imageBuilderName, imageBuilderArn, {});
  }

  /**
   * Import an image builder by ARN (`arn:<partition>:appstream:<region>:<account>:image-builder/<name>`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param imageBuilderArn the image builder's ARN
   */
  public static fromImageBuilderArn(scope: Construct, id: string, imageBuilderArn: string): IImageBuilder {
    const name = Stack.of(scope).splitArn(imageBuilderArn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
    return new ImportedImageBuilder(scope, id, name, imageBuilderArn, { environmentFromArn: imageBuilderArn });
  }

  /**
   * Whether `x` is an `ImageBuilder` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isImageBuilder(x: any): x is ImageBuilder {
    return x !== null && typeof x === 'object' && IMAGE_BUILDER_SYMBOL in x;
  }

  /**
   * The image builder's name.
   *
   * @attribute
   */
  public readonly imageBuilderName: string;

  /**
   * The image builder's ARN.
   *
   * @attribute
   */
  public readonly imageBuilderArn: string;

  /**
   * A URL to stream the image builder (`Fn::GetAtt StreamingUrl`).
   *
   * @attribute
   */
  public get streamingUrl(): string {
    // A getter: the token is made only when someone asks for it.
    return this.resource.attrStreamingUrl;
  }

  /** The IAM role that applications and scripts on the builder use. */
  public readonly role: iam.IRole;

  /** The principal to grant permissions to: the builder's role. */
  public readonly grantPrincipal: iam.IPrincipal;

  /** The network connections of the builder's security groups (none without a VPC). */
  public readonly connections: ec2.Connections;

  /** The L1 resource, for what this construct does not model (prefer its props). */
  private readonly resource: appstream.CfnImageBuilder;

  /**
   * @param scope the scope in which to define the image builder
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the image builder's properties
   */
  constructor(scope: Construct, id: string, props: ImageBuilderProps) {
    super(scope, id);
    Object.defineProperty(this, IMAGE_BUILDER_SYMBOL, { value: true });
    const v = new Validator(this, 'ImageBuilder');

    const name = props.imageBuilderName ?? this.generateName();
    v.string('imageBuilderName', name, IMAGE_BUILDER_NAME, 'Use only letters, digits, _ . - and start with a letter or digit, or leave imageBuilderName out to get a generated name.');
    v.string('displayName', props.displayName, DISPLAY_NAME, 'Shorten it.');
    v.string('description', props.description, DESCRIPTION, 'Shorten it.');
    const holder = claimUniqueName(this, 'ImageBuilder', name);
    if (holder !== undefined) {
      v.fail('imageBuilderName', name, `is already used by '${holder}' in the same account and region`,
        'Give each image builder its own name, or leave imageBuilderName out to get a generated one.');
    }

    const image = props.image.bind(this);
    const instanceType = props.instanceType.name;
    if (!Token.isUnresolved(instanceType) && !InstanceType.isKnown(instanceType)) {
      Annotations.of(this).addWarningV2(
        'cdk-appstream:imageBuilder:unknownInstanceType',
        `instanceType '${instanceType}' is not one of the image-builder instance types this library knows; check the name (AppStream rejects unknown types at deployment) or ignore this if AWS has added it since.`,
      );
    }

    const internet = props.enableDefaultInternetAccess ?? false;
    const subnet = props.vpc ? this.selectSubnet(v, props.vpc, props.vpcSubnets, internet) : undefined;
    if (!props.vpc && props.vpcSubnets) {
      v.fail('vpcSubnets', undefined, 'needs a vpc', 'Give vpc too, or leave vpcSubnets out.');
    }

    let securityGroups: ec2.ISecurityGroup[] = [];
    if (props.vpc) {
      securityGroups = props.securityGroups ?? [
        new ec2.SecurityGroup(this, 'SecurityGroup', {
          vpc: props.vpc,
          description: 'AppStream image builder',
          allowAllOutbound: true,
        }),
      ];
      v.count('securityGroups', securityGroups.length, SECURITY_GROUPS, 'security group', 'Give at most 5 security groups.');
    } else if (props.securityGroups && props.securityGroups.length > 0) {
      v.fail('securityGroups', undefined, 'need a vpc: an image builder without a VPC has no network interface of yours', 'Give vpc too, or leave securityGroups out.');
    }
    this.connections = new ec2.Connections({ securityGroups });

    this.role = props.role ?? new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal(APPSTREAM_PRINCIPAL),
      description: 'Role of an AppStream image builder (appstream_machine_role)',
    });
    this.grantPrincipal = this.role;

    const domainJoinInfo = props.domainJoin ? this.domainJoinInfo(v, props.domainJoin, props.vpc) : undefined;

    let accessEndpoints: appstream.CfnImageBuilder.AccessEndpointProperty[] | undefined;
    if (props.accessEndpoints) {
      v.count('accessEndpoints', props.accessEndpoints.length, ACCESS_ENDPOINTS, 'endpoint', 'Give 1 to 4 endpoints, or leave accessEndpoints out.');
      accessEndpoints = props.accessEndpoints.map((e) => e.bind(this));
    }

    for (const [property, names] of [['softwaresToInstall', props.softwaresToInstall], ['softwaresToUninstall', props.softwaresToUninstall]] as const) {
      (names ?? []).forEach((n, i) => v.string(`${property}[${i}]`, n, SOFTWARE_NAME, 'Give the application name, such as Microsoft_Office_2021_LTSC_Professional_Plus_64Bit.'));
    }

    this.resource = new appstream.CfnImageBuilder(this, 'Resource', {
      name,
      instanceType,
      imageName: image.imageName,
      imageArn: image.imageArn,
      displayName: props.displayName,
      description: props.description,
      vpcConfig: props.vpc
        ? { subnetIds: [subnet!.subnetId], securityGroupIds: securityGroups.map((sg) => sg.securityGroupId) }
        : undefined,
      iamRoleArn: this.role.roleArn,
      enableDefaultInternetAccess: props.enableDefaultInternetAccess,
      domainJoinInfo,
      appstreamAgentVersion: props.agentVersion?.bind(this),
      accessEndpoints,
      rootVolumeConfig: props.rootVolumeSize ? { volumeSizeInGb: this.rootVolumeGib(v, props.rootVolumeSize) } : undefined,
      softwaresToInstall: props.softwaresToInstall,
      softwaresToUninstall: props.softwaresToUninstall,
    });
    if (props.requireImdsv2 !== undefined) {
      // The L1 of aws-cdk-lib 2.257 has no property for it; CloudFormation has (in some regions).
      this.resource.addPropertyOverride('DisableIMDSV1', props.requireImdsv2);
    }
    this.resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);
    const setBy: Record<string, string> = {};
    if (props.rootVolumeSize) setBy.RootVolumeConfig = 'rootVolumeSize';
    if (props.softwaresToInstall) setBy.SoftwaresToInstall = 'softwaresToInstall';
    if (props.softwaresToUninstall) setBy.SoftwaresToUninstall = 'softwaresToUninstall';
    if (props.requireImdsv2 !== undefined) setBy.DisableIMDSV1 = 'requireImdsv2';
    warnIfNotInRegion(this, 'imageBuilder', appstream.CfnImageBuilder.CFN_RESOURCE_TYPE_NAME, setBy);
    if (props.domainJoin && DirectoryConfig.isDirectoryConfig(props.domainJoin.directory)) {
      checkDirectoryConfigLink(v, this, props.domainJoin.directory, props.domainJoin.organizationalUnitDistinguishedName);
      // DomainJoinInfo carries only the directory's name, which orders nothing: CloudFormation must
      // create the directory config first (DependsOn, or a stack dependency across stacks).
      this.resource.node.addDependency(props.domainJoin.directory);
    }

    // Checked now for an early error (aws-cdk-lib would silently drop an empty key), and again at
    // synthesis with the tags added by Tags.of().
    const tagProblems = checkTags(v, props.tags ?? {});
    if (tagProblems.length > 0) {
      throw new Error(tagProblems.join('\n'));
    }
    // Only the image builder: AppStream's tag rules are its own (IAM, for one, refuses some first
    // characters that AppStream accepts), so the role and security group are left to Tags.of().
    // Applied on the L1 itself, the tag aspects visit that one node, not every child of the builder.
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      Tags.of(this.resource).add(key, value);
    }

    // Plain Ref and formatArn: the name is never a physical-name token to be mimicked across
    // environments (getResourceNameAttribute would only add a Lazy per builder, ~2% of a synth).
    this.imageBuilderName = this.resource.ref;
    this.imageBuilderArn = Stack.of(this).formatArn({
      service: 'appstream',
      resource: 'image-builder',
      resourceName: this.resource.ref,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    // Settled only at synthesis: tags added later by Tags.of(), and changes to the role's trust policy.
    this.node.addValidation({ validate: () => checkTags(v, this.resource.tags.tagValues()) });
    if (props.role) {
      // Only a given role can fail: the default one trusts AppStream from the start, and a trust
      // policy only ever gains statements. Resolving it for every builder cost ~3% of a synth.
      this.node.addValidation({ validate: () => this.checkRoleTrust(v) });
    }
  }

  private generateName(): string {
    const generated = Names.uniqueResourceName(this, { maxLength: 100, allowedSpecialCharacters: '-_.' });
    // The rule asks for a letter or digit first; construct ids may start otherwise.
    return generated.replace(/^[^a-zA-Z0-9]+/, '') || `ib${Names.uniqueId(this).slice(-16)}`;
  }

  private selectSubnet(v: Validator, vpc: ec2.IVpc, selection: ec2.SubnetSelection | undefined, internet: boolean): ec2.ISubnet {
    const narrow = 'An image builder uses exactly one subnet: narrow the selection, for example vpcSubnets: { subnets: [vpc.privateSubnets[0]] }, or { subnetType, availabilityZones: [oneZone] }.';
    const effective = selection ?? { subnetType: internet ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS };
    let subnets: ec2.ISubnet[];
    try {
      subnets = vpc.selectSubnets(effective).subnets;
    } catch (e) {
      return v.fail(selection ? 'vpcSubnets' : 'vpc', undefined, `selects no subnet: ${(e as Error).message}`,
        selection ? narrow : `Give vpcSubnets to choose the builder's subnet (by default it takes the first ${internet ? 'public' : 'private subnet with egress'}).`);
    }
    if (selection) {
      v.count('vpcSubnets', subnets.length, IMAGE_BUILDER_SUBNETS, 'subnet', narrow);
    } else if (subnets.length === 0) {
      v.fail('vpc', undefined, `has no ${internet ? 'public' : 'private subnet with egress'} to default to`, 'Give vpcSubnets to choose the subnet.');
    }
    const subnet = subnets[0];
    if (internet) {
      const kind = vpc.privateSubnets.includes(subnet) ? 'private' : vpc.isolatedSubnets.includes(subnet) ? 'isolated' : undefined;
      if (kind) {
        v.fail('enableDefaultInternetAccess', true, `needs a public subnet, but the selected subnet '${subnet.node.path}' is ${kind}`,
          'Select a public subnet (vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }), or leave enableDefaultInternetAccess off and reach the internet through a NAT gateway.');
      }
    }
    return subnet;
  }

  private domainJoinInfo(v: Validator, join: DomainJoin, vpc: ec2.IVpc | undefined): appstream.CfnImageBuilder.DomainJoinInfoProperty {
    if (!vpc) {
      v.fail('domainJoin', undefined, 'needs a vpc: the builder must reach the domain controllers from a subnet of yours', 'Give vpc (and vpcSubnets) too.');
    }
    const directoryName = join.directory.directoryName;
    v.string('domainJoin.directory.directoryName', directoryName, DIRECTORY_NAME, 'Give the fully qualified domain name of the directory, such as corp.example.com (not its NetBIOS name).');
    const ou = join.organizationalUnitDistinguishedName;
    v.string('domainJoin.organizationalUnitDistinguishedName', ou, OU_DISTINGUISHED_NAME, 'Shorten it.');
    v.string('domainJoin.organizationalUnitDistinguishedName', ou, OU_DISTINGUISHED_NAME_FORMAT, 'Give the distinguished name of an OU, such as OU=AppStream,DC=corp,DC=example,DC=com.');
    return { directoryName, organizationalUnitDistinguishedName: ou };
  }

  private rootVolumeGib(v: Validator, size: Size): number {
    if (size.isUnresolved()) {
      try {
        return size.toGibibytes();
      } catch {
        return v.fail('rootVolumeSize', undefined, 'is a token in a unit other than GiB', 'Use Size.gibibytes() for a value known only at deployment.');
      }
    }
    const gib = size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
    v.range('rootVolumeSize', gib, ROOT_VOLUME_GIB, 'Give a whole number of GiB from 200 to 500, such as Size.gibibytes(300).');
    return gib;
  }

  private checkRoleTrust(v: Validator): string[] {
    const document = (this.role as { assumeRolePolicy?: iam.PolicyDocument }).assumeRolePolicy;
    if (!document) {
      return []; // an imported role: its trust policy is not known here
    }
    const trust = trustsAppStream(Stack.of(this.role).resolve(document));
    if (trust === false) {
      return [v.message('role', this.role.node.path,
        `cannot be assumed by ${APPSTREAM_PRINCIPAL} (AppStream answers InvalidRoleException)`,
        `Define the role with assumedBy: new iam.ServicePrincipal('${APPSTREAM_PRINCIPAL}'), or add that principal to its trust policy.`)];
    }
    return [];
  }
}

class ImportedImageBuilder extends ImageBuilderBase {
  constructor(scope: Construct, id: string, public readonly imageBuilderName: string, public readonly imageBuilderArn: string, props: ResourceProps) {
    super(scope, id, props);
  }
}

/**
 * Whether a resolved trust policy lets AppStream assume the role: true, false, or undefined when a
 * principal is only known at deployment.
 */
function trustsAppStream(policy: any): boolean | undefined {
  const statements: any[] = [policy?.Statement ?? []].flat();
  let unknown = false;
  for (const s of statements) {
    if (s.Effect !== 'Allow' || !matchesAny(s.Action, ['sts:AssumeRole', 'sts:*', '*'])) {
      continue;
    }
    const principal = s.Principal;
    if (principal === '*' || principal?.AWS === '*') {
      return true;
    }
    const services: unknown[] = [principal?.Service ?? []].flat();
    if (services.includes(APPSTREAM_PRINCIPAL)) {
      return true;
    }
    unknown ||= services.some((x) => typeof x !== 'string');
  }
  return unknown ? undefined : false;
}

function matchesAny(actions: unknown, wanted: string[]): boolean {
  return [actions ?? []].flat().some((a) => typeof a === 'string' && wanted.includes(a));
}
