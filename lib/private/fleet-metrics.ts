import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * The fleet metrics AppStream publishes to CloudWatch, and which fleets publish each. Sources, in the
 * AppStream Administration Guide:
 * - "AppStream 2.0 Metrics and Dimensions"
 *   (https://docs.aws.amazon.com/appstream2/latest/developerguide/monitoring-with-cloudwatch.html):
 *   namespace `AWS/AppStream`, dimension `Fleet`, one data point a minute; "All of the following
 *   metrics except InsufficientConcurrencyLimitError apply to Always-On and On-Demand fleets. The only
 *   metrics that apply to Elastic fleets are InUseCapacity and InsufficientCapacityError." The
 *   concurrency limit error, which applies to no other fleet, is the Elastic fleets' own (the limit is
 *   their `MaxConcurrentSessions`).
 * - "Fleet Usage Metrics for Single-session Fleets" (appstream-dimensions.html) and "... for
 *   Multi-session Fleets" (usage-metrics-multi-session.html): units Count, and Percent for
 *   `CapacityUtilization`; valid statistics Average, Minimum and Maximum for the capacities, and also
 *   Sum for `InsufficientCapacityError`; `RunningCapacity` and `RunningUserSessionCapacity` for
 *   Always-On fleets only; the `…UserSessionCapacity` metrics for multi-session fleets.
 * Default statistics: Sum for the error counts (a refused request is an event: the sum counts them),
 * Average for the capacities (levels), as aws-cdk-lib's generated canned metrics for AppStream do. The
 * period is CloudWatch's default, 5 minutes (the period of the guide's scaling alarms).
 */
export interface FleetMetricSpec {
  readonly unit: cloudwatch.Unit;
  readonly statistic: string;
  /** Published only for multi-session fleets. */
  readonly multiSessionOnly?: boolean;
  /** Published only for Always-On fleets. */
  readonly alwaysOnOnly?: boolean;
  /** Published for Elastic fleets. */
  readonly elastic?: boolean;
  /** Published only for Elastic fleets. */
  readonly elasticOnly?: boolean;
}

const COUNT = { unit: cloudwatch.Unit.COUNT, statistic: cloudwatch.Stats.AVERAGE };

export const FLEET_METRICS: { readonly [name: string]: FleetMetricSpec } = {
  CapacityUtilization: { unit: cloudwatch.Unit.PERCENT, statistic: cloudwatch.Stats.AVERAGE },
  ActualCapacity: COUNT,
  AvailableCapacity: COUNT,
  InUseCapacity: { ...COUNT, elastic: true },
  DesiredCapacity: COUNT,
  PendingCapacity: COUNT,
  RunningCapacity: { ...COUNT, alwaysOnOnly: true },
  InsufficientCapacityError: { unit: cloudwatch.Unit.COUNT, statistic: cloudwatch.Stats.SUM, elastic: true },
  InsufficientConcurrencyLimitError: { unit: cloudwatch.Unit.COUNT, statistic: cloudwatch.Stats.SUM, elastic: true, elasticOnly: true },
  ActualUserSessionCapacity: { ...COUNT, multiSessionOnly: true },
  AvailableUserSessionCapacity: { ...COUNT, multiSessionOnly: true },
  DesiredUserSessionCapacity: { ...COUNT, multiSessionOnly: true },
  ActiveUserSessionCapacity: { ...COUNT, multiSessionOnly: true },
  PendingUserSessionCapacity: { ...COUNT, multiSessionOnly: true },
  RunningUserSessionCapacity: { ...COUNT, multiSessionOnly: true, alwaysOnOnly: true },
};

/** What a fleet defined in the app is, as far as its metrics go (unknown for an imported fleet). */
export interface FleetMetricsKind {
  readonly elastic: boolean;
  /** Whether the fleet is multi-session (not read for an Elastic fleet, which publishes its own few metrics). */
  readonly multiSession?: boolean;
  /** Whether the fleet is Always-On (false for On-Demand; undefined when a token; not read for an Elastic fleet). */
  readonly alwaysOn?: boolean;
}

/**
 * Why a fleet of `kind` publishes no data for `metricName`, or undefined when it does (or may: an
 * imported fleet, a metric this table does not know, a fleet type that is a token).
 */
export function whyNotPublished(metricName: string, kind: FleetMetricsKind | undefined): string | undefined {
  const spec = FLEET_METRICS[metricName];
  if (kind === undefined || spec === undefined || cdk.Token.isUnresolved(metricName)) {
    return undefined;
  }
  if (kind.elastic) {
    return spec.elastic ? undefined : 'Elastic fleets publish only InUseCapacity, InsufficientCapacityError and InsufficientConcurrencyLimitError';
  }
  if (spec.elasticOnly) {
    return 'only Elastic fleets publish it';
  }
  if (spec.multiSessionOnly && !kind.multiSession) {
    return 'only multi-session fleets (FleetCapacity.sessions) publish it';
  }
  if (spec.alwaysOnOnly && kind.alwaysOn === false) {
    return 'only Always-On fleets publish it';
  }
  return undefined;
}
