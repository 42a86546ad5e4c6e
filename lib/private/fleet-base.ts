import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import type { IApplication } from '../application';
import type { IFleet } from '../fleet';
import { FLEET_START_STOP_ACTIONS } from './actions';
import { FLEET_METRICS, FleetMetricsKind, whyNotPublished } from './fleet-metrics';
import { SCALING_METHODS, notScalableMessage } from './fleet-scaling';
import { Validator } from './validation';

/**
 * What fleets defined in the app (`Fleet`, `ElasticFleet`) and imported ones share: the reference,
 * the grants and the metrics. Not exported from the package: jsii copies its members into each
 * subclass, so each public member is also declared on `IFleet`.
 *
 * @internal
 */
export abstract class FleetBase extends cdk.Resource implements IFleet {
  public abstract readonly fleetName: string;
  public abstract readonly fleetArn: string;
  public abstract readonly connections: ec2.Connections;
  public abstract readonly grantPrincipal: iam.IPrincipal;

  /** A reference to the fleet (its name: aws-cdk-lib calls it fleetId). */
  public get fleetRef(): appstreamRefs.FleetReference {
    return { fleetId: this.fleetName };
  }

  /**
   * What the fleet is, for the metrics it publishes: undefined for an imported fleet (no warning).
   *
   * @internal
   */
  public get _metricsKind(): FleetMetricsKind | undefined {
    return undefined;
  }

  /**
   * Grant `grantee` the given AppStream actions on this fleet.
   *
   * @param grantee the principal
   * @param actions the actions, for example `appstream:DescribeFleets`
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.fleetArn] });
  }

  /**
   * Grant `grantee` the right to start and stop this fleet (`appstream:StartFleet`, `appstream:StopFleet`).
   *
   * @param grantee the principal
   */
  public grantStartStop(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...FLEET_START_STOP_ACTIONS);
  }

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
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    const why = whyNotPublished(metricName, this._metricsKind);
    if (why !== undefined) {
      const v = Validator.of(this);
      v.warn('metricNotPublished', v.message('metric', metricName, `stays empty for this ${v.noun}: ${why}`,
        'Graph or alarm on a metric the fleet publishes (see the Monitoring section of the README).'));
    }
    const spec = FLEET_METRICS[metricName];
    return new cloudwatch.Metric({
      statistic: spec?.statistic,
      unit: spec?.unit,
      ...props,
      namespace: 'AWS/AppStream',
      metricName,
      dimensionsMap: { ...props?.dimensionsMap, Fleet: this.fleetName },
    }).attachTo(this);
  }

  /**
   * Metric `CapacityUtilization`: the share of the fleet's capacity in use, in percent: instances in use over instances available or in use (sessions for a multi-session fleet).
   * By default the average over 5 minutes, in Percent.
   *
   * @param props options of the metric, over the defaults
   */
  public metricCapacityUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CapacityUtilization', props);
  }

  /**
   * Metric `ActualCapacity`: the instances available for streaming or streaming now.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricActualCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActualCapacity', props);
  }

  /**
   * Metric `AvailableCapacity`: the idle instances, available for new sessions.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricAvailableCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('AvailableCapacity', props);
  }

  /**
   * Metric `InUseCapacity`: the instances streaming now (for an Elastic fleet, the sessions).
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricInUseCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InUseCapacity', props);
  }

  /**
   * Metric `DesiredCapacity`: the instances running or pending: the sessions the fleet supports in a steady state.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricDesiredCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('DesiredCapacity', props);
  }

  /**
   * Metric `PendingCapacity`: the instances AppStream is provisioning (it takes 10 to 20 minutes).
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricPendingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('PendingCapacity', props);
  }

  /**
   * Metric `RunningCapacity`: the instances running now. Always-On fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricRunningCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('RunningCapacity', props);
  }

  /**
   * Metric `InsufficientCapacityError`: the session requests refused for lack of capacity: alarm on it to learn that users could not connect.
   * By default the sum over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricInsufficientCapacityError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InsufficientCapacityError', props);
  }

  /**
   * Metric `InsufficientConcurrencyLimitError`: the session requests of an Elastic fleet refused because it runs its most concurrent sessions. Elastic fleets only.
   * By default the sum over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricInsufficientConcurrencyLimitError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InsufficientConcurrencyLimitError', props);
  }

  /**
   * Metric `ActualUserSessionCapacity`: the session slots available for streaming or streaming now. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricActualUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActualUserSessionCapacity', props);
  }

  /**
   * Metric `AvailableUserSessionCapacity`: the idle session slots, available for new sessions. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricAvailableUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('AvailableUserSessionCapacity', props);
  }

  /**
   * Metric `DesiredUserSessionCapacity`: the session slots running or pending. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricDesiredUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('DesiredUserSessionCapacity', props);
  }

  /**
   * Metric `ActiveUserSessionCapacity`: the session slots streaming now. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricActiveUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActiveUserSessionCapacity', props);
  }

  /**
   * Metric `PendingUserSessionCapacity`: the session slots AppStream is provisioning. Multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricPendingUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('PendingUserSessionCapacity', props);
  }

  /**
   * Metric `RunningUserSessionCapacity`: the session slots of the instances running now. Always-On multi-session fleets only.
   * By default the average over 5 minutes, in Count.
   *
   * @param props options of the metric, over the defaults
   */
  public metricRunningUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('RunningUserSessionCapacity', props);
  }
}

/*
 * Only `Fleet` has `autoScaleCapacity()`, and only the object it returns has the `scaleOn*` methods: a
 * TypeScript, Python, Java, C# or Go caller cannot call them on another fleet. A plain JavaScript
 * caller can, and would get "is not a function": each fleet without the method says why instead, and
 * what to do (`Fleet`'s own `autoScaleCapacity()` shadows this one).
 */
for (const method of SCALING_METHODS) {
  Object.defineProperty(FleetBase.prototype, method, {
    configurable: true,
    writable: true,
    value: function notScalable(this: FleetBase): never {
      throw new Error(notScalableMessage(this, this._metricsKind, method));
    },
  });
}

/** What an import knows of a fleet's instances. */
export interface ImportedFleetInstances {
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly role?: iam.IRole;
}

/**
 * A fleet defined elsewhere (`Fleet.fromFleet*`, `ElasticFleet.fromElasticFleet*`): grants go to its
 * role when the import knows it (else to an `iam.UnknownPrincipal`), `connections` needs its security
 * groups, and applications can be associated with it (an Elastic fleet's).
 */
export class ImportedFleet extends FleetBase {
  public readonly grantPrincipal: iam.IPrincipal;
  private readonly importedConnections?: ec2.Connections;

  constructor(scope: Construct, id: string, public readonly fleetName: string, public readonly fleetArn: string, props: cdk.ResourceProps,
    instances: ImportedFleetInstances = {}) {
    super(scope, id, props);
    this.grantPrincipal = instances.role ?? new iam.UnknownPrincipal({ resource: this });
    this.importedConnections = instances.securityGroups && new ec2.Connections({ securityGroups: instances.securityGroups });
  }

  public get connections(): ec2.Connections {
    if (this.importedConnections === undefined) {
      throw new Error(`Fleet '${this.node.path}': connections needs the fleet's security groups, which this import does not know. `
        + 'Import the fleet with Fleet.fromFleetAttributes() and give its securityGroups.');
    }
    return this.importedConnections;
  }

  /**
   * Stream an application from this (Elastic) fleet: `AWS::AppStream::ApplicationFleetAssociation`.
   * AppStream checks the platform and instance family at deployment: the import does not know them.
   */
  public addApplication(application: IApplication): void {
    new appstream.CfnApplicationFleetAssociation(this, `Application${cdk.Names.uniqueId(application)}`, {
      fleetName: this.fleetName,
      applicationArn: application.applicationArn,
    });
  }
}
