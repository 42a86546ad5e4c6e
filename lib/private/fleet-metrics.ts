import * as cdk from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * The fleet metrics AppStream publishes to CloudWatch (namespace `AWS/AppStream`, dimension `Fleet`,
 * one data point a minute), and which fleets publish each. Source: the AppStream Administration Guide,
 * "AppStream 2.0 Metrics and Dimensions", "Fleet Usage Metrics for Single-session Fleets" and "... for
 * Multi-session Fleets": every metric but InsufficientConcurrencyLimitError applies to Always-On and
 * On-Demand fleets; only InUseCapacity and InsufficientCapacityError (and the concurrency limit error)
 * to Elastic fleets; RunningCapacity and RunningUserSessionCapacity to Always-On fleets only; the
 * `…UserSessionCapacity` metrics to multi-session fleets. Statistics: what aws-cdk-lib's generated
 * canned metrics for AppStream use (Sum for the error count, Average for the rest).
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
  /** Whether the fleet is multi-session; false for Elastic fleets. */
  readonly multiSession: boolean;
  /** Whether the fleet is Always-On (false for On-Demand and Elastic; undefined when a token). */
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
