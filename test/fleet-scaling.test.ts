import { App, CfnCondition, CfnParameter, CfnResource, Duration, Fn, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import { beforeEach, describe, expect, test } from 'vitest';
import { Fleet, FleetCapacity, FleetType, Image, InstanceType } from '../lib';

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack');
});

function fleet(capacity?: FleetCapacity, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, {
    fleetName: 'my-fleet', image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, fleetType: FleetType.ALWAYS_ON, capacity,
  });
}

/** The step scaling policies and the alarm that triggers each, keyed by the alarm's metric and comparison. */
function stepPolicies(): Record<string, { config: any; alarm: any }> {
  const template = Template.fromStack(stack);
  const policies = template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy', { Properties: { PolicyType: 'StepScaling' } });
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
  const out: Record<string, { config: any; alarm: any }> = {};
  for (const [logicalId, policy] of Object.entries(policies)) {
    const alarm = alarms.filter((a) => a.Properties.AlarmActions.some((x: any) => x.Ref === logicalId));
    expect(alarm).toHaveLength(1);
    out[`${alarm[0].Properties.MetricName} ${alarm[0].Properties.ComparisonOperator}`] = { config: policy.Properties.StepScalingPolicyConfiguration, alarm: alarm[0].Properties };
  }
  return out;
}

describe('the scaling policies', () => {
  test('two calls of each scaleOn* with different ids', () => {
    const f = fleet();
    const scaling = f.autoScaleCapacity({ maxCapacity: 10 });
    scaling.scaleOnUtilization('Day', { targetUtilizationPercent: 75 });
    scaling.scaleOnUtilization('Busy', { targetUtilizationPercent: 50 });
    scaling.scaleOnSchedule('Morning', { schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 4 });
    scaling.scaleOnSchedule('Night', { schedule: appscaling.Schedule.cron({ hour: '20', minute: '0' }), minCapacity: 0 });
    scaling.scaleOnMetric('Errors', { metric: f.metricInsufficientCapacityError(), scalingSteps: [{ upper: 1, change: 0 }, { lower: 1, change: 2 }] });
    scaling.scaleOnMetric('Idle', { metric: f.metricAvailableCapacity(), scalingSteps: [{ upper: 2, change: 1 }, { lower: 2, change: 0 }] });
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' }, 2);
    template.resourcePropertiesCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' }, 2);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [Match.objectLike({ ScheduledActionName: 'Morning' }), Match.objectLike({ ScheduledActionName: 'Night' })],
    });
    expect(Object.keys(stepPolicies()).sort()).toEqual(['AvailableCapacity LessThanOrEqualToThreshold', 'InsufficientCapacityError GreaterThanOrEqualToThreshold']);
  });

  test('scaleOnMetric: the steps, adjustment type and cooldown, as aws-cdk-lib renders them', () => {
    const f = fleet();
    const policy = f.autoScaleCapacity({ maxCapacity: 10 }).scaleOnMetric('Errors', {
      metric: f.metricInsufficientCapacityError(),
      scalingSteps: [{ upper: 1, change: 0 }, { lower: 1, change: 3 }],
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      cooldown: Duration.minutes(3),
    });
    expect(policy.upperAction).toBeDefined();
    expect(policy.lowerAction).toBeUndefined();
    const [only] = Object.values(stepPolicies());
    // The API's MetricAggregationType has no Sum (Average, Minimum, Maximum): aws-cdk-lib gives Average.
    expect(only.config).toEqual({
      AdjustmentType: 'ChangeInCapacity',
      Cooldown: 180,
      MetricAggregationType: 'Average',
      StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 3 }],
    });
    expect(only.alarm).toMatchObject({ MetricName: 'InsufficientCapacityError', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  test('the scalable target itself, for a condition and a suspended state, without findChild', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    const condition = new CfnCondition(stack, 'Scale', { expression: Fn.conditionEquals(new CfnParameter(stack, 'Env').valueAsString, 'prod') });
    const l1 = scaling.scalableTarget.node.defaultChild as CfnResource;
    l1.cfnOptions.condition = condition;
    l1.addPropertyOverride('SuspendedState', { DynamicScalingInSuspended: true });
    Template.fromStack(stack).hasResource('AWS::ApplicationAutoScaling::ScalableTarget', {
      Condition: 'Scale',
      Properties: Match.objectLike({ SuspendedState: { DynamicScalingInSuspended: true } }),
    });
  });

  test('fails one id used twice', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    scaling.scaleOnUtilization('Day', { targetUtilizationPercent: 75 });
    expect(() => scaling.scaleOnUtilization('Day', { targetUtilizationPercent: 60 })).toThrow(/There is already a Construct with name 'Day'/);
  });

  test('fails a maxCapacity above what the API takes (a 32-bit integer)', () => {
    expect(() => fleet().autoScaleCapacity({ maxCapacity: 2 ** 31 }))
      .toThrow("Fleet 'Stack/Fleet': autoScaleCapacity().maxCapacity 2147483648 must be a whole number from 1 to 2147483647. Give 1 or more.");
  });
});

describe('scaleOnDemand', () => {
  test('the documented policies: out by 25% at 75% utilization, out by 1 on a refused request, in by 25% at 25%', () => {
    const policies = fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand();
    expect(policies.scaleOutOnUtilization.upperAlarm).toBeDefined();
    expect(policies.scaleInOnUtilization.lowerAlarm).toBeDefined();
    const all = stepPolicies();
    // The fleet by reference (its name is a Ref in the same stack).
    const fleetDimension = [{ Name: 'Fleet', Value: { Ref: expect.stringMatching(/^Fleet/) } }];
    expect(all['CapacityUtilization GreaterThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'PercentChangeInCapacity', Cooldown: 120, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 25 }] },
      alarm: expect.objectContaining({
        Namespace: 'AWS/AppStream',
        MetricName: 'CapacityUtilization',
        Dimensions: fleetDimension,
        Statistic: 'Average',
        Period: 300,
        Threshold: 75,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
      }),
    });
    expect(all['InsufficientCapacityError GreaterThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'ChangeInCapacity', Cooldown: 120, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
      alarm: expect.objectContaining({
        MetricName: 'InsufficientCapacityError', Dimensions: fleetDimension, Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    });
    expect(all['CapacityUtilization LessThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'PercentChangeInCapacity', Cooldown: 360, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -25 }] },
      alarm: expect.objectContaining({ MetricName: 'CapacityUtilization', Threshold: 25, ComparisonOperator: 'LessThanOrEqualToThreshold' }),
    });
    expect(Object.keys(all)).toHaveLength(3);
  });

  test('every threshold, step and cooldown can be given', () => {
    fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand({
      scaleOutUtilizationPercent: 80,
      scaleOutPercent: 50,
      insufficientCapacityScaleOut: 2,
      scaleInUtilizationPercent: 10,
      scaleInPercent: 20,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(15),
    });
    const all = stepPolicies();
    const byMetric = (name: string, op: string) => all[`${name} ${op}`];
    expect(byMetric('CapacityUtilization', 'GreaterThanOrEqualToThreshold')).toMatchObject({ config: { Cooldown: 60, StepAdjustments: [{ ScalingAdjustment: 50 }] }, alarm: { Threshold: 80 } });
    expect(byMetric('InsufficientCapacityError', 'GreaterThanOrEqualToThreshold')).toMatchObject({ config: { Cooldown: 60, StepAdjustments: [{ ScalingAdjustment: 2 }] } });
    expect(byMetric('CapacityUtilization', 'LessThanOrEqualToThreshold')).toMatchObject({ config: { Cooldown: 900, StepAdjustments: [{ ScalingAdjustment: -20 }] }, alarm: { Threshold: 10 } });
  });

  test('a multi-session fleet scales its sessions on its session utilization, without a warning', () => {
    const f = fleet(FleetCapacity.sessions({ desiredSessions: 10, maxSessionsPerInstance: 5 }));
    f.autoScaleCapacity({ maxCapacity: 50 }).scaleOnDemand();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ScalableDimension: 'appstream:fleet:DesiredCapacity', MaxCapacity: 50 });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization' }, 2);
    expect(f.node.metadata.filter((m) => m.type === 'aws:cdk:warning')).toEqual([]);
  });

  test('fails thresholds that are not percentages, or that cross', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    expect(() => scaling.scaleOnDemand({ scaleOutUtilizationPercent: 120 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().scaleOutUtilizationPercent 120 must be more than 0 and at most 100. Give a percentage, or leave it out for 75.");
    expect(() => scaling.scaleOnDemand({ scaleInPercent: 0 })).toThrow('scaleOnDemand().scaleInPercent 0 must be more than 0 and at most 100');
    expect(() => scaling.scaleOnDemand({ scaleInUtilizationPercent: 80 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().scaleInUtilizationPercent 80 is not below scaleOutUtilizationPercent (75). Give a scale-in threshold below the scale-out one, or the fleet would scale out and in at once.");
    expect(() => scaling.scaleOnDemand({ insufficientCapacityScaleOut: 0 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().insufficientCapacityScaleOut 0 must be a whole number, 1 or more. Give the instances (or sessions) to add.");
    expect(() => scaling.scaleOnDemand({ insufficientCapacityScaleOut: 1.5 })).toThrow('insufficientCapacityScaleOut 1.5 must be a whole number');
  });
});
