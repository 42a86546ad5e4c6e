import * as cdk from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { FleetPlatform } from './application';
import { DomainJoin } from './domain-join';
import { FleetCapacity } from './fleet-capacity';
import { Image } from './image';
import { InstanceType } from './instance-type';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { configureDomainJoin } from './private/domain-join';
import { FleetBase, ImportedFleet } from './private/fleet-base';
import { FleetMetricsKind } from './private/fleet-metrics';
import { DEMAND_SCALING, INTERNET_ACCESS_INSTANCE_LIMIT } from './private/fleet-scaling';
import { bindImage, checkInstanceType, requireImdsv2, rootVolumeConfig } from './private/instance';
import { checkLabels, resourceName } from './private/names';
import { configureNetwork } from './private/network';
import { openValue } from './private/open-sets';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import { serviceRole } from './private/role';
import { FLEET_DESIRED_CAPACITY, FLEET_IMAGE_NAME, FLEET_INSTANCE_TYPES, FLEET_MAX_SESSIONS_PER_INSTANCE, FLEET_PLATFORMS, FLEET_SUBNETS } from './private/rules';
import { sessionSettings } from './private/session-settings';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';

const FLEET_SYMBOL = Symbol.for('cdk-appstream.Fleet');

/**
 * The type of a fleet: whether its instances run all the time or start when users connect.
 *
 * (Elastic fleets, which take applications rather than an image, are not this construct.)
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/fleet-type.html
 */
export enum FleetType {
  /** Instances run all the time: users connect at once; you pay for running instances. */
  ALWAYS_ON = 'ALWAYS_ON',
  /** Instances start when users connect (1-2 minutes); stopped instances cost a small hourly fee. */
  ON_DEMAND = 'ON_DEMAND',
}

/**
 * What users see when they stream: the applications only, or the whole desktop.
 */
export enum StreamView {
  /** Only the windows of the applications users open. */
  APP = 'APP',
  /** The operating system's desktop. */
  DESKTOP = 'DESKTOP',
}

/**
 * An AppStream fleet (Always-On, On-Demand or Elastic: a `Fleet` or an `ElasticFleet`), defined in this
 * app or imported.
 */
export interface IFleet extends cdk.IResource, appstreamRefs.IFleetRef, ec2.IConnectable, iam.IGrantable {
  /**
   * The name of the fleet.
   *
   * @attribute
   */
  readonly fleetName: string;

  /**
   * The ARN of the fleet: `arn:<partition>:appstream:<region>:<account>:fleet/<name>`.
   *
   * @attribute
   */
  readonly fleetArn: string;

  /**
   * Grant `grantee` the given AppStream actions on this fleet.
   *
   * @param grantee the principal
   * @param actions the actions, for example `appstream:DescribeFleets`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grant `grantee` the right to start and stop this fleet (`appstream:StartFleet`, `appstream:StopFleet`).
   *
   * @param grantee the principal
   */
  grantStartStop(grantee: iam.IGrantable): iam.Grant;

  /**
   * A metric of this fleet in the `AWS/AppStream` namespace, with the dimension `Fleet`. For the
   * metrics AppStream publishes, the statistic and unit default to the documented ones, and a metric
   * this fleet does not publish warns (`cdk-appstream:fleet:metricNotPublished`,
   * `cdk-appstream:elasticFleet:metricNotPublished`): its graph would stay empty.
   *
   * @param metricName the metric's name, such as `CapacityUtilization`
   * @param props options of the metric, over the defaults (the average over 5 minutes)
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/monitoring-with-cloudwatch.html
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `CapacityUtilization`: the share of the fleet's capacity in use, in percent: instances in use over instances available or in use (sessions for a multi-session fleet).
   * By default the average over 5 minutes, in Percent.
   *
   * @param props options of the metric, over the defaults
   */
  metricCapacityUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `ActualCapacity`: the instances available for streaming or streaming now.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricActualCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `AvailableCapacity`: the idle instances, available for new sessions.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricAvailableCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `InUseCapacity`: the instances streaming now (for an Elastic fleet, the sessions).
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricInUseCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `DesiredCapacity`: the instances running or pending: the sessions the fleet supports in a steady state.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricDesiredCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `PendingCapacity`: the instances AppStream is provisioning (it takes 10 to 20 minutes).
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricPendingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `RunningCapacity`: the instances running now. Always-On fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricRunningCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `InsufficientCapacityError`: the session requests refused for lack of capacity: alarm on it to learn that users could not connect.
   * By default the sum over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricInsufficientCapacityError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `InsufficientConcurrencyLimitError`: the session requests of an Elastic fleet refused because it runs its most concurrent sessions. Elastic fleets only.
   * By default the sum over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricInsufficientConcurrencyLimitError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `ActualUserSessionCapacity`: the session slots available for streaming or streaming now. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricActualUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `AvailableUserSessionCapacity`: the idle session slots, available for new sessions. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricAvailableUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `DesiredUserSessionCapacity`: the session slots running or pending. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricDesiredUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `ActiveUserSessionCapacity`: the session slots streaming now. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricActiveUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `PendingUserSessionCapacity`: the session slots AppStream is provisioning. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricPendingUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Metric `RunningUserSessionCapacity`: the session slots of the instances running now. Always-On multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  metricRunningUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/**
 * What `Fleet.fromFleetAttributes` needs to know of a fleet defined elsewhere: its name or its ARN
 * (one of the two), and what lets the app open its network and grant it permissions.
 */
export interface FleetAttributes {
  /**
   * The fleet's name, in the scope's account and region.
   *
   * @default - the name in `fleetArn`
   */
  readonly fleetName?: string;

  /**
   * The fleet's ARN (`arn:<partition>:appstream:<region>:<account>:fleet/<name>`): the fleet is in
   * its account and region.
   *
   * @default - the ARN of `fleetName` in the scope's account and region
   */
  readonly fleetArn?: string;

  /**
   * The security groups of the fleet's instances, so that `connections` can open the network to and
   * from them.
   *
   * @default - none: `connections` throws
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The IAM role of the fleet's instances, so that grants add to its policy.
   *
   * @default - unknown: grants to the fleet add nothing and warn (`iam.UnknownPrincipal`)
   */
  readonly role?: iam.IRole;
}

/**
 * Properties of a `Fleet`.
 */
export interface FleetProps {
  /**
   * The image the fleet streams: `Image.fromName()` (a name of the `Name` shape: 1 to 101 letters,
   * digits, `_`, `.` and `-`, starting with a letter or digit) or `Image.fromArn()` (an AppStream image
   * ARN, in the stack's partition when the stack's region is known).
   */
  readonly image: Image;

  /**
   * The instance type, one of those AppStream offers for fleets (the image builder's and
   * `stream.standard.xlarge` and `2xlarge`).
   */
  readonly instanceType: InstanceType;

  /**
   * Whether the instances run all the time or start when users connect.
   *
   * @default FleetType.ON_DEMAND
   */
  readonly fleetType?: FleetType;

  /**
   * The operating system of the fleet's instances (CreateFleet's `Platform`): a Windows Server
   * version, Amazon Linux 2, Red Hat Enterprise Linux 8 or Rocky Linux 8, as the image's.
   * `FleetPlatform.of()` takes one this library does not list yet, with a warning.
   *
   * @default - AppStream's: the platform of the image
   */
  readonly platform?: FleetPlatform;

  /**
   * How many instances, or sessions, the fleet provides.
   *
   * @default FleetCapacity.instances(1)
   */
  readonly capacity?: FleetCapacity;

  /**
   * The fleet's name, unique among the fleets of the account and region: 1 to 101 letters, digits,
   * `_`, `.` and `-`, starting with a letter or digit.
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
   * The VPC to put the fleet's instances in.
   *
   * @default - no VPC: the instances run in a network AppStream manages, and cannot join a domain
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Which subnets of `vpc` to use: one or more (AppStream spreads the instances over them).
   *
   * @default - all the VPC's private subnets with egress, or all its public subnets when
   * `enableDefaultInternetAccess` is true
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security groups of the instances' network interfaces, at most 5. Only with `vpc`.
   *
   * @default - with a VPC: one new security group with no inbound rules and all outbound traffic
   * allowed; without a VPC: none
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the instances get internet access from AppStream. In a VPC, this needs public subnets.
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The IAM role that applications and scripts on the instances use (as the `appstream_machine_role`
   * profile). Its trust policy must let `appstream.amazonaws.com` assume it.
   *
   * @default - none until something needs one: the first use of `role` or `grantPrincipal` defines a
   * role that `appstream.amazonaws.com` can assume, with no policies
   */
  readonly role?: iam.IRole;

  /**
   * Join the instances to an Active Directory domain. Needs `vpc`. Users of a domain-joined fleet sign
   * in with their domain credentials; streaming URLs (`grantCreateStreamingUrl`) do not work with it.
   *
   * @default - not joined to a domain
   */
  readonly domainJoin?: DomainJoin;

  /**
   * The longest a streaming session may last: whole seconds from 600 (10 minutes) to 360000 (100
   * hours). The API documents up to 432000; CloudFormation's schema stops at 360000, so this library
   * takes the range both accept.
   *
   * @default - AppStream's default, 57600 seconds (16 hours)
   */
  readonly maxUserDuration?: cdk.Duration;

  /**
   * How long a session stays open for its user to reconnect after a disconnection: whole seconds from
   * 60 to 36000 (10 hours). The API's range (CloudFormation's schema takes up to 360000).
   *
   * @default - AppStream's default, 900 seconds (15 minutes)
   */
  readonly disconnectTimeout?: cdk.Duration;

  /**
   * How long a user may be idle before being disconnected (the disconnect timeout then starts):
   * `Duration.seconds(0)` turns the idle disconnect off; otherwise whole seconds from 60 to 3600 (1
   * hour). The API documents up to 36000; CloudFormation's schema stops at 3600, so this library takes
   * the range both accept. AppStream rounds a value that is not a whole number of minutes to the nearest
   * minute, so such a value warns (`cdk-appstream:fleet:idleDisconnectTimeoutRounded`).
   *
   * @default - AppStream's default: no idle disconnect
   */
  readonly idleDisconnectTimeout?: cdk.Duration;

  /**
   * What users see when they stream.
   *
   * @default StreamView.APP
   */
  readonly streamView?: StreamView;

  /**
   * The USB devices users may redirect to their sessions (Windows fleets, with the Windows client), as
   * filter strings of up to 100 characters in the API's format, for example `'Wacom Tablet,056A,0357,*,*,*,1,0'`.
   *
   * @default - none: no USB redirection
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/usb-devices-qualify.html
   */
  readonly usbDeviceFilterStrings?: string[];

  /**
   * The size of each instance's root volume: whole GiB from 200 to 500.
   *
   * @default - 200 GiB (AppStream's default)
   */
  readonly rootVolumeSize?: cdk.Size;

  /**
   * Whether to require IMDSv2 on the instances (turn off IMDSv1). Sets `DisableIMDSV1`, which
   * CloudFormation offers in some regions only: in a stack whose region lacks it, the fleet warns
   * (`cdk-appstream:fleet:propertyNotInRegion`).
   *
   * @default - AppStream's default (IMDSv1 and IMDSv2 both enabled)
   */
  readonly requireImdsv2?: boolean;

  /**
   * Whether CloudFormation starts the fleet when it creates it, and waits until it runs
   * (`CreationPolicy: StartFleet`). A fleet that cannot start (a wrong image, a subnet without room,
   * a domain it cannot join) then fails the deployment, instead of sitting STOPPED. Note that an
   * Always-On fleet bills from the moment it runs.
   *
   * @default true
   */
  readonly startFleet?: boolean;

  /**
   * Tags for the fleet (not the role and security group it defines: tag those, or the whole scope,
   * with `Tags.of()`). With tags added by `Tags.of()`, at most 50; each key 1-128 characters, each
   * value at most 256, of letters, digits, spaces and `_ . : / = + - @`; no key may start with `aws:`.
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
 * The limits of a fleet's capacity under Application Auto Scaling.
 */
export interface FleetAutoScalingProps {
  /**
   * The fewest instances (or, for a multi-session fleet, sessions) to scale in to, 0 or more.
   *
   * @default 1
   */
  readonly minCapacity?: number;

  /**
   * The most instances (or, for a multi-session fleet, sessions) to scale out to: at least
   * `minCapacity`, from 1 to 2147483647 (Application Auto Scaling's `MaxCapacity` is a 32-bit integer,
   * with no other limit in the API). Your account's quotas per instance type still apply at deployment;
   * a fleet with `enableDefaultInternetAccess` runs at most 100 instances (AppStream's Service Quotas
   * page), so a larger maximum warns (`cdk-appstream:fleet:maxCapacityAboveInternetAccessLimit`).
   *
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/limits.html
   */
  readonly maxCapacity: number;
}

/**
 * Options of target-tracking scaling on a fleet's capacity utilization.
 */
export interface FleetUtilizationScalingProps extends appscaling.BaseTargetTrackingProps {
  /**
   * The share of the fleet's capacity in use to keep the fleet at (metric
   * `AppStreamAverageCapacityUtilization`), more than 0 and at most 100.
   */
  readonly targetUtilizationPercent: number;
}

/**
 * Options of `scaleOnDemand()`: the step scaling AppStream's Administration Guide gives in its fleet
 * scaling examples ("Managing Fleet Scaling Using the AWS CLI", examples 1 to 3), each threshold, step
 * and cooldown with the guide's value as its default.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/autoscaling-cli.html
 */
export interface FleetDemandScalingProps {
  /**
   * Scale out when the average capacity utilization over 5 minutes reaches this percentage.
   *
   * @default 75
   */
  readonly scaleOutUtilizationPercent?: number;

  /**
   * How much to scale out on high utilization, in percent of the current capacity.
   *
   * @default 25
   */
  readonly scaleOutPercent?: number;

  /**
   * How many instances (sessions for a multi-session fleet) to add when session requests were refused
   * for lack of capacity (`InsufficientCapacityError` above 0 in 5 minutes): a whole number, 1 or more.
   *
   * @default - one instance: 1 for a single-session fleet, `maxSessionsPerInstance` sessions for a
   * multi-session fleet
   */
  readonly insufficientCapacityScaleOut?: number;

  /**
   * Scale in when the average capacity utilization is at this percentage or below for
   * `scaleInEvaluationPeriods` periods of 2 minutes in a row.
   *
   * @default 25
   */
  readonly scaleInUtilizationPercent?: number;

  /**
   * How many periods of 2 minutes in a row the utilization must stay at or below
   * `scaleInUtilizationPercent` before the fleet scales in: a whole number, 1 or more.
   *
   * @default 10 (20 minutes)
   */
  readonly scaleInEvaluationPeriods?: number;

  /**
   * How much to scale in on low utilization, in percent of the current capacity.
   *
   * @default 25
   */
  readonly scaleInPercent?: number;

  /**
   * How long to wait after a scale-out before the next one (both scale-out policies).
   *
   * @default Duration.seconds(120)
   */
  readonly scaleOutCooldown?: cdk.Duration;

  /**
   * How long to wait after a scale-in before the next one: longer than the scale-out's, since
   * instances take 10 to 20 minutes to provision.
   *
   * @default Duration.seconds(360)
   */
  readonly scaleInCooldown?: cdk.Duration;
}

/**
 * The step scaling policies `scaleOnDemand()` defines.
 */
export interface FleetDemandScalingPolicies {
  /** Out on high capacity utilization. */
  readonly scaleOutOnUtilization: appscaling.StepScalingPolicy;

  /** Out when session requests were refused for lack of capacity. */
  readonly scaleOutOnInsufficientCapacity: appscaling.StepScalingPolicy;

  /** In on low capacity utilization. */
  readonly scaleInOnUtilization: appscaling.StepScalingPolicy;
}

/**
 * The auto-scaled capacity of a fleet: add scaling policies to it. Each `scaleOn*` call takes a
 * construct id, unique among the policies of the fleet.
 */
export interface IScalableFleetCapacity {
  /**
   * The Application Auto Scaling target, for what this interface does not model (a CloudFormation
   * condition, `suspendedState` through its L1 `node.defaultChild`).
   */
  readonly scalableTarget: appscaling.ScalableTarget;

  /**
   * Scale the fleet to keep its capacity utilization (the share of instances or sessions in use)
   * near a target (target tracking).
   *
   * @param id the construct id of the policy
   * @param props the target and the cooldowns
   */
  scaleOnUtilization(id: string, props: FleetUtilizationScalingProps): appscaling.TargetTrackingScalingPolicy;

  /**
   * Change the fleet's minimum and maximum capacity on a schedule (for example, fewer instances at
   * night).
   *
   * @param id the construct id of the scheduled action
   * @param action when, and to what capacity
   */
  scaleOnSchedule(id: string, action: appscaling.ScalingSchedule): void;

  /**
   * Scale the fleet in steps when a metric crosses thresholds (step scaling), for example on
   * `fleet.metricInsufficientCapacityError()`.
   *
   * @param id the construct id of the policy
   * @param props the metric, the steps, the adjustment type and the cooldown
   */
  scaleOnMetric(id: string, props: appscaling.BasicStepScalingPolicyProps): appscaling.StepScalingPolicy;

  /**
   * The step scaling AppStream's Administration Guide gives for fleets, in one call: out when session
   * requests were refused for lack of capacity (`InsufficientCapacityError` above 0) and when the
   * capacity utilization is high, and in when it stays low. A multi-session fleet scales in sessions,
   * on its `CapacityUtilization`, which counts sessions there.
   *
   * Without props, the guide's values: out by 25% (cooldown 120 s) when the average utilization over
   * 5 minutes is 75% or more; out by one instance (cooldown 120 s) when the maximum of
   * `InsufficientCapacityError` over 5 minutes is above 0; in by 25% (cooldown 360 s) when the average
   * utilization is 25% or less in 10 periods of 2 minutes in a row. The three policies are defined
   * under the construct id `id`, as `ScaleOutOnUtilization`, `ScaleOutOnInsufficientCapacity` and
   * `ScaleInOnUtilization`.
   *
   * @param id the construct id of the three policies
   * @param props the thresholds, steps, periods and cooldowns
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/autoscaling-cli.html
   */
  scaleOnDemand(id: string, props?: FleetDemandScalingProps): FleetDemandScalingPolicies;
}

/**
 * Defines an Always-On or On-Demand AppStream fleet: the instances that stream an image to users. A
 * `Stack` associated with the fleet gives users access to it.
 *
 * Every rule of the AppStream API and of CloudFormation's schema is checked at synth time; values only
 * known at deployment (tokens) are passed through unchecked.
 *
 * @resource AWS::AppStream::Fleet
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html
 */
export class Fleet extends FleetBase implements ec2.IConnectable, iam.IGrantable {
  /**
   * Import a fleet by name, in the scope's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param fleetName the fleet's name
   */
  public static fromFleetName(scope: Construct, id: string, fleetName: string): IFleet {
    checkImportedName(scope, id, 'Fleet.fromFleetName()', 'fleetName', fleetName);
    const fleetArn = appStreamArn(scope, 'fleet', fleetName);
    return new ImportedFleet(scope, id, fleetName, fleetArn, {});
  }

  /**
   * Import a fleet by ARN (`arn:<partition>:appstream:<region>:<account>:fleet/<name>`). The fleet is
   * in the ARN's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param fleetArn the fleet's ARN
   */
  public static fromFleetArn(scope: Construct, id: string, fleetArn: string): IFleet {
    checkImportedArn(scope, id, 'Fleet.fromFleetArn()', 'fleetArn', fleetArn, 'fleet');
    const name = nameInArn(scope, fleetArn);
    return new ImportedFleet(scope, id, name, fleetArn, { environmentFromArn: fleetArn });
  }

  /**
   * Import a fleet by its attributes: its name or ARN, and the security groups and role of its
   * instances, so that the app can open its network (`connections`) and grant it permissions
   * (`grantPrincipal`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param attrs the fleet's name or ARN, security groups and role
   */
  public static fromFleetAttributes(scope: Construct, id: string, attrs: FleetAttributes): IFleet {
    const { fleetName, fleetArn } = attrs; // required, and its nulls made absent, by the public boundary
    if ((fleetName === undefined) === (fleetArn === undefined)) {
      throw new Error(`Fleet.fromFleetAttributes() at '${scope.node.path}/${id}': give exactly one of fleetName and fleetArn (${fleetName ? 'both were given' : 'neither was given'}).`);
    }
    if (fleetArn) {
      return new ImportedFleet(scope, id, nameInArn(scope, fleetArn), fleetArn, { environmentFromArn: fleetArn }, attrs);
    }
    return new ImportedFleet(scope, id, fleetName!, appStreamArn(scope, 'fleet', fleetName!), {}, attrs);
  }

  /**
   * Whether `x` is a `Fleet` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isFleet(x: any): x is Fleet {
    return x !== null && typeof x === 'object' && x[FLEET_SYMBOL] === true;
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

  /**
   * The network connections of the fleet's security groups. Only a fleet in a VPC has
   * security groups of yours to manage: without one, this property throws.
   */
  public get connections(): ec2.Connections {
    return this.getConnections();
  }

  private readonly getConnections: () => ec2.Connections;

  /**
   * Whether the fleet joins an Active Directory domain.
   *
   * @internal
   */
  public readonly _joinsDomain: boolean;

  /**
   * Whether users see the operating system's desktop (`StreamView.DESKTOP`), where entitlements do not apply.
   *
   * @internal
   */
  public readonly _streamsDesktop: boolean;

  /** The L1 resource, for what this construct does not model (prefer its props). */
  private readonly resource: appstream.CfnFleet;

  private readonly getRole: () => iam.IRole;

  private scaling?: IScalableFleetCapacity;

  private readonly metricsKind: FleetMetricsKind;

  /** What scaling needs to know of the fleet: its sessions per instance, and whether AppStream gives it internet access. */
  private readonly scalingFacts: ScalingFacts;

  /**
   * @param scope the scope in which to define the fleet
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the fleet's properties
   */
  constructor(scope: Construct, id: string, props: FleetProps) {
    props = checkConstructor(Fleet, arguments).props;
    super(scope, id);
    Object.defineProperty(this, FLEET_SYMBOL, { value: true });
    const v = new Validator(this, 'Fleet');

    // A FleetType member or a token: the public boundary checked it.
    const fleetType = props.fleetType ?? FleetType.ON_DEMAND;
    const name = resourceName(v, 'fleetName', props.fleetName, appstream.CfnFleet.CFN_RESOURCE_TYPE_NAME, { fleetType });
    checkLabels(v, props);
    const image = bindImage(v, props.image);
    v.string('image (Image.fromName)', image.imageName, FLEET_IMAGE_NAME,
      'A fleet takes an image name of letters, digits, _ . - starting with a letter or digit; use Image.fromArn() for another image.');
    const instanceType = checkInstanceType(v, props.instanceType, FLEET_INSTANCE_TYPES);
    const capacity = computeCapacity(v, props.capacity ?? FleetCapacity.instances(1));
    const network = configureNetwork(this, v, props, {
      count: FLEET_SUBNETS,
      firstOnly: false,
      countFix: 'A fleet needs at least one subnet: select one or more subnets of the VPC.',
    });
    this.getConnections = network.connections;
    const session = sessionSettings(v, props);

    const streamView = props.streamView;
    this._streamsDesktop = streamView === StreamView.DESKTOP;
    this.scalingFacts = {
      maxSessionsPerInstance: capacity.maxSessionsPerInstance,
      defaultInternetAccess: props.enableDefaultInternetAccess === true,
    };
    this.metricsKind = {
      elastic: false,
      multiSession: capacity.maxSessionsPerInstance !== undefined,
      alwaysOn: cdk.Token.isUnresolved(fleetType) ? undefined : fleetType === FleetType.ALWAYS_ON,
    };
    this.resource = new appstream.CfnFleet(this, 'Resource', {
      name,
      instanceType,
      fleetType,
      platform: props.platform === undefined ? undefined
        : openValue(v, 'platform', props.platform, { offered: FLEET_PLATFORMS, known: FLEET_PLATFORMS, className: 'FleetPlatform', noun: 'platform' }),
      imageName: image.imageName,
      imageArn: image.imageArn,
      computeCapacity: capacity.computeCapacity,
      maxSessionsPerInstance: capacity.maxSessionsPerInstance,
      displayName: props.displayName,
      description: props.description,
      vpcConfig: network.vpcConfig,
      enableDefaultInternetAccess: props.enableDefaultInternetAccess,
      ...session,
      streamView,
      rootVolumeConfig: rootVolumeConfig(v, props.rootVolumeSize),
    });
    this.resource.domainJoinInfo = configureDomainJoin(v, props.domainJoin, props.vpc);
    this._joinsDomain = props.domainJoin !== undefined;
    requireImdsv2(this.resource, props.requireImdsv2);
    if (props.startFleet ?? true) {
      this.resource.cfnOptions.creationPolicy = { ...this.resource.cfnOptions.creationPolicy, startFleet: true };
    }
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    this.getRole = serviceRole(this, v, props.role, (role) => this.resource.iamRoleArn = role.roleArn);
    warnIfNotInRegion(v, appstream.CfnFleet.CFN_RESOURCE_TYPE_NAME, {
      ...props.rootVolumeSize && { RootVolumeConfig: 'rootVolumeSize' },
      ...props.platform && { Platform: 'platform' },
      ...props.requireImdsv2 === true && { DisableIMDSV1: 'requireImdsv2' },
      ...capacity.maxSessionsPerInstance !== undefined && { MaxSessionsPerInstance: 'capacity (FleetCapacity.sessions)' },
      ...session.usbDeviceFilterStrings && { UsbDeviceFilterStrings: 'usbDeviceFilterStrings' },
    });

    // A reference (the literal across Stages): what uses the name is created after the fleet.
    this.fleetName = attributeReference(v, 'fleetName', this.resource.ref, name);
    this.fleetArn = appStreamArn(this, 'fleet', this.fleetName);
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
    return this.metricsKind;
  }

  /**
   * Scale the fleet's capacity with Application Auto Scaling (namespace `appstream`, resource
   * `fleet/<name>`, dimension `appstream:fleet:DesiredCapacity`), through the service-linked role
   * `AWSServiceRoleForApplicationAutoScaling_AppStreamFleet`. Add policies to what it returns. Once
   * per fleet.
   *
   * @param props the minimum and maximum capacity
   */
  public autoScaleCapacity(props: FleetAutoScalingProps): IScalableFleetCapacity {
    const v = Validator.of(this);
    if (this.scaling) {
      v.fail('autoScaleCapacity()', undefined, 'has already been called on this fleet', 'Add more policies to the object the first call returned.');
    }
    const min = props.minCapacity ?? 1;
    const max = props.maxCapacity;
    v.range('autoScaleCapacity().minCapacity', min, FLEET_DESIRED_CAPACITY, 'Give 0 or more.');
    v.range('autoScaleCapacity().maxCapacity', max, { ...FLEET_DESIRED_CAPACITY, min: 1 }, 'Give 1 or more.');
    if (!cdk.Token.isUnresolved(min) && !cdk.Token.isUnresolved(max) && min > max) {
      v.fail('autoScaleCapacity().minCapacity', min, `is more than maxCapacity (${max})`, 'Give a minCapacity no larger than maxCapacity.');
    }
    warnIfAboveInternetAccessLimit(v, max, this.scalingFacts);
    const scaling = new ScalableFleetCapacity(this, 'ScalingTarget', this.scalingFacts, {
      scalableDimension: 'appstream:fleet:DesiredCapacity',
      serviceNamespace: appscaling.ServiceNamespace.APPSTREAM,
      resourceId: `fleet/${this.fleetName}`,
      role: iam.Role.fromRoleArn(this, 'ScalingRole', cdk.Stack.of(this).formatArn({
        service: 'iam',
        region: '',
        resource: 'role/aws-service-role/appstream.application-autoscaling.amazonaws.com',
        resourceName: 'AWSServiceRoleForApplicationAutoScaling_AppStreamFleet',
      })),
      minCapacity: min,
      maxCapacity: max,
    });
    this.scaling = scaling;
    return scaling;
  }
}

interface ScalingFacts {
  readonly maxSessionsPerInstance?: number;
  readonly defaultInternetAccess: boolean;
}

/**
 * Warn when `maxCapacity` lets a fleet with default internet access scale past the instances such a
 * fleet may run (a multi-session fleet's capacity counts sessions: its instances are the sessions over
 * the sessions per instance, rounded up).
 */
function warnIfAboveInternetAccessLimit(v: Validator, maxCapacity: number, facts: ScalingFacts): void {
  const perInstance = facts.maxSessionsPerInstance ?? 1;
  if (!facts.defaultInternetAccess || cdk.Token.isUnresolved(maxCapacity) || cdk.Token.isUnresolved(perInstance)) {
    return;
  }
  const instances = Math.ceil(maxCapacity / perInstance);
  if (instances > INTERNET_ACCESS_INSTANCE_LIMIT) {
    const what = facts.maxSessionsPerInstance === undefined ? 'instances' : `sessions (${instances} instances of ${perInstance} sessions)`;
    v.warn('maxCapacityAboveInternetAccessLimit', v.message('autoScaleCapacity().maxCapacity', maxCapacity,
      `allows more ${what} than the ${INTERNET_ACCESS_INSTANCE_LIMIT} instances AppStream's quotas let a fleet with enableDefaultInternetAccess run`,
      'Give the fleet internet access through a NAT gateway in its VPC instead (enableDefaultInternetAccess false, private subnets with egress), '
      + `or keep maxCapacity at ${INTERNET_ACCESS_INSTANCE_LIMIT * perInstance} or less.`));
  }
}

class ScalableFleetCapacity extends Construct implements IScalableFleetCapacity {
  public readonly scalableTarget: appscaling.ScalableTarget;

  constructor(private readonly fleet: Fleet, id: string, private readonly facts: ScalingFacts, props: appscaling.ScalableTargetProps) {
    super(fleet, id);
    // The id of aws-cdk-lib's BaseScalableAttribute target, which earlier versions used: logical ids stay.
    this.scalableTarget = new appscaling.ScalableTarget(this, 'Target', props);
  }

  public scaleOnUtilization(id: string, props: FleetUtilizationScalingProps): appscaling.TargetTrackingScalingPolicy {
    const v = Validator.of(this.fleet);
    const target = props.targetUtilizationPercent;
    if (!cdk.Token.isUnresolved(target) && !(target > 0 && target <= 100)) {
      v.fail('scaleOnUtilization().targetUtilizationPercent', target, 'must be more than 0 and at most 100', 'Give a percentage such as 75.');
    }
    return this.scalableTarget.scaleToTrackMetric(id, {
      ...props,
      predefinedMetric: appscaling.PredefinedMetric.APPSTREAM_AVERAGE_CAPACITY_UTILIZATION,
      targetValue: target,
    });
  }

  public scaleOnSchedule(id: string, action: appscaling.ScalingSchedule): void {
    // The new bounds of the scalable target: as autoScaleCapacity()'s, and as aws-cdk-lib does not check.
    const v = Validator.of(this.fleet);
    const { minCapacity: min, maxCapacity: max } = action;
    v.range('scaleOnSchedule().minCapacity', min, FLEET_DESIRED_CAPACITY, 'Give 0 or more, or leave it out.');
    v.range('scaleOnSchedule().maxCapacity', max, FLEET_DESIRED_CAPACITY, 'Give 0 or more, or leave it out.');
    if (min !== undefined && max !== undefined && !cdk.Token.isUnresolved(min) && !cdk.Token.isUnresolved(max) && min > max) {
      v.fail('scaleOnSchedule().minCapacity', min, `is more than maxCapacity (${max})`, 'Give a minCapacity no larger than maxCapacity.');
    }
    this.scalableTarget.scaleOnSchedule(id, action);
  }

  public scaleOnMetric(id: string, props: appscaling.BasicStepScalingPolicyProps): appscaling.StepScalingPolicy {
    return this.scalableTarget.scaleOnMetric(id, props);
  }

  public scaleOnDemand(id: string, props: FleetDemandScalingProps = {}): FleetDemandScalingPolicies {
    const v = Validator.of(this.fleet);
    const percent = (property: string, value: number | undefined, fallback: number): number => {
      const given = value ?? fallback;
      if (!cdk.Token.isUnresolved(given) && !(given > 0 && given <= 100)) {
        v.fail(`scaleOnDemand().${property}`, given, 'must be more than 0 and at most 100', `Give a percentage, or leave it out for ${fallback}.`);
      }
      return given;
    };
    const wholeNumber = (property: string, given: number, what: string): number => {
      if (!cdk.Token.isUnresolved(given) && !(Number.isInteger(given) && given >= 1)) {
        v.fail(`scaleOnDemand().${property}`, given, 'must be a whole number, 1 or more', `Give the ${what}.`);
      }
      return given;
    };
    const d = DEMAND_SCALING;
    const outAt = percent('scaleOutUtilizationPercent', props.scaleOutUtilizationPercent, d.scaleOutUtilizationPercent);
    const inAt = percent('scaleInUtilizationPercent', props.scaleInUtilizationPercent, d.scaleInUtilizationPercent);
    if (!cdk.Token.isUnresolved(outAt) && !cdk.Token.isUnresolved(inAt) && inAt >= outAt) {
      v.fail('scaleOnDemand().scaleInUtilizationPercent', inAt, `is not below scaleOutUtilizationPercent (${outAt})`,
        'Give a scale-in threshold below the scale-out one, or the fleet would scale out and in at once.');
    }
    const outBy = percent('scaleOutPercent', props.scaleOutPercent, d.scaleOutPercent);
    const inBy = percent('scaleInPercent', props.scaleInPercent, d.scaleInPercent);
    // One instance: for a multi-session fleet, whose capacity counts sessions, the sessions of one.
    const onError = wholeNumber('insufficientCapacityScaleOut', props.insufficientCapacityScaleOut ?? this.facts.maxSessionsPerInstance ?? 1,
      'instances (or sessions) to add');
    const inPeriods = wholeNumber('scaleInEvaluationPeriods', props.scaleInEvaluationPeriods ?? d.scaleInEvaluationPeriods, 'number of 2-minute periods');
    const outCooldown = props.scaleOutCooldown ?? d.scaleOutCooldown;
    const scope = new Construct(this.scalableTarget, id);
    const policy = (policyId: string, policyProps: appscaling.BasicStepScalingPolicyProps) => new appscaling.StepScalingPolicy(scope, policyId, {
      ...policyProps,
      scalingTarget: this.scalableTarget,
      metricAggregationType: d.metricAggregationType,
    });
    return {
      // Each policy has one alarm: a step of no change on the other side of its threshold.
      scaleOutOnUtilization: policy('ScaleOutOnUtilization', {
        metric: this.fleet.metricCapacityUtilization({ period: d.scaleOutPeriod }),
        adjustmentType: appscaling.AdjustmentType.PERCENT_CHANGE_IN_CAPACITY,
        scalingSteps: [{ upper: outAt, change: 0 }, { lower: outAt, change: outBy }],
        cooldown: outCooldown,
      }),
      // A count: "above 0" is "1 or more", the threshold step scaling can express.
      scaleOutOnInsufficientCapacity: policy('ScaleOutOnInsufficientCapacity', {
        metric: this.fleet.metricInsufficientCapacityError({ statistic: d.insufficientCapacityStatistic, period: d.insufficientCapacityPeriod }),
        adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
        scalingSteps: [{ upper: 1, change: 0 }, { lower: 1, change: onError }],
        cooldown: outCooldown,
      }),
      scaleInOnUtilization: policy('ScaleInOnUtilization', {
        metric: this.fleet.metricCapacityUtilization({ period: d.scaleInPeriod }),
        adjustmentType: appscaling.AdjustmentType.PERCENT_CHANGE_IN_CAPACITY,
        scalingSteps: [{ upper: inAt, change: negative(inBy) }, { lower: inAt, change: 0 }],
        evaluationPeriods: inPeriods,
        cooldown: props.scaleInCooldown ?? d.scaleInCooldown,
      }),
    };
  }
}

interface Capacity {
  readonly computeCapacity: appstream.CfnFleet.ComputeCapacityProperty;
  readonly maxSessionsPerInstance?: number;
}

/** The L1 `ComputeCapacity` (exactly one of the two numbers) and `MaxSessionsPerInstance`. */
function computeCapacity(v: Validator, capacity: FleetCapacity): Capacity {
  if (!capacity.multiSession) {
    // A FleetCapacity of plain JavaScript (the public boundary made its nulls absent) may lack it.
    const desiredInstances = capacity.desiredInstances;
    if (desiredInstances === undefined) {
      v.fail('capacity (FleetCapacity.instances)', undefined, 'needs a number of instances', 'Give FleetCapacity.instances(n) with n of 0 or more.');
    }
    v.range('capacity (FleetCapacity.instances)', desiredInstances, FLEET_DESIRED_CAPACITY, 'Give a whole number of instances, 0 or more.');
    return { computeCapacity: { desiredInstances } };
  }
  const { desiredSessions, maxSessionsPerInstance } = capacity;
  if (desiredSessions === undefined) {
    v.fail('capacity (FleetCapacity.sessions).desiredSessions', undefined, 'is required', 'Give the number of sessions the fleet provides.');
  }
  if (maxSessionsPerInstance === undefined) {
    v.fail('capacity (FleetCapacity.sessions).maxSessionsPerInstance', undefined,
      'is required: desired sessions are for multi-session fleets only', 'Give the sessions per instance, or use FleetCapacity.instances() for a single-session fleet.');
  }
  v.range('capacity (FleetCapacity.sessions).desiredSessions', desiredSessions, FLEET_DESIRED_CAPACITY, 'Give a whole number of sessions, 0 or more.');
  v.range('capacity (FleetCapacity.sessions).maxSessionsPerInstance', maxSessionsPerInstance, FLEET_MAX_SESSIONS_PER_INSTANCE, 'Give a whole number of sessions per instance, 1 or more.');
  return { computeCapacity: { desiredSessions }, maxSessionsPerInstance };
}

/**
 * The negative of a number, a token's too: `-token` would be a literal number (a token is a number
 * only by its encoding), so a token's negative is left to CloudFormation, which reads "-5" as -5.
 */
function negative(n: number): number {
  return cdk.Token.isUnresolved(n) ? cdk.Token.asNumber(cdk.Fn.join('', ['-', cdk.Token.asString(n)])) : -n;
}
