import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { AccessEndpoint } from './access-endpoint';
import { AgentVersion } from './agent-version';
import { DomainJoin } from './domain-join';
import { Image } from './image';
import { InstanceType } from './instance-type';
import { bindAccessEndpoints } from './private/access-endpoints';
import { IMAGE_BUILDER_START_STOP_ACTIONS, IMAGE_BUILDER_STREAMING_URL_ACTIONS } from './private/actions';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { configureDomainJoin } from './private/domain-join';
import { bindImage, checkInstanceType, requireImdsv2, rootVolumeConfig } from './private/instance';
import { checkLabels, resourceName } from './private/names';
import { configureNetwork } from './private/network';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import { serviceRole } from './private/role';
import { IMAGE_BUILDER_INSTANCE_TYPES, IMAGE_BUILDER_SUBNETS, SOFTWARE_NAME } from './private/rules';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';

const IMAGE_BUILDER_SYMBOL = Symbol.for('cdk-appstream.ImageBuilder');

/**
 * An AppStream image builder, defined in this app or imported.
 */
export interface IImageBuilder extends cdk.IResource, appstreamRefs.IImageBuilderRef {
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
abstract class ImageBuilderBase extends cdk.Resource implements IImageBuilder {
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
   * @default - none until something needs one: the first use of `role` or `grantPrincipal` (a grant
   * to the builder, `grantPrincipal.addToPrincipalPolicy`) defines a role that `appstream.amazonaws.com` can assume,
   * with no policies; a builder that is granted nothing has no role, as AppStream's own default
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
  readonly rootVolumeSize?: cdk.Size;

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
   * @default false - AppStream's default: IMDSv1 and IMDSv2 both enabled (not written to the template,
   * so it deploys in every region)
   */
  readonly requireImdsv2?: boolean;

  /**
   * What happens to the image builder when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
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
    checkImportedName(scope, id, 'ImageBuilder.fromImageBuilderName()', 'imageBuilderName', imageBuilderName);
    const imageBuilderArn = appStreamArn(scope, 'image-builder', imageBuilderName);
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
    checkImportedArn(scope, id, 'ImageBuilder.fromImageBuilderArn()', 'imageBuilderArn', imageBuilderArn, 'image-builder');
    const name = nameInArn(scope, imageBuilderArn);
    return new ImportedImageBuilder(scope, id, name, imageBuilderArn, { environmentFromArn: imageBuilderArn });
  }

  /**
   * Whether `x` is an `ImageBuilder` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isImageBuilder(x: any): x is ImageBuilder {
    return x !== null && typeof x === 'object' && x[IMAGE_BUILDER_SYMBOL] === true;
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

  /**
   * The IAM role that applications and scripts on the builder use. Without a `role` prop, the first
   * use of this property defines one that AppStream can assume.
   */
  public get role(): iam.IRole {
    return this.getRole();
  }

  /** The principal to grant permissions to: the builder's role (defined on first use without a `role` prop). */
  public get grantPrincipal(): iam.IPrincipal {
    return this.getRole();
  }

  /**
   * The network connections of the builder's security groups. Only a builder in a VPC has
   * security groups of yours to manage: without one, this property throws.
   */
  public get connections(): ec2.Connections {
    return this.getConnections();
  }

  private readonly getConnections: () => ec2.Connections;

  /** The L1 resource, for what this construct does not model (prefer its props). */
  private readonly resource: appstream.CfnImageBuilder;

  private readonly getRole: () => iam.IRole;

  /**
   * @param scope the scope in which to define the image builder
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the image builder's properties
   */
  constructor(scope: Construct, id: string, props: ImageBuilderProps) {
    props = checkConstructor(ImageBuilder, arguments).props;
    super(scope, id);
    Object.defineProperty(this, IMAGE_BUILDER_SYMBOL, { value: true });
    const v = new Validator(this, 'ImageBuilder');
    const enableDefaultInternetAccess = props.enableDefaultInternetAccess;

    const name = resourceName(v, 'imageBuilderName', props.imageBuilderName, appstream.CfnImageBuilder.CFN_RESOURCE_TYPE_NAME);
    checkLabels(v, props);
    const image = bindImage(v, props.image);
    const instanceType = checkInstanceType(v, props.instanceType, IMAGE_BUILDER_INSTANCE_TYPES);
    const network = configureNetwork(this, v, props, {
      count: IMAGE_BUILDER_SUBNETS,
      firstOnly: true,
      countFix: 'An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet (its subnets holding only that subnet, such as the first of the VPC\'s private subnets), or select by subnet type, group or availability zone to take the first subnet selected.',
    });
    this.getConnections = network.connections;
    const softwares = (property: 'softwaresToInstall' | 'softwaresToUninstall') => {
      const fix = 'Give the application name, such as Microsoft_Office_2021_LTSC_Professional_Plus_64Bit.';
      const names = props[property];
      names?.forEach((n, i) => v.string(`${property}[${i}]`, n, SOFTWARE_NAME, fix));
      return names?.length ? names : undefined; // an empty list is AppStream's default: not written
    };
    const softwaresToInstall = softwares('softwaresToInstall');
    const softwaresToUninstall = softwares('softwaresToUninstall');

    this.resource = new appstream.CfnImageBuilder(this, 'Resource', {
      name,
      instanceType,
      imageName: image.imageName,
      imageArn: image.imageArn,
      displayName: props.displayName,
      description: props.description,
      vpcConfig: network.vpcConfig,
      enableDefaultInternetAccess,
      appstreamAgentVersion: props.agentVersion?.bind(this),
      accessEndpoints: bindAccessEndpoints(v, props.accessEndpoints),
      rootVolumeConfig: rootVolumeConfig(v, props.rootVolumeSize),
      softwaresToInstall,
      softwaresToUninstall,
    });
    this.resource.domainJoinInfo = configureDomainJoin(v, props.domainJoin, props.vpc);
    requireImdsv2(this.resource, props.requireImdsv2);
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    this.getRole = serviceRole(this, v, props.role, (role) => this.resource.iamRoleArn = role.roleArn);
    warnIfNotInRegion(v, appstream.CfnImageBuilder.CFN_RESOURCE_TYPE_NAME, {
      ...props.rootVolumeSize && { RootVolumeConfig: 'rootVolumeSize' },
      ...softwaresToInstall && { SoftwaresToInstall: 'softwaresToInstall' },
      ...softwaresToUninstall && { SoftwaresToUninstall: 'softwaresToUninstall' },
      ...props.requireImdsv2 === true && { DisableIMDSV1: 'requireImdsv2' },
    });

    this.imageBuilderName = attributeReference(v, 'imageBuilderName', this.resource.ref, name);
    this.imageBuilderArn = appStreamArn(this, 'image-builder', this.imageBuilderName);
  }
}

class ImportedImageBuilder extends ImageBuilderBase {
  constructor(
    scope: Construct, id: string, public readonly imageBuilderName: string, public readonly imageBuilderArn: string, props: cdk.ResourceProps,
  ) {
    super(scope, id, props);
  }
}
