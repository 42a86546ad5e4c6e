import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { AccessEndpoint } from './access-endpoint';
import { IAppBlock } from './app-block';
import { InstanceType } from './instance-type';
import { bindAccessEndpoints } from './private/access-endpoints';
import { APP_BLOCK_BUILDER_START_STOP_ACTIONS, APP_BLOCK_BUILDER_STREAMING_URL_ACTIONS } from './private/actions';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkInstanceType } from './private/instance';
import { checkLabels, resourceName } from './private/names';
import { configureNetwork } from './private/network';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import { serviceRole } from './private/role';
import { APP_BLOCK_BUILDER_INSTANCE_TYPES, APP_BLOCK_BUILDER_PLATFORMS, APP_BLOCK_BUILDER_SUBNETS, ARN } from './private/rules';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';

const APP_BLOCK_BUILDER_SYMBOL = Symbol.for('cdk-appstream.AppBlockBuilder');

/**
 * An app block builder, defined in this app or imported.
 */
export interface IAppBlockBuilder extends cdk.IResource, appstreamRefs.IAppBlockBuilderRef {
  /**
   * The app block builder's name.
   *
   * @attribute
   */
  readonly appBlockBuilderName: string;

  /**
   * The app block builder's ARN: `arn:<partition>:appstream:<region>:<account>:app-block-builder/<name>`.
   *
   * @attribute
   */
  readonly appBlockBuilderArn: string;

  /**
   * Grant `grantee` the given AppStream actions on this app block builder.
   *
   * @param grantee the principal
   * @param actions the actions
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grant `grantee` the right to open a streaming session to this app block builder
   * (`appstream:CreateAppBlockBuilderStreamingURL`).
   *
   * @param grantee the principal
   */
  grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grant `grantee` the right to start and stop this app block builder.
   *
   * @param grantee the principal
   */
  grantStartStop(grantee: iam.IGrantable): iam.Grant;
}

abstract class AppBlockBuilderBase extends cdk.Resource implements IAppBlockBuilder {
  public abstract readonly appBlockBuilderName: string;
  public abstract readonly appBlockBuilderArn: string;

  /** A reference to the app block builder (its name and ARN). */
  public get appBlockBuilderRef(): appstreamRefs.AppBlockBuilderReference {
    return { appBlockBuilderName: this.appBlockBuilderName, appBlockBuilderArn: this.appBlockBuilderArn };
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.appBlockBuilderArn] });
  }

  public grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...APP_BLOCK_BUILDER_STREAMING_URL_ACTIONS);
  }

  public grantStartStop(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...APP_BLOCK_BUILDER_START_STOP_ACTIONS);
  }
}

/**
 * Properties of an `AppBlockBuilder`.
 */
export interface AppBlockBuilderProps {
  /** The instance type: one of the five `stream.standard.*` types app block builders offer. */
  readonly instanceType: InstanceType;

  /** The VPC of the builder: it needs subnets in at least two availability zones. */
  readonly vpc: ec2.IVpc;

  /**
   * Which subnets of `vpc` to use: at least two, in at least two availability zones.
   *
   * @default - one private subnet with egress per availability zone (one public subnet per zone when
   * `enableDefaultInternetAccess` is true)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security groups of the builder's network interface, at most 5.
   *
   * @default - one new security group with no inbound rules and all outbound traffic allowed
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the builder gets internet access from AppStream; this needs public subnets.
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The IAM role of the builder. Its trust policy must let `appstream.amazonaws.com` assume it.
   *
   * @default - none until something needs one: the first use of `role` or `grantPrincipal` defines a
   * role that `appstream.amazonaws.com` can assume, with no policies
   */
  readonly role?: iam.IRole;

  /**
   * Interface VPC endpoints through which users reach the builder, 1 to 4.
   *
   * @default - connections over the internet
   */
  readonly accessEndpoints?: AccessEndpoint[];

  /**
   * The app blocks the builder packages applications into; add more with `addAppBlock()`.
   *
   * @default - none
   */
  readonly appBlocks?: IAppBlock[];

  /**
   * The builder's name: 1 to 101 letters, digits, `_`, `.` and `-`, starting with a letter or digit.
   *
   * @default - a name generated from the construct path, unique in the app
   */
  readonly appBlockBuilderName?: string;

  /**
   * The name to display, at most 100 characters.
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description, at most 256 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags for the builder (as `ImageBuilder`'s).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the builder when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an app block builder: a Windows Server 2019 instance on which you install applications and
 * package them into app blocks (APPSTREAM2 packaging) for Elastic fleets.
 *
 * @resource AWS::AppStream::AppBlockBuilder
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/create-app-block-builders.html
 */
export class AppBlockBuilder extends AppBlockBuilderBase implements ec2.IConnectable, iam.IGrantable {
  /**
   * Import an app block builder by name, in the scope's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param appBlockBuilderName the builder's name
   */
  public static fromAppBlockBuilderName(scope: Construct, id: string, appBlockBuilderName: string): IAppBlockBuilder {
    checkImportedName(scope, id, 'AppBlockBuilder.fromAppBlockBuilderName()', 'appBlockBuilderName', appBlockBuilderName);
    const arn = appStreamArn(scope, 'app-block-builder', appBlockBuilderName);
    return new ImportedAppBlockBuilder(scope, id, appBlockBuilderName, arn, {});
  }

  /**
   * Import an app block builder by ARN.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param appBlockBuilderArn the builder's ARN
   */
  public static fromAppBlockBuilderArn(scope: Construct, id: string, appBlockBuilderArn: string): IAppBlockBuilder {
    checkImportedArn(scope, id, 'AppBlockBuilder.fromAppBlockBuilderArn()', 'appBlockBuilderArn', appBlockBuilderArn, 'app-block-builder');
    const name = nameInArn(scope, appBlockBuilderArn);
    return new ImportedAppBlockBuilder(scope, id, name, appBlockBuilderArn, { environmentFromArn: appBlockBuilderArn });
  }

  /**
   * Whether `x` is an `AppBlockBuilder` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isAppBlockBuilder(x: any): x is AppBlockBuilder {
    return x !== null && typeof x === 'object' && x[APP_BLOCK_BUILDER_SYMBOL] === true;
  }

  /** The builder's name. */
  public readonly appBlockBuilderName: string;

  /** The builder's ARN. */
  public readonly appBlockBuilderArn: string;

  /**
   * The network connections of the builder's security groups. Only a builder in a VPC has
   * security groups of yours to manage: without one, this property throws.
   */
  public get connections(): ec2.Connections {
    return this.getConnections();
  }

  private readonly getConnections: () => ec2.Connections;

  private readonly resource: appstream.CfnAppBlockBuilder;
  private readonly getRole: () => iam.IRole;
  private readonly appBlocks = new Map<string, IAppBlock>();

  /**
   * @param scope the scope in which to define the builder
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the builder's properties
   */
  constructor(scope: Construct, id: string, props: AppBlockBuilderProps) {
    props = checkConstructor(AppBlockBuilder, arguments).props;
    super(scope, id);
    Object.defineProperty(this, APP_BLOCK_BUILDER_SYMBOL, { value: true });
    const v = new Validator(this, 'AppBlockBuilder');
    const enableDefaultInternetAccess = props.enableDefaultInternetAccess;

    const name = resourceName(v, 'appBlockBuilderName', props.appBlockBuilderName, appstream.CfnAppBlockBuilder.CFN_RESOURCE_TYPE_NAME);
    checkLabels(v, props);
    const instanceType = checkInstanceType(v, props.instanceType, APP_BLOCK_BUILDER_INSTANCE_TYPES);
    const network = configureNetwork(this, v, props, {
      count: APP_BLOCK_BUILDER_SUBNETS,
      distinctZones: 2,
      firstOnly: false,
      onePerAz: true,
      countFix: 'An app block builder needs at least two subnets in different availability zones: select them with vpcSubnets.',
    });
    this.getConnections = network.connections;

    this.resource = new appstream.CfnAppBlockBuilder(this, 'Resource', {
      name,
      platform: APP_BLOCK_BUILDER_PLATFORMS[0],
      instanceType,
      vpcConfig: network.vpcConfig!,
      enableDefaultInternetAccess,
      accessEndpoints: bindAccessEndpoints(v, props.accessEndpoints),
      appBlockArns: cdk.Lazy.list({ produce: () => this.appBlocks.size > 0 ? [...this.appBlocks.values()].map((b) => b.appBlockArn) : undefined }),
      displayName: props.displayName,
      description: props.description,
    });
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.cdkTagManager, props.tags);
    this.getRole = serviceRole(this, v, props.role, (role) => this.resource.iamRoleArn = role.roleArn);
    warnIfNotInRegion(v, appstream.CfnAppBlockBuilder.CFN_RESOURCE_TYPE_NAME, {});

    this.appBlockBuilderName = attributeReference(v, 'appBlockBuilderName', this.resource.ref, name);
    this.appBlockBuilderArn = appStreamArn(this, 'app-block-builder', this.appBlockBuilderName);
    (props.appBlocks ?? []).forEach((b) => this.addAppBlock(b));
  }

  /** The IAM role of the builder (defined on first use without a `role` prop). */
  public get role(): iam.IRole {
    return this.getRole();
  }

  /** The principal to grant permissions to: the builder's role. */
  public get grantPrincipal(): iam.IPrincipal {
    return this.getRole();
  }

  /**
   * Let the builder package applications into an app block (`AppBlockArns`).
   *
   * @param appBlock the app block
   */
  public addAppBlock(appBlock: IAppBlock): void {
    const v = Validator.of(this);
    const block = appBlock;
    v.string('appBlocks', block.appBlockArn, ARN, 'Give an app block ARN.');
    const key = cdk.Token.isUnresolved(block.appBlockArn) ? block.node.path : block.appBlockArn;
    if (this.appBlocks.has(key)) {
      v.fail('appBlocks', block.node.path, 'lists the same app block twice', 'Give each app block once.');
    }
    this.appBlocks.set(key, block);
  }
}

class ImportedAppBlockBuilder extends AppBlockBuilderBase {
  constructor(
    scope: Construct, id: string, public readonly appBlockBuilderName: string, public readonly appBlockBuilderArn: string, props: cdk.ResourceProps,
  ) {
    super(scope, id, props);
  }
}
