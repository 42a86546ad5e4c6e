import * as cdk from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import { IConstruct } from 'constructs';
import type { FleetMetricsKind } from './fleet-metrics';
import { Validator } from './validation';

/**
 * The step scaling AppStream's Administration Guide gives for Always-On and On-Demand fleets, in
 * "Managing Fleet Scaling Using the AWS CLI" (examples 1 to 3 of
 * https://docs.aws.amazon.com/appstream2/latest/developerguide/autoscaling-cli.html), each policy with
 * the alarm the guide defines for it:
 *
 * 1. out by 25% (`PercentChangeInCapacity`, cooldown 120 s) when `CapacityUtilization` (Average,
 *    period 300 s, 1 evaluation period, Percent) is above 75;
 * 2. out by 1 (`ChangeInCapacity`, cooldown 120 s) when `InsufficientCapacityError` (Maximum, period
 *    300 s, 1 evaluation period, Count) is above 0;
 * 3. in by 25% (`PercentChangeInCapacity`, cooldown 360 s) when `CapacityUtilization` (Average, period
 *    120 s, 10 evaluation periods, Percent) is 25 or less.
 *
 * Where this library departs from the examples' letter, and why:
 * - Step scaling in aws-cdk-lib alarms at "greater than or equal to" a threshold. Example 1's prose says
 *   "if Utilization >= 75%", which is what this renders. For the error count, "above 0" is rendered as
 *   "1 or more": the same for a whole count.
 * - Example 3 writes `ScalingAdjustment: 25` in its scale-in step, which would add capacity; the
 *   scaling concepts page ("Scaling Policy Metric": "If Capacity Utilization < 25%" ... "Remove 25 %
 *   capacity", https://docs.aws.amazon.com/appstream2/latest/developerguide/autoscaling-concepts.html)
 *   removes it: -25.
 * - The examples' alarms use the dimension `FleetName`; AppStream publishes its metrics with the
 *   dimension `Fleet` (https://docs.aws.amazon.com/appstream2/latest/developerguide/monitoring-with-cloudwatch.html),
 *   which is what the fleet's metrics carry.
 * - The examples' policies leave `MetricAggregationType` out, so the API's default, Average, applies:
 *   it is written out, since aws-cdk-lib would otherwise take the alarm's statistic (Maximum).
 * - A multi-session fleet's capacity and policies count sessions (autoscaling-concepts: "Fleet capacity
 *   and auto scaling policies must be configured in terms of user sessions"), and its
 *   `CapacityUtilization` is the share of its sessions in use ("Fleet Usage Metrics for Multi-session
 *   Fleets"): the same policies apply, and the one instance added on a refused session becomes the
 *   sessions of one instance (`maxSessionsPerInstance`).
 */
export const DEMAND_SCALING = {
  scaleOutUtilizationPercent: 75,
  scaleOutPercent: 25,
  scaleOutCooldown: cdk.Duration.seconds(120),
  scaleOutPeriod: cdk.Duration.seconds(300),
  insufficientCapacityStatistic: 'Maximum',
  insufficientCapacityPeriod: cdk.Duration.seconds(300),
  scaleInUtilizationPercent: 25,
  scaleInPercent: 25,
  scaleInCooldown: cdk.Duration.seconds(360),
  scaleInPeriod: cdk.Duration.seconds(120),
  scaleInEvaluationPeriods: 10,
  metricAggregationType: appscaling.MetricAggregationType.AVERAGE,
} as const;

/**
 * The most instances a fleet with default internet access may run: "For fleets that have Default
 * Internet Access enabled, the quota is 100 fleet instances" (Service Quotas,
 * https://docs.aws.amazon.com/appstream2/latest/developerguide/limits.html). Only the guide's prose
 * says so (the Application Auto Scaling model takes any 32-bit `MaxCapacity`), so a larger maximum warns.
 */
export const INTERNET_ACCESS_INSTANCE_LIMIT = 100;

/** The scaling methods a plain JavaScript caller may reach for on a fleet that has none of them. */
export const SCALING_METHODS: readonly string[] = ['autoScaleCapacity', 'scaleOnUtilization', 'scaleOnSchedule', 'scaleOnMetric', 'scaleOnDemand'];

/**
 * Why `method()` cannot be called on `fleet` (a fleet without that method, called from plain
 * JavaScript, where the types do not stop it), with the fix.
 */
export function notScalableMessage(fleet: IConstruct, kind: FleetMetricsKind | undefined, method: string): string {
  if (kind === undefined) {
    return `Fleet '${fleet.node.path}': ${method}() is not available on an imported fleet: the import does not know `
      + 'whether the fleet is an Elastic fleet, whose capacity AppStream manages itself, or an Always-On or On-Demand fleet. '
      + 'To scale an Always-On or On-Demand fleet defined elsewhere, define an Application Auto Scaling ScalableTarget '
      + 'with the service namespace APPSTREAM, the resource id "fleet/" followed by the fleet\'s name, and the scalable '
      + 'dimension "appstream:fleet:DesiredCapacity", and add policies to it.';
  }
  const v = Validator.of(fleet);
  if (kind.elastic) {
    return v.message(`${method}()`, undefined, 'is not available: AppStream manages the capacity of an Elastic fleet itself, with no scaling policies',
      'Give the most sessions the fleet may run at once as maxConcurrentSessions instead.');
  }
  return v.message(`${method}()`, undefined, 'is a method of the fleet\'s scalable capacity, not of the fleet',
    'Call autoScaleCapacity() on the fleet once, and call this method on the object it returns.');
}
