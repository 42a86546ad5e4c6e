import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Application, FleetPlatform, IApplication, InstanceFamily } from './application';
import { Fleet, IFleet } from './fleet';
import { InstanceType } from './instance-type';
import { appStreamArn, checkImportedArn, checkImportedName } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { FleetBase } from './private/fleet-base';
import { FleetMetricsKind } from './private/fleet-metrics';
import { checkInstanceType } from './private/instance';
import { checkLabels, resourceName } from './private/names';
import { configureNetwork } from './private/network';
import { openValue } from './private/open-sets';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import { serviceRole } from './private/role';
import { ELASTIC_FLEET_INSTANCE_TYPES, ELASTIC_FLEET_MAX_CONCURRENT_SESSIONS, ELASTIC_FLEET_PLATFORMS, ELASTIC_FLEET_SUBNETS, FLEET_PLATFORMS } from './private/rules';
import { sessionSettings } from './private/session-settings';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';
import { S3Location } from './s3-location';

const ELASTIC_FLEET_SYMBOL = Symbol.for('cdk-appstream.ElasticFleet');

/**
 * An Elastic fleet, defined in this app or imported: a fleet that applications are associated with.
 */
export interface IElasticFleet extends IFleet {
  /**
   * Stream an application from this fleet (`AWS::AppStream::ApplicationFleetAssociation`). For an
   * imported fleet, whose platform the app does not know, AppStream checks the application's platforms
   * and instance families at deployment.
   *
   * @param application the application
   */
  addApplication(application: IApplication): void;
}

/**
 * Properties of an `ElasticFleet`.
 */
export interface ElasticFleetProps {
  /** The operating system of the fleet's instances. */
  readonly platform: FleetPlatform;

  /** The instance type: one of the five `stream.standard.*` types Elastic fleets offer. */
  readonly instanceType: InstanceType;

  /**
   * The most sessions the fleet runs at once (at least 1). AppStream manages an Elastic fleet's capacity
   * itself, up to this: an Elastic fleet has no scaling policies (no `autoScaleCapacity()`).
   *
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/autoscaling.html
   */
  readonly maxConcurrentSessions: number;

  /**
   * The VPC of the fleet's instances: Elastic fleets need subnets in at least two availability zones.
   */
  readonly vpc: ec2.IVpc;

  /**
   * Which subnets of `vpc` to use: at least two, in at least two availability zones.
   *
   * @default - one private subnet with egress per availability zone (or one public subnet per zone
   * when `enableDefaultInternetAccess` is true)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security groups of the instances' network interfaces, at most 5.
   *
   * @default - one new security group with no inbound rules and all outbound traffic allowed
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the instances get internet access from AppStream; this needs public subnets.
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The IAM role that applications and scripts on the instances use. Its trust policy must let
   * `appstream.amazonaws.com` assume it.
   *
   * @default - none until something needs one: the first use of `role` or `grantPrincipal` defines a
   * role that `appstream.amazonaws.com` can assume, with no policies
   */
  readonly role?: iam.IRole;

  /**
   * A script (a zip of the scripts and their configuration) that runs when sessions start and end.
   * A bucket defined in the app gets the policy that lets AppStream read it.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/use-session-scripts.html
   */
  readonly sessionScript?: S3Location;

  /**
   * The applications the fleet streams; add more with `addApplication()`.
   *
   * @default - none
   */
  readonly applications?: IApplication[];

  /**
   * The longest a streaming session may last: whole seconds from 600 to 360000 (as `Fleet`'s).
   *
   * @default - AppStream's default, 57600 seconds (16 hours)
   */
  readonly maxUserDuration?: cdk.Duration;

  /**
   * How long a session stays open for its user to reconnect: whole seconds from 60 to 36000.
   *
   * @default - AppStream's default, 900 seconds (15 minutes)
   */
  readonly disconnectTimeout?: cdk.Duration;

  /**
   * How long a user may be idle before being disconnected: 0 (off) or whole seconds from 60 to 3600;
   * a value that is not a whole number of minutes warns (`cdk-appstream:elasticFleet:idleDisconnectTimeoutRounded`).
   *
   * @default - AppStream's default: no idle disconnect
   */
  readonly idleDisconnectTimeout?: cdk.Duration;

  /**
   * The USB devices users may redirect to their sessions, as filter strings in the API's format.
   *
   * @default - none
   */
  readonly usbDeviceFilterStrings?: string[];

  /**
   * Whether CloudFormation starts the fleet when it creates it (`CreationPolicy: StartFleet`).
   *
   * @default true
   */
  readonly startFleet?: boolean;

  /**
   * The fleet's name, unique among the fleets of the account and region.
   *
   * @default - a name generated from the construct path, unique in the app
   */
  readonly fleetName?: string;

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
   * Tags for the fleet (as `Fleet`'s).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the fleet when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an Elastic fleet: AppStream runs the instances, from a pool, and streams the applications of
 * app blocks (`addApplication()`) rather than an image. A `Stack` takes it as its `fleet`, as it takes
 * a `Fleet`.
 *
 * What Elastic fleets refuse cannot be given: there is no image, capacity or domain join prop.
 *
 * @resource AWS::AppStream::Fleet
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/elastic-fleets.html
 */
export class ElasticFleet extends FleetBase implements IElasticFleet, ec2.IConnectable, iam.IGrantable {
  /**
   * Import an Elastic fleet by name (as `Fleet.fromFleetName`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param fleetName the fleet's name
   */
  public static fromElasticFleetName(scope: Construct, id: string, fleetName: string): IElasticFleet {
    checkImportedName(scope, id, 'ElasticFleet.fromElasticFleetName()', 'fleetName', fleetName);
    return Fleet.fromFleetName(scope, id, fleetName) as IElasticFleet; // an ImportedFleet, which has addApplication
  }

  /**
   * Import an Elastic fleet by ARN (as `Fleet.fromFleetArn`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param fleetArn the fleet's ARN
   */
  public static fromElasticFleetArn(scope: Construct, id: string, fleetArn: string): IElasticFleet {
    checkImportedArn(scope, id, 'ElasticFleet.fromElasticFleetArn()', 'fleetArn', fleetArn, 'fleet');
    return Fleet.fromFleetArn(scope, id, fleetArn) as IElasticFleet; // an ImportedFleet, which has addApplication
  }

  /**
   * Whether `x` is an `ElasticFleet` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isElasticFleet(x: any): x is ElasticFleet {
    return x !== null && typeof x === 'object' && x[ELASTIC_FLEET_SYMBOL] === true;
  }

  /**
   * The fleet's name.
   *
   * @attribute
   */
  public readonly fleetName: string;

  /**
   * The fleet's ARN.
   *
   * @attribute
   */
  public readonly fleetArn: string;

  /** The fleet's platform. */
  public readonly platform: FleetPlatform;

  /**
   * The network connections of the fleet's security groups. Only a fleet in a VPC has
   * security groups of yours to manage: without one, this property throws.
   */
  public get connections(): ec2.Connections {
    return this.getConnections();
  }

  private readonly getConnections: () => ec2.Connections;

  private readonly resource: appstream.CfnFleet;
  private readonly getRole: () => iam.IRole;
  private readonly applications = new Map<string, string>();

  /**
   * @param scope the scope in which to define the fleet
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the fleet's properties
   */
  constructor(scope: Construct, id: string, props: ElasticFleetProps) {
    props = checkConstructor(ElasticFleet, arguments).props;
    super(scope, id);
    Object.defineProperty(this, ELASTIC_FLEET_SYMBOL, { value: true });
    const v = new Validator(this, 'ElasticFleet');

    const name = resourceName(v, 'fleetName', props.fleetName, appstream.CfnFleet.CFN_RESOURCE_TYPE_NAME, { fleetType: 'ELASTIC' });
    checkLabels(v, props);
    this.platform = props.platform;
    const platform = openValue(v, 'platform', this.platform, { offered: ELASTIC_FLEET_PLATFORMS, known: FLEET_PLATFORMS, className: 'FleetPlatform', noun: 'platform' });
    const instanceType = checkInstanceType(v, props.instanceType, ELASTIC_FLEET_INSTANCE_TYPES);
    const sessionsFix = 'Give the most sessions the fleet runs at once, 1 or more.';
    const maxConcurrentSessions = props.maxConcurrentSessions; // a number: the public boundary checked it
    v.range('maxConcurrentSessions', maxConcurrentSessions, ELASTIC_FLEET_MAX_CONCURRENT_SESSIONS, sessionsFix);
    const internet = props.enableDefaultInternetAccess;
    const network = configureNetwork(this, v, props, {
      count: ELASTIC_FLEET_SUBNETS,
      distinctZones: 2,
      firstOnly: false,
      onePerAz: true,
      countFix: 'An Elastic fleet needs at least two subnets in different availability zones: select them with vpcSubnets.',
    });
    this.getConnections = network.connections;
    const session = sessionSettings(v, props);
    const sessionScript = props.sessionScript === undefined ? undefined
      : props.sessionScript.bind(this, 'sessionScript');

    this.resource = new appstream.CfnFleet(this, 'Resource', {
      name,
      fleetType: 'ELASTIC',
      platform,
      instanceType,
      maxConcurrentSessions,
      vpcConfig: network.vpcConfig,
      enableDefaultInternetAccess: internet,
      sessionScriptS3Location: sessionScript,
      displayName: props.displayName,
      description: props.description,
      ...session,
    });
    if (props.startFleet ?? true) {
      this.resource.cfnOptions.creationPolicy = { ...this.resource.cfnOptions.creationPolicy, startFleet: true };
    }
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    this.getRole = serviceRole(this, v, props.role, (role) => this.resource.iamRoleArn = role.roleArn);
    warnIfNotInRegion(v, appstream.CfnFleet.CFN_RESOURCE_TYPE_NAME, {
      MaxConcurrentSessions: 'maxConcurrentSessions',
      Platform: 'platform',
      ...sessionScript && { SessionScriptS3Location: 'sessionScript' },
      ...session.usbDeviceFilterStrings && { UsbDeviceFilterStrings: 'usbDeviceFilterStrings' },
    });

    this.fleetName = attributeReference(v, 'fleetName', this.resource.ref, name);
    this.fleetArn = appStreamArn(this, 'fleet', this.fleetName);
    (props.applications ?? []).forEach((app) => this.addApplication(app));
  }

  /**
   * The IAM role that applications and scripts on the instances use. Without a `role` prop, the first
   * use of this property defines one that AppStream can assume.
   */
  public get role(): iam.IRole {
    return this.getRole();
  }

  /** The principal to grant permissions to: the fleet's role (defined on first use without a `role` prop). */
  public get grantPrincipal(): iam.IPrincipal {
    return this.getRole();
  }

  /** @internal */
  public get _metricsKind(): FleetMetricsKind {
    return { elastic: true };
  }

  /**
   * Stream an application from this fleet (`AWS::AppStream::ApplicationFleetAssociation`). An
   * application defined in the app must run on the fleet's platform and on the GENERAL_PURPOSE
   * instance family of its `stream.standard.*` instances.
   *
   * @param application the application
   */
  public addApplication(application: IApplication): void {
    const v = Validator.of(this);
    const app = application;
    // Judged only when known: a platform or a list that is a token (a parameter) may be anything.
    if (Application.isApplication(app)) {
      const platform = this.platform.name;
      const platforms = cdk.Token.isUnresolved(app.platforms) ? undefined : app.platforms.map((p) => p.name);
      if (platforms && !cdk.Token.isUnresolved(platform) && !platforms.some((p) => cdk.Token.isUnresolved(p)) && !platforms.includes(platform)) {
        v.fail('addApplication()', app.node.path, `runs on ${platforms.join(', ')}, not on the fleet's platform ${platform}`,
          `Add FleetPlatform.${platform} to the application's platforms, or add it to a fleet of its platform.`);
      }
      const families = cdk.Token.isUnresolved(app.instanceFamilies) ? undefined : app.instanceFamilies.map((f) => f.name);
      if (families && !families.some((f) => cdk.Token.isUnresolved(f)) && !families.includes(InstanceFamily.GENERAL_PURPOSE.name)) {
        v.fail('addApplication()', app.node.path, `runs on the instance families ${families.join(', ')}, not on GENERAL_PURPOSE, the family of the fleet's stream.standard instances`,
          'Add InstanceFamily.GENERAL_PURPOSE to the application\'s instanceFamilies.');
      }
    }
    const key = cdk.Token.isUnresolved(app.applicationArn) ? app.node.path : app.applicationArn;
    const first = this.applications.get(key);
    if (first !== undefined) {
      v.fail('addApplication()', app.node.path, `adds the same application as '${first}' again`, 'Add each application once.');
    }
    this.applications.set(key, app.node.path);
    new appstream.CfnApplicationFleetAssociation(this, `Application${cdk.Names.uniqueId(app)}`, {
      fleetName: this.fleetName,
      applicationArn: app.applicationArn,
    });
    // No DependsOn: the fleet's name and the application's ARN are references within the Stage.
    warnIfNotInRegion(v, appstream.CfnApplicationFleetAssociation.CFN_RESOURCE_TYPE_NAME, {}); // once: Annotations drops a repeat
  }
}
