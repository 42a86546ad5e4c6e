import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { beforeEach, describe, expect, test } from 'vitest';
import { ElasticFleet, Fleet, FleetCapacity, FleetPlatform, FleetType, IFleet, Image, InstanceType } from '../lib';

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
});

/** The fleet's name in a template: a reference to the fleet in the same stack. */
const FLEET_REF = { Ref: expect.stringMatching(/^Fleet/) };

function fleet(fleetType: FleetType, capacity?: FleetCapacity, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, { fleetName: `${id.toLowerCase()}-name`, image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, fleetType, capacity });
}

function elastic(): ElasticFleet {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  return new ElasticFleet(stack, 'Elastic', {
    fleetName: 'elastic-name', platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 5, vpc,
  });
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

/**
 * The metrics AppStream documents for fleets ("AppStream 2.0 Metrics and Dimensions",
 * monitoring-with-cloudwatch.html, and the usage metric pages appstream-dimensions.html and
 * usage-metrics-multi-session.html): dimension Fleet; Percent for the utilization, Count for the rest;
 * valid statistics Average, Minimum and Maximum for the capacities (averaged: they are levels), and
 * also Sum for InsufficientCapacityError (summed: a rejected request is an event). The period is
 * CloudWatch's default of 5 minutes, the period of the guide's scaling alarms.
 */
const DOCUMENTED: Array<[method: keyof IFleet, name: string, statistic: string, unit: cloudwatch.Unit]> = [
  ['metricCapacityUtilization', 'CapacityUtilization', 'Average', cloudwatch.Unit.PERCENT],
  ['metricActualCapacity', 'ActualCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricAvailableCapacity', 'AvailableCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricInUseCapacity', 'InUseCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricDesiredCapacity', 'DesiredCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricPendingCapacity', 'PendingCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricRunningCapacity', 'RunningCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricInsufficientCapacityError', 'InsufficientCapacityError', 'Sum', cloudwatch.Unit.COUNT],
  ['metricInsufficientConcurrencyLimitError', 'InsufficientConcurrencyLimitError', 'Sum', cloudwatch.Unit.COUNT],
  ['metricActualUserSessionCapacity', 'ActualUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricAvailableUserSessionCapacity', 'AvailableUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricDesiredUserSessionCapacity', 'DesiredUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricActiveUserSessionCapacity', 'ActiveUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricPendingUserSessionCapacity', 'PendingUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
  ['metricRunningUserSessionCapacity', 'RunningUserSessionCapacity', 'Average', cloudwatch.Unit.COUNT],
];

function call(f: IFleet, method: keyof IFleet, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
  return (f[method] as (p?: cloudwatch.MetricOptions) => cloudwatch.Metric).call(f, props);
}

describe('metrics', () => {
  test.each(DOCUMENTED)('%s: namespace AWS/AppStream, the metric, dimension Fleet, the documented statistic and unit, 5 minutes', (method, name, statistic, unit) => {
    const f = fleet(FleetType.ALWAYS_ON, FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 2 }));
    const m = call(f, method);
    expect(m.namespace).toBe('AWS/AppStream');
    expect(m.metricName).toBe(name);
    expect(stack.resolve(m.dimensions)).toEqual({ Fleet: FLEET_REF });
    expect(m.statistic).toBe(statistic);
    expect(m.unit).toBe(unit);
    expect(m.period.toSeconds()).toBe(300);
  });

  test('the props override the defaults, but not the fleet dimension', () => {
    const m = fleet(FleetType.ON_DEMAND).metricCapacityUtilization({ statistic: 'Maximum', period: Duration.minutes(1), dimensionsMap: { Fleet: 'other', Extra: 'x' } });
    expect(m.statistic).toBe('Maximum');
    expect(m.period.toSeconds()).toBe(60);
    expect(stack.resolve(m.dimensions)).toEqual({ Fleet: FLEET_REF, Extra: 'x' });
  });

  test('metric() takes any name, with CloudWatch defaults for one the library does not know', () => {
    const m = fleet(FleetType.ON_DEMAND).metric('SomeNewMetric');
    expect([m.namespace, m.metricName, m.statistic, m.unit]).toEqual(['AWS/AppStream', 'SomeNewMetric', 'Average', undefined]);
    expect(warnings()).toEqual([]);
  });

  test('an alarm on InsufficientCapacityError renders the metric', () => {
    fleet(FleetType.ON_DEMAND).metricInsufficientCapacityError().createAlarm(stack, 'Alarm', {
      threshold: 0, evaluationPeriods: 1, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/AppStream',
      MetricName: 'InsufficientCapacityError',
      Dimensions: [{ Name: 'Fleet', Value: { Ref: Match.stringLikeRegexp('^Fleet') } }],
      Statistic: 'Sum',
      Period: 300,
      Unit: 'Count',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  test('an Elastic fleet\'s metrics carry its name, with the same defaults', () => {
    const m = elastic().metricInsufficientConcurrencyLimitError();
    expect([m.namespace, m.metricName, m.statistic, m.unit, m.period.toSeconds()]).toEqual(['AWS/AppStream', 'InsufficientConcurrencyLimitError', 'Sum', cloudwatch.Unit.COUNT, 300]);
    expect(stack.resolve(m.dimensions)).toEqual({ Fleet: { Ref: expect.stringMatching(/^Elastic/) } });
  });

  test('an imported fleet has the metrics, under its name, and never warns', () => {
    const f = Fleet.fromFleetArn(stack, 'Imported', 'arn:aws:appstream:us-east-1:123456789012:fleet/far-fleet');
    DOCUMENTED.forEach(([method]) => call(f, method));
    expect(f.metricInUseCapacity().dimensions).toEqual({ Fleet: 'far-fleet' });
    expect(warnings()).toEqual([]);
  });
});

describe('metrics a fleet does not publish warn', () => {
  const SESSION_METRICS = DOCUMENTED.filter(([, name]) => name.endsWith('UserSessionCapacity'));

  test('an On-Demand single-session fleet publishes the instance metrics and the capacity error', () => {
    const f = fleet(FleetType.ON_DEMAND);
    f.metricCapacityUtilization();
    f.metricActualCapacity();
    f.metricAvailableCapacity();
    f.metricInUseCapacity();
    f.metricDesiredCapacity();
    f.metricPendingCapacity();
    f.metricInsufficientCapacityError();
    expect(warnings()).toEqual([]);
  });

  test('fails to be silent on RunningCapacity of an On-Demand fleet', () => {
    fleet(FleetType.ON_DEMAND).metricRunningCapacity();
    expect(warnings()).toEqual([
      "Fleet 'Stack/Fleet': metric \"RunningCapacity\" stays empty for this fleet: only Always-On fleets publish it. Graph or alarm on a metric the fleet publishes (see the Monitoring section of the README). [ack: cdk-appstream:fleet:metricNotPublished]",
    ]);
  });

  test.each(SESSION_METRICS)('fails to be silent on %s of a single-session fleet', (method, name) => {
    call(fleet(FleetType.ALWAYS_ON), method);
    expect(warnings()).toEqual([expect.stringContaining(`metric "${name}" stays empty for this fleet: only multi-session fleets (FleetCapacity.sessions) publish it.`)]);
  });

  test('an Always-On multi-session fleet publishes the session metrics and RunningCapacity', () => {
    const f = fleet(FleetType.ALWAYS_ON, FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 2 }));
    SESSION_METRICS.forEach(([method]) => call(f, method));
    f.metricRunningCapacity();
    expect(warnings()).toEqual([]);
  });

  test('fails to be silent on RunningUserSessionCapacity of an On-Demand multi-session fleet', () => {
    fleet(FleetType.ON_DEMAND, FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 2 })).metricRunningUserSessionCapacity();
    expect(warnings()).toEqual([expect.stringContaining('metric "RunningUserSessionCapacity" stays empty for this fleet: only Always-On fleets publish it.')]);
  });

  test('fails to be silent on InsufficientConcurrencyLimitError of a fleet that is not Elastic, also through metric()', () => {
    fleet(FleetType.ALWAYS_ON).metric('InsufficientConcurrencyLimitError');
    expect(warnings()).toEqual([expect.stringContaining('metric "InsufficientConcurrencyLimitError" stays empty for this fleet: only Elastic fleets publish it.')]);
  });

  test('an Elastic fleet publishes InUseCapacity and the two errors', () => {
    const f = elastic();
    f.metricInUseCapacity();
    f.metricInsufficientCapacityError();
    f.metricInsufficientConcurrencyLimitError();
    expect(warnings()).toEqual([]);
  });

  test.each(DOCUMENTED.filter(([, name]) => !['InUseCapacity', 'InsufficientCapacityError', 'InsufficientConcurrencyLimitError'].includes(name)))(
    'fails to be silent on %s of an Elastic fleet', (method, name) => {
      call(elastic(), method);
      expect(warnings()).toEqual([
        `ElasticFleet 'Stack/Elastic': metric "${name}" stays empty for this elastic fleet: Elastic fleets publish only InUseCapacity, InsufficientCapacityError and InsufficientConcurrencyLimitError. Graph or alarm on a metric the fleet publishes (see the Monitoring section of the README). [ack: cdk-appstream:elasticFleet:metricNotPublished]`,
      ]);
    });
});
