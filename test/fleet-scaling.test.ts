import { App, CfnCondition, CfnParameter, CfnResource, Duration, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { beforeEach, describe, expect, test } from 'vitest';
import { ElasticFleet, Fleet, FleetCapacity, FleetPlatform, FleetType, Image, InstanceType } from '../lib';

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
  // The expected values are the AppStream guide's ("Managing Fleet Scaling Using the AWS CLI",
  // autoscaling-cli.html, examples 1 to 3), not this library's output: each policy's JSON and the
  // put-metric-alarm call the guide pairs with it. Where the rendering must differ from the letter of
  // the guide (lib/private/fleet-scaling.ts says why), the comment says so.
  test('the guide\'s three policies and their alarms', () => {
    const policies = fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand('Demand');
    expect(policies.scaleOutOnUtilization.upperAlarm).toBeDefined();
    expect(policies.scaleOutOnInsufficientCapacity.upperAlarm).toBeDefined();
    expect(policies.scaleInOnUtilization.lowerAlarm).toBeDefined();
    const all = stepPolicies();
    // The fleet by reference (its name is a Ref in the same stack), under the dimension AppStream publishes.
    const fleetDimension = [{ Name: 'Fleet', Value: { Ref: expect.stringMatching(/^Fleet/) } }];
    // Example 1: +25% (PercentChangeInCapacity, lower bound 0, cooldown 120) when CapacityUtilization
    // (Average, 300 s, 1 period, Percent) is at 75 or more (the example's prose: "Utilization >= 75%").
    expect(all['CapacityUtilization GreaterThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'PercentChangeInCapacity', Cooldown: 120, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 25 }] },
      alarm: expect.objectContaining({
        Namespace: 'AWS/AppStream',
        MetricName: 'CapacityUtilization',
        Dimensions: fleetDimension,
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 1,
        Unit: 'Percent',
        Threshold: 75,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    });
    // Example 2: +1 (ChangeInCapacity, lower bound 0, cooldown 120) when InsufficientCapacityError
    // (Maximum, 300 s, 1 period, Count) is above 0, which for a count is 1 or more.
    expect(all['InsufficientCapacityError GreaterThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'ChangeInCapacity', Cooldown: 120, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
      alarm: expect.objectContaining({
        Namespace: 'AWS/AppStream',
        MetricName: 'InsufficientCapacityError',
        Dimensions: fleetDimension,
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        Unit: 'Count',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    });
    // Example 3: -25% (PercentChangeInCapacity, upper bound 0, cooldown 360; the concepts page's
    // "Remove 25 % capacity") when CapacityUtilization (Average, 120 s, 10 periods, Percent) is 25 or less.
    expect(all['CapacityUtilization LessThanOrEqualToThreshold']).toEqual({
      config: { AdjustmentType: 'PercentChangeInCapacity', Cooldown: 360, MetricAggregationType: 'Average', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -25 }] },
      alarm: expect.objectContaining({
        Namespace: 'AWS/AppStream',
        MetricName: 'CapacityUtilization',
        Dimensions: fleetDimension,
        Statistic: 'Average',
        Period: 120,
        EvaluationPeriods: 10,
        Unit: 'Percent',
        Threshold: 25,
        ComparisonOperator: 'LessThanOrEqualToThreshold',
      }),
    });
    expect(Object.keys(all)).toHaveLength(3);
  });

  test('percentages: 100 passes; 0, over 100, and a scale-in threshold not below the scale-out one fail, each naming its option', () => {
    fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand('Demand', { scaleOutUtilizationPercent: 100, scaleOutPercent: 100, scaleInPercent: 100 });
    const at = (id: string) => {
      stack = new Stack(app, id);
      return fleet().autoScaleCapacity({ maxCapacity: 10 });
    };
    expect(() => at('A').scaleOnDemand('Demand', { scaleInUtilizationPercent: 0 }))
      .toThrow("Fleet 'A/Fleet': scaleOnDemand().scaleInUtilizationPercent 0 must be more than 0 and at most 100. Give a percentage, or leave it out for 25.");
    expect(() => at('B').scaleOnDemand('Demand', { scaleOutPercent: 101 }))
      .toThrow("Fleet 'B/Fleet': scaleOnDemand().scaleOutPercent 101 must be more than 0 and at most 100. Give a percentage, or leave it out for 25.");
    expect(() => at('C').scaleOnDemand('Demand', { scaleOutUtilizationPercent: 60, scaleInUtilizationPercent: 60 }))
      .toThrow("Fleet 'C/Fleet': scaleOnDemand().scaleInUtilizationPercent 60 is not below scaleOutUtilizationPercent (60). Give a scale-in threshold below the scale-out one, or the fleet would scale out and in at once.");
  });

  test('every threshold, step, period count and cooldown can be given', () => {
    fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand('Demand', {
      scaleOutUtilizationPercent: 80,
      scaleOutPercent: 50,
      insufficientCapacityScaleOut: 2,
      scaleInUtilizationPercent: 10,
      scaleInPercent: 20,
      scaleInEvaluationPeriods: 5,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(15),
    });
    const all = stepPolicies();
    const byMetric = (name: string, op: string) => all[`${name} ${op}`];
    expect(byMetric('CapacityUtilization', 'GreaterThanOrEqualToThreshold')).toMatchObject({ config: { Cooldown: 60, StepAdjustments: [{ ScalingAdjustment: 50 }] }, alarm: { Threshold: 80 } });
    expect(byMetric('InsufficientCapacityError', 'GreaterThanOrEqualToThreshold')).toMatchObject({ config: { Cooldown: 60, StepAdjustments: [{ ScalingAdjustment: 2 }] } });
    expect(byMetric('CapacityUtilization', 'LessThanOrEqualToThreshold')).toMatchObject({
      config: { Cooldown: 900, StepAdjustments: [{ ScalingAdjustment: -20 }] }, alarm: { Threshold: 10, EvaluationPeriods: 5, Period: 120 },
    });
  });

  test('a multi-session fleet scales its sessions on its session utilization, one instance of sessions on a refused request, without a warning', () => {
    // The guide: a multi-session fleet's capacity and policies count sessions, and its
    // CapacityUtilization is the share of its sessions in use ("Fleet Usage Metrics for Multi-session Fleets").
    const f = fleet(FleetCapacity.sessions({ desiredSessions: 10, maxSessionsPerInstance: 5 }));
    f.autoScaleCapacity({ maxCapacity: 50 }).scaleOnDemand('Demand');
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ScalableDimension: 'appstream:fleet:DesiredCapacity', MinCapacity: 1, MaxCapacity: 50 });
    const all = stepPolicies();
    expect(Object.keys(all).sort()).toEqual([
      'CapacityUtilization GreaterThanOrEqualToThreshold', 'CapacityUtilization LessThanOrEqualToThreshold', 'InsufficientCapacityError GreaterThanOrEqualToThreshold',
    ]);
    expect(all['CapacityUtilization GreaterThanOrEqualToThreshold']).toMatchObject({ config: { StepAdjustments: [{ ScalingAdjustment: 25 }] }, alarm: { Threshold: 75, Period: 300 } });
    expect(all['CapacityUtilization LessThanOrEqualToThreshold']).toMatchObject({ config: { StepAdjustments: [{ ScalingAdjustment: -25 }] }, alarm: { Threshold: 25, Period: 120, EvaluationPeriods: 10 } });
    // One instance of 5 sessions, where a single-session fleet adds one instance.
    expect(all['InsufficientCapacityError GreaterThanOrEqualToThreshold']).toMatchObject({ config: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: 5 }] } });
    expect(f.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning')).toEqual([]);
  });

  test('two calls with different ids define two sets of policies; one id twice fails', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    const day = scaling.scaleOnDemand('Day');
    const strict = scaling.scaleOnDemand('Strict', { scaleOutUtilizationPercent: 90, scaleInUtilizationPercent: 5 });
    expect(day.scaleOutOnUtilization.node.path).toBe('Stack/Fleet/ScalingTarget/Target/Day/ScaleOutOnUtilization');
    expect(strict.scaleInOnUtilization.node.path).toBe('Stack/Fleet/ScalingTarget/Target/Strict/ScaleInOnUtilization');
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' }, 6);
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization', Threshold: 90 }, 1);
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization', Threshold: 75 }, 1);
    expect(() => scaling.scaleOnDemand('Day')).toThrow(/There is already a Construct with name 'Day'/);
  });

  test('fails thresholds that are not percentages, or that cross, and counts that are not whole', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    expect(() => scaling.scaleOnDemand('A', { scaleOutUtilizationPercent: 120 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().scaleOutUtilizationPercent 120 must be more than 0 and at most 100. Give a percentage, or leave it out for 75.");
    expect(() => scaling.scaleOnDemand('B', { scaleInPercent: 0 })).toThrow('scaleOnDemand().scaleInPercent 0 must be more than 0 and at most 100');
    expect(() => scaling.scaleOnDemand('C', { scaleInUtilizationPercent: 80 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().scaleInUtilizationPercent 80 is not below scaleOutUtilizationPercent (75). Give a scale-in threshold below the scale-out one, or the fleet would scale out and in at once.");
    expect(() => scaling.scaleOnDemand('D', { insufficientCapacityScaleOut: 0 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().insufficientCapacityScaleOut 0 must be a whole number, 1 or more. Give the instances (or sessions) to add.");
    expect(() => scaling.scaleOnDemand('E', { insufficientCapacityScaleOut: 1.5 })).toThrow('insufficientCapacityScaleOut 1.5 must be a whole number');
    expect(() => scaling.scaleOnDemand('F', { scaleInEvaluationPeriods: 0 }))
      .toThrow("Fleet 'Stack/Fleet': scaleOnDemand().scaleInEvaluationPeriods 0 must be a whole number, 1 or more. Give the number of 2-minute periods.");
  });

  test('tokens pass unjudged', () => {
    const threshold = new CfnParameter(stack, 'Threshold', { type: 'Number' }).valueAsNumber;
    fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand('Demand', { scaleOutUtilizationPercent: threshold, scaleInUtilizationPercent: 20 });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'CapacityUtilization', Threshold: { Ref: 'Threshold' } });
  });

  test('a parameter in each option reaches the template; the scale-in step is its negative, which CloudFormation computes', () => {
    const options = ['scaleOutPercent', 'scaleInPercent', 'scaleOutUtilizationPercent', 'scaleInUtilizationPercent', 'insufficientCapacityScaleOut', 'scaleInEvaluationPeriods'];
    const props = Object.fromEntries(options.map((o) => [o, new CfnParameter(stack, o, { type: 'Number' }).valueAsNumber]));
    fleet().autoScaleCapacity({ maxCapacity: 10 }).scaleOnDemand('Demand', props);
    const text = JSON.stringify(Template.fromStack(stack).toJSON().Resources);
    for (const o of options) {
      expect(text, o).toContain(JSON.stringify({ Ref: o }));
    }
    // -token would be a literal number near 1.9e289, not the parameter's negative.
    expect(text).not.toMatch(/e\+28\d/);
    const p = stepPolicies();
    expect(p['CapacityUtilization LessThanOrEqualToThreshold'].config.StepAdjustments)
      .toContainEqual(expect.objectContaining({ ScalingAdjustment: { 'Fn::Join': ['', ['-', { Ref: 'scaleInPercent' }]] } }));
  });
});

describe('scaleOnSchedule', () => {
  const schedule = appscaling.Schedule.cron({ hour: '20', minute: '0' });
  const AT = "Fleet 'Stack/Fleet': scaleOnSchedule()";

  test('new bounds of 0 or more, the lower no larger than the upper, pass and reach the scheduled action', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    scaling.scaleOnSchedule('Night', { schedule, minCapacity: 0, maxCapacity: 0 });
    scaling.scaleOnSchedule('Day', { schedule, minCapacity: 2 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [
        { ScheduledActionName: 'Night', ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 } },
        { ScheduledActionName: 'Day', ScalableTargetAction: { MinCapacity: 2 } },
      ],
    });
  });

  test('fails a negative or fractional bound and a lower bound above the upper, which AWS would refuse at deployment', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    expect(() => scaling.scaleOnSchedule('A', { schedule, minCapacity: -1 }))
      .toThrow(`${AT}.minCapacity -1 must be a whole number from 0 to 2147483647. Give 0 or more, or leave it out.`);
    expect(() => scaling.scaleOnSchedule('B', { schedule, maxCapacity: 2.5 }))
      .toThrow(`${AT}.maxCapacity 2.5 must be a whole number from 0 to 2147483647. Give 0 or more, or leave it out.`);
    expect(() => scaling.scaleOnSchedule('C', { schedule, minCapacity: 3, maxCapacity: 2 }))
      .toThrow(`${AT}.minCapacity 3 is more than maxCapacity (2). Give a minCapacity no larger than maxCapacity.`);
  });

  test('NaN, which the template would write as null, fails at the boundary; parameters pass unjudged', () => {
    const scaling = fleet().autoScaleCapacity({ maxCapacity: 10 });
    expect(() => scaling.scaleOnSchedule('A', { schedule, minCapacity: NaN }))
      .toThrow("ScalableFleetCapacity 'Stack/Fleet/ScalingTarget': scaleOnSchedule(action).minCapacity NaN must be a finite number. Give a number.");
    const min = new CfnParameter(stack, 'Min', { type: 'Number' }).valueAsNumber;
    const max = new CfnParameter(stack, 'Max', { type: 'Number' }).valueAsNumber;
    scaling.scaleOnSchedule('B', { schedule, minCapacity: min, maxCapacity: 1 });
    scaling.scaleOnSchedule('C', { schedule, minCapacity: 3, maxCapacity: max }); // a token's encoding is a number below 3
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [
        { ScheduledActionName: 'B', ScalableTargetAction: { MinCapacity: { Ref: 'Min' }, MaxCapacity: 1 } },
        { ScheduledActionName: 'C', ScalableTargetAction: { MinCapacity: 3, MaxCapacity: { Ref: 'Max' } } },
      ],
    });
  });
});

describe('maxCapacity and the instance quota of fleets with default internet access', () => {
  // The Service Quotas page (limits.html): "For fleets that have Default Internet Access enabled, the
  // quota is 100 fleet instances." Only the guide says so: a warning, not a failure.
  function internetFleet(id: string, capacity?: FleetCapacity): Fleet {
    return new Fleet(stack, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, enableDefaultInternetAccess: true, capacity });
  }
  const warnings = () => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));

  test('100 instances, or 100 instances of sessions, and any maximum without default internet access, pass silently', () => {
    internetFleet('A').autoScaleCapacity({ maxCapacity: 100 });
    internetFleet('B', FleetCapacity.sessions({ desiredSessions: 10, maxSessionsPerInstance: 5 })).autoScaleCapacity({ maxCapacity: 500 });
    fleet(undefined, 'C').autoScaleCapacity({ maxCapacity: 1000 });
    internetFleet('D').autoScaleCapacity({ maxCapacity: new CfnParameter(stack, 'Max', { type: 'Number' }).valueAsNumber });
    expect(warnings()).toEqual([]);
  });

  test('fails to be silent on a maximum above 100 instances with default internet access', () => {
    internetFleet('A').autoScaleCapacity({ maxCapacity: 101 });
    expect(warnings()).toEqual([
      "Fleet 'Stack/A': autoScaleCapacity().maxCapacity 101 allows more instances than the 100 instances AppStream's quotas let a fleet with enableDefaultInternetAccess run. "
      + 'Give the fleet internet access through a NAT gateway in its VPC instead (enableDefaultInternetAccess false, private subnets with egress), or keep maxCapacity at 100 or less. '
      + '[ack: cdk-appstream:fleet:maxCapacityAboveInternetAccessLimit]',
    ]);
  });

  test('fails to be silent on a multi-session maximum of more than 100 instances of sessions', () => {
    internetFleet('A', FleetCapacity.sessions({ desiredSessions: 10, maxSessionsPerInstance: 5 })).autoScaleCapacity({ maxCapacity: 501 });
    expect(warnings()).toEqual([expect.stringContaining('maxCapacity 501 allows more sessions (101 instances of 5 sessions) than the 100 instances')]);
    expect(warnings()[0]).toContain('or keep maxCapacity at 500 or less.');
  });
});

describe('fleets that AppStream scales itself, or that the app does not know, have no scaling', () => {
  // TypeScript and the jsii languages do not compile these calls; plain JavaScript makes them.
  const js = (x: object): any => x;

  function elastic(): ElasticFleet {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    return new ElasticFleet(stack, 'Elastic', { platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 5, vpc });
  }

  test('fails autoScaleCapacity() and each scaleOn* on an Elastic fleet, naming maxConcurrentSessions', () => {
    const f = js(elastic());
    expect(() => f.autoScaleCapacity({ maxCapacity: 10 })).toThrow(
      "ElasticFleet 'Stack/Elastic': autoScaleCapacity() is not available: AppStream manages the capacity of an Elastic fleet itself, with no scaling policies. "
      + 'Give the most sessions the fleet may run at once as maxConcurrentSessions instead.');
    for (const method of ['scaleOnUtilization', 'scaleOnSchedule', 'scaleOnMetric', 'scaleOnDemand']) {
      expect(() => f[method]('Id', {}), method).toThrow(`ElasticFleet 'Stack/Elastic': ${method}() is not available: AppStream manages the capacity of an Elastic fleet itself`);
    }
    Template.fromStack(stack).resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
  });

  test('fails autoScaleCapacity() on an imported fleet, by name or as an Elastic fleet, saying how to scale one defined elsewhere', () => {
    const message = "Fleet 'Stack/Imported': autoScaleCapacity() is not available on an imported fleet: the import does not know whether the fleet is an Elastic fleet, "
      + 'whose capacity AppStream manages itself, or an Always-On or On-Demand fleet. To scale an Always-On or On-Demand fleet defined elsewhere, define an '
      + 'Application Auto Scaling ScalableTarget with the service namespace APPSTREAM, the resource id "fleet/" followed by the fleet\'s name, and the scalable '
      + 'dimension "appstream:fleet:DesiredCapacity", and add policies to it.';
    expect(() => js(Fleet.fromFleetName(stack, 'Imported', 'far-fleet')).autoScaleCapacity({ maxCapacity: 10 })).toThrow(message);
    const importedElastic = js(ElasticFleet.fromElasticFleetArn(stack, 'ImportedElastic', 'arn:aws:appstream:us-east-1:123456789012:fleet/far-elastic'));
    expect(() => importedElastic.scaleOnDemand('Demand')).toThrow("Fleet 'Stack/ImportedElastic': scaleOnDemand() is not available on an imported fleet");
  });

  test('fails a scaleOn* called on a fleet rather than on its scalable capacity', () => {
    const f = js(fleet());
    expect(() => f.scaleOnUtilization('Utilization', { targetUtilizationPercent: 75 })).toThrow(
      "Fleet 'Stack/Fleet': scaleOnUtilization() is a method of the fleet's scalable capacity, not of the fleet. "
      + 'Call autoScaleCapacity() on the fleet once, and call this method on the object it returns.');
    // The fleet's own autoScaleCapacity() is not shadowed.
    expect(f.autoScaleCapacity({ maxCapacity: 10 }).scalableTarget).toBeInstanceOf(appscaling.ScalableTarget);
  });
});
